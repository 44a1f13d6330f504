import assert from "node:assert/strict";
import { test } from "node:test";
import type { BlockPair, CompareModel, SectionPair } from "../compare/types.ts";
import { getMessages } from "../i18n/index.ts";
import { buildCompareView } from "./build.ts";
import { escapeHtml, memoRowsHtml, outlineHtml, rowsHtml, runsHtml } from "./html.ts";

const m = getMessages("en").compare;

const stats = {
  sections: {
    unchanged: 1,
    modified: 1,
    renumbered: 0,
    renamed: 0,
    moved: 0,
    added: 1,
    removed: 0,
    split: 0,
    merged: 0,
  },
  oldChars: 10,
  newChars: 10,
  insertedChars: 2,
  deletedChars: 2,
  changedRatio: 0.2,
  changeSpans: 2,
};

function pair(p: Partial<SectionPair> & Pick<SectionPair, "key" | "status">): SectionPair {
  return { old: null, new: null, similarity: 1, heading: null, blocks: [], children: [], ...p };
}

const para = (
  status: BlockPair["status"],
  oldText: string | null,
  newText: string | null,
  extra: object = {},
): BlockPair => ({
  status,
  kind: "paragraph",
  oldBlock: oldText === null ? null : 0,
  newBlock: newText === null ? null : 0,
  segments:
    oldText !== null && newText !== null && oldText === newText
      ? [{ op: "equal", old: oldText, new: newText, oldStart: 0, newStart: 0 }]
      : [
          ...(oldText !== null ? [{ op: "delete" as const, old: oldText, oldStart: 0 }] : []),
          ...(newText !== null ? [{ op: "insert" as const, new: newText, newStart: 0 }] : []),
        ],
  ...extra,
});

const model: CompareModel = {
  engineVersion: "test",
  options: { ignore: [] },
  stats,
  preamble: [],
  sections: [
    pair({
      key: "s-a",
      status: "modified",
      old: { id: "0", number: "1", title: "Use <b>", level: 1 },
      new: { id: "0", number: "1", title: "Use <b>", level: 1 },
      blocks: [
        para("modified", 'We "sell" <script>alert(1)</script> & more', "We don't sell"),
        para("moved", "Moved text", null, { movedTo: "s-b" }),
      ],
    }),
    pair({
      key: "s-b",
      status: "modified",
      old: { id: "1", number: "2", title: "Share", level: 1 },
      new: { id: "1", number: "2", title: "Share", level: 1 },
      blocks: [para("moved", null, "Moved text", { movedFrom: "s-a" })],
    }),
    pair({
      key: "s-c",
      status: "unchanged",
      old: { id: "2", number: "3", title: "End", level: 1 },
      new: { id: "2", number: "3", title: "End", level: 1 },
      blocks: [para("unchanged", "Same", "Same")],
    }),
  ],
};

/** Text content of an HTML fragment: tags dropped, entities decoded (what a reader sees). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

test("escapeHtml: document text and attribute values are never markup", () => {
  assert.equal(
    escapeHtml(`<a href="x" onclick='y'>&amp;</a>`),
    "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
  );
  assert.equal(
    String(
      runsHtml([
        { t: "a<b", m: "eq" },
        { t: "c&d", m: "del" },
        { t: '"e"', m: "ins" },
      ]),
    ),
    "a&lt;b<del>c&amp;d</del><ins>&quot;e&quot;</ins>",
  );
});

test("rows: the text of each side is shown as written, with no element from the document", () => {
  const html = String(rowsHtml(buildCompareView({ model }), "split", false, m));
  assert.ok(!html.includes("<script>"));
  assert.ok(!html.includes("<b>"));
  assert.ok(textOf(html).includes(`We "sell" <script>alert(1)</script> & more`));
  assert.ok(
    html.includes(
      '<div class="cmp-cell cmp-old"><del>We &quot;sell&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</del></div>',
    ),
  );
  assert.ok(html.includes('<div class="cmp-cell cmp-new"><ins>We don&#39;t sell</ins></div>'));
  // Each row: its id, status and depth; the unchanged one folded.
  assert.match(html, /<section id="s-a" class="cmp-row" data-s="modified" data-changed="true" data-depth="1">/);
  assert.match(
    html,
    /<section id="s-c" class="cmp-row" data-s="unchanged" data-changed="false" data-depth="1">.*<details class="cmp-fold">/,
  );
  assert.ok(!String(rowsHtml(buildCompareView({ model }), "split", true, m)).includes('id="s-c"'));
});

test("paragraphs moved between sections link to where they went and came from", () => {
  const html = String(rowsHtml(buildCompareView({ model }), "split", false, m));
  assert.ok(
    html.includes(
      `<span class="cmp-blockmove">Paragraph moved to §<a href="#s-b">2 Share</a></span><del>Moved text</del>`,
    ),
    html,
  );
  assert.ok(
    html.includes(
      `<span class="cmp-blockmove">Paragraph moved here from §<a href="#s-a">1 Use &lt;b&gt;</a></span><ins>Moved text</ins>`,
    ),
  );
  assert.equal((html.match(/data-moved="true"/g) ?? []).length, 2);
});

test("inline layout: a modified paragraph is one interleaved cell", () => {
  const html = String(rowsHtml(buildCompareView({ model }), "inline", false, m));
  assert.ok(html.includes('<div class="cmp-cell cmp-inline"><del>We &quot;sell&quot;'));
});

test("outline entries are escaped links; the rows are rendered once per view, layout and language", () => {
  const view = buildCompareView({ model });
  const outline = String(outlineHtml(view, false, m));
  assert.ok(outline.includes('<a href="#s-a"><span class="cmp-mark" data-s="modified"'));
  assert.ok(outline.includes("1 Use &lt;b&gt;</a>"));
  assert.equal((String(outlineHtml(view, true, m)).match(/<li/g) ?? []).length, 2);
  const first = memoRowsHtml(view, "split", false, m);
  assert.equal(memoRowsHtml(view, "split", false, m), first);
  assert.notEqual(memoRowsHtml(view, "inline", false, m), first);
  assert.notEqual(memoRowsHtml(view, "split", false, getMessages("zh").compare), first);
});

test("a pair kept in place below the pairing threshold says 'low confidence' with its similarity", () => {
  const guess: CompareModel = {
    ...model,
    sections: [
      pair({
        key: "s-g",
        status: "renamed",
        similarity: 0.34,
        confidence: "low",
        old: { id: "0", number: "2", title: "Accounts", level: 1 },
        new: { id: "0", number: "2", title: "Membership", level: 1 },
        blocks: [para("modified", "You need a phone number.", "Members get discounts.")],
      }),
      pair({
        key: "s-h",
        status: "renamed",
        similarity: 0.8,
        old: { id: "1", number: "3", title: "Contact", level: 1 },
        new: { id: "1", number: "3", title: "Contact us", level: 1 },
      }),
    ],
  };
  const html = textOf(String(rowsHtml(buildCompareView({ model: guess }), "split", false, m)));
  assert.match(html, /Low confidence: paired only by position, similarity 0\.34/);
  assert.equal(html.match(/Low confidence/g)?.length, 1, "only the guessed pair says so");
});
test("rows link to their section's history, at the newer version (the older for a removed section)", () => {
  const view = buildCompareView({ model });
  assert.ok(!String(rowsHtml(view, "split", false, m)).includes("row-history"));
  const html = String(
    rowsHtml(view, "split", false, m, undefined, { base: "/p/acme/history", oldAt: "2020-01-01", newAt: "2021-01-01" }),
  );
  assert.ok(html.includes('href="/p/acme/history/s-a?at=2021-01-01"'));
  for (const row of view.rows.filter((r) => r.status === "removed"))
    assert.ok(html.includes(`href="/p/acme/history/${row.key}?at=2020-01-01"`));
  assert.notEqual(
    memoRowsHtml(view, "split", false, m),
    memoRowsHtml(view, "split", false, m, undefined, { base: "/p/b/history", oldAt: "a", newAt: "b" }),
  );
});

test("control characters from a document never reach the page (rows and outline)", () => {
  const titled = {
    ...model,
    sections: model.sections.map((p, i) =>
      i === 0 && p.new ? { ...p, new: { ...p.new, title: "直播服务\u0005" } } : p,
    ),
  };
  const view = buildCompareView({ model: titled });
  assert.ok(!String(outlineHtml(view, false, m)).includes("\u0005"));
  assert.match(String(outlineHtml(view, false, m)), /直播服务</);
  assert.equal(escapeHtml("a\u0005b"), "ab");
  const digest = { title: "t", groups: [{ entries: [{ label: "直播服务\u0005", line: "直播服务\u0005：新增" }] }] };
  const annotated = buildCompareView({
    model: { ...model, digest } as unknown as Parameters<typeof buildCompareView>[0]["model"],
  });
  assert.ok(!JSON.stringify(annotated.digest).includes("\\u0005"));
  assert.match(JSON.stringify(annotated.digest), /直播服务：新增/);
});
