// shiftToBoundaries (cleanup.ts), alone: before -> after, written as jsdiff-style strings (./testing.ts).
// Word boundaries come from Intl.Segmenter (./testing.ts wordBounds), as the tokenizer's do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { shiftToBoundaries } from "./cleanup.ts";
import { runPass } from "./testing.ts";

const shift = (marked: string) => runPass(shiftToBoundaries, marked);

test("an insertion slides to clause boundaries", () => {
  assert.equal(shift("收集您的<ins>个人信息、您的</ins>设备信息"), "收集<ins>您的个人信息、</ins>您的设备信息");
  assert.equal(
    shift("We share it<ins> with partners. We share it</ins> with you."),
    "<ins>We share it with partners. </ins>We share it with you.",
  );
});

test("a deletion slides the same way", () => {
  assert.equal(shift("您的<del>个人信息，您的</del>个人信息"), "<del>您的个人信息，</del>您的个人信息");
});

test("a change already on the best boundaries stays (ties keep the place)", () => {
  assert.equal(shift("第一条\n<ins>第二条\n</ins>第三条"), "第一条\n<ins>第二条\n</ins>第三条");
  assert.equal(shift("a cat<ins> cat</ins> sat"), "a cat<ins> cat</ins> sat");
});

test("nothing to slide: no repeated characters, or a change on both sides", () => {
  assert.equal(shift("abc<ins>xyz</ins>def"), "abc<ins>xyz</ins>def");
  assert.equal(shift("a<del>b</del><ins>c</ins>d"), "a<del>b</del><ins>c</ins>d");
});
