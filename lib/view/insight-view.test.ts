import assert from "node:assert/strict";
import { test } from "node:test";
import { compareTexts } from "../compare/index.ts";
import { getMessages } from "../i18n/index.ts";
import { analyzeChanges } from "../insight/index.ts";
import { buildCompareView, visibleRows } from "./build.ts";
import { rowsHtml } from "./html.ts";

const a = "1. 引言\n本政策更新于2021年9月1日。\n2. 收集\n我们收集手机号,用于登录。\n3. 未成年人\n我们保护儿童。";
const b =
  "1. 引言\n本政策更新于2021年12月30日。\n2. 收集\n我们收集手机号，用于登录。\n3. 未成年人\n我们保护儿童和未成年人的信息。";
const view = buildCompareView({ model: analyzeChanges(compareTexts(a, b), "zh") });

test("changes=substantive hides layout- and date-only rows; topic keeps rows about it (ADR 0020)", () => {
  const titles = (f: Parameters<typeof visibleRows>[1]) => visibleRows(view, f).map((r) => r.newTitle);
  assert.deepEqual(titles(false), ["引言", "收集", "未成年人"]);
  assert.deepEqual(titles({ changesOnly: false, changes: "substantive" }), ["未成年人"]);
  assert.deepEqual(titles({ changesOnly: false, topic: "minors" }), ["未成年人"]);
  assert.equal(view.digest?.counts.substantive, 1);
});

test("rows carry their kind and topics, and tags in the UI language", () => {
  const t = getMessages("en");
  const html = rowsHtml(view, "split", false, t.compare, t.insight.topics).toString();
  assert.match(html, /data-kind="date"/);
  assert.match(html, /data-kind="cosmetic"/);
  assert.match(html, /data-topics="minors"/);
  assert.match(html, /<li data-topic="minors">Minors and children<\/li>/);
});
