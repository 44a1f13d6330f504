/**
 * Text similarity for alignment: each text becomes a set of hashed tokens, each token numbered by a
 * dense id. Dice = 2|A∩B| / (|A|+|B|); containment(A in B) = |A∩B| / |A|.
 *
 * Tokens depend on the script, because a character bigram is good evidence in Chinese (a bigram is
 * about a word) and weak evidence in English (th, he, in … occur in every paragraph):
 *  - Chinese (and other scripts written without spaces) and digits: bigrams of consecutive letters and
 *    digits, skipping punctuation and spaces (a text with one such character: that character);
 *  - words of scripts written with spaces (Latin, Greek, Cyrillic: a run of letters and digits with at
 *    least one letter, lower-cased): the word itself, and the pair it forms with the word before it.
 *    Weights are given by how many ids a token adds (all hashed apart): a content word
 *    ALIGN_CONFIG.wordWeight ids, a stop-word ("the", "of", "we", …) ALIGN_CONFIG.stopWordWeight, a word pair
 *    ALIGN_CONFIG.wordPairWeight; so Dice over the ids is a weighted Dice over the tokens. A text is mixed
 *    freely: "使用App的" gives 使用, app.
 * Sets, not multisets: a token counts once per text however often it occurs (a section's set is the
 * union of its paragraphs').
 *
 * Two representations of the same sets, with exactly the same results:
 *  - paragraphs: sorted unique arrays of *dense ids* (a `ShingleTable`, one per comparison, numbers the
 *    token hashes 0, 1, 2, ... in order of appearance), intersected by a linear merge;
 *  - sections (the union of a whole subtree, thousands of tokens): bitsets over those ids, so a union
 *    is a word-wise OR and an intersection an AND + popcount, a few hundred machine words, instead of
 *    merging sorted arrays level after level up the tree.
 */
import { CJK_BLOCKS_START, isBasicHan } from "../text/cjk.ts";
import { ALIGN_CONFIG } from "./config.ts";

export type Shingles = Int32Array;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const keepCache = new Map<number, boolean>();

/** Drop the per-code-point table (only for cold benchmark runs; it is bounded by the alphabet). */
export function clearSimilarityCaches(): void {
  keepCache.clear();
}

/** Letters and digits: the characters similarity looks at. */
function keep(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (isBasicHan(code)) return true;
  let k = keepCache.get(code);
  if (k === undefined) {
    k = LETTER_OR_DIGIT.test(String.fromCharCode(code));
    keepCache.set(code, k);
  }
  return k;
}

/** The end of the scripts written with spaces (a local copy of the bound: read per character). */
const WORD_SCRIPTS_END = CJK_BLOCKS_START;

/**
 * Letters and digits of scripts written with spaces between words: ASCII letters and digits, and the
 * letters from U+00C0 up to (not including) the CJK blocks starting at U+2E80 (Latin with accents,
 * Greek, Cyrillic, …). Kana, Hangul and CJK ideographs are read as characters.
 */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return code >= 0xc0 && code < WORD_SCRIPTS_END && keep(code);
}

const isDigitCode = (code: number) => code >= 48 && code <= 57;

/** FNV-1a over lower-cased code units (ASCII lower-cased by hand, others by toLowerCase). */
function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 128) c = text[i]!.toLowerCase().charCodeAt(0);
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

/** The id hash of copy `k` of a token of kind `salt` (words and pairs never share a hash with bigrams by design). */
const tokenHash = (h: number, salt: number, k: number) =>
  Math.imul(h ^ Math.imul(salt + k, 0x27d4eb2f), 0x165667b1) ^ 0x5bd1e995;

/**
 * Function words of English, the Latin-script language the samples use: they carry little evidence
 * of which paragraph is which. (Lower-case; other languages' function words count as content words.)
 */
const STOP_WORDS = new Set(
  (
    "a an the and or nor but if then than so as at by for from in into of off on onto out over to up upon with within without " +
    "about above after against among before below between during through under until via per " +
    "is are was were be been being am has have had having do does did will would shall should can could may might must " +
    "i me my we us our ours you your yours he him his she her it its they them their this that these those " +
    "who whom whose which what when where why how all any each both either some such no not only own same other more most " +
    "also there here very just"
  )
    .split(" ")
    .map((w) => wordHash(w, 0, w.length)),
);

const SALT_WORD = 0x1000;
const SALT_PAIR = 0x2000;

/**
 * Token hash -> dense id, for one comparison (both documents), as an open-addressing hash table.
 * `shingles` gives the sorted unique ids of a text's tokens.
 */
export class ShingleTable {
  private keys = new Int32Array(1 << 12);
  private ids = new Int32Array(1 << 12).fill(-1);
  private mask = (1 << 12) - 1;
  /** Number of distinct bigrams seen so far (ids are 0 .. size-1). */
  size = 0;

  private id(hash: number): number {
    let slot = Math.imul(hash, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= this.mask;
      const id = this.ids[slot]!;
      if (id < 0) break;
      if (this.keys[slot] === hash) return id;
      slot++;
    }
    const id = this.size++;
    this.keys[slot] = hash;
    this.ids[slot] = id;
    if (this.size * 2 > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    const cap = oldKeys.length * 2;
    this.keys = new Int32Array(cap);
    this.ids = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let s = 0; s < oldKeys.length; s++) {
      if (oldIds[s]! < 0) continue;
      let slot = Math.imul(oldKeys[s]!, 0x9e3779b1) >>> 0;
      for (;;) {
        slot &= this.mask;
        if (this.ids[slot]! < 0) break;
        slot++;
      }
      this.keys[slot] = oldKeys[s]!;
      this.ids[slot] = oldIds[s]!;
    }
  }

  /** Sorted unique ids of a text's tokens (see the module comment). */
  shingles(normalized: string): Shingles {
    return this.sorted(this.unsortedIds(normalized));
  }

  /**
   * Id arrays are views into one pool per table (a comparison), filled front to back: allocating a
   * typed array costs about as much as tokenising a short paragraph, a view a tenth of it. A full pool
   * is left to the views into it and a new one started.
   */
  private pool = new Int32Array(1 << 14);
  private used = 0;

  /** Room for `count` ids at `this.used`. */
  private reserve(count: number): Int32Array {
    if (this.used + count > this.pool.length) {
      this.pool = new Int32Array(Math.max(count, this.pool.length * 2));
      this.used = 0;
    }
    return this.pool;
  }

  /** Sorted unique copy of unsorted ids (`unsortedIds`); the input is left as it is. */
  sorted(ids: Int32Array): Shingles {
    if (ids.length <= 1) return ids;
    const pool = this.reserve(ids.length);
    const start = this.used;
    pool.set(ids, start);
    const w = sortUnique(pool.subarray(start, start + ids.length));
    this.used = start + w;
    return pool.subarray(start, start + w);
  }

  /** The same ids unsorted, repeats included (enough to fill a bitset). */
  unsortedIds(normalized: string): Int32Array {
    const len = normalized.length;
    // At most one bigram per character, and per word (at least one character) its own and its pair's ids.
    const arr = this.reserve(
      len * Math.max(1, ALIGN_CONFIG.wordWeight + ALIGN_CONFIG.stopWordWeight + ALIGN_CONFIG.wordPairWeight) + 1,
    );
    const start = this.used;
    let n = start;
    let prev = -1; // previous character of the bigram stream (-1: a run starts)
    let count = 0; // characters in the bigram stream
    let first = -1; // the first of them
    let prevWord = 0; // hash of the word before, when `hasPrevWord`
    let hasPrevWord = false;
    for (let i = 0; i < len;) {
      const c = normalized.charCodeAt(i);
      let end = i + 1; // characters [i, end) go to the bigram stream
      if (isWordChar(c)) {
        let letters = false;
        end = i;
        for (; end < len && isWordChar(normalized.charCodeAt(end)); end++)
          if (!isDigitCode(normalized.charCodeAt(end))) letters = true;
        if (letters) {
          const h = wordHash(normalized, i, end);
          const weight = STOP_WORDS.has(h) ? ALIGN_CONFIG.stopWordWeight : ALIGN_CONFIG.wordWeight;
          for (let k = 0; k < weight; k++) arr[n++] = this.id(tokenHash(h, SALT_WORD, k));
          if (hasPrevWord) {
            const pair = Math.imul(prevWord, 0x01000193) ^ h;
            for (let k = 0; k < ALIGN_CONFIG.wordPairWeight; k++) arr[n++] = this.id(tokenHash(pair, SALT_PAIR, k));
          }
          prevWord = h;
          hasPrevWord = true;
          prev = -1; // a word ends a run of characters
          i = end;
          continue;
        }
        // Digits only: characters of the bigram stream (dates, amounts, article numbers).
      } else if (!keep(c)) {
        i++;
        continue;
      } else hasPrevWord = false; // a character of another script separates two words
      for (; i < end; i++) {
        let d = normalized.charCodeAt(i);
        if (d >= 65 && d <= 90) d += 32;
        if (prev >= 0) arr[n++] = this.id((prev * 65599 + d) | 0);
        prev = d;
        if (count++ === 0) first = d;
      }
    }
    if (count === 1) arr[n++] = this.id(first); // a text with one character: that character
    this.used = n;
    return arr.subarray(start, n);
  }
}

/**
 * Is a (normalized) text written in a script with spaces between words: more of its letters are word
 * letters (Latin, Greek, Cyrillic …) than Chinese/Japanese/Korean characters?
 */
export function isLatinText(normalized: string): boolean {
  let word = 0;
  let other = 0;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    if (isDigitCode(c) || !keep(c)) continue;
    if (isWordChar(c)) word++;
    else other++;
  }
  return word > other;
}

/**
 * A similarity between two Latin-script texts, mapped onto the scale of character bigrams, on which
 * every threshold is set: s^ALIGN_CONFIG.latinScaleExponent (see lib/align/config.ts for the
 * measurement). Two texts of which one is not Latin-script keep their Dice.
 */
export function onBigramScale(s: number, latin: boolean): number {
  return latin && s > 0 && s < 1 ? s ** ALIGN_CONFIG.latinScaleExponent : s;
}

/** Sort `arr` in place and move its distinct values to the front; returns how many there are. */
function sortUnique(arr: Int32Array): number {
  arr.sort();
  let w = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[i - 1]) arr[w++] = arr[i]!;
  return w;
}

export function intersectionSize(a: Shingles, b: Shingles): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Dice coefficient of two sizes and their intersection; two empty sets are identical (1). */
function diceOf(sizeA: number, sizeB: number, common: number): number {
  if (sizeA === 0 && sizeB === 0) return 1;
  if (sizeA === 0 || sizeB === 0) return 0;
  return (2 * common) / (sizeA + sizeB);
}

/** Dice coefficient of two sorted id sets; two empty sets are identical (1). */
export function dice(a: Shingles, b: Shingles): number {
  return diceOf(a.length, b.length, a.length && b.length ? intersectionSize(a, b) : 0);
}

// ---------------------------------------------------------------------------------------------
// Bitsets (sections)

/** A set of bigram ids as bits, with its size. Words past the end of `words` are zero. */
export interface BitSet {
  words: Uint32Array;
  count: number;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** A bitset holding the given id sets and bitsets (at least `size` ids wide). */
export function bitsOf(size: number, idSets: readonly Shingles[], bitSets: readonly BitSet[]): BitSet {
  const words = new Uint32Array((size + 31) >>> 5);
  for (const b of bitSets) {
    const w = b.words;
    for (let k = 0; k < w.length; k++) words[k] = words[k]! | w[k]!;
  }
  for (const ids of idSets) {
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      words[id >>> 5] = words[id >>> 5]! | (1 << (id & 31));
    }
  }
  let count = 0;
  for (let k = 0; k < words.length; k++) if (words[k]) count += popcount(words[k]!);
  return { words, count };
}

function commonBits(a: BitSet, b: BitSet): number {
  const n = Math.min(a.words.length, b.words.length);
  const x = a.words;
  const y = b.words;
  let c = 0;
  for (let k = 0; k < n; k++) {
    const v = x[k]! & y[k]!;
    if (v) c += popcount(v);
  }
  return c;
}

/** Dice coefficient of two bitsets; two empty sets are identical (1). */
export function bitsDice(a: BitSet, b: BitSet): number {
  return diceOf(a.count, b.count, a.count && b.count ? commonBits(a, b) : 0);
}

/** Share of `a` found in `b`. */
export function bitsContainment(a: BitSet, b: BitSet): number {
  return a.count === 0 ? 0 : commonBits(a, b) / a.count;
}

/** Union of several bitsets. */
export function bitsUnion(sets: readonly BitSet[]): BitSet {
  let width = 0;
  for (const s of sets) width = Math.max(width, s.words.length);
  return bitsOf(width * 32, [], sets);
}
