// mergeAdjacent (cleanup.ts), alone: before -> after, written as jsdiff-style strings (./testing.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeAdjacent } from "./cleanup.ts";
import { runPass } from "./testing.ts";

const merge = (marked: string) => runPass(mergeAdjacent, marked);

test("a change group becomes one deletion then one insertion", () => {
  assert.equal(merge("a<ins>b</ins><del>x</del><ins>c</ins>d"), "a<del>x</del><ins>bc</ins>d");
  assert.equal(merge("<ins>x</ins><del>y</del>"), "<del>y</del><ins>x</ins>");
  assert.equal(merge("a<del>b</del><del>c</del>d<ins>e</ins>"), "a<del>bc</del>d<ins>e</ins>");
});

test("neighbouring kept runs join", () => {
  assert.equal(merge("a<eq>b</eq><eq>c</eq>"), "abc");
});

test("empty runs are dropped", () => {
  assert.equal(merge("a<del></del><ins></ins>b"), "ab");
  assert.equal(merge("<del></del>"), "");
});

test("a merged script stays as it is", () => {
  assert.equal(merge(""), "");
  assert.equal(merge("abc"), "abc");
  assert.equal(merge("a<del>b</del><ins>c</ins>d"), "a<del>b</del><ins>c</ins>d");
});
