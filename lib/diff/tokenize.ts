/**
 * Stage 1 of the word diff: text -> tokens with integer keys.
 *
 * Chinese is split into words by `Intl.Segmenter('zh', {granularity: 'word'})`, which also yields Latin
 * words, numbers, punctuation and whitespace as their own segments. Segmentation is the costly step of
 * the whole engine (about 1 µs per word, mostly the segment objects the iterator allocates), so it is
 * done as little as possible:
 *
 *  - text is cut into clauses: lines, then after clause punctuation (，。；：！？、 , . ; : ! ?, not
 *    between two Latin letters or digits), with whitespace runs apart. The segmenter never joins a word across those places (checked on every line
 *    of the samples, see tokenize.test.ts), so segmenting clause by clause gives the same words as
 *    segmenting line by line, and stays linear (one long string costs quadratic time, STACK-NOTES);
 *  - `prepareTokens` lists the clauses of a text; the diff first compares the two clause lists
 *    (lib/diff/index.ts) and `tokenize` then segments only the clauses that differ: a clause found
 *    unchanged becomes one *atomic* token, keyed by its exact text;
 *  - segmentations, token keys and clause ids are memoised in a `TokenCache` that lives for one
 *    comparison (two versions share most clauses), never across comparisons.
 *
 * Each token keeps its span in the original text; a word's `key` is an interned integer for its
 * normalized form (lib/text/normalize: NFKC, quote/dash folds; any whitespace run -> " "), so
 * full-width and half-width forms match. Consecutive whitespace (including line breaks) is one token.
 */
import { HAN } from "../text/cjk.ts";
import { foldChar, isIgnorableChar, LEADING_NUMBER, normalizeWithMap } from "../text/normalize.ts";

export interface Tokens {
  /** The text the tokens cover (one block). */
  text: string;
  /** Token i is text.slice(starts[i], ends[i]). Tokens are contiguous and cover the whole text. */
  starts: number[];
  ends: number[];
  /**
   * Interned normalized form; equal keys = equal after normalisation. An atomic clause token has a key
   * of its own (ATOMIC_BASE - clause id): equal only to the same clause text.
   */
  keys: number[];
  /** 1 when the token is whitespace only (or only ignorable characters). */
  space: readonly number[];
}

/** The key every leading list/heading number gets when numbering changes are ignored. */
export const NUMBER_KEY = -1;
/** Atomic clause tokens have keys ATOMIC_BASE - id (id >= 0), below every word key and NUMBER_KEY. */
const ATOMIC_BASE = -2;

/** True for the key of an atomic clause token. */
export function isAtomicKey(key: number): boolean {
  return key <= ATOMIC_BASE;
}

/** Memo tables for one comparison: create one per compare, drop it afterwards. */
export interface TokenCache {
  /** Normalized token text -> key. */
  keyIds: Map<string, number>;
  /** Original token text -> key. */
  tokenKeys: Map<string, number>;
  /** Clause text -> segment end offsets. */
  segments: Map<string, number[]>;
  /** Clause text -> clause id (exact text). */
  clauseIds: Map<string, number>;
  /** Character (folded or not) -> key, for the character-level refinement. */
  charKeys: Map<string, number>;
}

export function createTokenCache(): TokenCache {
  return { keyIds: new Map(), tokenKeys: new Map(), segments: new Map(), clauseIds: new Map(), charKeys: new Map() };
}

/** One segmenter per process (creating one costs more than segmenting a paragraph). */
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const SPACE_ONLY = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]*$/;

function intern(cache: TokenCache, normalized: string): number {
  let id = cache.keyIds.get(normalized);
  if (id === undefined) {
    id = cache.keyIds.size;
    cache.keyIds.set(normalized, id);
  }
  return id;
}

/** The interned key of one token's original text. */
function tokenKey(cache: TokenCache, original: string): number {
  let key = cache.tokenKeys.get(original);
  if (key === undefined) {
    let norm = "";
    if (SPACE_ONLY.test(original)) norm = " ";
    else for (const ch of original) if (!isIgnorableChar(ch)) norm += foldChar(ch);
    key = intern(cache, norm);
    cache.tokenKeys.set(original, key);
  }
  return key;
}

/** Segment end offsets of one clause, memoised per comparison. */
function segmentClause(cache: TokenCache, clause: string): number[] {
  let ends = cache.segments.get(clause);
  if (ends === undefined) {
    ends = [];
    for (const s of segmenter.segment(clause)) ends.push(s.index + s.segment.length);
    cache.segments.set(clause, ends);
  }
  return ends;
}

/** The head of a text searched for a leading number; the diff never cuts text closer to the start (lib/diff/index.ts). */
export const LEADING_NUMBER_ZONE = 24;

/**
 * The span [0, end) of a leading number ("一、", "（三）", "2.1", "第五条") at the start of `text`, or 0.
 * `hint` is the number as the parser printed it (headings), searched near the start first.
 */
function leadingNumberEnd(text: string, hint?: string | null): { start: number; end: number } | null {
  if (hint) {
    const at = text.indexOf(hint);
    if (at >= 0 && at <= 8) return { start: at, end: at + hint.length };
  }
  if (!mayStartNumber(text)) return null;
  const head = text.slice(0, LEADING_NUMBER_ZONE);
  const { text: norm, map } = normalizeWithMap(head, { whitespace: "keep", trim: false });
  const m = LEADING_NUMBER.exec(norm);
  if (!m) return null;
  const lead = m[0].length - m[0].trimStart().length;
  const core = m[0].trim().length;
  if (core === 0 || lead + core >= norm.length) return null;
  return { start: map[lead]!, end: map[lead + core]! };
}

/** Characters a LEADING_NUMBER match can start with (after whitespace), in folded form. */
const NUMBER_START = /[第0-9(一二三四五六七八九十百a-zA-Z\u2460-\u2473\u3251-\u325F]/;

/**
 * False when `text` surely has no leading number: its first character that is not whitespace folds
 * to one no LEADING_NUMBER match starts with (most paragraphs), so the head need not be normalised.
 * Zero-width characters are left to the full test.
 */
function mayStartNumber(text: string): boolean {
  for (const ch of text) {
    if (isIgnorableChar(ch)) return true;
    const folded = foldChar(ch);
    if (/^\s+$/.test(folded)) continue;
    return NUMBER_START.test(folded[0]!);
  }
  return false;
}

export interface TokenizeOptions {
  /** Treat a leading number as one token with key NUMBER_KEY (numbering changes ignored). */
  ignoreNumbering?: boolean;
  /** The printed number of a heading, to find it in the heading line. */
  numberHint?: string | null;
}

/**
 * A text cut into pieces for tokenizing: an optional leading number, whitespace runs (kept apart so
 * that they merge with line breaks as one token) and clauses (`id` >= 0: may be kept atomic when the
 * same clause is found on the other side; -1: always segmented).
 */
export interface PreparedText {
  text: string;
  number: { start: number; end: number } | null;
  ignoreNumbering: boolean;
  /** Piece k is text.slice(starts[k], ends[k]); kind 0 = whitespace/line break, 1 = clause. */
  starts: number[];
  ends: number[];
  kinds: readonly number[];
  /** Clause id for kind 1 pieces (-1 when the clause holds ignorable characters), else -1. */
  ids: readonly number[];
}

const CLAUSE_END = new Set([..."，。；：！？、,.;:!?"]);
/** Letters and digits that are not Han: between two of them a full-width comma can sit inside a number. */
const ALNUM = /[\p{L}\p{N}]/u;
const IGNORABLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;

function latinAlnum(ch: string | undefined): boolean {
  return ch !== undefined && ALNUM.test(ch) && !HAN.test(ch);
}

/**
 * Whether a clause may end before offset i of `text` (0 < i < text.length): after ，。；：！？、 or
 * ASCII , . ; : ! ?, unless between two Latin letters or digits ("1，000", "3.14", "e.g.", "a:b").
 */
function clauseCut(text: string, i: number): boolean {
  return CLAUSE_END.has(text[i - 1]!) && !(latinAlnum(text[i - 2]) && latinAlnum(text[i]));
}

function isWs(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0x3000 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x1680
  );
}

/** Cut `text` into a leading number, whitespace runs and clauses (see PreparedText). */
export function prepareTokens(text: string, cache: TokenCache, options: TokenizeOptions = {}): PreparedText {
  const starts: number[] = [];
  const ends: number[] = [];
  const kinds: number[] = [];
  const ids: number[] = [];
  const piece = (s: number, e: number, kind: number) => {
    if (e <= s) return;
    starts.push(s);
    ends.push(e);
    kinds.push(kind);
    let id = -1;
    if (kind === 1) {
      const clause = text.slice(s, e);
      if (!IGNORABLE.test(clause)) {
        const known = cache.clauseIds.get(clause);
        if (known === undefined) {
          id = cache.clauseIds.size;
          cache.clauseIds.set(clause, id);
        } else id = known;
      }
    }
    ids.push(id);
  };
  const num = leadingNumberEnd(text, options.numberHint);
  let pos = 0;
  if (num) {
    clausesOf(text, 0, num.start, piece);
    pos = num.end;
  }
  clausesOf(text, pos, text.length, piece);
  return {
    text,
    number: num,
    ignoreNumbering: options.ignoreNumbering ?? false,
    starts,
    ends,
    kinds,
    ids,
  };
}

/** Lines, whitespace runs at both ends of each clause, clauses; in text order. */
function clausesOf(text: string, from: number, to: number, piece: (s: number, e: number, kind: number) => void): void {
  let i = from;
  while (i < to) {
    // A whitespace run (line breaks included).
    let j = i;
    while (j < to && isWs(text.charCodeAt(j))) j++;
    piece(i, j, 0);
    if (j >= to) break;
    // A clause: up to a line break or a clause cut, without trailing whitespace.
    let k = j + 1;
    while (k < to) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13 || clauseCut(text, k)) break;
      k++;
    }
    let e = k;
    while (e > j && isWs(text.charCodeAt(e - 1))) e--;
    piece(j, e, 1);
    i = e;
  }
}

/**
 * Tokens of a prepared text. `atomic[k]` = 1 keeps clause piece k as one token (it is unchanged on
 * the other side); other clauses are segmented into words.
 */
export function tokenize(prepared: PreparedText, cache: TokenCache, atomic?: ArrayLike<number>): Tokens {
  const { text } = prepared;
  const starts: number[] = [];
  const ends: number[] = [];
  const keys: number[] = [];
  const spaceFlags: number[] = [];
  let spaceKey = -1;
  const push = (s: number, e: number) => {
    const tok = text.slice(s, e);
    const isSpace = SPACE_ONLY.test(tok);
    const last = starts.length - 1;
    if (isSpace && last >= 0 && spaceFlags[last] === 1) {
      ends[last] = e; // extend the previous whitespace token
      return;
    }
    starts.push(s);
    ends.push(e);
    keys.push(isSpace ? (spaceKey < 0 ? (spaceKey = tokenKey(cache, " ")) : spaceKey) : tokenKey(cache, tok));
    spaceFlags.push(isSpace ? 1 : 0);
  };
  const num = prepared.number;
  let numberDone = num === null;
  for (let k = 0; k < prepared.starts.length; k++) {
    const s = prepared.starts[k]!;
    const e = prepared.ends[k]!;
    if (!numberDone && s >= num!.end) {
      pushNumber(prepared, cache, starts, ends, keys, spaceFlags);
      numberDone = true;
    }
    if (prepared.kinds[k] === 0) push(s, e);
    else if (atomic && atomic[k]) {
      starts.push(s);
      ends.push(e);
      keys.push(ATOMIC_BASE - prepared.ids[k]!);
      spaceFlags.push(0);
    } else {
      let prev = 0;
      for (const end of segmentClause(cache, text.slice(s, e))) {
        push(s + prev, s + end);
        prev = end;
      }
    }
  }
  if (!numberDone) pushNumber(prepared, cache, starts, ends, keys, spaceFlags);
  return { text, starts, ends, keys, space: spaceFlags };
}

function pushNumber(
  p: PreparedText,
  cache: TokenCache,
  starts: number[],
  ends: number[],
  keys: number[],
  space: number[],
): void {
  const num = p.number!;
  starts.push(num.start);
  ends.push(num.end);
  keys.push(p.ignoreNumbering ? NUMBER_KEY : tokenKey(cache, p.text.slice(num.start, num.end)));
  space.push(0);
}

/**
 * Word boundaries of one side, for the clean-up passes: token starts, plus, inside atomic clauses,
 * the word boundaries the segmenter would give (computed only where a pass asks).
 */
export class Boundaries {
  private readonly marks: Uint8Array;
  /** Atomic clause spans not yet segmented: start offsets and end offsets, sorted. */
  private readonly pending: Array<[number, number]>;

  constructor(
    private readonly tokens: Tokens,
    private readonly cache: TokenCache,
  ) {
    const n = tokens.text.length;
    this.marks = new Uint8Array(n + 1);
    this.pending = [];
    for (let t = 0; t < tokens.starts.length; t++) {
      this.marks[tokens.starts[t]!] = 1;
      if (tokens.keys[t]! <= ATOMIC_BASE) this.pending.push([tokens.starts[t]!, tokens.ends[t]!]);
    }
    this.marks[n] = 1;
  }

  /** True when offset `at` falls between two words (or at either end). */
  at(at: number): boolean {
    if (this.marks[at]) return true;
    // Binary search for a pending atomic span holding `at`.
    let lo = 0;
    let hi = this.pending.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [s, e] = this.pending[mid]!;
      if (at <= s) hi = mid - 1;
      else if (at >= e) lo = mid + 1;
      else {
        const ends = segmentClause(this.cache, this.tokens.text.slice(s, e));
        for (const end of ends) this.marks[s + end] = 1;
        this.pending[mid] = [s, s]; // done: an empty span no offset falls inside
        return this.marks[at] === 1;
      }
    }
    return false;
  }
}
