import assert from "node:assert/strict";
import { test } from "node:test";
import { precision, recall, runInsightEval } from "./insight.ts";

// Floors under the measured figures (ADR 0020): a lexicon change that loses much of either fails here.
test("key terms and topics against the hand-checked gold stay above their floors", () => {
  const r = runInsightEval(process.cwd());
  assert.equal(r.pairs.length, 5);
  assert.ok(precision(r.terms) >= 0.9, `terms precision ${precision(r.terms)}`);
  assert.ok(recall(r.terms) >= 0.6, `terms recall ${recall(r.terms)}`);
  assert.ok(precision(r.topics) >= 0.65, `topics precision ${precision(r.topics)}`);
  assert.ok(recall(r.topics) >= 0.75, `topics recall ${recall(r.topics)}`);
  for (const p of r.pairs) assert.deepEqual(p.unmatched, [], p.name);
});
