import assert from "node:assert/strict";
import { test } from "node:test";
import { chineseNumeral, renumber, romanNumeral } from "./numerals.ts";

test("Chinese numerals as laws print them", () => {
  const cases: Array<[number, string]> = [
    [1, "一"],
    [10, "十"],
    [15, "十五"],
    [20, "二十"],
    [21, "二十一"],
    [100, "一百"],
    [101, "一百零一"],
    [110, "一百一十"],
    [118, "一百一十八"],
    [266, "二百六十六"],
    [1005, "一千零五"],
  ];
  for (const [n, s] of cases) assert.equal(chineseNumeral(n), s, String(n));
  assert.equal(romanNumeral(14), "xiv");
});

test("renumber keeps the numeral system, separators and markup of the printed number", () => {
  assert.equal(renumber("第三条 ", [4], "article"), "第四条 ");
  assert.equal(renumber("## 二、", [3], "cn-ordinal"), "## 三、");
  assert.equal(renumber("（九）", [10], "cn-paren"), "（十）");
  assert.equal(renumber("3.1 ", [4, 1], "decimal"), "4.1 ");
  assert.equal(renumber("### 3.1.2 ", [3, 2, 2], "decimal"), "### 3.2.2 ");
  assert.equal(renumber("6.  #### ", [7], "arabic"), "7.  #### ");
  assert.equal(renumber("IV. ", [5], "roman"), "V. ");
  assert.equal(renumber("b) ", [3], "latin"), "c) ");
  assert.equal(renumber("Article 9 ", [10], "article"), "Article 10 ");
  assert.equal(renumber("②", [3], "circled"), "③");
  assert.equal(renumber("## ", [2], "markdown"), null);
});
