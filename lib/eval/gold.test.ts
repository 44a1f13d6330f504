import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadGold, parseGold } from "./gold.ts";

const doc = (outline: unknown[]) => ({ outline });

test("parseGold flattens outlines to levels 1-2 in document order", () => {
  const { series, problems } = parseGold({
    series: "s",
    documents: {
      "a.md": doc([
        {
          id: "1",
          number: "一、",
          title: "引言",
          children: [{ id: "1.1", number: "（一）", title: "范围", start: "本政策" }],
        },
        { id: "2", number: null, title: "Contact" },
      ]),
    },
    pairs: [],
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(
    series.documents.get("a.md")!.nodes.map((n) => [n.id, n.level, n.parent, n.start ?? null]),
    [
      ["1", 1, null, null],
      ["1.1", 2, "1", "本政策"],
      ["2", 1, null, null],
    ],
  );
});

test("parseGold reports what the schema cannot see: ids, coverage, statuses of one-sided entries", () => {
  const { problems } = parseGold({
    series: "s",
    documents: {
      "a.md": doc([
        { id: "1", number: null, title: "A" },
        { id: "1", number: null, title: "B" },
      ]),
      "b.md": doc([{ id: "1", number: null, title: "A", children: [{ id: "2.1", number: null, title: "x" }] }]),
    },
    pairs: [
      {
        old: "a.md",
        new: "b.md",
        sections: [
          { old: "1", new: "1", status: "unchanged" },
          { old: "1", new: null, status: "modified" },
          { old: "9", new: null, status: "removed" },
        ],
      },
    ],
  });
  assert.deepEqual(problems, [
    "a.md: node 1: duplicate id",
    "b.md: node 2.1: id does not match its place (level 2, under 1)",
    "pair a.md -> b.md: old id 1 listed twice (status modified)",
    "pair a.md -> b.md: unknown old id 9",
    "pair a.md -> b.md: new nodes in no entry: 2.1",
    "pair a.md -> b.md: entry 1 -> null has status modified",
  ]);
});

test("a malformed file is a problem of its own, the others still load", () => {
  const dir = mkdtempSync(join(tmpdir(), "gold-"));
  writeFileSync(join(dir, "good.json"), JSON.stringify({ series: "good", documents: {}, pairs: [] }));
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ series: "bad", documents: { "a.md": {} }, pairs: [] }));
  const load = loadGold(dir);
  assert.deepEqual(
    load.series.map((s) => s.series),
    ["good"],
  );
  assert.equal(load.problems.length, 1);
  assert.match(load.problems[0]!, /^bad\.json: not read \(.*outline/);
  assert.deepEqual(loadGold(join(dir, "missing")), { series: [], problems: [] });
});
