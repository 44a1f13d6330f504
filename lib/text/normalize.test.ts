import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeForComparison, normalizeTitle, normalizeWithMap } from "./normalize.ts";

test("folds width, quotes, dashes, spaces and zero-width characters", () => {
  assert.equal(normalizeForComparison("第一条\u3000个人信息，“您”（１） "), '第一条 个人信息,"您"(1)');
  assert.equal(normalizeForComparison("a\u00A0\u00A0b\u200B c\n\nd"), "a b c d");
  assert.equal(normalizeForComparison("2022—06–29。"), "2022-06-29.");
  assert.equal(normalizeForComparison("ＡＢＣ１２３"), "ABC123");
});

test("full-width and half-width texts normalise equally", () => {
  assert.equal(normalizeForComparison("您同意：（一）收集；"), normalizeForComparison("您同意:(一)收集;"));
});

test("map points back to original characters", () => {
  const src = "  ａ，\u3000\u3000b\u200Bc ";
  const { text, map } = normalizeWithMap(src);
  assert.equal(text, "a, bc");
  assert.deepEqual(
    [...text].map((_, i) => src[map[i]!]),
    ["ａ", "，", "\u3000", "b", "c"],
  );
  assert.equal(map[text.length], src.length);
});

test("options: keep width, remove whitespace, strip numbering", () => {
  assert.equal(normalizeWithMap("（一） 收 集", { foldWidth: false, whitespace: "remove" }).text, "（一）收集");
  assert.equal(normalizeWithMap("（三）我们如何使用", { stripNumbering: true }).text, "我们如何使用");
  assert.equal(normalizeTitle("第五条 信息安全："), "信息安全");
  assert.equal(normalizeTitle("2.1 Cookies"), "Cookies");
  assert.equal(normalizeTitle("十、如何联系我们"), "如何联系我们");
});
