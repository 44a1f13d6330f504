/**
 * For tests: a fresh, migrated database and a client on it. SQLite: a file under .tmp/. PostgreSQL, when
 * TEST_DATABASE_PROVIDER=postgresql: a new database on the server of POSTGRES_TEST_URL (CI starts a
 * throwaway cluster; `.ci/run`), dropped by dispose (docs/decisions/0017-postgresql.md).
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFile } from "../config.ts";
import { createDb, WRITE_LOCK_KEY, type Db } from "../db.ts";
import { applyPendingMigrations } from "../migrate/index.ts";
import { createDatabase, dropDatabase, scratchName } from "../migrate/postgres-cluster.ts";
import { providerOf, type Provider } from "../migrate/providers.ts";

export interface TestDb {
  client: Db;
  url: string;
  dispose(): Promise<void>;
}

/** The database the data-layer tests run on. */
export function testProvider(): Provider {
  const p = process.env.TEST_DATABASE_PROVIDER ?? "sqlite";
  if (p !== "sqlite" && p !== "postgresql") throw new Error(`TEST_DATABASE_PROVIDER must be sqlite or postgresql, not ${p}`);
  return p;
}

function postgresServer(): string {
  const url = process.env.POSTGRES_TEST_URL;
  if (!url) throw new Error("TEST_DATABASE_PROVIDER=postgresql needs POSTGRES_TEST_URL (a server to create test databases on)");
  return url;
}

/** A fresh, empty, migrated database URL of the test provider, and how to drop it. */
export async function freshTestDatabaseUrl(
  name = "unit",
  provider: Provider = testProvider(),
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === "postgresql") {
    const server = postgresServer();
    const database = scratchName(name);
    const url = await createDatabase(server, database);
    await applyPendingMigrations(url);
    return { url, drop: () => dropDatabase(server, database) };
  }
  const dir = path.resolve(".tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}-${randomUUID().slice(0, 8)}.db`);
  const url = `file:${file}`;
  await applyPendingMigrations(url);
  return {
    url,
    drop: () => {
      for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
      return Promise.resolve();
    },
  };
}

/** A fresh database of the test provider, or of `provider` for a test about one database's own behaviour. */
export async function freshTestDb(name = "unit", provider: Provider = testProvider()): Promise<TestDb> {
  const { url, drop } = await freshTestDatabaseUrl(name, provider);
  const client = createDb(url);
  return {
    client,
    url,
    async dispose() {
      await client.$disconnect();
      await drop();
    },
  };
}

/**
 * Another connection holding the database's write lock, as another process writing would: SQLite's
 * (BEGIN IMMEDIATE) or, on PostgreSQL, the advisory lock every writeTransaction takes (lib/db.ts).
 */
export async function holdWriteLock(
  url: string,
): Promise<{ exec: (sql: string) => Promise<void>; commit: () => Promise<void>; close: () => Promise<void> }> {
  if (providerOf(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
    let open = true;
    const commit = async () => {
      if (open) await client.query("COMMIT");
      open = false;
    };
    return {
      exec: async (sql) => void (await client.query(sql)),
      commit,
      close: async () => {
        if (open) await client.query("ROLLBACK");
        await client.end();
      },
    };
  }
  const other = new Database(databaseFile(url), { timeout: 0 });
  other.exec("BEGIN IMMEDIATE");
  return {
    exec: (sql) => Promise.resolve(void other.exec(sql)),
    commit: () => Promise.resolve(void other.exec("COMMIT")),
    close: () => {
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
      return Promise.resolve();
    },
  };
}
