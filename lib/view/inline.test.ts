import assert from "node:assert/strict";
import { test } from "node:test";
import { inlineRuns } from "./inline.ts";

test("bold markers become strong runs, the rest stays text", () => {
  assert.deepEqual(inlineRuns("**本政策适用于**所有产品。"), [
    { text: "本政策适用于", strong: true },
    { text: "所有产品。" },
  ]);
  assert.deepEqual(inlineRuns("a __b__ c"), [{ text: "a " }, { text: "b", strong: true }, { text: " c" }]);
});

test("only http(s) links become links; other schemes keep their visible text only", () => {
  assert.deepEqual(inlineRuns("见[《个人信息收集清单》](https://www.douban.com/about/collected_list)。"), [
    { text: "见" },
    { text: "《个人信息收集清单》", href: "https://www.douban.com/about/collected_list" },
    { text: "。" },
  ]);
  assert.deepEqual(inlineRuns("[click](javascript:alert(1))"), [{ text: "click" }, { text: ")" }]);
  assert.deepEqual(inlineRuns("[x](data:text/html,hi)"), [{ text: "x" }]);
});

test("unbalanced or empty markers lose no text", () => {
  for (const s of ["**未闭合", "a ** b", "****", "[no link]", "plain"]) {
    assert.equal(
      inlineRuns(s)
        .map((r) => r.text)
        .join(""),
      s,
    );
  }
});
