/**
 * Watching a source, against a local page server and a fake clock: new versions only for new text,
 * errors recorded and retried with backoff, rules changes never make versions, the schedule survives
 * a restart, and a source is checked by one process at a time.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { freshTestDb, type TestDb } from "../data/test-db.ts";
import { createPolicyWithVersion } from "../data/version-writes.ts";
import { contentHash } from "../ingest/hash.ts";
import { createDb } from "../db.ts";
import { WATCH_CONFIG } from "./config.ts";
import { checkNow, claimSource, listChecks, setWatch, TooManySourcesError } from "./sources.ts";
import { createScheduler } from "./scheduler.ts";
import { fakeClock, policyPage, startPageServer, testDeps, type FakeClock, type PageServer } from "./testing.ts";
import { watchBodySchema } from "../validations/watch.ts";

let t: TestDb;
let server: PageServer;
let clock: FakeClock;
let n = 0;
let slug: string;

before(async () => {
  t = await freshTestDb("watch");
  server = await startPageServer();
});
after(async () => {
  await server.close();
  await t.dispose();
});

const FIRST = "<h1>示例隐私政策</h1><p>更新日期：2025年1月1日</p><p>一、我们收集您的手机号码。</p>";
const SECOND = "<h1>示例隐私政策</h1><p>更新日期：2025年6月1日</p><p>一、我们收集您的手机号码和位置信息。</p>";
const THIRD = "<h1>示例隐私政策</h1><p>更新日期：2026年1月1日</p><p>一、我们收集您的手机号码、位置信息和通讯录。</p>";

/** FIRST as lib/ingest converts it (the version a person imported before the policy was watched). */
const FIRST_TEXT = "# 示例隐私政策\n更新日期：2025年1月1日\n一、我们收集您的手机号码。\n";

beforeEach(async () => {
  clock = fakeClock();
  slug = `watched-${++n}`;
  await createPolicyWithVersion(
    { slug, name: "示例隐私政策" },
    { text: FIRST_TEXT, format: "markdown", contentHash: contentHash(FIRST_TEXT), publishedAt: "2025-01-01" },
    t.client,
  );
  // Each test's scheduler sees its own sources only (they all live on the one local host).
  await t.client.watchedSource.deleteMany({ where: { policy: { slug: { not: slug } } } });
});

const watch = (path: string, extra: Record<string, unknown> = {}) =>
  setWatch(
    slug,
    watchBodySchema.parse({ url: `${server.origin}${path}`, intervalMinutes: 60, ...extra }),
    testDeps(t.client, clock),
  );

const versionKeys = async () =>
  (
    await t.client.version.findMany({
      where: { policy: { slug } },
      orderBy: { publishedAt: "asc" },
      select: { key: true },
    })
  ).map((v) => v.key);

test("a page that changes twice yields two new versions; unchanged checks yield none", async () => {
  const path = `/p${n}`;
  server.set(path, { body: policyPage(FIRST) });
  await watch(path, { selector: "main.policy" });
  const deps = testDeps(t.client, clock);

  const first = await checkNow(slug, deps);
  assert.equal(first.outcome, "unchanged", "the page holds the text already stored");
  assert.equal(first.reason, "The text is stored as version 2025-01-01.");

  server.set(path, { body: policyPage(SECOND) });
  assert.equal((await checkNow(slug, deps)).outcome, "new_version");
  assert.equal((await checkNow(slug, deps)).outcome, "unchanged");
  server.set(path, { body: policyPage(THIRD) });
  const third = await checkNow(slug, deps);
  assert.equal(third.outcome, "new_version");
  assert.equal(third.versionKey, "2026-01-01", "dated from the text's own date");
  assert.equal((await checkNow(slug, deps)).outcome, "unchanged");

  assert.deepEqual(await versionKeys(), ["2025-01-01", "2025-06-01", "2026-01-01"]);
  const log = await listChecks(slug, t.client);
  assert.deepEqual(
    log.map((c) => c.outcome),
    ["unchanged", "new_version", "unchanged", "new_version", "unchanged"],
  );
  assert.ok(log.every((c) => c.httpStatus === 200 && c.bytes! > 0 && /^[0-9a-f]{64}$/.test(c.snapshotHash!)));
  // Three distinct bodies were fetched: three snapshots, compressed.
  assert.equal(await t.client.snapshot.count({ where: { policy: { slug } } }), 3);
});

test("a page whose markup changes but not its text yields no version", async () => {
  const path = `/m${n}`;
  server.set(path, { body: policyPage(SECOND) });
  await watch(path);
  const deps = testDeps(t.client, clock);
  assert.equal((await checkNow(slug, deps)).outcome, "new_version");
  server.set(path, {
    body: policyPage(
      SECOND.replaceAll("<p>", '<p class="x" style="color:red"><span>').replaceAll("</p>", "</span></p>\n\n"),
    ),
  });
  const again = await checkNow(slug, deps);
  assert.equal(again.outcome, "unchanged");
  assert.equal(await t.client.snapshot.count({ where: { policy: { slug } } }), 2, "both bodies are kept");
  assert.equal((await versionKeys()).length, 2);
});

test("an unchanged answer to a conditional fetch (ETag) is recorded as not modified", async () => {
  const path = `/e${n}`;
  server.set(path, { body: policyPage(SECOND), etag: '"v2"' });
  await watch(path);
  const deps = testDeps(t.client, clock);
  await checkNow(slug, deps);
  const again = await checkNow(slug, deps);
  assert.equal(again.outcome, "not_modified");
  assert.equal(again.httpStatus, 304);
  assert.equal(server.requests.at(-1)?.ifNoneMatch, '"v2"');
});

test("a 500 and a timeout are recorded and retried with exponential backoff; success resets it", async () => {
  const path = `/err${n}`;
  server.set(path, { status: 500, body: "oops" });
  await watch(path);
  const deps = testDeps(t.client, clock, { fetch: { allowHosts: ["127.0.0.1"], timeoutMs: 300 } });
  const scheduler = createScheduler({ ...deps, log: () => {} });

  const [e500] = (await scheduler.tick()).checks;
  assert.equal(e500?.outcome, "error");
  assert.equal(e500?.httpStatus, 500);
  assert.equal(e500?.errorCode, "fetch_http_status");
  let source = await t.client.watchedSource.findFirstOrThrow({ where: { policy: { slug } } });
  assert.equal(source.failureCount, 1);
  assert.equal(source.nextCheckAt.getTime() - clock.now().getTime(), WATCH_CONFIG.firstRetryMs);

  assert.equal((await scheduler.tick()).checks.length, 0, "not due before the backoff ends");
  clock.advance(WATCH_CONFIG.firstRetryMs);
  server.set(path, { body: policyPage(SECOND), delayMs: 2_000 });
  const [timeout] = (await scheduler.tick()).checks;
  assert.equal(timeout?.outcome, "error");
  assert.equal(timeout?.errorCode, "fetch_timeout");
  assert.equal(timeout?.httpStatus, null);
  source = await t.client.watchedSource.findFirstOrThrow({ where: { policy: { slug } } });
  assert.equal(source.failureCount, 2);
  assert.equal(source.nextCheckAt.getTime() - clock.now().getTime(), 2 * WATCH_CONFIG.firstRetryMs, "the wait doubled");

  clock.advance(2 * WATCH_CONFIG.firstRetryMs);
  server.set(path, { body: policyPage(SECOND) });
  const [ok] = (await scheduler.tick()).checks;
  assert.equal(ok?.outcome, "new_version");
  source = await t.client.watchedSource.findFirstOrThrow({ where: { policy: { slug } } });
  assert.equal(source.failureCount, 0);
  assert.equal(source.nextCheckAt.getTime() - clock.now().getTime(), 60 * 60_000, "back to the interval");
  const log = await listChecks(slug, t.client);
  assert.deepEqual(
    log.map((c) => c.errorCode ?? c.outcome),
    ["new_version", "fetch_timeout", "fetch_http_status"],
  );
});

test("changing the extraction rules re-extracts the stored page as an event, not a version", async () => {
  const path = `/r${n}`;
  server.set(path, { body: policyPage(SECOND) });
  await watch(path);
  const deps = testDeps(t.client, clock);
  assert.equal((await checkNow(slug, deps)).outcome, "new_version");
  const versions = (await versionKeys()).length;

  const { event } = await watch(path, { selector: "main.policy" });
  assert.equal(event?.outcome, "extraction_changed");
  assert.equal(event?.trigger, "rules");
  const next = await checkNow(slug, deps);
  assert.equal(next.outcome, "unchanged", "the page did not change: no spurious version");
  assert.equal((await versionKeys()).length, versions);

  const bad = await watch(path, { selector: "section.nowhere" });
  assert.equal(bad.event?.outcome, "error");
  assert.equal(bad.event?.errorCode, "selector_no_match");
});

test("the schedule survives a restart: a new process with a new client checks what is due, no sooner", async () => {
  const path = `/s${n}`;
  server.set(path, { body: policyPage(SECOND) });
  await watch(path);
  const first = createScheduler({ ...testDeps(t.client, clock), log: () => {} });
  assert.equal((await first.tick()).checks.length, 1, "a new source is due at once");
  await first.stop();

  const restarted = createDb(t.url);
  try {
    const again = createScheduler({ ...testDeps(restarted, clock), log: () => {} });
    clock.advance(59 * 60_000);
    assert.equal((await again.tick()).checks.filter((c) => c.slug === slug).length, 0);
    clock.advance(60_000);
    const checks = (await again.tick()).checks.filter((c) => c.slug === slug);
    assert.equal(checks.length, 1);
    assert.equal(checks[0]?.trigger, "schedule");
  } finally {
    await restarted.$disconnect();
  }
});

test("two processes claiming one due source: exactly one gets it", async () => {
  const path = `/c${n}`;
  server.set(path, { body: policyPage(SECOND) });
  await watch(path);
  const source = await t.client.watchedSource.findFirstOrThrow({ where: { policy: { slug } } });
  const other = createDb(t.url);
  try {
    const claims = await Promise.all([
      claimSource(t.client, source.id, clock.now(), true),
      claimSource(other, source.id, clock.now(), true),
    ]);
    assert.equal(claims.filter(Boolean).length, 1);
    clock.advance(WATCH_CONFIG.leaseMs);
    assert.ok(await claimSource(other, source.id, clock.now(), true), "a lease left by a crashed process expires");
  } finally {
    await other.$disconnect();
  }
});

test("two due sources on one host are spaced: the second waits for a later tick", async () => {
  const path = `/h${n}`;
  server.set(path, { body: policyPage(SECOND) });
  await watch(path);
  const otherSlug = `${slug}-b`;
  await createPolicyWithVersion(
    { slug: otherSlug, name: "B" },
    { text: "B", format: "text", contentHash: contentHash("B"), publishedAt: null },
    t.client,
  );
  await setWatch(
    otherSlug,
    watchBodySchema.parse({ url: `${server.origin}${path}?b`, intervalMinutes: 60 }),
    testDeps(t.client, clock),
  );
  const scheduler = createScheduler({ ...testDeps(t.client, clock), log: () => {} });
  const firstTick = await scheduler.tick();
  assert.equal(firstTick.checks.length, 1);
  assert.equal(firstTick.spaced, 1);
  clock.advance(WATCH_CONFIG.hostSpacingMs);
  assert.equal((await scheduler.tick()).checks.length, 1);
});

test("a host holds at most maxSourcesPerHost watched sources", async () => {
  const host = "many.example";
  const policies = await t.client.policy.findMany({ select: { id: true }, take: 1 });
  // Fill the host up to the limit with rows of other policies (the limit counts rows, not fetches).
  for (let i = 0; i < WATCH_CONFIG.maxSourcesPerHost; i++) {
    const p = await createPolicyWithVersion(
      { slug: `fill-${n}-${i}`, name: "F" },
      { text: `F${i}`, format: "text", contentHash: contentHash(`F${i}`), publishedAt: null },
      t.client,
    );
    await setWatch(
      p.slug,
      watchBodySchema.parse({ url: `https://${host}/${i}`, intervalMinutes: 60 }),
      testDeps(t.client, clock),
    );
  }
  assert.ok(policies.length > 0);
  await assert.rejects(
    setWatch(slug, watchBodySchema.parse({ url: `https://${host}/x`, intervalMinutes: 60 }), testDeps(t.client, clock)),
    TooManySourcesError,
  );
  await t.client.watchedSource.deleteMany({ where: { host } });
});

test("the interval has a minimum of 15 minutes and the selector a supported syntax", () => {
  assert.equal(watchBodySchema.safeParse({ url: "https://x.example/", intervalMinutes: 14 }).success, false);
  assert.equal(watchBodySchema.safeParse({ url: "https://x.example/", intervalMinutes: 15 }).success, true);
  assert.equal(
    watchBodySchema.safeParse({ url: "https://x.example/", intervalMinutes: 60, selector: "div > p" }).success,
    false,
  );
  assert.equal(watchBodySchema.safeParse({ url: "ftp://x.example/", intervalMinutes: 60 }).success, false);
});
