/** Page parts rendered in threads and kept in memory: a part seen before costs no thread. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { BusyError } from "./admission.ts";
import { analyzedModel, comparePart, documentPart } from "./pages.ts";
import { compareTask } from "./tasks.ts";
import { createTestWork } from "./testing.ts";

const lanes = createTestWork((b) => {
  b.partBytes = 5000;
  b.largeInputChars = 50_000;
  b.perClient = 1;
});
after(() => lanes.close());

const doc = (n: number, tag = "") =>
  Array.from({ length: n }, (_, i) => `${i + 1}. Section ${i + 1}\nText ${i + 1}${i % 10 === 0 ? tag : ""}.\n`).join(
    "\n",
  );

test("a compare part is rendered once; the next view of it uses no thread", async () => {
  const { json } = compareTask({
    oldText: doc(100),
    newText: doc(100, " changed"),
    ignore: [],
    limits: lanes.budgets.compareLimits,
    maxModelChars: lanes.budgets.maxModelChars,
  });
  const o = {
    layout: "auto" as const,
    filter: { changesOnly: false, changes: "all" as const, topic: null },
    history: null,
    locale: "en" as const,
    part: 1,
    query: "",
  };
  const first = await comparePart({ key: "k1", json }, o, lanes);
  assert.equal(first.part, 1);
  assert.ok(first.parts.length > 2);
  const runs = lanes.pools.render.averageMs;
  const again = await comparePart({ key: "k1", json: "not even JSON" }, o, lanes);
  assert.equal(again, first);
  assert.equal(lanes.pools.render.averageMs, runs, "no task ran");
});

test("a version text in parts; a large one goes through admission", async () => {
  const small = await documentPart(
    { id: "v1", contentHash: "h", text: doc(200) },
    { locale: "zh", part: 0 },
    "a",
    lanes,
  );
  assert.ok(small.parts.length > 1 && small.html.markup.includes("<h2"));
  const big = { id: "v2", contentHash: "h2", text: doc(6000) };
  const pending = documentPart(big, { locale: "zh", part: 0 }, "203.0.113.1", lanes);
  await assert.rejects(documentPart({ ...big, id: "v3" }, { locale: "zh", part: 0 }, "203.0.113.1", lanes), BusyError);
  assert.ok((await pending).parts.length > 10);
});

test("the API's model is annotated by lib/insight, except a model over the size bound (sent as it is)", async () => {
  const { json } = compareTask({
    oldText: doc(20),
    newText: doc(20, " changed"),
    ignore: [],
    limits: lanes.budgets.compareLimits,
    maxModelChars: lanes.budgets.maxModelChars,
  });
  const annotated = JSON.parse(await analyzedModel({ key: "k2", json }, "en", lanes)) as { digest?: unknown };
  assert.ok(annotated.digest, "annotated");
  const small = createTestWork((b) => (b.insightMaxChars = 100));
  try {
    assert.equal(await analyzedModel({ key: "k3", json }, "en", small), json);
  } finally {
    await small.close();
  }
});
