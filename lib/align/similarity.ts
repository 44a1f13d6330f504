/**
 * Text similarity for alignment: the set of character bigrams of the normalized text (letters and
 * digits only, so punctuation, spacing and width do not count), each bigram hashed to an integer.
 * Dice = 2|A∩B| / (|A|+|B|); containment(A in B) = |A∩B| / |A|.
 *
 * Two representations of the same sets, with exactly the same results:
 *  - paragraphs: sorted unique arrays of *dense ids* (a `ShingleTable`, one per comparison, numbers the
 *    bigram hashes 0, 1, 2, ... in order of appearance), intersected by a linear merge;
 *  - sections (the union of a whole subtree, thousands of bigrams): bitsets over those ids, so a union
 *    is a word-wise OR and an intersection an AND + popcount, a few hundred machine words, instead of
 *    merging sorted arrays level after level up the tree.
 */

export type Shingles = Int32Array;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const keepCache = new Map<number, boolean>();

/** Drop the per-code-point table (only for cold benchmark runs; it is bounded by the alphabet). */
export function clearSimilarityCaches(): void {
  keepCache.clear();
}

function keep(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  let k = keepCache.get(code);
  if (k === undefined) {
    k = LETTER_OR_DIGIT.test(String.fromCharCode(code));
    keepCache.set(code, k);
  }
  return k;
}

/**
 * Bigram hash -> dense id, for one comparison (both documents), as an open-addressing hash table.
 * `shingles` gives the sorted unique ids of a text's bigrams.
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

  /** Sorted unique ids of the hashed bigrams of the letters and digits (one character: a unigram). */
  shingles(normalized: string): Shingles {
    const ids = this.unsortedIds(normalized);
    return ids.length > 1 ? sortUnique(ids) : ids;
  }

  /** The same ids unsorted, repeats included (enough to fill a bitset). */
  unsortedIds(normalized: string): Int32Array {
    const arr = new Int32Array(Math.max(1, normalized.length));
    let n = 0;
    let prev = -1;
    let count = 0;
    for (let i = 0; i < normalized.length; i++) {
      let c = normalized.charCodeAt(i);
      if (!keep(c)) continue;
      if (c >= 65 && c <= 90) c += 32;
      if (prev >= 0) arr[n++] = this.id((prev * 65599 + c) | 0);
      prev = c;
      count++;
    }
    if (count === 0) return new Int32Array(0);
    if (count === 1) return Int32Array.of(this.id(prev));
    return arr.subarray(0, n);
  }
}

function sortUnique(arr: Int32Array): Int32Array {
  arr.sort();
  let w = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[i - 1]) arr[w++] = arr[i]!;
  return arr.slice(0, w);
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
  const width = Math.max(0, ...sets.map((s) => s.words.length));
  return bitsOf(width * 32, [], sets);
}
