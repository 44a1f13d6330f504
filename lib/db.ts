/**
 * The Prisma client: one per process, kept on globalThis so Next's module reloading (dev) and repeated
 * imports share it. Created lazily, so importing this module opens nothing (e.g. during `next build`).
 *
 * Not marked server-only: scripts (migrate, seed, tests) run under tsx and need it. The app reaches
 * the database only through `lib/data` (whose index is server-only).
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.ts";
import { databaseUrl } from "./config.ts";

export type Db = PrismaClient;

/** A new client on a SQLite `file:` URL (default: DATABASE_URL). Callers own it and must $disconnect. */
export function createDb(url: string = databaseUrl()): Db {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

const globalForDb = globalThis as typeof globalThis & { __policyDiffDb?: Db };

/** The process-wide client on DATABASE_URL. */
export function db(): Db {
  globalForDb.__policyDiffDb ??= createDb();
  return globalForDb.__policyDiffDb;
}
