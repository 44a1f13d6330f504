/**
 * Search on a real SQLite file with the sample policies (data/samples): the FTS5 index agrees with a
 * plain scan of every version's sections, follows every write, and gives the versions a match spans.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { contentHash } from "../ingest/hash.ts";
import { parseDocument } from "../parse/index.ts";
import { foldForSearch } from "../search/fold.ts";
import { matchesAll, parseSearchQuery, type SearchTerm } from "../search/query.ts";
import { indexSections } from "../search/sections.ts";
import { snippetHtml } from "../search/snippet.ts";
import { seedSamples } from "./samples.ts";
import { reindexStale, SEARCH_INDEX_FINGERPRINT } from "./search-index.ts";
import { searchSections, type SearchHit, type SearchRequest } from "./search.ts";
import { containsPattern, sqlOn } from "./sql.ts";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { addNewVersion, createPolicyWithVersion, deleteVersion, updateVersionMeta } from "./version-writes.ts";
import { UnknownPolicyError } from "./writes.ts";

let t: TestDb;
before(async () => {
  t = await freshTestDb("search");
  await seedSamples(t.client);
});
after(async () => {
  await t.dispose();
});

const XUEXI = "zh-xuexiqiangguo-privacy";

function terms(q: string): SearchTerm[] {
  const p = parseSearchQuery(q);
  assert.ok(p.ok, q);
  return p.terms;
}

/** Every hit of a query, all pages. */
async function searchAll(q: string, options: Omit<SearchRequest, "terms"> = {}): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const r = await searchSections({ ...options, terms: terms(q), offset, limit: 50 }, t.client);
    hits.push(...r.hits);
    offset = r.nextOffset;
  }
  return hits;
}

const count = async (sql: string, ...params: unknown[]): Promise<number> =>
  Number((await sqlOn(t.client).$queryRawUnsafe<{ n: bigint }[]>(sql, ...params))[0]!.n);

/** Index rows of section texts holding a (folded) substring: FTS5 MATCH on SQLite, LIKE on PostgreSQL. */
const indexedHolding = (table: "SearchTrigram" | "SearchBigram", folded: string): Promise<number> =>
  sqlOn(t.client).provider === "postgresql"
    ? count(`SELECT COUNT(*) AS n FROM "SearchTrigram" WHERE "text" LIKE ?`, containsPattern(folded))
    : count(`SELECT COUNT(*) AS n FROM "${table}" WHERE "${table}" MATCH ?`, `"${folded}"`);

/** What a scan of every stored version finds: "slug section-key" pairs whose section holds every term. */
async function scan(q: string): Promise<string[]> {
  const found = new Set<string>();
  const versions = await t.client.version.findMany({ select: { originalText: true, policy: { select: { slug: true } } } });
  for (const v of versions)
    for (const s of indexSections(parseDocument(v.originalText)))
      if (matchesAll(foldForSearch(s.text), terms(q))) found.add(`${v.policy.slug} ${s.key}`);
  return [...found].sort();
}

const groups = (hits: SearchHit[]) => hits.map((h) => `${h.policy.slug} ${h.section.key}`).sort();

test("every version is indexed: one occurrence per version section, equal sections stored once", async () => {
  const versions = await t.client.version.findMany({ select: { originalText: true } });
  const sections = versions.reduce((n, v) => n + indexSections(parseDocument(v.originalText)).length, 0);
  assert.equal(await count(`SELECT COUNT(*) AS n FROM "SearchIndexedVersion"`), versions.length);
  assert.equal(await count(`SELECT COUNT(*) AS n FROM "SearchOccurrence"`), sections);
  const stored = await count(`SELECT COUNT(*) AS n FROM "SearchSection"`);
  assert.ok(stored < sections, `${stored} distinct of ${sections}`);
  assert.equal(await count(`SELECT COUNT(*) AS n FROM "SearchTrigram"`), stored);
  // Ids carry the grouping: id >> 6 is the section group, id >> 24 the policy's seq.
  assert.equal(await count(`SELECT COUNT(*) AS n FROM "SearchSection" WHERE ("id" >> 6) << 6 <> "groupId"`), 0);
  assert.equal(
    await count(
      `SELECT COUNT(*) AS n FROM "SearchSection" s JOIN "SearchPolicy" p ON p."policyId" = s."policyId" WHERE s."id" >> 24 <> p."seq"`,
    ),
    0,
  );
});

test("the index finds what a scan of every version finds (Chinese 2+ characters, English words, phrases)", async () => {
  for (const q of ["隐私", "咪咕", "ID", "个人信息", "Cookie 第三方", '"personal data"', "share", "向“学习强国”反馈"]) {
    const hits = await searchAll(q);
    assert.ok(hits.length > 0, q);
    assert.deepEqual(groups(hits), await scan(q), q);
  }
});

test("two-character Chinese queries use the two-character index and mark the match", async () => {
  const hits = await searchAll("咪咕");
  assert.ok(hits.every((h) => h.policy.slug.startsWith("zh-migu-")));
  assert.ok(hits.every((h) => snippetHtml(h.snippet).includes("<mark>咪咕</mark>")));
  // A pair that only exists across a line break inside a word still matches (layout, not text).
  const r = await searchSections({ terms: terms("个人 信息") }, t.client);
  const phrase = await searchSections({ terms: terms('"个人 信息"') }, t.client);
  assert.ok(phrase.total > 0 && phrase.total <= r.total);
});

test("phrases match consecutive words; separate words match anywhere in the section", async () => {
  const phrase = await searchAll('"personal data"');
  const words = await searchAll("personal data");
  assert.ok(phrase.length < words.length, `${phrase.length} < ${words.length}`);
  for (const h of phrase) assert.match(snippetHtml(h.snippet), /<mark>personal data<\/mark>/i);
  assert.deepEqual(await searchAll('"data personal"'), []);
});

test("the versions a phrase spans: it appears in 学习强国 2020-09-26 and is removed in 2021-12-23", async () => {
  // “该信息属于敏感信息” (step counts of 强国运动) became “敏感个人信息” in the 2021-12-23 version.
  const hits = await searchAll("该信息属于敏感信息");
  assert.equal(hits.length, 1);
  const h = hits[0]!;
  assert.equal(h.policy.slug, XUEXI);
  assert.equal(h.section.title, "为您提供运动记录服务");
  assert.equal(h.version.key, "2021-08-25");
  assert.equal(h.firstVersion.key, "2020-09-26");
  assert.equal(h.lastVersion.key, "2021-08-25");
  assert.equal(h.previousVersion?.key, "2020-06-10");
  assert.equal(h.removedIn?.key, "2021-12-23");
  assert.equal(h.versionCount, 3);
  assert.equal(h.policyVersionCount, 5);
  assert.ok(h.continuous);
  assert.match(snippetHtml(h.snippet), /<mark>该信息属于敏感信息<\/mark>/);
  // Present since the first version and still in the newest: neither end is set.
  const kept = (await searchAll("学习强国", { policy: XUEXI }))[0]!;
  assert.equal(kept.firstVersion.key, "2020-06-10");
  assert.equal(kept.previousVersion, null);
  assert.equal(kept.removedIn, null);
});

test("filters: by policy, by date range; an unknown policy is an error", async () => {
  const all = await searchAll("个人信息");
  const xuexi = await searchAll("个人信息", { policy: XUEXI });
  assert.ok(xuexi.length > 0 && xuexi.length < all.length);
  assert.ok(xuexi.every((h) => h.policy.slug === XUEXI));
  // The removed phrase is in versions of 2020-09-26 .. 2021-08-25 only.
  assert.equal((await searchAll("该信息属于敏感信息", { from: "2021-09-01" })).length, 0);
  const in2020 = await searchAll("该信息属于敏感信息", { from: "2020-01-01", to: "2020-12-31" });
  assert.equal(in2020.length, 1);
  assert.equal(in2020[0]!.version.key, "2020-09-26", "the hit opens the newest version in the range");
  assert.equal(in2020[0]!.lastVersion.key, "2021-08-25", "the span is the whole history");
  await assert.rejects(searchSections({ terms: terms("隐私"), policy: "no-such-policy" }, t.client), UnknownPolicyError);
});

test("pages: limit and offset cover every hit once, total stays the same", async () => {
  const all = await searchAll("信息");
  const first = await searchSections({ terms: terms("信息"), limit: 7 }, t.client);
  assert.equal(first.total, all.length);
  assert.equal(first.hits.length, 7);
  assert.equal(first.nextOffset, 7);
  const last = await searchSections({ terms: terms("信息"), limit: 7, offset: all.length - 2 }, t.client);
  assert.equal(last.hits.length, 2);
  assert.equal(last.nextOffset, null);
  const past = await searchSections({ terms: terms("信息"), limit: 7, offset: all.length + 5 }, t.client);
  assert.deepEqual([past.hits.length, past.total, past.nextOffset], [0, all.length, null]);
  assert.equal(new Set(all.map((h) => `${h.policy.slug} ${h.section.key}`)).size, all.length);
});

test("the index follows every write: add, edit, delete (a deleted version is never found)", async () => {
  const doc = (extra: string) =>
    `独角兽隐私政策\n\n一、我们收集的信息\n我们收集您的设备信息。${extra}\n\n二、如何联系我们\n请发送邮件给我们。\n`;
  const first = doc("独角兽计划会保存日志。");
  const second = doc("我们不再保存日志。");
  await createPolicyWithVersion(
    { slug: "unicorn-privacy", name: "独角兽隐私政策" },
    { text: first, format: "text", contentHash: contentHash(first), publishedAt: "2024-01-01" },
    t.client,
  );
  let hits = await searchAll("独角兽计划");
  assert.deepEqual(
    hits.map((h) => [h.policy.slug, h.version.key, h.section.number, h.section.title]),
    [["unicorn-privacy", "2024-01-01", "一", "我们收集的信息"]],
  );
  await addNewVersion(
    "unicorn-privacy",
    { text: second, format: "text", contentHash: contentHash(second), publishedAt: "2024-06-01" },
    t.client,
  );
  hits = await searchAll("独角兽计划");
  assert.equal(hits[0]!.removedIn?.key, "2024-06-01");
  // The unchanged section is stored once and found in both versions.
  const contact = await searchAll("请发送邮件给我们");
  assert.deepEqual([contact.length, contact[0]!.versionCount], [1, 2]);

  // Edit: the date (and so the key) changes; hits and date filters follow at once.
  await updateVersionMeta("unicorn-privacy", "2024-01-01", { publishedAt: "2023-05-05" }, t.client);
  hits = await searchAll("独角兽计划");
  assert.equal(hits[0]!.version.key, "2023-05-05");
  assert.equal((await searchAll("独角兽计划", { from: "2024-01-01" })).length, 0);
  assert.equal((await searchAll("独角兽计划", { to: "2023-12-31" })).length, 1);

  // Delete: the version's text is gone from the index, the shared section stays for the other version.
  await deleteVersion("unicorn-privacy", "2023-05-05", t.client);
  assert.deepEqual(await searchAll("独角兽计划"), []);
  assert.equal(await indexedHolding("SearchTrigram", "独角兽计划"), 0);
  assert.equal(await indexedHolding("SearchBigram", "兽计"), 0);
  const left = await searchAll("请发送邮件给我们");
  assert.deepEqual([left.length, left[0]!.versionCount, left[0]!.firstVersion.key], [1, 1, "2024-06-01"]);
  assert.equal(left[0]!.previousVersion, null);

  // Deleting the policy (foreign-key cascades) clears its rows too: the triggers fire on cascades.
  await t.client.policy.delete({ where: { slug: "unicorn-privacy" } });
  assert.deepEqual(await searchAll("请发送邮件给我们"), []);
  assert.equal(await indexedHolding("SearchTrigram", "请发送邮件给我们"), 0);
});

test("a section with more than 64 distinct texts in one policy continues in a new group", async () => {
  const doc = (n: number) => `频繁隐私政策\n\n一、变化的条款\n第${n}次修改的内容。\n\n二、不变的条款\n这一节从不改变。\n`;
  const text0 = doc(0);
  await createPolicyWithVersion(
    { slug: "churn-privacy", name: "频繁隐私政策" },
    { text: text0, format: "text", contentHash: contentHash(text0), publishedAt: "2000-01-01" },
    t.client,
  );
  for (let n = 1; n < 66; n++) {
    const text = doc(n);
    const date = new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10);
    await addNewVersion("churn-privacy", { text, format: "text", contentHash: contentHash(text), publishedAt: date }, t.client);
  }
  const changing = await searchAll("次修改的内容", { policy: "churn-privacy" });
  assert.deepEqual(
    changing.map((h) => h.versionCount),
    [64, 2],
  );
  assert.equal(changing[0]!.section.key, changing[1]!.section.key);
  const steady = await searchAll("这一节从不改变", { policy: "churn-privacy" });
  assert.deepEqual([steady.length, steady[0]!.versionCount], [1, 66]);
  await t.client.policy.delete({ where: { slug: "churn-privacy" } });
});

test("versions indexed by an older parser or not at all are indexed again on start", async () => {
  const before = await searchAll("个人信息");
  await t.client.$executeRawUnsafe(`UPDATE "SearchIndexedVersion" SET "fingerprint" = 'old'
     WHERE "versionId" IN (SELECT "versionId" FROM "SearchIndexedVersion" ORDER BY "versionId" LIMIT 5)`);
  const stale = await count(`SELECT COUNT(*) AS n FROM "SearchIndexedVersion" WHERE "fingerprint" = 'old'`);
  assert.ok(stale > 0);
  assert.equal(await reindexStale(t.client), stale);
  assert.equal(await reindexStale(t.client), 0);
  assert.equal(await count(`SELECT COUNT(*) AS n FROM "SearchIndexedVersion" WHERE "fingerprint" <> ?`, SEARCH_INDEX_FINGERPRINT), 0);
  assert.deepEqual(groups(await searchAll("个人信息")), groups(before));
});
