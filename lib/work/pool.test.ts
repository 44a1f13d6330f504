/**
 * The worker pool with real threads (lib/work/worker.ts under tsx): answers as the engine does in
 * process, stops a task over its time or memory budget and goes on with fresh threads, and carries a
 * task's own refusal (IngestError) back as itself.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { IngestError } from "../ingest/errors.ts";
import { parseConfig } from "../config.ts";
import { workBudgets, type WorkBudgets } from "./config.ts";
import { ingestInWorker, WorkBudgetError, type Work } from "./index.ts";
import { compareTask } from "./tasks.ts";
import { createTestWork } from "./testing.ts";

const SEEDS = join(import.meta.dirname, "../../data/samples/seeds");
const [S000, S001] = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(SEEDS, f), "utf8"));

const budgets = workBudgets(parseConfig({}).work);
const pools: Work[] = [];
function make(patch: (b: WorkBudgets) => void): Work {
  const w = createTestWork(patch);
  pools.push(w);
  return w;
}
after(() => Promise.all(pools.map((w) => w.close())));

const compareInput = (oldText: string, newText: string) => ({
  oldText,
  newText,
  ignore: ["whitespace" as const, "width" as const],
  limits: budgets.compareLimits,
  maxModelChars: budgets.maxModelChars,
});

/** Many numbered lines: parsing them takes a while and a lot of memory. */
const bulky = (n: number) => Array.from({ length: n }, (_, i) => `${(i % 9) + 1}. line ${i}`).join("\n");

test("a comparison in a worker thread is the same model as in process", async () => {
  const w = make(() => {});
  const { json } = await w.run("compute", "compare", compareInput(S000!, S001!));
  assert.equal(json, compareTask(compareInput(S000!, S001!)).json);
});

test("a task over its time budget fails with WorkBudgetError(timeout); the lane goes on with a new thread", async () => {
  // A budget a small comparison meets even on a loaded machine (a fresh thread's first task runs cold),
  // far below what 600,000 numbered lines take; memory enough that time is what runs out.
  const w = make((b) => {
    b.lanes.compute.timeoutMs = 2_000;
    b.lanes.compute.memoryMb = 2_048;
  });
  await assert.rejects(
    w.run("compute", "compare", compareInput(bulky(600_000), bulky(600_001))),
    (e: unknown) => e instanceof WorkBudgetError && e.reason === "timeout",
  );
  const again = await w.run("compute", "compare", compareInput("1. a\nb", "1. a\nc"));
  assert.ok(again.json.includes('"sections"'));
});

test("a task over its memory budget fails with WorkBudgetError(memory); the lane goes on", async () => {
  const w = make((b) => {
    b.lanes.compute.memoryMb = 48;
    b.lanes.compute.timeoutMs = 120_000;
  });
  await assert.rejects(
    w.run("compute", "compare", compareInput(bulky(400_000), bulky(400_001))),
    (e: unknown) => e instanceof WorkBudgetError && e.reason === "memory",
  );
  const again = await w.run("compute", "compare", compareInput("1. a\nb", "1. a\nc"));
  assert.ok(again.json.includes('"sections"'));
});

test("a refusal thrown in the thread comes back as itself (IngestError with its code)", async () => {
  const w = make(() => {});
  const ingest = ingestInWorker(() => w);
  await assert.rejects(ingest.text("   \n ", {}), (e: unknown) => e instanceof IngestError && e.code === "empty");
  const html = await ingest.text("<html><body><h1>T</h1><p>a&amp;b</p></body></html>", { format: "html" });
  assert.equal(html.text.trim(), "# T\na&b");
});

test("HTML to text over its time budget (33,000 nested tables) is refused as an IngestError, in the thread", async () => {
  const w = make((b) => (b.lanes.compute.timeoutMs = 200));
  // Unclosed, as the issue found them: about 8 s of htmlToText on an idle core.
  const nested = "<table><tr><td>a".repeat(33_000);
  await assert.rejects(
    ingestInWorker(() => w).text(nested, { format: "html" }),
    (e: unknown) => e instanceof IngestError && e.code === "too-large" && /too complex/.test(e.message),
  );
});

test("compute threads run at a lower priority than the request thread (Linux: niceness per thread)", async (t) => {
  if (process.platform !== "linux") return t.skip("niceness per thread is Linux's");
  const w = make((b) => (b.lanes.compute.nice = 7));
  await w.run("compute", "compare", compareInput("1. a\nb", "1. a\nc"));
  const nices = readdirSync(`/proc/${process.pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
  assert.ok(nices.includes(7), `threads' niceness: ${nices.join(" ")}`);
  assert.equal(nices[0], 0, "the main thread keeps its priority");
});
