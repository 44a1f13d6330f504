import { test } from "node:test";
import assert from "node:assert/strict";
import { keysOf } from "../sequence/testing.ts";
import { alignSequences, type SequenceAlignConfig } from "./sequence.ts";
import { renderAlignment } from "./testing.ts";

/**
 * Align the characters of two strings: equal letters score 1, a lower-case letter and its capital
 * 0.5 (a "modified" item), anything else 0. Exact keys are the characters.
 */
function align(a: string, b: string, extra: Partial<SequenceAlignConfig> = {}): string {
  const score = (i: number, j: number) => (a[i] === b[j] ? 1 : a[i]!.toLowerCase() === b[j]!.toLowerCase() ? 0.5 : 0);
  const entries = alignSequences({
    oldCount: a.length,
    newCount: b.length,
    score,
    matchMin: 0.4,
    moveMin: 0.6,
    oldKeys: keysOf(a),
    newKeys: keysOf(b),
    ...extra,
  });
  return renderAlignment(entries, a, b);
}

test("empty sequences", () => {
  assert.equal(align("", ""), "");
  assert.equal(align("", "ab"), "<ins>a</ins><ins>b</ins>");
  assert.equal(align("ab", ""), "<del>a</del><del>b</del>");
});

test("identical sequences: every item an anchor", () => {
  assert.equal(align("abc", "abc"), "abc");
  assert.deepEqual(
    alignSequences({
      oldCount: 2,
      newCount: 2,
      score: () => 0,
      matchMin: 0.4,
      moveMin: 0.6,
      oldKeys: [7, 8],
      newKeys: [7, 8],
    }),
    [
      { o: 0, n: 0, score: 1, moved: false },
      { o: 1, n: 1, score: 1, moved: false },
    ],
  );
});

test("one insertion", () => {
  assert.equal(align("abcd", "abxcd"), "ab<ins>x</ins>cd");
});

test("one deletion: the removed item stands after its old predecessor", () => {
  assert.equal(align("abxcd", "abcd"), "ab<del>x</del>cd");
  assert.equal(align("xab", "ab"), "<del>x</del>ab");
});

test("one move: paired out of order, shown at its new place", () => {
  assert.equal(align("abcde", "acdeb"), "acde<mov>b</mov>");
  assert.equal(align("abcde", "acdeb", { moveMin: 1.1 }), "a<del>b</del>cde<ins>b</ins>");
  assert.equal(align("abcde", "acdeb", { canMove: () => false }), "a<del>b</del>cde<ins>b</ins>");
});

test("swap: one item kept in order (the diff's anchor), the other moved", () => {
  assert.equal(align("ab", "ba"), "b<mov>a</mov>");
  assert.equal(align("xaby", "xbay"), "xb<mov>a</mov>y");
});

test("in-order matches below the exact keys: a modified item pairs with its score", () => {
  assert.equal(align("abc", "aBc"), 'a<eq old="b">B</eq>c');
  // Unpaired: the new item comes first, the removed one just before the next in-order pair.
  assert.equal(align("abc", "aBc", { matchMin: 0.6 }), "a<ins>B</ins><del>b</del>c");
});

test("lone facing items pair in place when placeScore reaches placeMin", () => {
  const place = { matchMin: 0.9, placeScore: () => 0.3, placeMin: 0.25 };
  assert.equal(align("abc", "axc", place), 'a<eq old="b">x</eq>c');
  assert.equal(align("abc", "axc", { ...place, placeMin: 0.5 }), "a<ins>x</ins><del>b</del>c");
  // Two items facing two: not lone, left to the other steps.
  assert.equal(align("abcd", "axyd", place), "a<ins>x</ins><ins>y</ins><del>b</del><del>c</del>d");
});
