import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { attrs, escapeHtml, html, joinHtml, SafeHtml } from "./safe-html.ts";

const evil = `<script>alert("x")</script> & 'y'`;
const escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;";

test("interpolated text is escaped, in text and in attribute values", () => {
  assert.equal(escapeHtml(evil), escaped);
  assert.equal(String(html`<p title="${evil}">${evil}</p>`), `<p title="${escaped}">${escaped}</p>`);
  assert.equal(String(html`<b>${42}</b>`), "<b>42</b>");
});

test("SafeHtml is inserted as it is, once: nothing is escaped twice", () => {
  const inner = html`<i>${evil}</i>`;
  assert.equal(String(html`<p>${inner}</p>`), `<p><i>${escaped}</i></p>`);
  assert.equal(String(html`<p>${[inner, evil, [html`<br>`, 1]]}</p>`), `<p><i>${escaped}</i>${escaped}<br>1</p>`);
});

test("null, undefined and false leave nothing; a string that looks like markup is still text", () => {
  assert.equal(String(html`<p>${null}${undefined}${false}</p>`), "<p></p>");
  assert.equal(String(html`${"<b>bold</b>"}`), "&lt;b&gt;bold&lt;/b&gt;");
  assert.ok(html``.isEmpty() && SafeHtml.empty.isEmpty() && !html`x`.isEmpty());
});

test("joinHtml escapes text parts and the separator", () => {
  assert.equal(String(joinHtml([html`<a>1</a>`, "<2>"], "、<")), "<a>1</a>、&lt;&lt;2&gt;");
});

test("attrs: values escaped, empty ones left out, names checked", () => {
  assert.equal(
    String(attrs({ id: 'a"b', "data-n": 3, hidden: false, title: null, alt: undefined, "data-on": true })),
    ' id="a&quot;b" data-n="3" data-on="true"',
  );
  assert.throws(() => attrs({ 'x" onload="alert(1)': "y" }), /Not an attribute name/);
  assert.throws(() => attrs({ onClick: "y" }), /Not an attribute name/);
});

test("a raw string cannot be passed where SafeHtml is expected (safe-html.typecheck.ts compiles as expected)", () => {
  const file = fileURLToPath(new URL("./safe-html.typecheck.ts", import.meta.url));
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    lib: ["lib.es2022.d.ts"],
    types: [],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  // An expected error that no longer happens shows up here as "Unused '@ts-expect-error' directive".
  assert.deepEqual(problems, []);
});
