import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanTitle, readLine } from "./numbering.ts";

test("cleanTitle strips dot leaders and page numbers as the end-anchored regex did", () => {
  const leader = (s: string) => s.replace(/\s*(?:[.·…]{3,}|…{2,})\s*\d{0,4}\s*$/, "");
  const cases = [
    "总则 ........ 3",
    "总则……12",
    "总则 .… 4",
    "总则.…",
    "Scope ... 12345",
    "a...  ",
    "a ·· 3",
    "1.2.3",
    "x… …",
    "第一章 …… 7 ",
    "…",
    "...",
    "a....b",
  ];
  for (const s of cases) {
    const expected = leader(s)
      .replace(/^[\s、.．:：\-—–]+/, "")
      .replace(/[\s:：]+$/, "")
      .trim();
    assert.equal(cleanTitle(s), expected, JSON.stringify(s));
  }
});

test("trailing dash rules are removed, inner dashes kept", () => {
  assert.equal(readLine("—— 一、总则 ——").title, "总则");
  assert.equal(readLine("一、A — B — ").title, "A — B");
  assert.equal(readLine("Section 2 Sharing").number, "Section 2");
  assert.equal(readLine("iv. Scope").number, "iv");
  assert.equal(readLine("Sharing data").number, null);
});
