/**
 * Several processes on one database (docs/decisions/0017-postgresql.md): two clients with pools of their
 * own, as two app servers have, write at once; nothing is lost or stored twice, and a job runs once.
 * Runs on the test provider (TEST_DATABASE_PROVIDER): on PostgreSQL the job lock is the advisory lock
 * shared by both clients; on SQLite it is per process (both clients are in this one).
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, test } from "node:test";
import { createDb, type Db } from "../db.ts";
import { contentHash } from "../ingest/hash.ts";
import { withJobLock } from "../job-lock.ts";
import { searchSections } from "./search.ts";
import { parseSearchQuery } from "../search/query.ts";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { addNewVersion, createPolicyWithVersion } from "./version-writes.ts";

let t: TestDb;
let servers: [Db, Db];
before(async () => {
  t = await freshTestDb("writers");
  servers = [createDb(t.url), createDb(t.url)];
});
after(async () => {
  await Promise.all(servers.map((s) => s.$disconnect()));
  await t.dispose();
});

const text = (policy: number, version: number) =>
  `第${version}版 政策${policy}\n\n一、收集\n我们收集第${policy}号政策第${version}版写者标记的信息。\n\n二、使用\n用于第${version}次服务。`;

test("two servers writing policies and versions at once: every write stored once, and indexed", async () => {
  const policies = 4;
  const versions = 4;
  // Each policy is created through one server; its versions arrive through both, interleaved.
  await Promise.all(
    Array.from({ length: policies }, (_, p) =>
      createPolicyWithVersion(
        { slug: `writers-${p}`, name: `写者${p}` },
        { text: text(p, 0), format: "text", contentHash: contentHash(text(p, 0)), publishedAt: "2020-01-01" },
        servers[p % 2],
      ),
    ),
  );
  const writes = [];
  for (let p = 0; p < policies; p++)
    for (let v = 1; v < versions; v++)
      writes.push(
        addNewVersion(
          `writers-${p}`,
          { text: text(p, v), format: "text", contentHash: contentHash(text(p, v)), publishedAt: `202${v}-01-01` },
          servers[(p + v) % 2],
        ),
      );
  // The same version sent through both servers at once: stored once, the other is told it is a duplicate.
  const twice = text(0, 9);
  const both = await Promise.allSettled(
    servers.map((s) => addNewVersion("writers-0", { text: twice, format: "text", contentHash: contentHash(twice), publishedAt: "2029-01-01" }, s)),
  );
  await Promise.all(writes);
  assert.deepEqual(both.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
  assert.match(String((both.find((r) => r.status === "rejected") as PromiseRejectedResult).reason), /DuplicateVersion|already/i);

  const stored = await t.client.version.findMany({ where: { policy: { slug: { startsWith: "writers-" } } }, select: { contentHash: true } });
  assert.equal(stored.length, policies * versions + 1);
  assert.equal(new Set(stored.map((v) => v.contentHash)).size, stored.length);
  const query = parseSearchQuery("写者标记");
  assert.ok(query.ok);
  const found = await searchSections({ terms: query.terms, limit: 50 }, servers[1]);
  assert.equal(found.total, policies, "one hit (section group) per policy");
});

test("a job runs once when both servers want it; the other skips or waits its turn", async () => {
  let running = 0;
  let most = 0;
  let runs = 0;
  const job = async () => {
    running++;
    runs++;
    most = Math.max(most, running);
    await sleep(300);
    running--;
    return runs;
  };
  const skipped = await Promise.all(servers.map((s) => withJobLock(s, "writers:skip", job, { wait: false })));
  assert.deepEqual(skipped.map((r) => r.ran).sort(), [false, true]);
  assert.equal(runs, 1);

  const waited = await Promise.all(servers.map((s) => withJobLock(s, "writers:wait", job, { wait: true })));
  assert.deepEqual(
    waited.map((r) => r.ran),
    [true, true],
  );
  assert.equal(runs, 3);
  assert.equal(most, 1, "never two at once");
});
