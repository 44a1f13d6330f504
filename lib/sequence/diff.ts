/**
 * Myers diff of two sequences of integer keys (interned tokens, clauses, paragraphs: whatever the
 * caller has numbered so that equal items have equal keys). The common prefix and suffix are trimmed
 * first, by a plain scan; jsdiff's `diffArrays` computes the middle.
 *   keys of "abcd" vs "abxcd"  ->  equal 2, insert 1, equal 2
 */
import { diffArrays } from "diff";

/** One run of an edit script over two key sequences: `count` items kept, deleted (old) or inserted (new). */
export interface EditRun {
  op: "equal" | "delete" | "insert";
  count: number;
}

/**
 * The edit script from `a` to `b`, as runs in order. Neighbouring runs differ in `op`, except that a
 * deletion and an insertion may follow each other (in either order, as jsdiff gives them).
 */
export function diffKeys(a: readonly number[], b: readonly number[]): EditRun[] {
  let pre = 0;
  const max = Math.min(a.length, b.length);
  while (pre < max && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < max - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const runs: EditRun[] = [];
  if (pre) runs.push({ op: "equal", count: pre });
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  if (midA.length === 0 || midB.length === 0) {
    if (midA.length) runs.push({ op: "delete", count: midA.length });
    if (midB.length) runs.push({ op: "insert", count: midB.length });
  } else {
    for (const c of diffArrays(midA, midB)) {
      runs.push({ op: c.added ? "insert" : c.removed ? "delete" : "equal", count: c.count });
    }
  }
  if (suf) runs.push({ op: "equal", count: suf });
  return runs;
}

/** True when both sequences are given and equal item by item. */
export function sameKeys(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
