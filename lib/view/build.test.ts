import assert from "node:assert/strict";
import { test } from "node:test";
import type { CompareModel, SectionPair } from "../compare/types.ts";
import { buildCompareView, visibleRows } from "./build.ts";
import { formatShare, sectionCounts, shareFacts, summaryLine, summaryShare } from "./summary-text.ts";
import type { TextRun } from "./types.ts";

/** Readable form of runs, in the style of jsdiff's tests. */
function show(runs: TextRun[] | null): string | null {
  if (!runs) return null;
  return runs.map((r) => (r.m === "del" ? `<del>${r.t}</del>` : r.m === "ins" ? `<ins>${r.t}</ins>` : r.t)).join("");
}

const stats = {
  sections: {
    unchanged: 1,
    modified: 1,
    renumbered: 0,
    renamed: 0,
    moved: 1,
    added: 1,
    removed: 0,
    split: 0,
    merged: 0,
  },
  oldChars: 100,
  newChars: 110,
  insertedChars: 14,
  deletedChars: 4,
  changedRatio: 18 / 210,
  changeSpans: 3,
};

function pair(p: Partial<SectionPair> & Pick<SectionPair, "key" | "status">): SectionPair {
  return { old: null, new: null, similarity: 1, heading: null, blocks: [], children: [], ...p };
}

const model: CompareModel = {
  engineVersion: "test",
  options: { ignore: [] },
  stats,
  preamble: [
    {
      status: "unchanged",
      kind: "meta",
      oldBlock: 0,
      newBlock: 0,
      segments: [{ op: "equal", old: "2022-06-29\n", new: "2022-06-29\n", oldStart: 0, newStart: 0 }],
    },
    {
      status: "unchanged",
      kind: "blank",
      oldBlock: 1,
      newBlock: 1,
      segments: [{ op: "equal", old: "\n", new: "\n", oldStart: 11, newStart: 11 }],
    },
  ],
  sections: [
    pair({
      key: "s-intro",
      status: "unchanged",
      old: { id: "0", number: "一", title: "引言", level: 1 },
      new: { id: "0", number: "一", title: "引言", level: 1 },
      heading: {
        status: "unchanged",
        kind: "heading",
        oldBlock: 2,
        newBlock: 2,
        segments: [{ op: "equal", old: "一、引言\n", new: "一、引言\n", oldStart: 12, newStart: 12 }],
      },
      children: [
        pair({
          key: "s-collect",
          status: "modified",
          similarity: 0.8,
          old: { id: "0.0", number: "（一）", title: "收集", level: 2 },
          new: { id: "0.0", number: "（一）", title: "收集", level: 2 },
          blocks: [
            {
              status: "modified",
              kind: "paragraph",
              oldBlock: 4,
              newBlock: 4,
              segments: [
                { op: "equal", old: "我们", new: "我们", oldStart: 20, newStart: 20 },
                { op: "delete", old: "收集", oldStart: 22 },
                { op: "insert", new: "使用", newStart: 22 },
                { op: "equal", old: "您的信息\n", new: "您的信息\n", oldStart: 24, newStart: 24 },
              ],
            },
          ],
        }),
      ],
    }),
    pair({
      key: "s-new",
      status: "added",
      new: { id: "1", number: "二", title: "新增章节", level: 1 },
      blocks: [{ status: "added", kind: "paragraph", oldBlock: null, newBlock: 7, segments: [] }],
    }),
    pair({
      key: "s-moved",
      status: "moved",
      movedFrom: "s-intro",
      old: { id: "2", number: "三", title: "联系", level: 1 },
      new: { id: "2", number: "三", title: "联系", level: 1 },
    }),
  ],
};

const newTree = {
  blocks: Object.assign([], { 7: { kind: "paragraph", text: "全新的段落。\n", span: { start: 0, end: 7 } } }),
} as never;

test("rows follow the model depth-first, one per section pair, blank blocks dropped", () => {
  const view = buildCompareView({ model, newTree });
  assert.deepEqual(
    view.rows.map((r) => `${r.key}:${r.depth}`),
    ["preamble:1", "s-intro:1", "s-collect:2", "s-new:1", "s-moved:1"],
  );
  assert.equal(view.rows[0]!.blocks.length, 1);
});

test("deletions go left, insertions right, both inline; trailing breaks trimmed", () => {
  const row = buildCompareView({ model }).rows.find((r) => r.key === "s-collect")!;
  const b = row.blocks[0]!;
  assert.equal(show(b.left), "我们<del>收集</del>您的信息");
  assert.equal(show(b.right), "我们<ins>使用</ins>您的信息");
  assert.equal(show(b.inline), "我们<del>收集</del><ins>使用</ins>您的信息");
});

test("a block without segments takes its text from the tree; the absent side is a gap", () => {
  const row = buildCompareView({ model, newTree }).rows.find((r) => r.key === "s-new")!;
  assert.equal(row.blocks[0]!.left, null);
  assert.equal(show(row.blocks[0]!.right), "<ins>全新的段落。</ins>");
});

test("moves link both ways; changed rows are the next/previous stops in order", () => {
  const view = buildCompareView({ model });
  const moved = view.rows.find((r) => r.key === "s-moved")!;
  assert.deepEqual(moved.movedFrom, { key: "s-intro", label: "一 引言" });
  assert.deepEqual(view.rows.find((r) => r.key === "s-intro")!.movedAway, [{ key: "s-moved", label: "三 联系" }]);
  assert.deepEqual(view.changeKeys, ["s-collect", "s-new", "s-moved"]);
  assert.deepEqual(
    visibleRows(view, true).map((r) => r.key),
    ["s-collect", "s-new", "s-moved"],
  );
});

test("summary counts are the engine's; the one-line summary reads as a sentence", () => {
  const { summary } = buildCompareView({ model });
  assert.equal(summary.added, 1);
  assert.equal(summary.modified, 1);
  assert.equal(summary.moved, 1);
  const line = summaryLine(summary, words);
  assert.equal(line, "1 added, 1 modified, 1 moved; 9% of the text changed");
});

const words = {
  added: "{n} added",
  removed: "{n} removed",
  modified: "{n} modified",
  moved: "{n} moved",
  renamed: "{n} renamed",
  renumbered: "{n} renumbered",
  split: "{n} split",
  merged: "{n} merged",
  changedShare: "{n} of the text changed",
  noChanges: "no changes",
  separator: ", ",
  shareSeparator: "; ",
};

test("the one-line summary counts each kind as the chips do (renamed is not folded into modified)", () => {
  const { summary } = buildCompareView({ model });
  const s = { ...summary, modified: 19, renamed: 5, added: 0, moved: 0 };
  assert.deepEqual(
    sectionCounts(s).filter(([, n]) => n > 0),
    [
      ["modified", 19],
      ["renamed", 5],
    ],
  );
  assert.match(summaryLine(s, words), /^19 modified, 5 renamed; /);
});

test("a share never says 0% of a real change, nor 100% of a partial one", () => {
  assert.equal(formatShare(0.1834), "18%");
  assert.equal(formatShare(0.004), "<1%");
  assert.equal(formatShare(0, { changed: true, complete: false }), "<1%");
  assert.equal(formatShare(0), "0%");
  assert.equal(formatShare(0.998), ">99%");
  assert.equal(formatShare(1, { changed: true, complete: false }), ">99%");
  assert.equal(formatShare(1, { changed: true, complete: true }), "100%");
  const tiny = { insertedChars: 1, deletedChars: 0, oldChars: 50_000, newChars: 50_001 };
  assert.deepEqual(shareFacts(tiny), { changed: true, complete: false });
  const { summary } = buildCompareView({ model });
  assert.equal(summaryShare({ ...summary, ...tiny, changedRatio: 0 }), "<1%");
  assert.match(summaryLine({ ...summary, ...tiny, changedRatio: 0 }, words), /<1% of the text changed$/);
});

test("consecutive one-sided blocks of one kind face a single gap", async () => {
  const { groupOneSided } = await import("./build.ts");
  const row = (status: "added" | "removed" | "modified", t: string) => ({
    status,
    kind: "paragraph" as const,
    left: status === "added" ? null : [{ t, m: "del" as const }],
    right: status === "removed" ? null : [{ t, m: "ins" as const }],
    inline: [{ t, m: status === "added" ? ("ins" as const) : ("del" as const) }],
  });
  const out = groupOneSided([row("removed", "a"), row("removed", "b"), row("modified", "c"), row("removed", "d")]);
  assert.deepEqual(
    out.map((r) => `${r.status}:${show(r.left)}`),
    ["removed:<del>a</del>\n\n<del>b</del>", "modified:<del>c</del>", "removed:<del>d</del>"],
  );
});
