import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { applyPendingMigrations, createMigration, MIGRATIONS_DIR, pendingSchemaChange, SCHEMA_PATH } from "./index.ts";

mkdirSync(".tmp", { recursive: true });
const work = mkdtempSync(path.resolve(".tmp", "migrate-"));
after(() => rmSync(work, { recursive: true, force: true }));

test("the committed migrations match prisma/schema.prisma", async () => {
  assert.equal(await pendingSchemaChange(), "", "schema changed without a migration: run npm run db:migration:create");
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
