/**
 * Stage 1 of the word diff: text -> tokens with integer keys.
 *
 * Chinese is split into words by `Intl.Segmenter('zh', {granularity: 'word'})`, which also yields Latin
 * words, numbers, punctuation and whitespace as their own segments. The segmenter runs line by line:
 * on one long string its cost grows quadratically (STACK-NOTES), per line it is linear, and the
 * segmentation of each distinct line is cached (most lines of two versions are the same).
 *
 * Each token keeps its span in the original text; its `key` is an interned integer for its normalized
 * form (lib/text/normalize: NFKC, quote/dash folds; any whitespace run -> " "), so full-width and
 * half-width forms match. Consecutive whitespace (including line breaks) is one token.
 */
import { foldChar, isIgnorableChar, LEADING_NUMBER, normalizeWithMap } from "../text/normalize.ts";

export interface Tokens {
  /** The text the tokens cover (one block). */
  text: string;
  /** Token i is text.slice(starts[i], ends[i]). Tokens are contiguous and cover the whole text. */
  starts: number[];
  ends: number[];
  /** Interned normalized form; equal keys = equal after normalisation. */
  keys: number[];
  /** 1 when the token is whitespace only (or only ignorable characters). */
  space: Uint8Array;
}

/** The key every leading list/heading number gets when numbering changes are ignored. */
export const NUMBER_KEY = -1;

const keyIds = new Map<string, number>();
const tokenKeyCache = new Map<string, number>();
const lineCache = new Map<string, number[]>();
const LINE_CACHE_MAX = 50_000;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const SPACE_ONLY = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]*$/;

/** Drop the memoised segmentations and token keys (the benchmark measures cold runs). */
export function clearTokenCaches(): void {
  lineCache.clear();
  tokenKeyCache.clear();
}

function intern(normalized: string): number {
  let id = keyIds.get(normalized);
  if (id === undefined) {
    id = keyIds.size;
    keyIds.set(normalized, id);
  }
  return id;
}

/** The interned key of one token's original text. */
export function tokenKey(original: string): number {
  let key = tokenKeyCache.get(original);
  if (key === undefined) {
    let norm = "";
    if (SPACE_ONLY.test(original)) norm = " ";
    else for (const ch of original) if (!isIgnorableChar(ch)) norm += foldChar(ch);
    key = intern(norm);
    if (tokenKeyCache.size > 200_000) tokenKeyCache.clear();
    tokenKeyCache.set(original, key);
  }
  return key;
}

/** Segment boundaries (end offsets) of one line, cached. */
function segmentLine(line: string): number[] {
  let ends = lineCache.get(line);
  if (ends === undefined) {
    ends = [];
    for (const s of segmenter.segment(line)) ends.push(s.index + s.segment.length);
    if (lineCache.size >= LINE_CACHE_MAX) lineCache.clear();
    lineCache.set(line, ends);
  }
  return ends;
}

/**
 * The span [0, end) of a leading number ("一、", "（三）", "2.1", "第五条") at the start of `text`, or 0.
 * `hint` is the number as the parser printed it (headings), searched near the start first.
 */
export function leadingNumberEnd(text: string, hint?: string | null): { start: number; end: number } | null {
  if (hint) {
    const at = text.indexOf(hint);
    if (at >= 0 && at <= 8) return { start: at, end: at + hint.length };
  }
  const head = text.slice(0, 24);
  const { text: norm, map } = normalizeWithMap(head, { whitespace: "keep", trim: false });
  const m = LEADING_NUMBER.exec(norm);
  if (!m) return null;
  const lead = m[0].length - m[0].trimStart().length;
  const core = m[0].trim().length;
  if (core === 0 || lead + core >= norm.length) return null;
  return { start: map[lead]!, end: map[lead + core]! };
}

export interface TokenizeOptions {
  /** Treat a leading number as one token with key NUMBER_KEY (numbering changes ignored). */
  ignoreNumbering?: boolean;
  /** The printed number of a heading, to find it in the heading line. */
  numberHint?: string | null;
}

/** Split one block's text into tokens (see the module comment). */
export function tokenize(text: string, options: TokenizeOptions = {}): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const keys: number[] = [];
  const spaceFlags: number[] = [];
  const push = (s: number, e: number) => {
    const piece = text.slice(s, e);
    const isSpace = SPACE_ONLY.test(piece);
    const last = starts.length - 1;
    if (isSpace && last >= 0 && spaceFlags[last] === 1) {
      ends[last] = e; // extend the previous whitespace token
      return;
    }
    starts.push(s);
    ends.push(e);
    keys.push(isSpace ? tokenKey(" ") : tokenKey(piece));
    spaceFlags.push(isSpace ? 1 : 0);
  };
  // A leading number becomes one token.
  const num = leadingNumberEnd(text, options.numberHint);
  let pos = 0;
  if (num) {
    if (num.start > 0) tokenizeRange(text, 0, num.start, push);
    starts.push(num.start);
    ends.push(num.end);
    keys.push(options.ignoreNumbering ? NUMBER_KEY : tokenKey(text.slice(num.start, num.end)));
    spaceFlags.push(0);
    pos = num.end;
  }
  tokenizeRange(text, pos, text.length, push);
  return { text, starts, ends, keys, space: Uint8Array.from(spaceFlags) };
}

function tokenizeRange(text: string, from: number, to: number, push: (s: number, e: number) => void): void {
  let lineStart = from;
  while (lineStart < to) {
    let nl = text.indexOf("\n", lineStart);
    if (nl < 0 || nl >= to) nl = to;
    if (nl > lineStart) {
      const line = text.slice(lineStart, nl);
      let prev = 0;
      for (const end of segmentLine(line)) {
        push(lineStart + prev, lineStart + end);
        prev = end;
      }
    }
    if (nl < to) push(nl, nl + 1);
    lineStart = nl + 1;
  }
}
