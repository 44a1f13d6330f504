/**
 * One job at a time per key, across every server on one database (docs/decisions/0017-postgresql.md).
 *
 * - PostgreSQL: a transaction-scoped advisory lock on a 64-bit hash of the key, held by an otherwise
 *   empty transaction for as long as the job runs (the job itself uses other connections). It is
 *   released when the job ends, and by PostgreSQL itself if the process dies.
 * - SQLite: one process owns the file's writes, so an in-process lock per key is the whole story (a
 *   second process on the same file, e.g. the CLI, does not coalesce with the server; nothing breaks:
 *   it computes the same value again).
 *
 * `wait: true` queues behind the current holder (compare-cache coalescing: the second server waits,
 * then finds the model stored); `wait: false` skips a job someone else is running (scheduled work:
 * whoever holds the lock does it; others move on). Claiming individual due items is done with atomic
 * conditional updates instead (UPDATE ... WHERE "claimedAt" IS NULL), which need no lock.
 *
 * Not marked server-only: scripts use it.
 */
import { createHash } from "node:crypto";
import { providerOfClient, type Db } from "./db.ts";

export interface JobLockOptions {
  /** Wait for the current holder (true) or give up at once (false). */
  wait: boolean;
  /** Longest a job may hold the lock (PostgreSQL: the holding transaction's timeout). */
  maxHoldMs?: number;
  /** Longest to wait for the lock when `wait` (PostgreSQL: the transaction's start wait plus lock wait). */
  maxWaitMs?: number;
}

export type JobLockResult<T> = { ran: true; value: T } | { ran: false };

/** The advisory lock key of a job key: the first 8 bytes of its sha256, as a signed 64-bit integer. */
export function advisoryKey(key: string): bigint {
  return createHash("sha256").update(`policy-diff:${key}`).digest().readBigInt64BE(0);
}

const DEFAULTS = { maxHoldMs: 120_000, maxWaitMs: 120_000 };

const local = new Map<string, Promise<unknown>>();

async function withLocalLock<T>(key: string, run: () => Promise<T>, opts: JobLockOptions): Promise<JobLockResult<T>> {
  for (;;) {
    const held = local.get(key);
    if (!held) break;
    if (!opts.wait) return { ran: false };
    await held.catch(() => {});
  }
  const job = run();
  const settled = job.then(
    () => {},
    () => {},
  );
  local.set(key, settled);
  try {
    return { ran: true, value: await job };
  } finally {
    if (local.get(key) === settled) local.delete(key);
  }
}

/** Runs `run` holding the job lock `key` on `client`'s database; `{ ran: false }` when skipped. */
export async function withJobLock<T>(
  client: Db,
  key: string,
  run: () => Promise<T>,
  options: JobLockOptions,
): Promise<JobLockResult<T>> {
  const opts = { ...DEFAULTS, ...options };
  if (providerOfClient(client) !== "postgresql") return withLocalLock(key, run, opts);
  const lock = advisoryKey(key).toString();
  let result: JobLockResult<T> = { ran: false };
  await client.$transaction(
    async (tx) => {
      if (opts.wait) {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(opts.maxWaitMs))}`);
        await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock($1::bigint)::text AS "locked"`, lock);
      } else {
        const [row] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
          `SELECT pg_try_advisory_xact_lock($1::bigint) AS "locked"`,
          lock,
        );
        if (!row?.locked) return;
      }
      result = { ran: true, value: await run() };
    },
    { maxWait: opts.maxWaitMs, timeout: opts.maxHoldMs + opts.maxWaitMs },
  );
  return result;
}
