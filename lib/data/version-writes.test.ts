import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { getPolicy, getVersion } from "./reads.ts";
import {
  addNewVersion,
  createPolicyWithVersion,
  deleteVersion,
  DuplicateVersionError,
  PolicyExistsError,
  UnknownPolicyError,
  UnknownVersionError,
  uniqueClash,
  updateVersionMeta,
  withWriteConflicts,
  WriteConflictError,
} from "./version-writes.ts";
import { contentHash } from "../ingest/hash.ts";

let t: TestDb;
before(async () => {
  t = await freshTestDb("version-writes");
});
after(async () => {
  await t.dispose();
});

const v = (text: string, publishedAt: string | null, extra: Record<string, unknown> = {}) => ({
  text,
  publishedAt,
  format: "text",
  contentHash: contentHash(text),
  ...extra,
});

test("a policy is created with its first version and the page's listed dates", async () => {
  const r = await createPolicyWithVersion(
    { slug: "acme-privacy", name: "Acme 隐私政策" },
    v("第一版：我们收集您的信息。", "2021-01-01", { listedVersionDates: ["2022-02-02", "2021-01-01", "2021-01-01"] }),
    t.client,
  );
  assert.equal(r.version.key, "2021-01-01");
  const p = await getPolicy("acme-privacy", t.client);
  assert.deepEqual(p?.knownVersionDates, ["2021-01-01", "2022-02-02"]);
  await assert.rejects(
    createPolicyWithVersion({ slug: "acme-privacy", name: "again" }, v("other", null), t.client),
    PolicyExistsError,
  );
});

test("adding a version merges the known dates; same-day versions get -2", async () => {
  await addNewVersion("acme-privacy", v("第二版", "2022-02-02", { listedVersionDates: ["2023-03-03"] }), t.client);
  const second = await addNewVersion("acme-privacy", v("第二版（更正）", "2022-02-02"), t.client);
  assert.equal(second.key, "2022-02-02-2");
  const p = await getPolicy("acme-privacy", t.client);
  assert.deepEqual(p?.knownVersionDates, ["2021-01-01", "2022-02-02", "2023-03-03"]);
});

test("a duplicate (after normalisation) is refused and names the stored version", async () => {
  // Half-width colon and full stop, trailing spaces: the same text for comparison.
  await assert.rejects(addNewVersion("acme-privacy", v("第一版:我们收集您的信息.  ", "2024-01-01"), t.client), (e: unknown) => {
    assert.ok(e instanceof DuplicateVersionError);
    assert.equal(e.match.key, "2021-01-01");
    assert.match(e.message, /2021-01-01/);
    return true;
  });
  assert.equal((await getPolicy("acme-privacy", t.client))?.versionCount, 3);
});

test("a failure inside the transaction leaves nothing behind", async () => {
  // A bad date that slipped past validation makes the version insert fail after the policy row was written.
  await assert.rejects(
    createPolicyWithVersion({ slug: "half-made", name: "x" }, v("text", "not-a-date"), t.client),
  );
  assert.equal(await getPolicy("half-made", t.client), null);
  const before = await getPolicy("acme-privacy", t.client);
  await assert.rejects(addNewVersion("acme-privacy", v("新文本", "bad", { listedVersionDates: ["2030-01-01"] }), t.client));
  const afterwards = await getPolicy("acme-privacy", t.client);
  assert.deepEqual(afterwards?.knownVersionDates, before?.knownVersionDates);
  assert.equal(afterwards?.versionCount, before?.versionCount);
});

test("unknown policies and versions are typed errors", async () => {
  await assert.rejects(addNewVersion("no-such", v("x", null), t.client), UnknownPolicyError);
  await assert.rejects(updateVersionMeta("acme-privacy", "1999-01-01", { label: "x" }, t.client), UnknownVersionError);
  await assert.rejects(deleteVersion("acme-privacy", "1999-01-01", t.client), UnknownVersionError);
});

test("editing metadata; a new published date moves the key", async () => {
  const edited = await updateVersionMeta("acme-privacy", "2022-02-02-2", { label: "更正版", note: "typo fixed" }, t.client);
  assert.equal(edited.key, "2022-02-02-2");
  assert.equal(edited.label, "更正版");
  const moved = await updateVersionMeta("acme-privacy", "2022-02-02-2", { publishedAt: "2022-03-01", effectiveAt: null }, t.client);
  assert.equal(moved.key, "2022-03-01");
  assert.equal(moved.label, "更正版");
  assert.equal(await getVersion("acme-privacy", "2022-02-02-2", t.client), null);
  assert.equal((await getVersion("acme-privacy", "2022-03-01", t.client))?.publishedAt, "2022-03-01");
});

test("deleting a version removes its cached comparisons", async () => {
  const ids = await t.client.version.findMany({ select: { id: true, key: true } });
  const from = ids.find((x) => x.key === "2021-01-01")!.id;
  const to = ids.find((x) => x.key === "2022-03-01")!.id;
  const other = ids.find((x) => x.key === "2022-02-02")!.id;
  await t.client.compareCache.create({ data: { key: "k1", fromVersionId: from, toVersionId: to, json: "{}" } });
  await t.client.compareCache.create({ data: { key: "k2", fromVersionId: other, toVersionId: from, json: "{}" } });
  await t.client.compareCache.create({ data: { key: "k3", fromVersionId: other, toVersionId: to, json: "{}" } });
  const gone = await deleteVersion("acme-privacy", "2021-01-01", t.client);
  assert.equal(gone.key, "2021-01-01");
  // (The other rows are the models of the policy's history steps, computed on every write.)
  const keys = (await t.client.compareCache.findMany({ select: { key: true } })).map((c) => c.key);
  assert.deepEqual(
    keys.filter((k) => k.startsWith("k")),
    ["k3"],
  );
  assert.equal(await t.client.compareCache.count({ where: { OR: [{ fromVersionId: from }, { toVersionId: from }] } }), 0);
  assert.equal(await getVersion("acme-privacy", "2021-01-01", t.client), null);
  // The text can be added again once deleted, under a fresh key: the deleted version's key stays retired,
  // so its links keep saying it was deleted (ADR 0023).
  const back = await addNewVersion("acme-privacy", v("第一版：我们收集您的信息。", "2021-01-01"), t.client);
  assert.equal(back.key, "2021-01-01-2");
});

test("cascade: a version deleted behind the writes' back still takes its cache rows", async () => {
  const row = await t.client.version.findFirstOrThrow({ where: { key: "2022-03-01" } });
  await t.client.version.delete({ where: { id: row.id } });
  assert.equal(await t.client.compareCache.count({ where: { OR: [{ fromVersionId: row.id }, { toVersionId: row.id }] } }), 0);
  assert.equal(await t.client.versionStep.count({ where: { OR: [{ fromVersionId: row.id }, { toVersionId: row.id }] } }), 0);
});

/** A real unique-constraint error from the store, for the constraint on `field`. */
async function clashOn(field: "key" | "contentHash" | "slug"): Promise<Error> {
  const policy = await t.client.policy.findUniqueOrThrow({ where: { slug: "acme-privacy" }, include: { versions: { take: 1 } } });
  const stored = policy.versions[0]!;
  const base = { policyId: policy.id, originalText: "x", textLength: 1, originalFormat: "text", key: "clash-probe", contentHash: "clash-probe" };
  try {
    if (field === "slug") await t.client.policy.create({ data: { slug: "acme-privacy", name: "x" } });
    else await t.client.version.create({ data: { ...base, [field]: stored[field] } });
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error(`no clash on ${field}`);
}

test("unique-constraint errors are told apart by the constraint they break", async () => {
  assert.equal(uniqueClash(await clashOn("key")), "key");
  assert.equal(uniqueClash(await clashOn("contentHash")), "contentHash");
  assert.equal(uniqueClash(await clashOn("slug")), "slug");
  assert.equal(uniqueClash({ code: "P2002", meta: { target: ["policyId", "key"] } }), "key");
  assert.equal(uniqueClash({ code: "P2002", meta: { driverAdapterError: { cause: { constraint: { index: "Version_policyId_contentHash_key" } } } } }), "contentHash");
  assert.equal(uniqueClash({ code: "P2002", meta: {} }), "other");
  assert.equal(uniqueClash(new Error("x")), null);
});

test("a version key taken by a concurrent write is allocated again, not reported as 'policy exists'", async () => {
  const keyClash = await clashOn("key");
  let runs = 0;
  const result = await withWriteConflicts(t.client, "acme-privacy", "no-such-hash", () =>
    ++runs === 1 ? Promise.reject(keyClash) : Promise.resolve("stored"),
  );
  assert.equal(result, "stored");
  assert.equal(runs, 2);
  await assert.rejects(
    withWriteConflicts(t.client, "acme-privacy", "no-such-hash", () => Promise.reject(keyClash)),
    (e: unknown) => e instanceof WriteConflictError && !(e instanceof PolicyExistsError),
  );
});

test("a text stored concurrently is a duplicate naming it; a slug taken concurrently is 'policy exists'", async () => {
  const stored = await t.client.version.findFirstOrThrow({ where: { policy: { slug: "acme-privacy" } } });
  const hashClash = await clashOn("contentHash");
  await assert.rejects(
    withWriteConflicts(t.client, "acme-privacy", stored.contentHash, () => Promise.reject(hashClash)),
    (e: unknown) => e instanceof DuplicateVersionError && e.match.key === stored.key,
  );
  const slugClash = await clashOn("slug");
  await assert.rejects(
    withWriteConflicts(t.client, "acme-privacy", "no-such-hash", () => Promise.reject(slugClash)),
    PolicyExistsError,
  );
  const other = new Error("disk full");
  await assert.rejects(
    withWriteConflicts(t.client, "acme-privacy", null, () => Promise.reject(other)),
    (e: unknown) => e === other,
  );
});
