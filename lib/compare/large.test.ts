/**
 * Documents far larger than real policies: the engine must finish with a correct model, never a
 * stack overflow (an array of 300,000 block pairs spread into push() exceeds the argument limit).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { allBlockPairs, allSectionPairs, compareTexts, rebuildTexts } from "./index.ts";

test("a section of 300,000 lines compares (one line changed) and round-trips", () => {
  const lines = ["1. Intro", ""];
  for (let i = 0; i < 300_000; i++) lines.push(`l${i}`);
  const oldText = lines.join("\n");
  lines[150_002] = "changed";
  const newText = lines.join("\n");
  const model = compareTexts(oldText, newText);
  assert.equal(allSectionPairs(model).length, 1);
  assert.ok(allBlockPairs(model).length >= 300_000);
  assert.equal(model.stats.sections.modified, 1);
  assert.deepEqual(rebuildTexts(model), { old: oldText, new: newText });
});
