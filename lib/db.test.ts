/**
 * Writers wait for each other instead of failing: real SQLite files, a second connection (a raw
 * better-sqlite3 handle, as another process would hold) taking the write lock.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import Database from "better-sqlite3";
import { databaseFile } from "./config.ts";
import { DatabaseBusyError, isBusyError, retryWhileBusy, SQLITE_BUSY_TIMEOUT_MS, writeTransaction } from "./db.ts";
import { freshTestDb, type TestDb } from "./data/test-db.ts";
import { getPolicy } from "./data/reads.ts";
import { addNewVersion, createPolicyWithVersion } from "./data/version-writes.ts";
import { describeWriteError } from "./import/errors.ts";
import { contentHash } from "./ingest/hash.ts";

let t: TestDb;
let other: Database.Database;

before(async () => {
  // SQLite's own locking (PostgreSQL's writers: lib/data/writers.test.ts).
  t = await freshTestDb("db-busy", "sqlite");
  await createPolicyWithVersion({ slug: "busy-privacy", name: "忙" }, version("第一版"), t.client);
  other = new Database(databaseFile(t.url), { timeout: 0 });
});
after(async () => {
  other.close();
  await t.dispose();
});

function version(text: string) {
  return { text, publishedAt: null, format: "text", contentHash: contentHash(text) };
}

/** Takes the write lock on the other connection and releases it (commits) after `ms`. */
function holdWriteLock(ms: number): Promise<void> {
  other.exec("BEGIN IMMEDIATE");
  other.exec(`UPDATE "Policy" SET "description" = 'held' WHERE "slug" = 'busy-privacy'`);
  return new Promise((resolve) =>
    setTimeout(() => {
      other.exec("COMMIT");
      resolve();
    }, ms),
  );
}

test("every connection runs in WAL mode with synchronous=FULL and a short busy timeout", async () => {
  const [mode] = await t.client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  const [sync] = await t.client.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
  const [busy] = await t.client.$queryRawUnsafe<{ timeout: bigint }[]>("PRAGMA busy_timeout");
  assert.equal(mode?.journal_mode, "wal");
  assert.equal(Number(sync?.synchronous), 2); // FULL
  assert.equal(Number(busy?.timeout), SQLITE_BUSY_TIMEOUT_MS);
});

test("a write waits while another connection holds the write lock, then is stored", async () => {
  const released = holdWriteLock(600);
  const started = Date.now();
  const stored = await addNewVersion("busy-privacy", version("第二版：在锁释放之后写入。"), t.client);
  await released;
  assert.ok(Date.now() - started >= 500, "the write did not wait for the lock");
  assert.equal(stored.key, "undated-2");
  const p = await getPolicy("busy-privacy", t.client);
  assert.equal(p?.versionCount, 2);
  assert.equal(p?.description, "held", "the other connection's write is kept too");
});

test("a transaction whose snapshot went stale (SQLITE_BUSY_SNAPSHOT) is run again", async () => {
  let attempts = 0;
  const count = await retryWhileBusy(() =>
    t.client.$transaction(async (tx) => {
      attempts++;
      const n = await tx.version.count(); // opens a read snapshot
      // Another connection commits in between (first attempt only) ...
      if (attempts === 1) other.exec(`UPDATE "Policy" SET "publisher" = 'p' WHERE "slug" = 'busy-privacy'`);
      // ... so this write cannot upgrade the stale snapshot.
      await tx.policy.update({ where: { slug: "busy-privacy" }, data: { name: `忙 ${n}` } });
      return n;
    }),
  );
  assert.equal(attempts, 2);
  assert.equal(count, 2);
});

test("after the deadline a waiting write gives up with DatabaseBusyError, which the API answers with 503", async () => {
  const released = holdWriteLock(1_000);
  let error: unknown;
  try {
    await writeTransaction(
      t.client,
      (tx) => tx.policy.update({ where: { slug: "busy-privacy" }, data: { description: "late" } }),
      {
        deadlineMs: 300,
      },
    );
  } catch (e) {
    error = e;
  }
  await released;
  assert.ok(error instanceof DatabaseBusyError, String(error));
  assert.equal(describeWriteError(error)?.status, 503);
  assert.equal(describeWriteError(error)?.code, "database_busy");
});

test("isBusyError: busy and transaction-timeout errors only", () => {
  const busy = { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY_SNAPSHOT" } } } };
  assert.equal(isBusyError(busy), true);
  assert.equal(isBusyError({ code: "P2028" }), true);
  assert.equal(isBusyError(new Error("wrapped", { cause: busy })), true);
  assert.equal(isBusyError({ code: "P2002" }), false);
  assert.equal(isBusyError(new Error("no")), false);
  assert.equal(isBusyError(null), false);
});
