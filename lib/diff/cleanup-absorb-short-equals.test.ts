// absorbShortEquals (cleanup.ts), alone: before -> after, written as jsdiff-style strings (./testing.ts).
// Thresholds: DIFF_CONFIG.absorbEqualMaxChars (2) and absorbEqualRatio (0.5).
import { test } from "node:test";
import assert from "node:assert/strict";
import { absorbShortEquals } from "./cleanup.ts";
import { runPass } from "./testing.ts";

const absorb = (marked: string) => runPass(absorbShortEquals, marked);

test("a kept run of at most 2 characters between two changes joins them", () => {
  assert.equal(
    absorb("<del>我们会</del><ins>平台将</ins>在<del>必要时</del><ins>法律允许的范围内</ins>"),
    "<del>我们会在必要时</del><ins>平台将在法律允许的范围内</ins>",
  );
  assert.equal(absorb("<del>ab</del><ins>cd</ins>的<del>ef</del><ins>gh</ins>"), "<del>ab的ef</del><ins>cd的gh</ins>");
});

test("punctuation and spaces only (up to 3 characters) join too", () => {
  assert.equal(absorb("<del>a</del><ins>b</ins>。”<del>c</del><ins>d</ins>"), "<del>a。”c</del><ins>b。”d</ins>");
});

test("a longer kept run joins only when at most half the smaller change on either side", () => {
  assert.equal(
    absorb("<del>a</del><ins>b</ins>keep<del>c</del><ins>d</ins>"),
    "<del>a</del><ins>b</ins>keep<del>c</del><ins>d</ins>",
  );
  assert.equal(
    absorb("<del>aaaaaaaa</del><ins>bbbbbbbb</ins>keep<del>cccccccc</del><ins>dddddddd</ins>"),
    "<del>aaaaaaaakeepcccccccc</del><ins>bbbbbbbbkeepdddddddd</ins>",
  );
});

test("repeated: a change grown by one absorption can absorb the next kept run", () => {
  // Round 1 absorbs "uv" (2 chars); the right change is then 10 long, and "wxyz" (4 <= 0.5 * 8) joins.
  assert.equal(
    absorb("<del>aaaaaaaa</del><ins>bbbbbbbb</ins>wxyz<del>cc</del><ins>dd</ins>uv<del>eeeeee</del><ins>ffffff</ins>"),
    "<del>aaaaaaaawxyzccuveeeeee</del><ins>bbbbbbbbwxyzdduvffffff</ins>",
  );
});

test("never across a line break (unless 2 characters or fewer), nor next to a whitespace-only change", () => {
  const lines = "<del>aaaaaaaaaa</del><ins>bbbbbbbbbb</ins>x\nx<del>cccccccccc</del><ins>dddddddddd</ins>";
  assert.equal(absorb(lines), lines);
  assert.equal(absorb("<ins> </ins>ab<ins>c</ins>"), "<ins> </ins>ab<ins>c</ins>");
});

test("kept runs at either end are never absorbed", () => {
  assert.equal(absorb("a<del>b</del>"), "a<del>b</del>");
  assert.equal(absorb("<del>a</del>b"), "<del>a</del>b");
});
