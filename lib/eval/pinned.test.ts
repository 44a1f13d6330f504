import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { checkPins, measurePins, readPins } from "./pins.ts";

/**
 * The pinned subset of the evaluation (lib/eval/pins.ts): no figure may drop below lib/eval/pins.json.
 * When the engine gets better, raise the pins: `npm run eval -- --update-pins`, and commit pins.json.
 */
const ROOT = join(import.meta.dirname, "../..");

test("pinned evaluation figures do not drop", (t) => {
  const pins = readPins(ROOT);
  const measured = measurePins(ROOT);
  const { drops, skipped } = checkPins(pins, measured);
  for (const s of skipped) t.diagnostic(`skipped: ${s}`);
  assert.deepEqual(drops, [], `figures below their pins:\n${drops.join("\n")}`);
  assert.ok(Object.keys(pins.metamorphic).length > 0, "pins.json pins the metamorphic suite");
});

test("checkPins: a figure below its pin is a drop, at or above it is not, an unmeasured series is skipped", () => {
  const pins = {
    gold: { a: { pairTop: 0.8 }, b: { pairTop: 0.5 } },
    metamorphic: { atx: { status: 0.5, pairF1: null } },
  };
  const measured = { gold: { a: { pairTop: 0.79 } }, metamorphic: { atx: { status: 0.5, pairF1: 0.1 } } };
  assert.deepEqual(checkPins(pins, measured), {
    drops: ["gold a pairTop: 0.79 < pinned 0.8"],
    skipped: ["gold b: not measured"],
  });
});
