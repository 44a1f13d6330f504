/**
 * Migrations in Prisma's layout (prisma/migrations/<timestamp>_<name>/migration.sql and
 * migration_lock.toml), applied and created offline with the Wasm schema engine (see ./engine.ts).
 *
 * - applyPendingMigrations: what `prisma migrate deploy` does; records each one in `_prisma_migrations`
 *   with the sha256 checksum of its migration.sql.
 * - createMigration: what `prisma migrate dev --create-only` does, without a shadow database: the existing
 *   migrations are applied to an in-memory database (SQLite) or a scratch database on a PostgreSQL
 *   server (lib/migrate/postgres-cluster.ts), which is then diffed against the schema.
 *
 * Each provider has its own schema and migrations (./providers.ts); `applyPendingMigrations` picks them by
 * the URL, the others take a `provider` (default SQLite).
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { SEARCH_INDEX_TABLES } from "../search/tables.ts";
import { openSchemaEngine, type EngineLog } from "./engine.ts";
import { createDatabase, dropDatabase, scratchName, scratchServer } from "./postgres-cluster.ts";
import { providerOf, providerPaths, type Provider } from "./providers.ts";

export { PRISMA_DIR } from "./providers.ts";
export const SCHEMA_PATH = providerPaths("sqlite").schemaPath;
export const MIGRATIONS_DIR = providerPaths("sqlite").migrationsDir;

/**
 * Tables Prisma must leave alone: the search index, created by its own hand-written migration
 * (lib/search/tables.ts; the same list is in prisma.config.ts for the Prisma CLI).
 */
const prismaFilters = { externalTables: [...SEARCH_INDEX_TABLES], externalEnums: [] };
/** PostgreSQL wants them schema-qualified. */
const postgresFilters = { externalTables: SEARCH_INDEX_TABLES.map((t) => `public.${t}`), externalEnums: [] };
const filtersFor = (provider: Provider) => (provider === "postgresql" ? postgresFilters : prismaFilters);

export async function loadMigrationList(dir: string = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (name) => {
        const file = path.join(dir, name, "migration.sql");
        let content: { tag: "ok"; value: string } | { tag: "error"; value: string };
        try {
          content = { tag: "ok", value: await readFile(file, "utf8") };
        } catch (error) {
          content = { tag: "error", value: String(error) };
        }
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

export interface ApplyResult {
  applied: string[];
}

/** Applies the migrations the database lacks (creating the database file and its folder if needed). */
export async function applyPendingMigrations(
  url: string,
  opts: { migrationsDir?: string; schemaPath?: string; log?: EngineLog } = {},
): Promise<ApplyResult> {
  const provider = providerOf(url);
  const paths = providerPaths(provider);
  if (provider === "sqlite") {
    const file = url.replace(/^file:/, "");
    if (file !== ":memory:") await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  }
  const { engine, close } = await openSchemaEngine(url, opts.schemaPath ?? paths.schemaPath, opts.log);
  try {
    const migrationsList = await loadMigrationList(opts.migrationsDir ?? paths.migrationsDir);
    // Like `prisma migrate deploy`: refuses when an earlier migration failed, applies the rest in order.
    const out = await engine.applyMigrations({ migrationsList, filters: filtersFor(provider) });
    const history = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: filtersFor(provider),
    });
    if (history.editedMigrationNames.length > 0) {
      opts.log?.(
        `warning: migrations edited after they were applied: ${history.editedMigrationNames.join(", ")} ` +
          "(create a new migration instead of editing an applied one)",
      );
    }
    return { applied: out.appliedMigrationNames };
  } finally {
    await close();
  }
}

export interface MigrationOptions {
  /** Default "sqlite". */
  provider?: Provider;
  migrationsDir?: string;
  schemaPath?: string;
  /** PostgreSQL: the server for the scratch database (default: scratchServer()). */
  postgresServerUrl?: string;
}

/**
 * The SQL that takes a database with all existing migrations to the schema ("" when in step).
 * The migrations are applied to an in-memory database (SQLite) or a scratch database made for the purpose
 * and dropped after (PostgreSQL), which is then diffed against the schema: no shadow database, nothing
 * touches a real database.
 */
export async function pendingSchemaChange(opts: MigrationOptions = {}): Promise<string> {
  const provider = opts.provider ?? "sqlite";
  if (provider === "sqlite") return diffAfterMigrations(":memory:", opts);
  const server = opts.postgresServerUrl ? { url: opts.postgresServerUrl, release() {} } : await scratchServer();
  if (!server)
    throw new Error(
      "creating or checking PostgreSQL migrations needs PostgreSQL installed (initdb) or POSTGRES_TEST_URL",
    );
  const name = scratchName("migrations");
  try {
    return await diffAfterMigrations(await createDatabase(server.url, name), opts);
  } finally {
    await dropDatabase(server.url, name).catch(() => {});
    server.release();
  }
}

async function diffAfterMigrations(url: string, opts: MigrationOptions): Promise<string> {
  const paths = providerPaths(opts.provider ?? "sqlite");
  const schemaPath = opts.schemaPath ?? paths.schemaPath;
  const { engine, close } = await openSchemaEngine(url, schemaPath);
  try {
    const migrationsList = await loadMigrationList(opts.migrationsDir ?? paths.migrationsDir);
    await engine.applyMigrations({ migrationsList, filters: filtersFor(opts.provider ?? "sqlite") });
    const schema = await readFile(schemaPath, "utf8");
    const files = [{ path: schemaPath, content: schema }];
    const result = await engine.diff({
      // The database the engine holds, now at the state of all migrations.
      from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: filtersFor(opts.provider ?? "sqlite"),
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    await close();
  }
}

/** Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql; returns its folder, or null when in step. */
export async function createMigration(
  name: string,
  opts: MigrationOptions & { now?: Date } = {},
): Promise<string | null> {
  const provider = opts.provider ?? "sqlite";
  const dir = opts.migrationsDir ?? providerPaths(provider).migrationsDir;
  const sql = await pendingSchemaChange(opts);
  if (!sql.trim()) return null;
  const safe =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "migration";
  const stamp = (opts.now ?? new Date()).toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(dir, `${stamp}_${safe}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), sql);
  const lock = path.join(dir, "migration_lock.toml");
  if (!existsSync(lock)) {
    await writeFile(
      lock,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
    );
  }
  return folder;
}
