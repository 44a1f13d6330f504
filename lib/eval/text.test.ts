import assert from "node:assert/strict";
import { test } from "node:test";
import { canon, headingKey, isChinese, numberKey, stripLeadingNumbers, titleKey } from "./text.ts";

test("canon: NFKC, markup, case, punctuation and spacing fold to one key", () => {
  assert.equal(canon("**一、** **引言**"), "一引言");
  assert.equal(canon("[](#1-introduction)1\\. Introduction"), "1 introduction");
  assert.equal(canon("#### **Information  you provide**"), "information you provide");
  assert.equal(canon("总 则"), canon("总则"));
  assert.equal(canon("监\u2002\u2002护"), "监护");
  assert.equal(canon("WeChat 变更"), canon("WeChat变更"));
  assert.equal(canon("（一）共享"), canon("(一) 共享"));
  assert.equal(canon("Children’s Data"), canon("children's data"));
  assert.equal(canon("\u200b"), "");
  assert.notEqual(canon("E-mail"), canon("Email"));
  assert.notEqual(canon("1.1 Privacy"), canon("11. Privacy"));
});

test("leading numbers are stripped in every printed form, repeatedly, never a year", () => {
  for (const [input, want] of [
    ["第三章 总则", "总则"],
    ["一、引言", "引言"],
    ["（二）转让", "转让"],
    ["3.2. Your Email Address", "Your Email Address"],
    ["1.  1\\. Your Access", "Your Access"],
    ["Article 4 Definitions", "Definitions"],
    ["① 概述", "概述"],
    ["(a) scope", "scope"],
    ["IV. Rights", "Rights"],
    ["2024 Update", "2024 Update"],
    ["U.S. Privacy Rights", "U.S. Privacy Rights"],
    ["3D Printing", "3D Printing"],
  ]) {
    assert.equal(stripLeadingNumbers(input!), want, input);
  }
  assert.equal(titleKey("5.5. 合作方"), titleKey("合作方"));
});

test("heading and number keys", () => {
  assert.equal(headingKey("1.", "Introduction"), headingKey(null, "1. Introduction"));
  assert.equal(headingKey("第一条", ""), "第一条");
  assert.equal(numberKey("（一）"), numberKey("一、"));
  assert.equal(numberKey("1\\."), "1");
  assert.equal(numberKey(null), "");
});

test("language by script", () => {
  assert.equal(isChinese("本政策说明我们如何处理您的信息。Privacy"), true);
  assert.equal(isChinese("This policy explains how we handle your data. 隐私"), false);
});
