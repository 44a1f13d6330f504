import { test } from "node:test";
import assert from "node:assert/strict";
import { CJK_BLOCKS_START, CJK_TEXT_CHAR, HAN, isBasicHan, isCjkPunctuation, isFullwidthForm } from "./cjk.ts";

// The sets as each call site wrote them before they were gathered here: every code unit must agree.
const WAS = {
  basicHan: /[\u4e00-\u9fff]/, // parse (chars.ts, headings.ts), text/normalize, align/similarity, ingest/decode
  han: /[\u3400-\u9fff\uf900-\ufaff]/, // diff/index.ts CJK, diff/tokenize.ts HAN
  cjkTextChar: /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/, // ingest/html.ts CJK
  cjkPunctuation: /[\u3000-\u303f]/, // ingest/decode.ts
  fullwidthForm: /[\uff00-\uffef]/, // ingest/decode.ts
};

test("each set is the one its call sites used, on every UTF-16 code unit", () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    const at = `U+${c.toString(16)}`;
    assert.equal(isBasicHan(c), WAS.basicHan.test(ch), at);
    assert.equal(HAN.test(ch), WAS.han.test(ch), at);
    assert.equal(CJK_TEXT_CHAR.test(ch), WAS.cjkTextChar.test(ch), at);
    assert.equal(isCjkPunctuation(c), WAS.cjkPunctuation.test(ch), at);
    assert.equal(isFullwidthForm(c), WAS.fullwidthForm.test(ch), at);
  }
  assert.equal(CJK_BLOCKS_START, 0x2e80); // align/similarity.ts
});

test("examples", () => {
  assert.equal(isBasicHan("信".charCodeAt(0)), true);
  assert.equal(isBasicHan("㐀".charCodeAt(0)), false); // Extension A
  assert.equal(HAN.test("a㐀b"), true);
  assert.equal(HAN.test("隆"), true); // U+F9DC, a compatibility ideograph
  assert.equal(HAN.test("，（）"), false);
  assert.equal(CJK_TEXT_CHAR.test("，"), true);
  assert.equal(CJK_TEXT_CHAR.test(""), false);
});
