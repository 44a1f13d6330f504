/**
 * The Prisma client: one per process, kept on globalThis so Next's module reloading (dev) and repeated
 * imports share it. Created lazily, so importing this module opens nothing (e.g. during `next build`).
 *
 * Not marked server-only: scripts (migrate, seed, tests) run under tsx and need it. The app reaches
 * the database only through `lib/data` (whose index is server-only).
 *
 * Several processes write to one SQLite file (the server, the `policy import` CLI, seeds), so every
 * connection is set up for that (docs/decisions/0014-request-guards.md):
 * - WAL journal: readers never wait for a writer, a writer never waits for readers.
 * - synchronous=FULL: a commit is on disk before it returns, so an acknowledged write survives
 *   kill -9 and power loss alike (about 4 ms per commit here; writes are rare).
 * - A short busy timeout (SQLITE_BUSY_TIMEOUT_MS). better-sqlite3 is synchronous: while SQLite waits
 *   for a lock, the whole server process waits with it. So the wait inside SQLite stays short and
 *   `writeTransaction` below does the long waiting asynchronously, retrying the whole transaction.
 *
 * On PostgreSQL (a `postgres://` DATABASE_URL; docs/decisions/0017-postgresql.md) the same models come
 * from a second generated client (generated/prisma-postgresql, from the generated
 * prisma/postgresql/schema.prisma) over node-postgres; its type is the SQLite client's (same models).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgresql/client.ts";
import { config } from "./config.ts";
import { providerOf, type Provider } from "./migrate/providers.ts";

export type Db = PrismaClient;

/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** How long one SQLite statement waits for a lock before it fails with SQLITE_BUSY (blocks the thread). */
export const SQLITE_BUSY_TIMEOUT_MS = 100;

/** Per-connection settings, run when a connection opens (journal_mode=WAL is also stored in the file). */
const CONNECTION_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

/** PrismaBetterSqlite3, with CONNECTION_PRAGMAS applied to each connection it opens. */
class ConfiguredSqlite {
  readonly provider: PrismaBetterSqlite3["provider"];
  readonly adapterName: string;
  readonly #inner: PrismaBetterSqlite3;

  constructor(url: string) {
    this.#inner = new PrismaBetterSqlite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
    this.provider = this.#inner.provider;
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<Adapter> {
    const adapter = await this.#inner.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return adapter;
  }

  connectToShadowDb(): Promise<Adapter> {
    return this.#inner.connectToShadowDb();
  }
}

/** Connections one process keeps open to PostgreSQL (node-postgres pool). */
export const POSTGRES_POOL_SIZE = 10;

/**
 * A new client on a SQLite `file:` URL or a PostgreSQL URL (default: DATABASE_URL). Callers own it and
 * must $disconnect.
 */
export function createDb(url: string = config().databaseUrl): Db {
  if (providerOf(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: POSTGRES_POOL_SIZE });
    return new PostgresPrismaClient({ adapter }) as unknown as Db;
  }
  return new PrismaClient({ adapter: new ConfiguredSqlite(url) });
}

/** Which database a client (or a transaction of one) talks to: raw SQL differs (lib/data/sql.ts). */
export function providerOfClient(client: Db | Tx): Provider {
  const active = (client as unknown as { _activeProvider?: string })._activeProvider;
  return active === "postgresql" ? "postgresql" : "sqlite";
}

const globalForDb = globalThis as typeof globalThis & { __policyDiffDb?: Db };

/** The process-wide client on DATABASE_URL. */
export function db(): Db {
  globalForDb.__policyDiffDb ??= createDb();
  return globalForDb.__policyDiffDb;
}

/** Another connection held the database lock for longer than `writeTransaction` waits; nothing was stored. */
export class DatabaseBusyError extends Error {
  readonly code = "database_busy";
  constructor(readonly waitedMs: number) {
    super(`The database stayed busy with other writes for ${Math.round(waitedMs / 1000)} s; nothing was stored.`);
    this.name = "DatabaseBusyError";
  }
}

/**
 * Whether an error means "another connection holds the lock" (SQLITE_BUSY and its extended codes, e.g.
 * SQLITE_BUSY_SNAPSHOT), or that Prisma gave up waiting to start or finish a transaction (P2028), so
 * that running the whole transaction again is safe and may succeed.
 */
export function isBusyError(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code === "P2028") return true;
    if (typeof e.code === "string" && e.code.startsWith("SQLITE_BUSY")) return true;
    const cause = (
      e.meta as { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } | undefined
    )?.driverAdapterError?.cause;
    if (typeof cause?.originalCode === "string" && cause.originalCode.startsWith("SQLITE_BUSY")) return true;
    if (cause?.kind === "SocketTimeout") return true;
    // PostgreSQL: serialization failure, deadlock detected (the transaction was rolled back: run it again).
    if (cause?.originalCode === "40001" || cause?.originalCode === "40P01") return true;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return false;
}

export interface RetryOptions {
  /** Give up (DatabaseBusyError) once this much time has passed. */
  deadlineMs?: number;
  /** First pause between attempts; doubles up to maxPauseMs, with jitter. */
  firstPauseMs?: number;
  maxPauseMs?: number;
}

const RETRY_DEFAULTS: Required<RetryOptions> = { deadlineMs: 30_000, firstPauseMs: 10, maxPauseMs: 500 };

/**
 * Runs `attempt` until it does not fail with a busy error (isBusyError), pausing between attempts
 * without blocking the process. Other errors pass through at once. After `deadlineMs`: DatabaseBusyError.
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { deadlineMs, firstPauseMs, maxPauseMs } = { ...RETRY_DEFAULTS, ...options };
  const started = Date.now();
  for (let pause = firstPauseMs; ; pause = Math.min(pause * 2, maxPauseMs)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      const waited = Date.now() - started;
      if (waited >= deadlineMs) throw new DatabaseBusyError(waited);
      await sleep(Math.min(pause * (0.5 + Math.random()), deadlineMs - waited));
    }
  }
}

/** The PostgreSQL advisory lock key every write transaction holds (lib/job-lock.ts keys are elsewhere). */
export const WRITE_LOCK_KEY = 170_017;

/**
 * A write transaction that waits for other writers instead of failing. Its first statement takes
 * SQLite's write lock (a no-op UPDATE), so the transaction never reads a snapshot that another
 * connection's commit makes stale (that fails at the first write with SQLITE_BUSY_SNAPSHOT, which no
 * busy timeout covers). While another connection holds the lock, the whole transaction is retried by
 * retryWhileBusy. `run` may therefore run more than once: it must only touch the database through `tx`.
 * On PostgreSQL the first statement takes one transaction-scoped advisory lock (WRITE_LOCK_KEY) instead:
 * writes through every server are serialised as SQLite's are (the search index hands out ids from
 * MAX(id), which two concurrent writers would both take).
 */
export function writeTransaction<T>(client: Db, run: (tx: Tx) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  return retryWhileBusy(
    () =>
      client.$transaction(
        async (tx) => {
          if (providerOfClient(tx) === "postgresql")
            await tx.$queryRaw`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})::text`;
          else await tx.$executeRaw`UPDATE "Policy" SET "id" = "id" WHERE 0`;
          return run(tx);
        },
        // Transactions of this process queue for the one connection: give them time.
        { maxWait: 10_000, timeout: 15_000 },
      ),
    options,
  );
}
