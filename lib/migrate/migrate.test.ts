import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { applyPendingMigrations, createMigration, MIGRATIONS_DIR, pendingSchemaChange, SCHEMA_PATH } from "./index.ts";
import { createDatabase, dropDatabase, postgresBinDir, scratchName, scratchServer } from "./postgres-cluster.ts";
import { postgresSchemaOf, providerOf, providerPaths } from "./providers.ts";

mkdirSync(".tmp", { recursive: true });
const work = mkdtempSync(path.resolve(".tmp", "migrate-"));
after(() => rmSync(work, { recursive: true, force: true }));

const NO_MIGRATION = "schema changed without a migration: run npm run -s db:migration:create -- <name>";

test("the committed migrations match prisma/schema.prisma", async () => {
  assert.equal(await pendingSchemaChange(), "", NO_MIGRATION);
});

test("prisma/postgresql/schema.prisma is generated from prisma/schema.prisma (npm run -s prisma:generate)", () => {
  const source = readFileSync(SCHEMA_PATH, "utf8");
  assert.equal(readFileSync(providerPaths("postgresql").schemaPath, "utf8"), postgresSchemaOf(source));
  assert.match(postgresSchemaOf(source), /provider = "postgresql"/);
});

test("DATABASE_URL chooses the database", () => {
  assert.equal(providerOf("file:./data/app.db"), "sqlite");
  assert.equal(providerOf("postgres://u@h:5432/d"), "postgresql");
  assert.equal(providerOf("postgresql://u@h/d"), "postgresql");
  assert.throws(() => providerOf("mysql://u@h/d"), /file: \(SQLite\) or postgres/);
});

// PostgreSQL: POSTGRES_TEST_URL (CI) or a throwaway cluster of this test's own; skipped (and said so)
// only where PostgreSQL is not installed at all.
const noPostgres =
  !process.env.POSTGRES_TEST_URL && !postgresBinDir() && "PostgreSQL is not installed (apt-get install postgresql)";
let server: Awaited<ReturnType<typeof scratchServer>> = null;
const postgres = async (): Promise<string> => {
  server ??= await scratchServer();
  return server!.url;
};
after(() => server?.release());

test("the committed PostgreSQL migrations match prisma/postgresql/schema.prisma", { skip: noPostgres }, async () => {
  assert.equal(
    await pendingSchemaChange({ provider: "postgresql", postgresServerUrl: await postgres() }),
    "",
    NO_MIGRATION,
  );
});

test(
  "PostgreSQL migrations apply once, recorded as prisma migrate deploy does, with the search index",
  { skip: noPostgres },
  async () => {
    const serverUrl = await postgres();
    const name = scratchName("apply");
    const url = await createDatabase(serverUrl, name);
    try {
      const names = readdirSync(providerPaths("postgresql").migrationsDir)
        .filter((n) => /^\d{14}_/.test(n))
        .sort();
      assert.deepEqual((await applyPendingMigrations(url)).applied, names);
      assert.deepEqual((await applyPendingMigrations(url)).applied, []);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const rows = (
          await client.query(`SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name`)
        ).rows as {
          migration_name: string;
          checksum: string;
        }[];
        assert.deepEqual(
          rows.map((r) => r.migration_name),
          names,
        );
        for (const r of rows) {
          const sql = readFileSync(
            path.join(providerPaths("postgresql").migrationsDir, r.migration_name, "migration.sql"),
          );
          assert.equal(r.checksum, createHash("sha256").update(sql).digest("hex"));
        }
        const index = await client.query(
          `SELECT indexdef FROM pg_indexes WHERE indexname = 'SearchTrigram_text_trgm_idx'`,
        );
        assert.match(
          String((index.rows[0] as { indexdef?: string } | undefined)?.indexdef),
          /USING gin \(text gin_trgm_ops\)/,
        );
      } finally {
        await client.end();
      }
    } finally {
      await dropDatabase(serverUrl, name);
    }
  },
);

test("a schema change becomes a new PostgreSQL migration, offline", { skip: noPostgres }, async () => {
  const dir = path.join(work, "pg-migrations");
  cpSync(providerPaths("postgresql").migrationsDir, dir, { recursive: true });
  const schemaPath = path.join(work, "pg-schema.prisma");
  const source = readFileSync(SCHEMA_PATH, "utf8").replace(
    "  note           String?\n",
    "  note           String?\n  reviewer       String?\n",
  );
  writeFileSync(schemaPath, postgresSchemaOf(source));
  const opts = { provider: "postgresql" as const, migrationsDir: dir, schemaPath, postgresServerUrl: await postgres() };
  const folder = await createMigration("add reviewer", { ...opts, now: new Date("2099-01-02T03:04:05Z") });
  assert.equal(path.basename(folder ?? ""), "20990102030405_add_reviewer");
  assert.match(
    readFileSync(path.join(folder ?? "", "migration.sql"), "utf8"),
    /ALTER TABLE "Version" ADD COLUMN\s+"reviewer" TEXT/,
  );
  assert.equal(await createMigration("again", opts), null);
});

test("migrations apply once, recorded with sha256 checksums as prisma migrate deploy does", async () => {
  const url = `file:${path.join(work, "apply.db")}`;
  const first = await applyPendingMigrations(url);
  const names = readdirSync(MIGRATIONS_DIR)
    .filter((n) => /^\d{14}_/.test(n))
    .sort();
  assert.deepEqual(first.applied, names);
  assert.deepEqual((await applyPendingMigrations(url)).applied, []);

  const sqlite = new Database(url.slice(5), { readonly: true });
  const rows = sqlite
    .prepare(`SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name`)
    .all() as {
    migration_name: string;
    checksum: string;
  }[];
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
  sqlite.close();
  assert.deepEqual(
    rows.map((r) => r.migration_name),
    names,
  );
  for (const r of rows) {
    const sql = readFileSync(path.join(MIGRATIONS_DIR, r.migration_name, "migration.sql"));
    assert.equal(r.checksum, createHash("sha256").update(sql).digest("hex"));
  }
  for (const t of ["Policy", "Version", "CompareCache"])
    assert.ok(
      tables.some((x) => x.name === t),
      t,
    );
});

test("a schema change becomes a new migration, offline", async () => {
  const dir = path.join(work, "migrations");
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const schemaPath = path.join(work, "schema.prisma");
  assert.equal(await createMigration("nothing", { migrationsDir: dir, schemaPath: SCHEMA_PATH }), null);

  const schema = readFileSync(SCHEMA_PATH, "utf8").replace(
    "  note           String?\n",
    "  note           String?\n  reviewer       String?\n",
  );
  writeFileSync(schemaPath, schema);
  const folder = await createMigration("add reviewer", {
    migrationsDir: dir,
    schemaPath,
    now: new Date("2099-01-02T03:04:05Z"),
  });
  assert.equal(path.basename(folder ?? ""), "20990102030405_add_reviewer");
  const sql = readFileSync(path.join(folder ?? "", "migration.sql"), "utf8");
  assert.match(sql, /ALTER TABLE "Version" ADD COLUMN "reviewer" TEXT/);
  assert.equal(await createMigration("again", { migrationsDir: dir, schemaPath }), null);
});
