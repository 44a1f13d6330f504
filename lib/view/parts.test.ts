/** The compare page in parts, and coarse rows, on models from the real engine. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareTexts } from "../compare/index.ts";
import { getMessages } from "../i18n/index.ts";
import { buildCompareView } from "./build.ts";
import { rowsHtml } from "./html.ts";
import { comparePage, packRows, partHref } from "./parts.ts";

const m = getMessages("en").compare;

/** `n` numbered sections of one short paragraph each; `edit` changes some. */
function doc(n: number, edit: (i: number) => boolean = () => false): string {
  const out: string[] = [];
  for (let i = 1; i <= n; i++)
    out.push(`${i}. Section ${i}`, edit(i) ? `Text ${i} changed here.` : `Text ${i} as it was.`, "");
  return out.join("\n");
}

const opts = {
  layout: "split" as const,
  filter: { changesOnly: false, changes: "all" as const, topic: null },
  partBytes: 20_000,
  partRows: 50,
  query: "?ignore=none",
};

test("a small comparison is one part, with the same rows as the whole view", () => {
  const view = buildCompareView({
    model: compareTexts(
      doc(5),
      doc(5, (i) => i === 2),
    ),
  });
  const packed = packRows(view, m, opts);
  const page = comparePage(view, packed, m, { ...opts, part: 0 });
  assert.equal(page.parts.length, 1);
  assert.equal(page.rowsHtml.markup, rowsHtml(view, "split", false, m).toString());
  assert.deepEqual(page.changeKeys, view.changeKeys);
});

test("a long comparison is cut into parts by rows and bytes; each part has its own rows, outline and stops", () => {
  const view = buildCompareView({
    model: compareTexts(
      doc(300),
      doc(300, (i) => i % 40 === 0),
    ),
  });
  const packed = packRows(view, m, opts);
  assert.ok(packed.starts.length >= 6, `${packed.starts.length} parts`);
  const all: string[] = [];
  for (let p = 0; p < packed.starts.length; p++) {
    const page = comparePage(view, packed, m, { ...opts, part: p });
    assert.equal(page.part, p);
    assert.ok(Buffer.byteLength(page.rowsHtml.markup) <= opts.partBytes + 2000);
    assert.ok((page.rowsHtml.markup.match(/<section /g) ?? []).length <= opts.partRows);
    assert.equal(
      (page.outlineHtml.markup.match(/<li/g) ?? []).length,
      (page.rowsHtml.markup.match(/<section /g) ?? []).length,
    );
    all.push(...page.changeKeys);
  }
  assert.deepEqual(all, view.changeKeys);
  // Out of range: the last part.
  assert.equal(comparePage(view, packed, m, { ...opts, part: 999 }).part, packed.starts.length - 1);
});

test("a link to a row of another part goes to that part's URL", () => {
  const sec = (i: number) => [
    `## Topic ${i}`,
    "",
    `Text ${i}, with enough words to be recognised anywhere: ${i * 7919}.`,
    "",
  ];
  const a = Array.from({ length: 200 }, (_, k) => sec(k + 1))
    .flat()
    .join("\n");
  // Topic 3 moves to the end: its row (last part) says where it stood (first part), and back.
  const order = [...Array.from({ length: 200 }, (_, k) => k + 1).filter((i) => i !== 3), 3];
  const b = order.map(sec).flat().join("\n");
  const view = buildCompareView({ model: compareTexts(a, b) });
  const packed = packRows(view, m, opts);
  assert.ok(packed.starts.length > 1);
  const pages = packed.starts.map((_, p) => comparePage(view, packed, m, { ...opts, part: p }));
  const cross = pages.flatMap((pg) => [...pg.rowsHtml.markup.matchAll(/href="(\?[^"#]*#[^"]+)"/g)].map((x) => x[1]!));
  assert.equal(cross.length, 2, `links across parts: ${cross.join(" ")}`);
  // (In an attribute, `&` is written `&amp;`.)
  assert.match(
    cross.join(" "),
    /^\?ignore=none#s-\w+ \?ignore=none&amp;part=\d+#s-\w+$|^\?ignore=none&amp;part=\d+#s-\w+ \?ignore=none#s-\w+$/,
  );
  assert.equal(partHref("", 0, "k"), "?#k");
  assert.equal(partHref("?layout=inline", 2, "k"), "?layout=inline&part=3#k");
});

test("a coarse section shows a note and only the first characters of each side", () => {
  const body = (tag: string) => Array.from({ length: 3000 }, (_, i) => `${tag} line ${i}`).join("\n");
  const a = `1. Big\n${body("old")}\n2. Small\nsame text\n`;
  const b = `1. Big\n${body("new")}\n2. Small\nsame text\n`;
  const model = compareTexts(a, b, { ignore: [], limits: { sectionBlocks: 2000, sectionChars: 200_000 } });
  const view = buildCompareView({ model, coarseShowChars: 1000 });
  assert.equal(view.coarseRows, 1);
  const html = rowsHtml(view, "inline", false, m).toString();
  assert.match(html, /data-testid="coarse-note"/);
  assert.match(html, /too long to compare word by word/);
  assert.match(html, /first 1,000 characters/);
  assert.ok(!html.includes("old line 2999") && !html.includes("new line 2999"));
  assert.ok(html.includes("old line 0") && html.includes("new line 0"));
  // Side by side even in the inline layout: there is no word diff to interleave.
  assert.ok(!/cmp-inline[^>]*>[^<]*old line 0/.test(html));
});
