/**
 * Text normalisation for comparison (never for display).
 *
 * Two documents that differ only in character forms (full-width vs half-width punctuation, digits and
 * letters; typographic vs straight quotes; dash variants; NBSP / U+3000 / whitespace runs; zero-width
 * characters) should hash and match as equal. The displayed text always keeps its original characters:
 * `normalizeWithMap` returns, for every normalized character, the offset of the original character it
 * came from, and the diff normalises token by token (see `tokenKey`), so each token keeps its span.
 *
 * Rules, applied per code point (NFKC is decomposition-by-character for the scripts that matter here):
 * 1. zero-width characters (U+200B..U+200D, U+2060, U+FEFF, soft hyphen) are dropped;
 * 2. NFKC: ，→,  （→(  ０→0  Ａ→A  U+3000→space  NBSP→space  …→...  ①→1;
 * 3. quote variants fold to ' and ", dash variants to -, the ideographic full stop 。 to .
 *    (steps 2-3 are the "width" fold: `foldWidth: false` skips them);
 * 4. whitespace runs collapse to one space (or are removed, or kept, per `whitespace`).
 */
import { isBasicHan } from "./cjk.ts";

export interface NormalizeOptions {
  /** Fold character forms (NFKC, quotes, dashes, 。). Default true. */
  foldWidth?: boolean;
  /** "collapse" (default): runs of whitespace -> one space; "remove": drop all; "keep": as is. */
  whitespace?: "collapse" | "remove" | "keep";
  /** Trim leading/trailing whitespace. Default true. */
  trim?: boolean;
  /** Drop a leading list/heading number ("一、", "（三）", "1.2", "第五条", "(a)") from the text. */
  stripNumbering?: boolean;
}

export interface MappedText {
  /** The normalized text. */
  text: string;
  /**
   * `map[i]` is the offset in the original text of the character that produced `text[i]`;
   * `map[text.length]` is the original length (so ranges map as half-open intervals).
   */
  map: number[];
}

/** Characters that take no space and carry no text (zero-width spaces and joiners, BOM, soft hyphen), as a class body. */
export const ZERO_WIDTH_CHARS = "\\u200B-\\u200D\\u2060\\uFEFF\\u00AD";
const ZERO_WIDTH = new RegExp(`[${ZERO_WIDTH_CHARS}]`);
const ZERO_WIDTH_ALL = new RegExp(`[${ZERO_WIDTH_CHARS}]+`, "g");
const WHITESPACE = /\s/;

/** Quote and dash variants that NFKC leaves alone, folded to one ASCII form. */
const EXTRA_FOLDS: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u300C": '"',
  "\u300D": '"',
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u201F": '"',
  "\u2033": '"',
  "\u300E": '"',
  "\u300F": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2E3A": "-",
  "\u2E3B": "-",
  "\uFE58": "-",
  "\u30FC": "-",
  "\u3002": ".",
  "\uFF61": ".",
};

const foldCache = new Map<string, string>();

/** The width fold of one character, computed (see `foldChar`). */
function computeFold(ch: string): string {
  let folded = "";
  for (const c of ch.normalize("NFKC")) folded += EXTRA_FOLDS[c] ?? c;
  return folded;
}

/**
 * A static fold table for the punctuation blocks that sit between the letters of Chinese and English
 * text (General Punctuation U+2000-U+206F, CJK Symbols and Punctuation U+3000-U+303F, Halfwidth and
 * Fullwidth Forms U+FF00-U+FFEF): built once per process from the rules alone (about 430 code points,
 * well under a millisecond), the same for every input, so a comparison never folds these itself.
 * `PUNCT_KIND`: 0 a character, 1 whitespace after folding, 2 zero-width (dropped).
 */
const PUNCT_RANGES: ReadonlyArray<readonly [number, number, number]> = [
  [0x2000, 0x2070, 0],
  [0x3000, 0x3040, 0x70],
  [0xff00, 0xfff0, 0xb0],
];
const PUNCT_FOLD: string[] = [];
const PUNCT_KIND = new Uint8Array(0x1a0);
for (const [from, to, base] of PUNCT_RANGES) {
  for (let code = from; code < to; code++) {
    const ch = String.fromCharCode(code);
    const folded = computeFold(ch);
    PUNCT_FOLD[base + code - from] = folded;
    PUNCT_KIND[base + code - from] = ZERO_WIDTH.test(ch) ? 2 : folded.length === 1 && WHITESPACE.test(folded) ? 1 : 0;
  }
}

/** Index of a code point in the static punctuation table, or -1. */
function punctIndex(code: number): number {
  if (code >= 0xff00) return code < 0xfff0 ? code - 0xff00 + 0xb0 : -1;
  if (code >= 0x3000) return code < 0x3040 ? code - 0x3000 + 0x70 : -1;
  return code >= 0x2000 && code < 0x2070 ? code - 0x2000 : -1;
}

/** Drop the per-code-point fold table (only for cold benchmark runs; it is bounded by the alphabet). */
export function clearFoldCache(): void {
  foldCache.clear();
}

/** The width fold of one code point (NFKC + quote/dash/full-stop folds), cached. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return ch;
  if (ch.length === 1) {
    const t = punctIndex(code);
    if (t >= 0) return PUNCT_FOLD[t]!;
  }
  let out = foldCache.get(ch);
  if (out === undefined) {
    out = computeFold(ch);
    foldCache.set(ch, out);
  }
  return out;
}

/** `s` without its zero-width characters: what a reader sees ("\u200D**With your consent**" reads as bold). */
export function stripZeroWidth(s: string): string {
  return ZERO_WIDTH.test(s) ? s.replace(ZERO_WIDTH_ALL, "") : s;
}

/** True for characters dropped by normalisation (zero-width, soft hyphen). */
export function isIgnorableChar(ch: string): boolean {
  return ZERO_WIDTH.test(ch);
}

/**
 * A leading number as headings and list items print them, e.g. "第三条 ", "一、", "（二）", "(2)", "2.1 ",
 * "3、", "①", "a) ", "iv. ". Matched on normalized (NFKC) text.
 */
export const LEADING_NUMBER =
  /^\s*(?:第[0-9一二三四五六七八九十百零〇两]+[部分章节条款篇]+|[0-9]+(?:\.[0-9]+)+\.?|[0-9]+[、.)]|\(?[0-9一二三四五六七八九十]+\)[、.]?|[一二三四五六七八九十百]+[、.]|[\u2460-\u2473\u3251-\u325F]|[a-zA-Z][.)]|\([a-zA-Z]\)|[ivxIVX]+[.)])\s*/;

/**
 * Normalise `text` and keep, for each output character, the offset of its source character.
 * Linear in the length; no regular expression runs over the whole text.
 */
export function normalizeWithMap(text: string, options: NormalizeOptions = {}): MappedText {
  const map: number[] = [];
  const out = run(text, options, map);
  map.push(text.length);
  if (options.stripNumbering) {
    const m = LEADING_NUMBER.exec(out);
    if (m && m[0].length < out.length) {
      const cut = m[0].length;
      return { text: out.slice(cut), map: map.slice(cut) };
    }
  }
  return { text: out, map };
}

/**
 * The normalisation loop; fills `map` when given. ASCII and CJK ideographs (the bulk of the text)
 * take a fast path that needs no folding.
 */
function run(text: string, options: NormalizeOptions, map: number[] | null): string {
  const foldWidth = options.foldWidth ?? true;
  const ws = options.whitespace ?? "collapse";
  const trim = options.trim ?? true;
  const parts: string[] = [];
  let outLen = 0;
  let pendingSpace = -1; // original offset of a whitespace run not yet emitted
  const emit = (piece: string, at: number) => {
    if (pendingSpace >= 0) {
      if (ws === "collapse" && !(trim && outLen === 0)) {
        parts.push(" ");
        outLen++;
        map?.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    parts.push(piece);
    outLen += piece.length;
    if (map) for (let k = 0; k < piece.length; k++) map.push(at);
  };
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || isBasicHan(code)) {
      if (ws !== "keep" && (code === 32 || (code >= 9 && code <= 13))) {
        if (pendingSpace < 0) pendingSpace = i;
      } else emit(text[i]!, i);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (ZERO_WIDTH.test(ch)) {
      i += width;
      continue;
    }
    const folded = foldWidth ? foldChar(ch) : ch;
    if (ws !== "keep" && folded.length === 1 && WHITESPACE.test(folded)) {
      if (pendingSpace < 0) pendingSpace = i;
    } else emit(folded, i);
    i += width;
  }
  if (pendingSpace >= 0 && ws === "collapse" && !trim) {
    parts.push(" ");
    map?.push(pendingSpace);
  }
  return parts.join("");
}

/**
 * `run` without the offset map, for the common options (fold width, collapse and trim whitespace):
 * runs of characters that need no folding (ASCII other than whitespace, CJK ideographs) are copied as
 * slices instead of one character at a time. Same output as `run(text, {}, null)`.
 */
function runComparison(text: string): string {
  let out = "";
  let plainFrom = 0; // start of the pending run of characters copied as they are
  let pendingSpace = false;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    const plainAscii = code < 0x80 && code !== 32 && (code < 9 || code > 13);
    if (plainAscii || isBasicHan(code)) {
      if (pendingSpace) {
        if (out.length) out += " ";
        pendingSpace = false;
        plainFrom = i;
      }
      i++;
      continue;
    }
    if (i > plainFrom) out += text.slice(plainFrom, i);
    let width = 1;
    const t = punctIndex(code);
    if (code < 0x80)
      pendingSpace = true; // ASCII whitespace
    else if (t >= 0) {
      // Punctuation: the static table (same result as the general case below).
      const kind = PUNCT_KIND[t]!;
      if (kind === 1) pendingSpace = true;
      else if (kind === 0) {
        if (pendingSpace && out.length) out += " ";
        pendingSpace = false;
        out += PUNCT_FOLD[t]!;
      }
    } else {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      width = ch.length;
      if (!ZERO_WIDTH.test(ch)) {
        const folded = foldChar(ch);
        if (folded.length === 1 && WHITESPACE.test(folded)) pendingSpace = true;
        else {
          if (pendingSpace && out.length) out += " ";
          pendingSpace = false;
          out += folded;
        }
      }
    }
    i += width;
    plainFrom = i;
  }
  if (!pendingSpace && text.length > plainFrom) out += text.slice(plainFrom);
  return out;
}

/** Normalise `text` (see the rules above) without keeping the offset map. */
function normalizeText(text: string, options: NormalizeOptions = {}): string {
  const out = run(text, options, null);
  return options.stripNumbering ? stripLeadingNumber(out) : out;
}

/** `text` without its leading number (as `normalizeWithMap` strips it), unless that is all it holds. */
function stripLeadingNumber(text: string): string {
  const m = LEADING_NUMBER.exec(text);
  return m && m[0].length < text.length ? text.slice(m[0].length) : text;
}

/**
 * The canonical form used for content hashes and matching: NFKC, quote/dash folds, zero-width
 * characters removed, whitespace runs collapsed to one space, trimmed. Case is kept.
 *
 *   normalizeForComparison("第一条\u3000个人信息，“您”（１） ") === '第一条 个人信息,"您"(1)'
 */
export function normalizeForComparison(text: string): string {
  return runComparison(text);
}

/** Normalise a heading title for matching: the comparison form without any leading number. */
export function normalizeTitle(text: string): string {
  return normalizeText(text, { stripNumbering: true, whitespace: "remove" }).replace(/[:.,;]+$/, "");
}

/**
 * The same with spaces between words kept (collapsed to one), for similarity tokens that need word
 * boundaries (English words); equal titles are still decided on `normalizeTitle`.
 */
export function normalizeTitleWords(text: string): string {
  return normalizeText(text, { stripNumbering: true }).replace(/[:.,;]+$/, "");
}
