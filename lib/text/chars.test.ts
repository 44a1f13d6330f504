import { test } from "node:test";
import assert from "node:assert/strict";
import { endWithoutSpace, isSpace, withoutControlChars } from "./chars.ts";

test("isSpace is exactly \\s on every UTF-16 code unit", () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  assert.equal(endWithoutSpace("ab \u3000\t"), 2);
});

test("withoutControlChars: control characters go, tabs, line breaks and all other text stay", () => {
  assert.equal(withoutControlChars("（七）为您提供直播服务\u0005"), "（七）为您提供直播服务");
  assert.equal(withoutControlChars("a\u0000b\u007fc\u0085d\u001be"), "abcde");
  assert.equal(withoutControlChars("a\tb\nc\r\nd\u3000e\ufffd"), "a\tb\nc\r\nd\u3000e\ufffd");
});
