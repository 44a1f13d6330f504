import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { compareDocuments, type CompareModel, type SectionPair } from "../compare/index.ts";
import { parseDocument } from "../parse/index.ts";
import { DocumentCache } from "./documents.ts";
import { parseGold, type GoldDocument } from "./gold.ts";
import { runGold, WEB_DEFAULTS } from "./gold-run.ts";
import { f1, rate } from "./metrics.ts";
import { type EngineNode, mapOutline } from "./outline.ts";
import { baselinePairs, predictedPairs, scoreOutline, scorePair } from "./score.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");
const OLD = "2024-01-01_old.md";
const NEW = "2024-06-01_new.md";
const goldJson = () => JSON.parse(readFileSync(join(FIXTURES, "gold/mini.json"), "utf8")) as Record<string, unknown>;
const tree = (file: string) => parseDocument(readFileSync(join(FIXTURES, "corpus/mini", file), "utf8"));
/** The real engine on the fixture pair, as runGold runs it (web defaults). */
const engineModel = () => compareDocuments(tree(OLD), tree(NEW), { ignore: WEB_DEFAULTS });

/** The fixture pair scored with the real engine, from gold JSON (possibly edited by the test). */
function scoreFixture(json: unknown) {
  const { series } = parseGold(json);
  const oldGold = series.documents.get(OLD)!;
  const newGold = series.documents.get(NEW)!;
  const oldOutline = scoreOutline(oldGold, tree(OLD));
  const newOutline = scoreOutline(newGold, tree(NEW));
  const run = runGold(FIXTURES, new DocumentCache(FIXTURES), { goldDir: "gold", corpusDir: "corpus" });
  return { oldOutline, newOutline, run };
}

test("an engine that gets the fixture right scores 1 everywhere (the engine is right on this pair)", () => {
  const run = runGold(FIXTURES, new DocumentCache(FIXTURES), { goldDir: "gold", corpusDir: "corpus" });
  assert.deepEqual(run.problems, []);
  assert.equal(run.rows.length, 1);
  const t = run.totals;
  assert.deepEqual(t.outline.top, { tp: 9, predicted: 9, gold: 9 });
  assert.deepEqual(t.outline.second, { tp: 4, predicted: 4, gold: 4 });
  assert.deepEqual(t.pairs.top, { tp: 5, predicted: 5, gold: 5 });
  assert.deepEqual(t.pairs.second, { tp: 2, predicted: 2, gold: 2 });
  assert.deepEqual(t.status, { correct: 6, total: 6 });
  for (const c of [t.outline.top, t.outline.second, t.pairs.top, t.pairs.second]) assert.equal(f1(c), 1);
  assert.equal(rate(t.status), 1);
});

test("a gold section the engine does not find lowers outline and pair recall by one item", () => {
  const json = goldJson() as {
    documents: Record<string, { outline: unknown[] }>;
    pairs: Array<{ sections: unknown[] }>;
  };
  json.documents[OLD]!.outline.push({ id: "5", number: "五、", title: "附则" });
  json.pairs[0]!.sections.push({ old: "5", new: null, status: "removed" });
  const { series } = parseGold(json);
  const oldOutline = scoreOutline(series.documents.get(OLD)!, tree(OLD));
  assert.deepEqual(oldOutline.top, { tp: 4, predicted: 4, gold: 5 });
  assert.deepEqual(oldOutline.missed, ["5 五、 附则"]);
  const newOutline = scoreOutline(series.documents.get(NEW)!, tree(NEW));
  const score = scorePair(
    series.pairs[0]!,
    series.documents.get(OLD)!,
    series.documents.get(NEW)!,
    oldOutline.mapping,
    newOutline.mapping,
    engineModel(),
  );
  assert.deepEqual(score.pairs.top, { tp: 5, predicted: 5, gold: 6 });
  assert.equal(f1(score.pairs.top), 10 / 11);
  assert.deepEqual(score.missing, ["5→∅"]);
});

test("a gold status the engine disagrees with lowers status accuracy, not pair F1", () => {
  const json = goldJson() as { pairs: Array<{ sections: Array<{ old: string | null; status: string }> }> };
  json.pairs[0]!.sections.find((s) => s.old === "2.1")!.status = "unchanged";
  const { series } = parseGold(json);
  const { oldOutline, newOutline } = scoreFixture(json);
  const score = scorePair(
    series.pairs[0]!,
    series.documents.get(OLD)!,
    series.documents.get(NEW)!,
    oldOutline.mapping,
    newOutline.mapping,
    engineModel(),
  );
  assert.deepEqual(score.status, { correct: 5, total: 6 });
  assert.deepEqual(score.statusErrors, ["2.1→3.1 unchanged≠modified"]);
  assert.equal(f1(score.pairs.second), 1);
  assert.deepEqual(score.confusion.unchanged, { unchanged: 2, modified: 1 });
});

test("baseline: exact titles (numbers stripped), unique on both sides, same level; the rest added/removed", () => {
  const { series } = parseGold(goldJson());
  const pairs = baselinePairs(series.documents.get(OLD)!, series.documents.get(NEW)!);
  assert.deepEqual(
    pairs.map((p) => `${p.old ?? "∅"}→${p.new ?? "∅"}`),
    ["1→1", "2→3", "4→5", "3→∅", "∅→2", "∅→4", "2.1→3.1", "2.2→3.2"],
  );
  const { run } = scoreFixture(goldJson());
  // top: gold 1→1 ∅→2 2→3 3→4 4→5; baseline gets all but 3→4 (renamed), and adds 3→∅ and ∅→4.
  assert.deepEqual(run.totals.baseline.top, { tp: 4, predicted: 6, gold: 5 });
});

type Row = [string | null, string | null, SectionPair["status"], Row[]?];

/** A minimal compare model: only what predictedPairs reads. */
function model(rows: Row[]): CompareModel {
  const ref = (id: string | null) => (id === null ? null : { id, number: null, title: "", level: 1 });
  const pair = ([o, n, status, children]: Row): SectionPair => ({
    key: `${o}-${n}`,
    status,
    old: ref(o),
    new: ref(n),
    similarity: 1,
    heading: null,
    blocks: [],
    children: (children ?? []).map(pair),
  });
  return { sections: rows.map(pair) } as unknown as CompareModel;
}

test("engine pairs go through the outline mappings; a section outside the outline counts as absent", () => {
  const oldMap = {
    refToEngine: new Map([
      ["1", "1"],
      ["2", "2"],
    ]),
    engineToRef: new Map([
      ["1", "1"],
      ["2", "2"],
    ]),
  };
  const newMap = { refToEngine: new Map([["1", "1"]]), engineToRef: new Map([["1", "1"]]) };
  const got = predictedPairs(
    model([
      ["1", "1", "unchanged", [["1.1", "1.1", "unchanged"]]],
      ["2", "2", "modified"],
    ]),
    oldMap,
    newMap,
  );
  // 1.1 -> 1.1 is below the outline on both sides: dropped. 2 -> engine 2 (no gold node): 2 -> ∅.
  assert.deepEqual(got, [
    { old: "1", new: "1", status: "unchanged" },
    { old: "2", new: null, status: "modified" },
  ]);
});

test("a lone top-level section that is no gold node (the title, a wrapper) is descended into", () => {
  const text = "# 示例隐私政策\n\n## 正文\n\n### 一、引言\n\n正文第一段。\n\n### 二、联系我们\n\n邮箱联系。\n";
  const gold: GoldDocument = {
    file: "x.md",
    nodes: [
      { id: "1", number: "一、", title: "引言", level: 1, parent: null },
      { id: "2", number: "二、", title: "联系我们", level: 1, parent: null },
    ],
  };
  const score = scoreOutline(gold, parseDocument(text));
  assert.deepEqual(score.descended, ["正文"]);
  assert.deepEqual(score.top, { tp: 2, predicted: 2, gold: 2 });
  // When the gold has that section at the top, it is kept and its children are level 2.
  const kept = scoreOutline(
    {
      file: "x.md",
      nodes: [
        { id: "1", number: null, title: "正文", level: 1, parent: null },
        { id: "1.1", number: "一、", title: "引言", level: 2, parent: "1" },
        { id: "1.2", number: "二、", title: "联系我们", level: 2, parent: "1" },
      ],
    },
    parseDocument(text),
  );
  assert.deepEqual(kept.descended, []);
  assert.deepEqual(
    [kept.top, kept.second],
    [
      { tp: 1, predicted: 1, gold: 1 },
      { tp: 2, predicted: 2, gold: 2 },
    ],
  );
});

test("mapping: number and title as printed or markup-free, untitled articles by number, repeats by start", () => {
  const node = (id: string, number: string | null, title: string, body = "", level = 1): EngineNode => ({
    id,
    number,
    title,
    level,
    body,
  });
  const engine = [
    node("1", null, "[](#1-introduction)1\\. **Introduction**"),
    node("2", "第一条", "", "为了规范公司的组织和行为，保护公司。"),
    node("3", null, "Contact Us", "Write to privacy@example.com for the children's policy."),
  ];
  const ref = [
    { id: "a", number: "1.", title: "Introduction", level: 1 },
    { id: "b", number: "第一条", title: "", start: "为了规范公司的组织和行为", level: 1 },
    { id: "c", number: null, title: "Contact Us", start: "Write to us at", level: 1 },
    { id: "d", number: null, title: "Contact Us", start: "Write to privacy@example.com", level: 1 },
  ];
  const m = mapOutline(ref, engine);
  assert.deepEqual(
    [...m.refToEngine],
    [
      ["a", "1"],
      ["b", "2"],
      ["d", "3"],
    ],
  );
});
