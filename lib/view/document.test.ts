/** The version page's text as HTML, in parts. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "../parse/index.ts";
import { cutText, documentPage, documentParts, plainDocumentParts } from "./document.ts";

const label = "Metadata";

test("headings, paragraphs, toc lines and inline markdown; text is escaped", () => {
  const tree = parseDocument(
    "---\ntitle: X\n---\n\n# Privacy\n\n1. Scope\n\nWe **never** sell <data>. See [list](https://example.com/a?b=1&c=2) or [js](javascript:alert(1)).\n",
  );
  const { html, parts } = documentParts(tree, { partBytes: 100_000, metadataLabel: label });
  assert.equal(parts.length, 1);
  const h = html[0]!.toString();
  assert.match(
    h,
    /<details class="mb-4 text-sm text-stone-500"><summary[^>]*>Metadata<\/summary><p class="font-mono text-xs">---/,
  );
  // Section headings carry their section keys as ids (lib/compare/keys.ts), as the compare view's rows.
  assert.match(h, /<h2 id="s-\w+" class="[^"]*">Privacy<\/h2>/);
  assert.match(h, /<strong>never<\/strong> sell &lt;data&gt;\./);
  assert.match(h, /<a href="https:\/\/example.com\/a\?b=1&amp;c=2" rel="nofollow noopener noreferrer"[^>]*>list<\/a>/);
  assert.ok(!h.includes("javascript:"), "only http(s) links");
});

test("a long document is cut into parts at block boundaries; every part is within the budget", () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => `${(i % 9) + 1}. line ${i}`);
  const tree = parseDocument(lines.join("\n"));
  const parts = documentParts(tree, { partBytes: 50_000, metadataLabel: label });
  assert.ok(parts.html.length > 5);
  for (const h of parts.html) assert.ok(Buffer.byteLength(h.toString()) <= 50_000);
  const joined = parts.html.join("");
  assert.ok(joined.includes("line 0<") && joined.includes("line 19999<"));
  assert.equal(documentPage(parts, 2).html.markup, parts.html[2]!.toString());
  assert.equal(documentPage(parts, 1e6).part, parts.html.length - 1);
  assert.ok(parts.parts.every((p) => p.label.length > 0));
});

test("a paragraph longer than a part is cut into pieces (at a space when there is one)", () => {
  assert.deepEqual(cutText("aaaa bbbb cccc", 10), ["aaaa bbbb ", "cccc"]);
  assert.deepEqual(cutText("abcdefghij", 4), ["abcd", "efgh", "ij"]);
  const one = "policy ".repeat(100_000);
  const parts = documentParts(parseDocument(one), { partBytes: 50_000, metadataLabel: label });
  assert.ok(parts.html.length > 10);
  for (const h of parts.html) assert.ok(Buffer.byteLength(h.toString()) <= 50_000);
  assert.equal(parts.html.join("").replace(/<\/?p>/g, ""), one.trim());
});

test("plain parts: paragraphs between blank lines, no parser, same bounds", () => {
  const text = `Title line\nsecond line\n\n\nNext <b> & "q"\n\n${"x ".repeat(40_000)}`;
  const parts = plainDocumentParts(text, { partBytes: 20_000 });
  assert.ok(
    parts.html[0]!.toString().startsWith("<p>Title line\nsecond line</p><p>Next &lt;b&gt; &amp; &quot;q&quot;</p>"),
  );
  for (const h of parts.html) assert.ok(Buffer.byteLength(h.toString()) <= 20_000);
  assert.equal(parts.parts[0]!.label, "Title line second line");
});
