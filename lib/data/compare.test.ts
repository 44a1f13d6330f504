import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, test } from "node:test";
import type { IgnoreOption } from "../compare/types.ts";
import { BusyError, type Work } from "../work/index.ts";
import { createTestWork } from "../work/testing.ts";
import {
  compareCacheLimits,
  compareCacheKey,
  CompareTooLargeError,
  evictLeastUsed,
  findVersionChoices,
  flushCompareWrites,
  getCompareModel as getModel,
  listCompareChoices,
  loadVersion,
  type CompareDeps,
  type LoadedVersion,
} from "./compare.ts";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { addVersion, upsertPolicy } from "./writes.ts";

let t: TestDb;
let lanes: Work;
const getCompareModel = (a: LoadedVersion, b: LoadedVersion, ignore: IgnoreOption[], deps: CompareDeps = {}) =>
  getModel(a, b, ignore, { client: t.client, lanes, ...deps });
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
/** Computed models are written in batches: wait for the table to have them. */
const stored = () => flushCompareWrites(t.client);
before(async () => {
  lanes = createTestWork((b) => (b.perClient = 100));
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
  await lanes.close();
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
  // The text is read on demand; its hash and length are known without it (memoised per version).
  const text = await v.text();
  assert.match(text, /我们收集您的设备信息/);
  assert.equal(v.length, text.length);
  assert.equal(v.textHash, sha256(text));
  assert.equal((await load("2021-01-01")).textHash, v.textHash);
});

test("the model is computed once, stored, then served from the cache; options are part of the key", async () => {
  const [a, b] = [await load("2021-01-01"), await load("2022-01-01")];
  const first = await getCompareModel(a, b, []);
  assert.equal(first.cached, false);
  assert.ok((JSON.parse(first.json) as { stats: { insertedChars: number } }).stats.insertedChars > 0);
  const again = await getCompareModel(a, b, []);
  assert.equal(again.cached, true);
  assert.equal(again.json, first.json);
  await stored();
  assert.equal(await t.client.compareCache.count(), 1);

  assert.notEqual(compareCacheKey(a, b, { ignore: ["width"] }), compareCacheKey(a, b, { ignore: [] }));
  assert.equal(compareCacheKey(a, b, { ignore: ["width", "whitespace"] }), compareCacheKey(a, b, { ignore: ["whitespace", "width"] }));
  assert.notEqual(compareCacheKey(a, b, { ignore: [] }), compareCacheKey(b, a, { ignore: [] }));
  // Same normalised hash, different original characters: a different key.
  assert.notEqual(compareCacheKey(a, b, { ignore: [] }), compareCacheKey({ ...a, textHash: sha256((await a.text()).replace("。", ".")) }, b, { ignore: [] }));

  // Purging the table purges the cache (memory only copies rows).
  await stored();
  await t.client.compareCache.deleteMany({});
  assert.equal((await getCompareModel(a, b, [])).cached, false);
});

test("concurrent misses of one key share one computation and one row", async () => {
  const [a, b] = [await load("2021-01-01"), await load("2023-01-01")];
  const results = await Promise.all([1, 2, 3, 4].map(() => getCompareModel(a, b, ["width"])));
  assert.equal(results.filter((r) => !r.cached).length, 1);
  assert.ok(results.every((r) => r.json === results[0]!.json));
  await stored();
  assert.equal(await t.client.compareCache.count({ where: { fromVersionId: a.id, toVersionId: b.id } }), 1);
});

test("computed models are written in batches, served from memory meanwhile", async () => {
  const [a, b, c] = [await load("2021-01-01"), await load("2022-01-01"), await load("2023-01-01")];
  await stored();
  const before = await t.client.compareCache.count();
  const opts: IgnoreOption[] = ["whitespace", "width", "numbering"];
  await Promise.all([getCompareModel(a, b, opts), getCompareModel(b, c, opts), getCompareModel(a, c, opts)]);
  // Written or not yet (the first batch after a quiet moment goes at once), the model is served.
  assert.equal((await getCompareModel(b, c, opts)).cached, true);
  await stored();
  assert.equal(await t.client.compareCache.count(), before + 3);
});

test("the table is capped: the least recently used rows beyond the row or size limit are evicted", async () => {
  const [a, b, c] = [await load("2021-01-01"), await load("2022-01-01"), await load("2023-01-01")];
  await stored();
  await t.client.compareCache.deleteMany({});
  const pairs: [LoadedVersion, LoadedVersion][] = [[a, b], [b, c], [a, c], [c, a]];
  for (const [x, y] of pairs) await getCompareModel(x, y, ["numbering"]);
  await stored();
  assert.equal(await t.client.compareCache.count(), 4);
  // Last used: a->b most recently (a view of an old row), then c->a, a->c, b->c.
  const at = (x: LoadedVersion, y: LoadedVersion, minutesAgo: number) =>
    t.client.compareCache.updateMany({
      where: { fromVersionId: x.id, toVersionId: y.id },
      data: { lastUsedAt: new Date(Date.now() - minutesAgo * 60_000) },
    });
  await at(a, b, 1);
  await at(c, a, 2);
  await at(a, c, 3);
  await at(b, c, 4);
  assert.equal(await evictLeastUsed(t.client, { maxRows: 3, maxChars: 1e9 }), 1);
  const left = await t.client.compareCache.findMany({ select: { fromVersionId: true, toVersionId: true } });
  assert.deepEqual(left.map((r) => [r.fromVersionId, r.toVersionId]).sort(), [[a.id, b.id], [c.id, a.id], [a.id, c.id]].sort());
  const rows = await t.client.compareCache.findMany({ select: { json: true, size: true } });
  assert.ok(rows.every((r) => r.size === r.json.length));
  assert.equal(await evictLeastUsed(t.client, { maxRows: 10, maxChars: rows[0]!.size + 1 }), 2);
  assert.equal(await t.client.compareCache.count(), 1);
  assert.equal((await t.client.compareCache.findFirst({ select: { fromVersionId: true } }))!.fromVersionId, a.id);
});

test("serving a row from the table marks it used, so eviction keeps it", async () => {
  const [a, b] = [await load("2021-01-01"), await load("2022-01-01")];
  const { key } = await getCompareModel(a, b, ["whitespace"]);
  await stored();
  const old = new Date(Date.now() - 60 * 60_000);
  await t.client.compareCache.update({ where: { key }, data: { lastUsedAt: old } });
  const again = await getCompareModel(a, b, ["whitespace"]);
  assert.equal(again.cached, true);
  // The touch is not awaited by the read: wait for it (up to 5 s).
  let used = old.getTime();
  for (let i = 0; i < 50 && used === old.getTime(); i++) {
    await new Promise((r) => setTimeout(r, 100));
    used = (await t.client.compareCache.findUnique({ where: { key }, select: { lastUsedAt: true } }))!.lastUsedAt.getTime();
  }
  assert.ok(used > old.getTime() + 30 * 60_000);
});

test("a model larger than the per-model cap is not stored and evicts nothing; it is still served", async () => {
  const [a, b, c] = [await load("2021-01-01"), await load("2022-01-01"), await load("2023-01-01")];
  await stored();
  await t.client.compareCache.deleteMany({});
  const small = await getCompareModel(a, b, ["width", "numbering"]);
  const cap = { maxRows: 10, maxChars: small.json.length * 3, maxModelChars: small.json.length + 10 };
  await getCompareModel(b, c, ["width", "numbering"], { cacheLimits: cap });
  await stored();
  assert.equal(await t.client.compareCache.count(), 2);
  // c -> a with every option: a longer model (the engine's options are in it) than the cap allows.
  const big = await getCompareModel(c, a, ["whitespace", "width", "numbering"], {
    cacheLimits: { ...cap, maxModelChars: 10 },
  });
  assert.equal(big.cached, false);
  await stored();
  assert.equal(await t.client.compareCache.count(), 2, "the table kept its rows");
  assert.equal(await t.client.compareCache.count({ where: { fromVersionId: c.id, toVersionId: a.id } }), 0);
  // Served again from this process's memory.
  const again = await getCompareModel(c, a, ["whitespace", "width", "numbering"], { cacheLimits: { ...cap, maxModelChars: 10 } });
  assert.equal(again.cached, true);
  assert.equal(again.json, big.json);
  const limits = compareCacheLimits();
  assert.ok(limits.maxModelChars * 4 <= limits.maxChars);
});

test("over its time budget a comparison is refused (CompareTooLargeError), and the refusal is remembered", async () => {
  const slow = createTestWork((b) => (b.lanes.compute.timeoutMs = 1));
  try {
    const [a, b] = [await load("2022-01-01"), await load("2023-01-01")];
    const bigText = (await a.text()).repeat(2000);
    const big = { ...a, textHash: sha256(bigText), length: bigText.length, text: () => Promise.resolve(bigText) };
    await assert.rejects(
      getCompareModel(big, b, [], { lanes: slow }),
      (e: unknown) => e instanceof CompareTooLargeError && e.reason === "timeout",
    );
    const t0 = performance.now();
    await assert.rejects(getCompareModel(big, b, [], { lanes: slow }), CompareTooLargeError);
    assert.ok(slow.pools.compute.running === 0 && slow.pools.compute.waiting === 0, "not computed again");
    assert.ok(performance.now() - t0 < 1000);
  } finally {
    await slow.close();
  }
});

test("admission: beyond a requester's bound a computation is refused with BusyError", async () => {
  const strict = createTestWork((b) => (b.perClient = 1));
  try {
    const [a, b, c] = [await load("2021-01-01"), await load("2022-01-01"), await load("2023-01-01")];
    const first = getCompareModel(a, c, ["whitespace", "numbering"], { lanes: strict, requester: "203.0.113.5" });
    // The second ask must come while the first is admitted (not before it, as database latency could order them).
    const lane = strict.laneFor(a.length + c.length);
    for (let i = 0; i < 200 && strict.admission.admitted(lane) === 0; i++) await new Promise((r) => setTimeout(r, 5));
    assert.equal(strict.admission.admitted(lane), 1, "the first computation is under way");
    await assert.rejects(
      getCompareModel(b, c, ["whitespace", "numbering"], { lanes: strict, requester: "203.0.113.5" }),
      (e: unknown) => e instanceof BusyError && e.retryAfter >= 1,
    );
    // Another requester, and the same key (it joins the computation under way), get in.
    await getCompareModel(b, c, ["whitespace", "numbering"], { lanes: strict, requester: "203.0.113.6" });
    await getCompareModel(a, c, ["whitespace", "numbering"], { lanes: strict, requester: "203.0.113.5" });
    await first;
  } finally {
    await strict.close();
  }
});

test("version choices are newest first, undated last (the foundation's order)", async () => {
  const acme = (await listCompareChoices(t.client)).find((p) => p.slug === "acme-privacy")!;
  assert.deepEqual(
    acme.versions.map((v) => v.key),
    ["2023-01-01", "2022-01-01", "2021-01-01", "undated"],
  );
});

test("deleting a version deletes its cached comparisons (cascade)", async () => {
  await stored();
  const a = await load("2021-01-01");
  const withA = { OR: [{ fromVersionId: a.id }, { toVersionId: a.id }] };
  assert.ok((await t.client.compareCache.count({ where: withA })) > 0);
  const others = await t.client.compareCache.count({ where: { NOT: withA } });
  await t.client.version.deleteMany({ where: { key: "2021-01-01" } });
  assert.equal(await t.client.compareCache.count({ where: withA }), 0);
  assert.equal(await t.client.compareCache.count(), others);
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
