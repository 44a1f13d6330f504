import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createDb } from "../db.ts";
import { applyPendingMigrations } from "../migrate/index.ts";
import { createDatabase, dropDatabase, postgresBinDir, scratchName, scratchServer } from "../migrate/postgres-cluster.ts";
import { copyStore, modelsInCopyOrder, storeDigest, TargetNotEmptyError } from "./copy.ts";
import { seedSamples } from "./samples.ts";
import { searchSections } from "./search.ts";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { parseSearchQuery } from "../search/query.ts";

test("models are copied after the models their relations point at", () => {
  const schema = `model Snapshot {\n  id String @id\n  watchId String\n  watch Watch @relation(fields: [watchId], references: [id])\n}\nmodel Watch {\n  id String @id\n  policyId String\n  policy Policy? @relation(fields: [policyId], references: [id])\n  snapshots Snapshot[]\n}\nmodel Policy {\n  id String @id\n  watches Watch[]\n}\n`;
  assert.deepEqual(modelsInCopyOrder(schema), ["Policy", "Watch", "Snapshot"]);
});

// The samples, SQLite -> PostgreSQL -> SQLite (or the other way round when the tests run on PostgreSQL).
const noPostgres = !process.env.POSTGRES_TEST_URL && !postgresBinDir() && "PostgreSQL is not installed (apt-get install postgresql)";
let source: TestDb;
let server: Awaited<ReturnType<typeof scratchServer>> = null;
before(async () => {
  source = await freshTestDb("copy");
  await seedSamples(source.client);
});
after(async () => {
  await source.dispose();
  server?.release();
});

test("the samples copy to the other database and back, equal by counts and hashes, and searchable", { skip: noPostgres }, async () => {
  server = await scratchServer();
  const pgName = scratchName("copy");
  const pgUrl = await createDatabase(server!.url, pgName);
  const other = source.url.startsWith("file:") ? pgUrl : `file:./.tmp/copy-${process.pid}.db`;
  const back = await freshTestDb("copy-back");
  await applyPendingMigrations(other);
  const middle = createDb(other);
  try {
    const there = await copyStore(source.client, middle);
    const models = there.source.map((d) => d.model);
    assert.deepEqual(models.slice(0, 2), ["Policy", "Version"]);
    assert.ok(there.source.find((d) => d.model === "Version")!.rows >= 10);
    assert.equal(there.indexed, there.source.find((d) => d.model === "Version")!.rows);
    const again = await copyStore(middle, back.client);
    assert.deepEqual(await storeDigest(back.client, models), await storeDigest(source.client, models));
    assert.deepEqual(again.target, there.source);
    await assert.rejects(copyStore(source.client, back.client), TargetNotEmptyError);

    const query = parseSearchQuery("个人信息");
    assert.ok(query.ok);
    const found = async (client: typeof middle) => (await searchSections({ terms: query.terms }, client)).total;
    const total = await found(source.client);
    assert.ok(total > 0);
    assert.equal(await found(middle), total);
    assert.equal(await found(back.client), total);
  } finally {
    await middle.$disconnect();
    await back.dispose();
    await dropDatabase(server!.url, pgName);
  }
});
