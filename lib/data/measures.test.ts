/**
 * Stored measures: computed once when a text is stored (import, seed), read from the row afterwards,
 * and backfilled for rows older than the columns (SQL migration for the length, db:migrate for sections).
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import Database from "better-sqlite3";
import { createDb } from "../db.ts";
import { contentHash } from "../ingest/hash.ts";
import { applyPendingMigrations, MIGRATIONS_DIR } from "../migrate/index.ts";
import { backfillMeasures, countCharacters, measureText } from "./measures.ts";
import { getPolicy, getVersion, listPolicies } from "./reads.ts";
import { seedSamples } from "./samples.ts";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { addNewVersion, createPolicyWithVersion } from "./version-writes.ts";

const TEXT = [
  "示例隐私政策",
  "",
  "一、我们如何收集信息",
  "（一）设备信息",
  "我们收集您的设备信息。",
  "（二）位置信息 𠀀",
  "我们收集您的位置信息 😀。",
  "",
  "二、我们如何使用信息",
  "用于提供服务。",
].join("\n");

let t: TestDb;
before(async () => {
  t = await freshTestDb("measures");
});
after(async () => {
  await t.dispose();
});

test("measureText: characters are code points; sections are counted at every level", () => {
  assert.equal(countCharacters("a😀b𠀀"), 4);
  assert.equal(countCharacters(""), 0);
  const m = measureText(TEXT);
  assert.equal(m.textLength, [...TEXT].length);
  assert.equal(m.sectionCount, 4); // 一、 with （一）（二）, and 二、
});

test("a version's measures are stored when it is added, and lists read them from the row", async () => {
  await createPolicyWithVersion(
    { slug: "measured", name: "示例" },
    { text: TEXT, publishedAt: "2021-01-01", format: "text", contentHash: contentHash(TEXT) },
    t.client,
  );
  const second = `${TEXT}\n\n三、联系我们\n邮箱。`;
  const added = await addNewVersion(
    "measured",
    { text: second, publishedAt: "2022-01-01", format: "text", contentHash: contentHash(second) },
    t.client,
  );
  assert.deepEqual({ length: added.length, sectionCount: added.sectionCount }, {
    length: [...second].length,
    sectionCount: 5,
  });
  const row = await t.client.version.findFirstOrThrow({ where: { key: "2022-01-01" } });
  assert.deepEqual({ textLength: row.textLength, sectionCount: row.sectionCount }, measureText(second));

  // Change a text behind the app's back: reads keep reporting what was measured at import, which
  // shows that no read measures texts.
  await t.client.$executeRaw`UPDATE "Version" SET "originalText" = 'x' WHERE "id" = ${row.id}`;
  const policy = await getPolicy("measured", t.client);
  assert.equal(policy?.versions[0]?.length, [...second].length);
  assert.equal(policy?.versions[0]?.sectionCount, 5);
  assert.equal((await getVersion("measured", "2022-01-01", t.client))?.length, [...second].length);
  assert.ok((await listPolicies(t.client)).some((p) => p.slug === "measured" && p.versionCount === 2));
});

test("the seed stores measures too", async () => {
  const seeded = await freshTestDb("measures-seed");
  try {
    await seedSamples(seeded.client);
    const rows = await seeded.client.version.findMany({ select: { originalText: true, textLength: true, sectionCount: true } });
    assert.ok(rows.length > 0);
    for (const r of rows) assert.deepEqual({ textLength: r.textLength, sectionCount: r.sectionCount }, measureText(r.originalText));
  } finally {
    await seeded.dispose();
  }
});

test("rows stored before the measures existed are backfilled: length by the migration, sections by backfillMeasures", async () => {
  mkdirSync(".tmp", { recursive: true });
  const work = mkdtempSync(path.resolve(".tmp", "measures-migrate-"));
  try {
    // A database at the first migration only, with rows and a cached comparison as they were then.
    const initOnly = path.join(work, "migrations");
    mkdirSync(initOnly);
    cpSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(initOnly, "migration_lock.toml"));
    cpSync(path.join(MIGRATIONS_DIR, "20261122061656_init"), path.join(initOnly, "20261122061656_init"), { recursive: true });
    const file = path.join(work, "old.db");
    await applyPendingMigrations(`file:${file}`, { migrationsDir: initOnly });
    const texts = [TEXT, "没有标题的文本 😀", `${TEXT}\n三、其他\n内容`];
    const old = new Database(file);
    old.exec(`INSERT INTO "Policy" ("id","slug","name","updatedAt") VALUES ('p1','old','旧',CURRENT_TIMESTAMP)`);
    const insert = old.prepare(
      `INSERT INTO "Version" ("id","policyId","key","originalText","originalFormat","contentHash") VALUES (?,?,?,?,?,?)`,
    );
    texts.forEach((text, i) => insert.run(`v${i}`, "p1", `k${i}`, text, "text", contentHash(text)));
    old.exec(`INSERT INTO "CompareCache" ("id","key","fromVersionId","toVersionId","json") VALUES ('c1','ck','v0','v2','{}')`);
    old.close();

    const { applied } = await applyPendingMigrations(`file:${file}`);
    assert.ok(applied.some((name) => name.endsWith("_version_measures")));
    const client = createDb(`file:${file}`);
    try {
      const before = await client.version.findMany({ orderBy: { id: "asc" } });
      assert.deepEqual(
        before.map((r) => [r.textLength, r.sectionCount]),
        texts.map((text) => [[...text].length, null]),
      );
      assert.equal(await backfillMeasures(client, { batchSize: 2 }), 3);
      const after = await client.version.findMany({ orderBy: { id: "asc" } });
      assert.deepEqual(
        after.map((r) => ({ textLength: r.textLength, sectionCount: r.sectionCount })),
        texts.map(measureText),
      );
      assert.equal(await backfillMeasures(client), 0, "a second run has nothing to do");
      assert.equal(await client.compareCache.count(), 1, "the table rebuild keeps cached comparisons");
    } finally {
      await client.$disconnect();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
