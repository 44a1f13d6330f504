/**
 * Documents far larger than real policies: the engine must finish with a correct model, never a
 * stack overflow (an array of 300,000 block pairs spread into push() exceeds the argument limit), and
 * with CompareOptions.limits a section body over the bounds becomes one coarse pair.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { allBlockPairs, allSectionPairs, compareTexts, rebuildTexts } from "./index.ts";
import type { CompareLimits } from "./types.ts";

const LIMITS: CompareLimits = { sectionBlocks: 2000, sectionChars: 200_000 };

/** "1. Intro" and a body of `n` lines; `changeAt` replaces one line. */
function bigSection(n: number, changeAt?: number): string {
  const lines = ["1. Intro", ""];
  for (let i = 0; i < n; i++) lines.push(i === changeAt ? "changed" : `l${i}`);
  return lines.join("\n");
}

test("a section of 300,000 lines compares (one line changed) and round-trips", () => {
  const oldText = bigSection(300_000);
  const newText = bigSection(300_000, 150_000);
  const model = compareTexts(oldText, newText);
  assert.equal(allSectionPairs(model).length, 1);
  assert.ok(allBlockPairs(model).length >= 300_000);
  assert.equal(model.stats.sections.modified, 1);
  assert.deepEqual(rebuildTexts(model), { old: oldText, new: newText });
});

test("limits: a body over the bounds is one coarse pair (deleted, inserted), sections still aligned", () => {
  const oldText = `${bigSection(5000)}\n2. Contact\nwrite to us`;
  const newText = `${bigSection(5000, 10)}\n2. Contact\nwrite to us at once`;
  const model = compareTexts(oldText, newText, { ignore: [], limits: LIMITS });
  assert.deepEqual(model.options, { ignore: [], limits: LIMITS });
  const [intro, contact] = allSectionPairs(model);
  assert.equal(intro!.status, "modified");
  assert.equal(intro!.blocks.length, 1);
  const coarse = intro!.blocks[0]!;
  assert.equal(coarse.status, "modified");
  assert.ok(coarse.coarse && coarse.coarse.oldBlocks > 5000 && coarse.coarse.newBlocks > 5000);
  assert.deepEqual(
    coarse.segments.map((s) => s.op),
    ["delete", "insert"],
  );
  // The small section is compared word by word as usual.
  assert.equal(contact!.status, "modified");
  assert.ok(contact!.blocks.every((b) => !b.coarse));
  assert.ok(contact!.blocks.some((b) => b.segments.some((s) => s.op === "equal" && s.new.includes("write to us"))));
  assert.deepEqual(rebuildTexts(model), { old: oldText, new: newText });
});

test("limits: identical bodies over the bounds are one unchanged pair", () => {
  const text = bigSection(5000);
  const model = compareTexts(text, text, { ignore: [], limits: LIMITS });
  const [intro] = allSectionPairs(model);
  assert.equal(intro!.status, "unchanged");
  assert.equal(intro!.blocks[0]!.status, "unchanged");
  assert.equal(model.stats.changeSpans, 0);
  assert.deepEqual(rebuildTexts(model), { old: text, new: text });
});

test("limits: the freeze pair (one 5 MB line vs 1,000,000 short numbered lines) is coarse and small", () => {
  const a = "policy ".repeat(740_000);
  const lines: string[] = [];
  for (let i = 0; i < 1_000_000; i++) lines.push(`${(i % 9) + 1}. a`);
  const b = lines.join("\n");
  const model = compareTexts(a, b, { ignore: ["whitespace", "width"], limits: LIMITS });
  assert.ok(allBlockPairs(model).every((p) => p.coarse || p.segments.length <= 2));
  assert.ok(JSON.stringify(model).length < 2.5 * (a.length + b.length));
  assert.deepEqual(rebuildTexts(model), { old: a, new: b });
});

test("limits: real documents are under the bounds, so the model is the same as without them", () => {
  const dir = join(import.meta.dirname, "../../data/samples/seeds");
  const [a, b] = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
  const plain = compareTexts(a!, b!, { ignore: ["whitespace", "width"] });
  const bounded = compareTexts(a!, b!, { ignore: ["whitespace", "width"], limits: LIMITS });
  assert.deepEqual({ ...bounded, options: plain.options }, plain);
});
