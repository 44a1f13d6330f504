import { test } from "node:test";
import assert from "node:assert/strict";
import { weightedLcs } from "./lcs.ts";
import { renderPairs } from "./testing.ts";

/** Weight 1 for equal characters, 0 otherwise: a plain LCS. */
const lcs = (a: string, b: string) =>
  renderPairs(
    weightedLcs(a.length, b.length, (i, j) => (a[i] === b[j] ? 1 : 0)),
    a,
    b,
  );

test("empty sequences: no pairs", () => {
  assert.deepEqual(
    weightedLcs(0, 3, () => 1),
    [],
  );
  assert.equal(lcs("", ""), "");
  assert.equal(lcs("", "ab"), "<ins>ab</ins>");
  assert.equal(lcs("ab", ""), "<del>ab</del>");
});

test("identical sequences: every item paired", () => {
  assert.equal(lcs("abc", "abc"), "abc");
  assert.deepEqual(
    weightedLcs(2, 2, (i, j) => (i === j ? 0.5 : 0)),
    [
      [0, 0, 0.5],
      [1, 1, 0.5],
    ],
  );
});

test("one insertion, one deletion", () => {
  assert.equal(lcs("abcd", "abxcd"), "ab<ins>x</ins>cd");
  assert.equal(lcs("abxcd", "abcd"), "ab<del>x</del>cd");
});

test("one move: the order is kept, so the moved item stays unpaired", () => {
  assert.equal(lcs("abcde", "acdeb"), "a<del>b</del>cde<ins>b</ins>");
});

test("swap: one of the two is paired (on a tie, the last old item is the one left out)", () => {
  assert.equal(lcs("ab", "ba"), "<ins>b</ins>a<del>b</del>");
});

test("weights decide: one strong pair beats two weak ones that cross it", () => {
  // old a b, new b' a': a~a' 0.9 cross b~b' 0.3 + nothing else: a single pair, the heavier one.
  const w = [
    [0, 0.9],
    [0.3, 0],
  ];
  assert.deepEqual(
    weightedLcs(2, 2, (i, j) => w[i]![j]!),
    [[0, 1, 0.9]],
  );
  // Two in-order pairs (0.5 + 0.5) beat one crossing pair of 0.9.
  const v = [
    [0.5, 0.9],
    [0, 0.5],
  ];
  assert.deepEqual(
    weightedLcs(2, 2, (i, j) => v[i]![j]!),
    [
      [0, 0, 0.5],
      [1, 1, 0.5],
    ],
  );
});

test("a weight of 0 or less never pairs", () => {
  assert.deepEqual(
    weightedLcs(2, 2, () => 0),
    [],
  );
  assert.deepEqual(
    weightedLcs(1, 1, () => -1),
    [],
  );
});
