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
