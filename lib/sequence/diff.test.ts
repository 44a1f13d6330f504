import { test } from "node:test";
import assert from "node:assert/strict";
import { diffKeys, sameKeys } from "./diff.ts";
import { keysOf, renderRuns } from "./testing.ts";

const show = (a: string, b: string) => renderRuns(diffKeys(keysOf(a), keysOf(b)), a, b);

test("empty sequences", () => {
  assert.equal(show("", ""), "");
  assert.deepEqual(diffKeys([], []), []);
  assert.equal(show("", "ab"), "<ins>ab</ins>");
  assert.equal(show("ab", ""), "<del>ab</del>");
});

test("identical sequences: one equal run", () => {
  assert.equal(show("abc", "abc"), "abc");
  assert.deepEqual(diffKeys(keysOf("abc"), keysOf("abc")), [{ op: "equal", count: 3 }]);
});

test("one insertion", () => {
  assert.equal(show("abcd", "abxcd"), "ab<ins>x</ins>cd");
  assert.equal(show("abc", "xabc"), "<ins>x</ins>abc");
  assert.equal(show("abc", "abcx"), "abc<ins>x</ins>");
});

test("one deletion", () => {
  assert.equal(show("abxcd", "abcd"), "ab<del>x</del>cd");
});

test("one move: a plain diff sees a deletion and an insertion", () => {
  assert.equal(show("abcde", "acdeb"), "a<del>b</del>cde<ins>b</ins>");
});

test("swap of two neighbours: one of them is kept", () => {
  assert.equal(show("ab", "ba"), "<del>a</del>b<ins>a</ins>");
  assert.equal(show("xaby", "xbay"), "x<del>a</del>b<ins>a</ins>y");
});

test("replacement", () => {
  assert.equal(show("abc", "axc"), "a<del>b</del><ins>x</ins>c");
});

test("sameKeys: both given and equal item by item", () => {
  assert.equal(sameKeys([1, 2], [1, 2]), true);
  assert.equal(sameKeys([], []), true);
  assert.equal(sameKeys([1, 2], [2, 1]), false);
  assert.equal(sameKeys([1], [1, 1]), false);
  assert.equal(sameKeys(undefined, []), false);
});
