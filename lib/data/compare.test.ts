import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { compareCacheKey, getCompareModel, loadVersion, type LoadedVersion } from "./compare.ts";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { addVersion, upsertPolicy } from "./writes.ts";

let t: TestDb;
before(async () => {
  t = await freshTestDb("compare");
  await upsertPolicy({ slug: "acme-privacy", name: "Acme 隐私政策" }, t.client);
  const text = (extra: string) => `一、我们如何收集信息\n我们收集您的${extra}信息。\n\n二、联系我们\n请发邮件。\n`;
  await addVersion("acme-privacy", { text: text("设备"), publishedAt: "2021-01-01", format: "text", contentHash: "h1" }, t.client);
  await addVersion("acme-privacy", { text: text("位置"), publishedAt: "2022-01-01", format: "text", contentHash: "h2" }, t.client);
});
after(async () => {
  await t.dispose();
});

async function load(key: string): Promise<LoadedVersion> {
  const r = await loadVersion({ slug: "acme-privacy", key }, t.client);
  assert.ok(r.ok);
  return r.version;
}

test("loadVersion says which part of an address is missing", async () => {
  assert.equal((await loadVersion({ slug: "acme-privacy", key: "1999-01-01" }, t.client)).ok, false);
  const noVersion = await loadVersion({ slug: "acme-privacy", key: "1999-01-01" }, t.client);
  const noPolicy = await loadVersion({ slug: "nope", key: "2021-01-01" }, t.client);
  assert.equal(!noVersion.ok && noVersion.reason, "version-not-found");
  assert.equal(!noPolicy.ok && noPolicy.reason, "policy-not-found");
  const v = await load("2021-01-01");
  assert.equal(v.policyName, "Acme 隐私政策");
  assert.equal(v.publishedAt, "2021-01-01");
});

test("the model is computed once, stored, then served from the cache; options are part of the key", async () => {
  const [a, b] = [await load("2021-01-01"), await load("2022-01-01")];
  const first = await getCompareModel(a, b, [], t.client);
  assert.equal(first.cached, false);
  assert.ok(first.model.stats.insertedChars > 0);
  const again = await getCompareModel(a, b, [], t.client);
  assert.equal(again.cached, true);
  assert.equal(again.json, first.json);
  assert.equal(await t.client.compareCache.count(), 1);

  assert.notEqual(compareCacheKey(a, b, { ignore: ["width"] }), compareCacheKey(a, b, { ignore: [] }));
  assert.equal(compareCacheKey(a, b, { ignore: ["width", "whitespace"] }), compareCacheKey(a, b, { ignore: ["whitespace", "width"] }));
  assert.notEqual(compareCacheKey(a, b, { ignore: [] }), compareCacheKey(b, a, { ignore: [] }));
  // Same normalised hash, different original characters: a different key.
  assert.notEqual(compareCacheKey(a, b, { ignore: [] }), compareCacheKey({ ...a, text: a.text.replace("。", ".") }, b, { ignore: [] }));

  // Purging the table purges the cache (memory only copies rows).
  await t.client.compareCache.deleteMany({});
  assert.equal((await getCompareModel(a, b, [], t.client)).cached, false);
});

test("deleting a version deletes its cached comparisons (cascade)", async () => {
  assert.ok((await t.client.compareCache.count()) > 0);
  await t.client.version.deleteMany({ where: { key: "2021-01-01" } });
  assert.equal(await t.client.compareCache.count(), 0);
});
