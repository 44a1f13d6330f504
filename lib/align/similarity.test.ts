import { test } from "node:test";
import assert from "node:assert/strict";
import { dice, isLatinText, onBigramScale, ShingleTable } from "./similarity.ts";
import { ALIGN_CONFIG } from "./config.ts";

test("Chinese: character bigrams of letters and digits, across punctuation", () => {
  const t = new ShingleTable();
  // 我们 们收 收集 集2 20 02 22 2年 (the comma is skipped, digits join the stream)
  assert.equal(t.shingles("我们，收集2022年").length, 8);
  assert.equal(t.shingles("我").length, 1, "one character: itself");
  assert.equal(dice(t.shingles("收集个人信息"), t.shingles("收集个人信息")), 1);
});

test("English: content words weigh, stop-words do not, word pairs add order", () => {
  const t = new ShingleTable();
  const w = ALIGN_CONFIG.wordWeight;
  const p = ALIGN_CONFIG.wordPairWeight;
  assert.equal(t.shingles("data").length, w);
  assert.equal(t.shingles("the data").length, w + ALIGN_CONFIG.stopWordWeight + p);
  assert.equal(t.shingles("Personal DATA").length, 2 * w + p, "lower-cased");
  // Two rewrites sharing only "the", "of", "and" have (nearly) nothing in common.
  assert.ok(dice(t.shingles("the retention of records"), t.shingles("the sources and recipients")) <= 0.1);
  // Mixed: a Latin word inside Chinese is a word token, not letter bigrams.
  assert.equal(t.shingles("使用App的").length, 1 + w, "使用 + app");
});

test("script detection and the bigram scale", () => {
  assert.equal(isLatinText("How we use personal information"), true);
  assert.equal(isLatinText("我们如何使用您的 App 信息"), false);
  assert.equal(onBigramScale(0.5, false), 0.5);
  assert.equal(onBigramScale(1, true), 1);
  assert.ok(onBigramScale(0.26, true) > 0.44 && onBigramScale(0.26, true) < 0.46);
});
