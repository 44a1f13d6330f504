import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { contentHash } from "../ingest/hash.ts";
import { retiredKeyFates } from "./retired-keys.ts";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { addNewVersion, createPolicyWithVersion, deleteVersion, updateVersionMeta } from "./version-writes.ts";

let t: TestDb;
before(async () => {
  t = await freshTestDb("retired-keys");
});
after(async () => {
  await t.dispose();
});

const v = (text: string, publishedAt: string | null) => ({ text, publishedAt, format: "text", contentHash: contentHash(text) });
const fates = async (slug: string, ...keys: string[]) =>
  Object.fromEntries(await retiredKeyFates(keys.map((key) => ({ slug, key })), t.client));

test("a re-dated version's old keys lead to its current key; current and unknown keys are not retired", async () => {
  await createPolicyWithVersion({ slug: "redate", name: "R" }, v("一。", "2021-01-01"), t.client);
  await updateVersionMeta("redate", "2021-01-01", { publishedAt: "2021-02-02" }, t.client);
  await updateVersionMeta("redate", "2021-02-02", { publishedAt: "2021-03-03" }, t.client);
  assert.deepEqual(await fates("redate", "2021-01-01", "2021-02-02", "2021-03-03", "1999-01-01"), {
    "redate@2021-01-01": { kind: "moved", key: "2021-03-03" },
    "redate@2021-02-02": { kind: "moved", key: "2021-03-03" },
  });
});

test("re-dating a version back takes its own old key again", async () => {
  await createPolicyWithVersion({ slug: "back", name: "B" }, v("一。", "2021-01-01"), t.client);
  await updateVersionMeta("back", "2021-01-01", { publishedAt: "2021-02-02" }, t.client);
  const again = await updateVersionMeta("back", "2021-02-02", { publishedAt: "2021-01-01" }, t.client);
  assert.equal(again.key, "2021-01-01");
  assert.deepEqual(await fates("back", "2021-01-01", "2021-02-02"), {
    "back@2021-02-02": { kind: "moved", key: "2021-01-01" },
  });
});

test("a deleted version's keys, current and earlier, are gone and never given to another version", async () => {
  await createPolicyWithVersion({ slug: "gone", name: "G" }, v("一。", "2021-01-01"), t.client);
  await addNewVersion("gone", v("二。", "2022-01-01"), t.client);
  await updateVersionMeta("gone", "2022-01-01", { publishedAt: "2022-06-06" }, t.client);
  await deleteVersion("gone", "2022-06-06", t.client);
  assert.deepEqual(await fates("gone", "2022-01-01", "2022-06-06", "2021-01-01"), {
    "gone@2022-01-01": { kind: "gone" },
    "gone@2022-06-06": { kind: "gone" },
  });
  const later = await addNewVersion("gone", v("三。", "2022-06-06"), t.client);
  assert.equal(later.key, "2022-06-06-2");
  // Another policy's keys are its own.
  assert.deepEqual(await fates("redate", "2022-06-06"), {});
});
