import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { getPolicy, getVersion, listPolicies } from "./reads.ts";
import { addVersion, upsertPolicy, UnknownPolicyError } from "./writes.ts";

let t: TestDb;
before(async () => {
  t = await freshTestDb("data");
});
after(async () => {
  await t.dispose();
});

const version = (text: string, publishedAt: string | null, hash = `h-${text}`) => ({
  text,
  publishedAt,
  format: "text",
  contentHash: hash,
});

test("a policy with versions reads back as domain types, newest first", async () => {
  await upsertPolicy(
    { slug: "acme-privacy", name: "Acme 隐私政策", publisher: "Acme", knownVersionDates: ["2021-01-01", "2022-02-02"] },
    t.client,
  );
  await addVersion("acme-privacy", { ...version("第一版", "2021-01-01"), effectiveAt: "2021-01-08" }, t.client);
  await addVersion("acme-privacy", version("第二版\n段落", "2022-02-02"), t.client);
  await addVersion("acme-privacy", version("第二版 更正", "2022-02-02"), t.client);

  const policy = await getPolicy("acme-privacy", t.client);
  assert.ok(policy);
  assert.equal(policy.name, "Acme 隐私政策");
  assert.deepEqual(policy.knownVersionDates, ["2021-01-01", "2022-02-02"]);
  assert.equal(policy.versionCount, 3);
  assert.deepEqual(
    policy.versions.map((v) => v.key),
    ["2022-02-02-2", "2022-02-02", "2021-01-01"],
  );
  assert.deepEqual(policy.latestVersion, { key: "2022-02-02-2", publishedAt: "2022-02-02" });
  const oldest = policy.versions[2];
  assert.equal(oldest?.effectiveAt, "2021-01-08");
  assert.equal(oldest?.length, 3);
  assert.ok(!("id" in policy) && !("originalText" in (oldest ?? {})));

  const list = await listPolicies(t.client);
  assert.deepEqual(
    list.map((p) => [p.slug, p.versionCount, p.latestVersion?.publishedAt]),
    [["acme-privacy", 3, "2022-02-02"]],
  );
});

test("adding the same text again changes nothing", async () => {
  const again = await addVersion("acme-privacy", version("第一版", "2023-03-03"), t.client);
  assert.equal(again.created, false);
  assert.equal(again.version.key, "2021-01-01");
  assert.equal((await getPolicy("acme-privacy", t.client))?.versionCount, 3);
});

test("a version reads back with its text and neighbours", async () => {
  const v = await getVersion("acme-privacy", "2022-02-02", t.client);
  assert.ok(v);
  assert.equal(v.text, "第二版\n段落");
  assert.equal(v.policy.slug, "acme-privacy");
  assert.equal(v.previous?.key, "2021-01-01");
  assert.equal(v.next?.key, "2022-02-02-2");
  assert.equal(await getVersion("acme-privacy", "1999-01-01", t.client), null);
  assert.equal(await getVersion("nope", "2022-02-02", t.client), null);
});

test("an undated version is keyed 'undated'", async () => {
  await upsertPolicy({ slug: "undated-policy", name: "无日期" }, t.client);
  const r = await addVersion("undated-policy", version("无日期正文", null), t.client);
  assert.equal(r.version.key, "undated");
  assert.equal(r.version.publishedAt, null);
});

test("unknown policies are reported as such", async () => {
  assert.equal(await getPolicy("missing", t.client), null);
  await assert.rejects(addVersion("missing", version("x", null), t.client), UnknownPolicyError);
});

test("one order everywhere: published date, then import time; undated last in newest-first lists", async () => {
  await upsertPolicy({ slug: "order-policy", name: "顺序" }, t.client);
  const at = (iso: string) => new Date(iso);
  // Imported out of date order; the two 2020-05-05 versions were imported the other way round.
  await addVersion("order-policy", { ...version("无日期", null), importedAt: at("2024-01-01T00:00:00Z") }, t.client);
  await addVersion("order-policy", { ...version("乙", "2020-05-05"), importedAt: at("2024-03-01T00:00:00Z") }, t.client);
  await addVersion("order-policy", { ...version("新", "2023-01-01"), importedAt: at("2024-02-01T00:00:00Z") }, t.client);
  await addVersion("order-policy", { ...version("甲", "2020-05-05"), importedAt: at("2024-04-01T00:00:00Z") }, t.client);
  const policy = await getPolicy("order-policy", t.client);
  const keys = policy?.versions.map((v) => v.key);
  assert.deepEqual(keys, ["2023-01-01", "2020-05-05-2", "2020-05-05", "undated"]);
  assert.equal((await listPolicies(t.client)).find((p) => p.slug === "order-policy")?.latestVersion?.key, "2023-01-01");
  // Neighbours walk the same order, oldest to newest.
  const oldestFirst = [...(keys ?? [])].reverse();
  for (const [i, key] of oldestFirst.entries()) {
    const v = await getVersion("order-policy", key, t.client);
    assert.equal(v?.previous?.key ?? null, oldestFirst[i - 1] ?? null, key);
    assert.equal(v?.next?.key ?? null, oldestFirst[i + 1] ?? null, key);
  }
});
