import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { dateFromFileName } from "../import/source.ts";
import { readManifest, seedSamples } from "./samples.ts";
import { getPolicy, getVersion, listPolicies } from "./reads.ts";

let t: TestDb;
before(async () => {
  t = await freshTestDb("seed");
});
after(async () => {
  await t.dispose();
});

test("the samples' file names give their archive labels by the import rule (dateFromFileName)", () => {
  assert.equal(dateFromFileName("zh-douban-privacy/2022-04-26_index.txt"), "2022-04-26");
  assert.equal(dateFromFileName("zh-xuexiqiangguo-privacy/2021-12-30_index-latest.txt"), "2021-12-30");
  assert.equal(dateFromFileName("en-bereal-privacy/2026-04-21_e35e091b.txt"), "2026-04-21");
  assert.equal(dateFromFileName("2020-06-17.txt"), "2020-06-17");
  assert.equal(dateFromFileName("seeds/000_ebd95ca57e37e1f5.txt"), null);
});

test("the manifest takes only http(s) source URLs (they become links on the pages)", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  try {
    for (const url of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.com/"]) {
      const policy = { slug: "acme-privacy", publisher: null, description: null, sourceUrl: url, versions: [{ file: "a.txt" }] };
      writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ policies: [policy] }));
      await assert.rejects(readManifest(dir), url);
      policy.sourceUrl = "https://example.com/privacy";
      (policy.versions[0] as { sourceUrl?: string }).sourceUrl = url;
      writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ policies: [policy] }));
      await assert.rejects(readManifest(dir), url);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the samples load: 8 policies, 15 versions, names and dates from the documents", async () => {
  const first = await seedSamples(t.client);
  assert.deepEqual(first, { policies: 8, created: 15, unchanged: 0, steps: 7 });

  const policies = await listPolicies(t.client);
  assert.equal(policies.length, 8);
  const bySlug = new Map(policies.map((p) => [p.slug, p]));
  assert.equal(bySlug.get("zh-xuexiqiangguo-privacy")?.name, "学习强国隐私权政策");
  assert.equal(bySlug.get("zh-xuexiqiangguo-privacy")?.versionCount, 5);
  assert.equal(bySlug.get("zh-douban-privacy")?.versionCount, 2);
  assert.equal(bySlug.get("en-bereal-privacy")?.versionCount, 3);
  assert.equal(bySlug.get("zh-migu-bookstore-privacy")?.name, "咪咕云书店隐私政策");
  assert.equal(bySlug.get("zh-migu-bookstore-privacy")?.latestVersion?.key, "2022-06-29");
  assert.equal(bySlug.get("zh-migu-bookstore-privacy")?.knownVersionDates.length, 28);
  assert.equal(bySlug.get("zh-mitao-privacy")?.latestVersion?.publishedAt, "2022-07-11");
  assert.equal(bySlug.get("zh-gd-10086-privacy")?.latestVersion?.publishedAt, "2023-09-05");

  // 学习强国: the text's 发布日期, not the archive's 生效日期 label.
  const xx = await getPolicy("zh-xuexiqiangguo-privacy", t.client);
  assert.deepEqual(
    xx?.versions.map((v) => [v.key, v.effectiveAt]),
    [
      ["2021-12-23", "2021-12-30"],
      ["2021-08-25", "2021-09-01"],
      ["2021-02-25", "2021-03-03"],
      ["2020-09-26", "2020-10-03"],
      ["2020-06-10", "2020-06-17"],
    ],
  );
  // BeReal: "Last updated: January 2026" names no day, so the oldest falls back to its file label.
  const bereal = await getPolicy("en-bereal-privacy", t.client);
  assert.deepEqual(
    bereal?.versions.map((v) => v.key),
    ["2026-06-30", "2026-05-13", "2026-04-21"],
  );
  assert.match(bereal?.versions[2]?.note ?? "", /file label/);

  const v = await getVersion("zh-douban-privacy", "2022-04-26", t.client);
  assert.ok(v?.text.includes("豆瓣个人信息保护政策概要"));
  assert.equal(v?.sourceUrl, "https://web.archive.org/web/20220427012638/https://www.douban.com/about/privacy");
});

test("seeding again changes nothing", async () => {
  assert.deepEqual(await seedSamples(t.client), { policies: 8, created: 0, unchanged: 15, steps: 0 });
  assert.equal(await t.client.version.count(), 15);
});
