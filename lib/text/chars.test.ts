import { test } from "node:test";
import assert from "node:assert/strict";
import { endWithoutSpace, isSpace } from "./chars.ts";

test("isSpace is exactly \\s on every UTF-16 code unit", () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  assert.equal(endWithoutSpace("ab \u3000\t"), 2);
});
