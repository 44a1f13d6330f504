/** Admission control without threads: lanes are just their thread counts and average durations. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Admission, BusyError, clientAddress } from "./admission.ts";

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const lanes = { compute: { threads: 1, averageMs: 3000 }, large: { threads: 1, averageMs: 0 } };

test("a lane admits its threads plus its queue, then refuses with BusyError (queue) and a Retry-After", async () => {
  const a = new Admission(lanes, { queue: { compute: 2, large: 0 }, perClient: 10 });
  const g = gate();
  const running = [1, 2, 3].map((i) => a.run("compute", `c${i}`, () => g.promise));
  assert.equal(a.admitted("compute"), 3);
  await assert.rejects(
    a.run("compute", "c4", () => Promise.resolve()),
    (e: unknown) => {
      assert.ok(e instanceof BusyError);
      assert.equal(e.reason, "queue");
      assert.equal(e.retryAfter, 9); // 3 admitted on 1 thread, 3 s each
      return true;
    },
  );
  g.open();
  await Promise.all(running);
  assert.equal(a.admitted("compute"), 0);
  assert.equal(await a.run("compute", "c4", () => Promise.resolve("ok")), "ok");
});

test("one client gets at most perClient computations; others still get in", async () => {
  const a = new Admission(lanes, { queue: { compute: 8, large: 0 }, perClient: 2 });
  const g = gate();
  const mine = [a.run("compute", "10.0.0.1", () => g.promise), a.run("large", "10.0.0.1", () => g.promise)];
  await assert.rejects(
    a.run("compute", "10.0.0.1", () => Promise.resolve()),
    (e: unknown) => e instanceof BusyError && e.reason === "client",
  );
  const other = a.run("compute", "10.0.0.2", () => Promise.resolve("other"));
  assert.equal(await other, "other");
  g.open();
  await Promise.all(mine);
  assert.equal(await a.run("compute", "10.0.0.1", () => Promise.resolve("again")), "again");
});

test("a failed computation frees its place too", async () => {
  const a = new Admission(lanes, { queue: { compute: 0, large: 0 }, perClient: 1 });
  await assert.rejects(
    a.run("compute", "x", () => Promise.reject(new Error("boom"))),
    /boom/,
  );
  assert.equal(a.admitted("compute"), 0);
  assert.equal(await a.run("compute", "x", () => Promise.resolve(1)), 1);
});

test("the client address is the last X-Forwarded-For entry", () => {
  const h = (v: Record<string, string>) => new Headers(v);
  assert.equal(clientAddress(h({ "x-forwarded-for": "203.0.113.9" })), "203.0.113.9");
  assert.equal(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" })), "198.51.100.7");
  assert.equal(clientAddress(h({})), "unknown");
});
