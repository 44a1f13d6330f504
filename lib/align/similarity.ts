/**
 * Text similarity for alignment: character bigrams of the normalized text (letters and digits only,
 * so punctuation, spacing and width do not count), hashed to integers, as sorted unique arrays.
 * Dice = 2|A∩B| / (|A|+|B|); containment(A in B) = |A∩B| / |A|.
 */
import { normalizeForComparison } from "../text/normalize.ts";

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

/** Sorted unique hashed bigrams of the letters and digits (a single character gives one unigram). */
export function shinglesOf(normalized: string): Shingles {
  const arr = new Int32Array(Math.max(1, normalized.length));
  let n = 0;
  let prev = -1;
  let count = 0;
  for (let i = 0; i < normalized.length; i++) {
    let c = normalized.charCodeAt(i);
    if (!keep(c)) continue;
    if (c >= 65 && c <= 90) c += 32;
    if (prev >= 0) arr[n++] = (prev * 65599 + c) | 0;
    prev = c;
    count++;
  }
  if (count === 0) return new Int32Array(0);
  if (count === 1) return Int32Array.of(prev);
  return sortUnique(arr.subarray(0, n));
}

function sortUnique(arr: Int32Array): Int32Array {
  arr.sort();
  let w = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[i - 1]) arr[w++] = arr[i]!;
  return arr.slice(0, w);
}

/** Union of two sorted unique sets, linear. */
export function union2(a: Shingles, b: Shingles): Shingles {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let w = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[w++] = x;
      i++;
      j++;
    } else if (x < y) out[w++] = a[i++]!;
    else out[w++] = b[j++]!;
  }
  while (i < a.length) out[w++] = a[i++]!;
  while (j < b.length) out[w++] = b[j++]!;
  return out.slice(0, w);
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
  // Pairwise (balanced) merging: linear per round, log(k) rounds.
  let level = sets.filter((s) => s.length > 0);
  if (level.length === 0) return new Int32Array(0);
  while (level.length > 1) {
    const next: Shingles[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? union2(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}
