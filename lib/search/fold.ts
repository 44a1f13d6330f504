/**
 * Text as the search index sees it, and the way back to the original characters.
 *
 * `foldForSearch` maps text to its searchable form, code point by code point:
 *   - NFKC (full-width Ｌｅｔｔｅｒｓ and digits -> ASCII, ﬁ -> fi, the ideographic space -> a space)
 *     and lower case, so "APP", "ａｐｐ" and "App" are one word;
 *   - markdown emphasis markers "**" are dropped (the samples bold half-sentences: 同时，您**可以向…);
 *   - zero-width characters are dropped and every run of whitespace becomes one space, so a phrase
 *     broken across lines still matches; whitespace next to a CJK character is dropped (Chinese puts
 *     no spaces between words, so a break inside 个人\n信息 is layout: it folds to 个人信息), and so is
 *     whitespace at either end.
 * Queries are folded the same way, so matching folded text is a plain substring test; the FTS5
 * tables hold folded text only and the original stays in SearchSection.text for display.
 *
 * With `withMap`, `start[i]`/`end[i]` give the original range [start, end) of folded UTF-16 unit i, so
 * a match found in folded text can be highlighted in the original.
 */
import { isSpace } from "../text/chars.ts";
import { isBasicHan, isUnspacedCjk } from "../text/cjk.ts";

export interface Folded {
  text: string;
  /** Original index of the code point each folded UTF-16 unit came from. */
  start: number[];
  /** Original index just after that code point. */
  end: number[];
}

const foldCache = new Map<number, string>();

/** Dropped: zero-width space/joiners, word joiner, soft hyphen (BOM counts as whitespace, as in isSpace). */
const isZeroWidth = (c: number): boolean => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xad;

/** The folded form of one code point; "" to drop it, " " for whitespace. */
function foldCode(c: number): string {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : isSpace(c) ? " " : String.fromCharCode(c);
  // NFKC and lower case leave the basic Han block alone.
  if (isBasicHan(c)) return String.fromCharCode(c);
  if (isSpace(c)) return " ";
  if (isZeroWidth(c)) return "";
  let out = foldCache.get(c);
  if (out === undefined) {
    out = String.fromCodePoint(c).normalize("NFKC").toLowerCase().replace(/\s+/gu, " ");
    if (foldCache.size < 65536) foldCache.set(c, out);
  }
  return out;
}

export function foldForSearch(source: string): string;
export function foldForSearch(source: string, withMap: true): Folded;
export function foldForSearch(source: string, withMap = false): string | Folded {
  const parts: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let lastCode = -1; // last code point written (-1: nothing yet)
  let space = -1; // original index of a whitespace run not written yet
  let i = 0;
  while (i < source.length) {
    const c = source.codePointAt(i)!;
    if (c === 0x2a && source.charCodeAt(i + 1) === 0x2a) {
      i += 2; // "**"
      continue;
    }
    const next = i + (c > 0xffff ? 2 : 1);
    const out = foldCode(c);
    if (out === " ") {
      if (space < 0) space = i;
    } else if (out) {
      // CJK-ness of what is written (full-width letters fold to ASCII and are not CJK any more).
      if (space >= 0 && lastCode >= 0 && !isUnspacedCjk(lastCode) && !isUnspacedCjk(out.codePointAt(0)!)) {
        parts.push(" ");
        if (withMap) {
          start.push(space);
          end.push(space + 1);
        }
      }
      space = -1;
      parts.push(out);
      if (withMap)
        for (let k = 0; k < out.length; k++) {
          start.push(i);
          end.push(next);
        }
      const tail = out.charCodeAt(out.length - 1);
      lastCode = tail >= 0xdc00 && tail <= 0xdfff && out.length > 1 ? out.codePointAt(out.length - 2)! : tail;
    }
    i = next;
  }
  const text = parts.join("");
  return withMap ? { text, start, end } : text;
}

const wordCache = new Map<number, boolean>();

function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (isBasicHan(c)) return true;
  let yes = wordCache.get(c);
  if (yes === undefined) {
    yes = /^[\p{L}\p{N}]$/u.test(String.fromCodePoint(c));
    if (wordCache.size < 65536) wordCache.set(c, yes);
  }
  return yes;
}

/** A letter or a digit (of any script): what the two-character index pairs up. */
export function isWordChar(ch: string): boolean {
  return ch.length > 0 && isWordCode(ch.codePointAt(0)!);
}

/**
 * The two-character index's document for a folded text: each distinct pair of adjacent letters or
 * digits, once, space-separated ("隐私政策 app" -> "隐私 私政 政策 ap pp"). FTS5's unicode61 tokenizer
 * reads each pair as one token, so a two-character query is one token lookup, not a scan; a query is a
 * single token, so positions are not needed (the table is `detail=none`) and repeats are dropped.
 * Pairs are made for every script, so two-letter English words ("id", "ip") match as substrings exactly
 * as longer ones do through the trigram index.
 */
export function bigramsOf(folded: string): string {
  const seen = new Set<string>();
  let prev = -1; // start of the previous code point when it is a letter or digit
  for (let i = 0; i < folded.length;) {
    const c = folded.codePointAt(i)!;
    const next = i + (c > 0xffff ? 2 : 1);
    if (isWordCode(c)) {
      if (prev >= 0) seen.add(folded.slice(prev, next));
      prev = i;
    } else prev = -1;
    i = next;
  }
  return [...seen].join(" ");
}
