/** The policy's part of a page: the selector subset, markers, and the rules' identity. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ingestInProcess } from "../import/source.ts";
import {
  cutBetweenMarkers,
  extract,
  extractionKey,
  ExtractionError,
  parseSelector,
  selectHtml,
  SelectorError,
} from "./extract.ts";

const html = `<html><body><nav>菜单</nav><div id="app"><section class="doc main" data-kind="policy"><h1>隐私政策</h1><p>正文</p></section>
<section class="doc"><p>附录</p></section></div><footer>页脚</footer></body></html>`;

test("the selector subset: tag, #id, .class, [attr=value], descendants and alternatives", () => {
  const pick = (s: string) => selectHtml(html, parseSelector(s));
  assert.match(pick("section.main")!, /^<section class="doc main"[^>]*><h1>隐私政策<\/h1><p>正文<\/p><\/section>$/);
  assert.match(pick("#app .doc")!, /正文[\s\S]*附录/, "every match, in document order");
  assert.match(pick('[data-kind="policy"]')!, /正文/);
  assert.equal(pick("#app"), pick("div#app"));
  assert.match(pick("nav, footer")!, /菜单[\s\S]*页脚/);
  assert.equal(pick("article"), null);
  for (const unsupported of ["div > p", "p:first-child", "a + b", "", "p,"])
    assert.throws(() => parseSelector(unsupported), SelectorError, unsupported);
});

test("markers cut the text from the start marker to the end marker", () => {
  const text = "导航\n隐私政策\n一、收集\n二、使用\n联系我们\n页脚";
  assert.equal(
    cutBetweenMarkers(text, { startMarker: "隐私政策", endMarker: "联系我们" }),
    "隐私政策\n一、收集\n二、使用",
  );
  assert.equal(cutBetweenMarkers(text, { startMarker: "一、" }), "一、收集\n二、使用\n联系我们\n页脚");
  assert.equal(cutBetweenMarkers(text, { startMarker: "不存在" }), null);
});

test("extraction applies the selector before HTML conversion and the markers after; a miss is an error", async () => {
  const bytes = new TextEncoder().encode(html);
  const { result } = await extract({ bytes, mediaType: "text/html" }, { selector: "section.main" }, ingestInProcess);
  assert.equal(result.text.trim(), "# 隐私政策\n正文");
  await assert.rejects(
    extract({ bytes, mediaType: "text/html" }, { selector: "article" }, ingestInProcess),
    (e: unknown) => e instanceof ExtractionError && e.code === "selector_no_match",
  );
  await assert.rejects(
    extract({ bytes, mediaType: "text/html" }, { startMarker: "不存在" }, ingestInProcess),
    (e: unknown) => e instanceof ExtractionError && e.code === "marker_not_found",
  );
});

test("the rules' key changes with the rules and ignores blank ones", () => {
  assert.equal(extractionKey({}), extractionKey({ selector: " ", startMarker: null }));
  assert.notEqual(extractionKey({}), extractionKey({ selector: "main" }));
  assert.notEqual(extractionKey({ startMarker: "a" }), extractionKey({ endMarker: "a" }));
});
