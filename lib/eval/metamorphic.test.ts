import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { readDocument } from "./documents.ts";
import { runCase } from "./metamorphic.ts";
import { f1, rate } from "./metrics.ts";
import { skeletonOf } from "./skeleton.ts";
import { TRANSFORMATIONS, type Transformation, type Transformed } from "./transforms.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");
const doc = readDocument(FIXTURES, "transforms/policy.md", "corpus", "fixture");
const skeleton = skeletonOf(doc.tree);
const identity = TRANSFORMATIONS.find((t) => t.name === "identity")!;

/** A transformation that writes `edit(identity output)`: to test the scoring against known answers. */
function fake(edit: (t: Transformed) => Transformed, formattingOnly = false): Transformation {
  return { name: "fake", group: "control", formattingOnly, apply: (s) => edit(identity.apply(s)!) };
}

test("identity: the engine on identical texts scores 1 and reports nothing changed", () => {
  const r = runCase(doc, skeleton, identity)!;
  assert.equal(r.kind, "corpus/markdown");
  assert.equal(r.outlineRecovered, true);
  assert.deepEqual(r.pairs, { tp: 5, predicted: 5, gold: 5 });
  assert.deepEqual(r.status, { correct: 5, total: 5 });
  assert.deepEqual([r.changedIgnoringNumbers, r.changedWeb, r.expectedWeb], [0, 0, 0]);
  assert.deepEqual(r.failures, []);
});

test("a wrong expected pairing and status are counted against the engine's (right) answer", () => {
  const r = runCase(
    doc,
    skeleton,
    fake((t) => ({
      ...t,
      pairs: [
        { old: "1", new: null, statuses: ["removed"] },
        { old: null, new: "1", statuses: ["added"] },
        ...t.pairs.slice(1).map((p) => (p.old === "2" ? { ...p, statuses: ["modified" as const] } : p)),
      ],
    })),
  )!;
  // Engine: 1→1 2→2 2.1→2.1 2.2→2.2 3→3; expected: 1→∅ ∅→1 and the last four.
  assert.deepEqual(r.pairs, { tp: 4, predicted: 5, gold: 6 });
  assert.equal(f1(r.pairs), 8 / 11);
  assert.deepEqual(r.status, { correct: 3, total: 4 });
  assert.equal(rate(r.status), 0.75);
  assert.match(r.failures.join("\n"), /2 pairs missed, e\.g\. "引言" → ∅; ∅ → "引言"/);
  assert.match(
    r.failures.join("\n"),
    /1 wrong statuses, e\.g\. "我们收集的信息" → "我们收集的信息" modified≠unchanged/,
  );
});

test("a section the transformation did not write is an unexpected pair and breaks the outline", () => {
  const extra = "\n## 四、附加条款\n\n本条款仅用于测试评测程序如何计入多出来的章节，内容足够长。\n";
  const r = runCase(
    doc,
    skeleton,
    fake((t) => ({ ...t, text: t.text + extra })),
  )!;
  assert.equal(r.outlineRecovered, false);
  assert.deepEqual(r.pairs, { tp: 5, predicted: 6, gold: 5 });
  assert.match(r.failures[0]!, /^outline: top 3→4, second 2→2; first difference at #6/);
  assert.match(r.failures.join("\n"), /1 unexpected pairs, e\.g\. ∅ → "\?4"/);
});

test("formatting-only cases count the sections reported changed, with and without numbering ignored", () => {
  const noNumbers = TRANSFORMATIONS.find((t) => t.name === "numbers-none")!;
  const r = runCase(doc, skeleton, noNumbers)!;
  // Every heading loses its number: 5 sections should be renumbered under the web defaults.
  assert.equal(r.expectedWeb, 5);
  assert.equal(typeof r.changedWeb, "number");
  assert.equal(typeof r.changedIgnoringNumbers, "number");
  const structural = runCase(
    doc,
    skeleton,
    TRANSFORMATIONS.find((t) => t.name === "insert-top")!,
  )!;
  assert.equal(structural.changedWeb, undefined);
});
