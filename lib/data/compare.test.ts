import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  compareCacheKey,
  evictOldest,
  findVersionChoices,
  getCompareModel,
  listCompareChoices,
  loadVersion,
  type LoadedVersion,
} from "./compare.ts";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { addVersion, upsertPolicy } from "./writes.ts";

let t: TestDb;
before(async () => {
  t = await freshTestDb("compare");
  await upsertPolicy({ slug: "acme-privacy", name: "Acme 隐私政策" }, t.client);
  const text = (extra: string) => `一、我们如何收集信息\n我们收集您的${extra}信息。\n\n二、联系我们\n请发邮件。\n`;
  await addVersion("acme-privacy", { text: text("设备"), publishedAt: "2021-01-01", format: "text", contentHash: "h1" }, t.client);
  await addVersion("acme-privacy", { text: text("位置"), publishedAt: "2022-01-01", format: "text", contentHash: "h2" }, t.client);
  await addVersion("acme-privacy", { text: text("账号"), publishedAt: "2023-01-01", format: "text", contentHash: "h3" }, t.client);
  await addVersion("acme-privacy", { text: text("联系人"), publishedAt: null, format: "text", contentHash: "h4" }, t.client);
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

test("concurrent misses of one key share one computation and one row", async () => {
  const [a, b] = [await load("2021-01-01"), await load("2023-01-01")];
  const results = await Promise.all([1, 2, 3, 4].map(() => getCompareModel(a, b, ["width"], t.client)));
  assert.equal(results.filter((r) => !r.cached).length, 1);
  assert.ok(results.every((r) => r.json === results[0]!.json));
  assert.equal(await t.client.compareCache.count({ where: { fromVersionId: a.id, toVersionId: b.id } }), 1);
});

test("the table is capped: the oldest rows beyond the row or size limit are evicted", async () => {
  const [a, b, c] = [await load("2021-01-01"), await load("2022-01-01"), await load("2023-01-01")];
  await t.client.compareCache.deleteMany({});
  const pairs: [LoadedVersion, LoadedVersion][] = [[a, b], [b, c], [a, c], [c, a]];
  for (const [x, y] of pairs) {
    await getCompareModel(x, y, ["numbering"], t.client);
    await new Promise((r) => setTimeout(r, 5)); // distinct createdAt
  }
  assert.equal(await t.client.compareCache.count(), 4);
  assert.equal(await evictOldest(t.client, { maxRows: 3, maxChars: 1e9 }), 1);
  const left = await t.client.compareCache.findMany({ select: { fromVersionId: true, toVersionId: true } });
  assert.deepEqual(left.map((r) => [r.fromVersionId, r.toVersionId]).sort(), [[b.id, c.id], [a.id, c.id], [c.id, a.id]].sort());
  const one = (await t.client.compareCache.findFirst({ select: { json: true } }))!.json.length;
  assert.equal(await evictOldest(t.client, { maxRows: 10, maxChars: one + 1 }), 2);
  assert.equal(await t.client.compareCache.count(), 1);
  assert.equal((await t.client.compareCache.findFirst({ select: { fromVersionId: true } }))!.fromVersionId, c.id);
});

test("version choices are newest first, undated last (the foundation's order)", async () => {
  const acme = (await listCompareChoices(t.client)).find((p) => p.slug === "acme-privacy")!;
  assert.deepEqual(
    acme.versions.map((v) => v.key),
    ["2023-01-01", "2022-01-01", "2021-01-01", "undated"],
  );
});

test("deleting a version deletes its cached comparisons (cascade)", async () => {
  assert.ok((await t.client.compareCache.count()) > 0);
  await t.client.version.deleteMany({ where: { key: "2021-01-01" } });
  assert.equal(await t.client.compareCache.count(), 0);
});

test("version choices for the picker: words match name, slug, key or label; one policy; bounded; no texts", async () => {
  await upsertPolicy({ slug: "other-terms", name: "Other 服务条款" }, t.client);
  await addVersion("other-terms", { text: "1. A\nb\n", publishedAt: "2022-05-05", format: "text", contentHash: "o1" }, t.client);
  const all = await findVersionChoices("", {}, t.client);
  assert.ok(all.length >= 4);
  assert.deepEqual(
    (await findVersionChoices("", { policy: "acme-privacy" }, t.client)).map((v) => v.key),
    ["2023-01-01", "2022-01-01", "undated"],
  );
  assert.deepEqual(
    (await findVersionChoices("acme 2022", {}, t.client)).map((v) => `${v.slug}@${v.key}`),
    ["acme-privacy@2022-01-01"],
  );
  assert.deepEqual(
    (await findVersionChoices("服务条款", {}, t.client)).map((v) => `${v.policyName}@${v.key}`),
    ["Other 服务条款@2022-05-05"],
  );
  assert.equal((await findVersionChoices("", { limit: 2 }, t.client)).length, 2);
  assert.ok(!("text" in all[0]!));
});
