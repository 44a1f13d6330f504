/** For tests: a fresh, migrated SQLite file under .tmp/ and a client on it. */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createDb, type Db } from "../db.ts";
import { applyPendingMigrations } from "../migrate/index.ts";

export interface TestDb {
  client: Db;
  url: string;
  dispose(): Promise<void>;
}

export async function freshTestDb(name = "unit"): Promise<TestDb> {
  const dir = path.resolve(".tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}-${randomUUID().slice(0, 8)}.db`);
  const url = `file:${file}`;
  await applyPendingMigrations(url);
  const client = createDb(url);
  return {
    client,
    url,
    async dispose() {
      await client.$disconnect();
      for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}
