/**
 * Text similarity for alignment: character bigrams of the normalized text (letters and digits only,
 * so punctuation, spacing and width do not count), hashed to integers, as sorted unique arrays.
 * Dice = 2|A∩B| / (|A|+|B|); containment(A in B) = |A∩B| / |A|.
 */
import { normalizeForComparison } from "../text/normalize.ts";

export type Shingles = Int32Array;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const keepCache = new Map<number, boolean>();
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

/** The letters and digits of a normalized text (the content similarity looks at). */
export function contentChars(normalized: string): string {
  let out = "";
  for (let i = 0; i < normalized.length; i++) if (keep(normalized.charCodeAt(i))) out += normalized[i];
  return out;
}

/** Sorted unique hashed bigrams (a single character gives one unigram). */
export function shinglesOf(normalized: string): Shingles {
  const s = contentChars(normalized.toLowerCase());
  if (s.length === 0) return new Int32Array(0);
  if (s.length === 1) return Int32Array.of(s.charCodeAt(0));
  const arr = new Int32Array(s.length - 1);
  for (let i = 0; i < s.length - 1; i++) arr[i] = (s.charCodeAt(i) * 65599 + s.charCodeAt(i + 1)) | 0;
  arr.sort();
  let w = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[i - 1]) arr[w++] = arr[i]!;
  return arr.slice(0, w);
}

/** Shingles of raw (not yet normalized) text. */
export function shinglesOfText(text: string): Shingles {
  return shinglesOf(normalizeForComparison(text));
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

/** Dice coefficient; two empty sets are identical (1). */
export function dice(a: Shingles, b: Shingles): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * intersectionSize(a, b)) / (a.length + b.length);
}

/** Share of `a` found in `b`. */
export function containment(a: Shingles, b: Shingles): number {
  return a.length === 0 ? 0 : intersectionSize(a, b) / a.length;
}

/** Sorted union of several shingle sets. */
export function unionOf(sets: readonly Shingles[]): Shingles {
  const all = new Int32Array(sets.reduce((n, s) => n + s.length, 0));
  let k = 0;
  for (const s of sets) {
    all.set(s, k);
    k += s.length;
  }
  all.sort();
  let w = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[w++] = all[i]!;
  return all.slice(0, w);
}
