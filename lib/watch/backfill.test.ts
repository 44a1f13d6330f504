/** Backfill through a version-URL template, against a local page server. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshTestDb, type TestDb } from "../data/test-db.ts";
import { createPolicyWithVersion } from "../data/version-writes.ts";
import { contentHash } from "../ingest/hash.ts";
import { watchBodySchema } from "../validations/watch.ts";
import { backfill, fillTemplate, formatBackfillReport, NoTemplateError } from "./backfill.ts";
import { checkNow, listChecks, setWatch } from "./sources.ts";
import { formatCheckLog } from "./check.ts";
import { fakeClock, policyPage, startPageServer, testDeps, type PageServer } from "./testing.ts";

let t: TestDb;
let server: PageServer;
before(async () => {
  t = await freshTestDb("backfill");
  server = await startPageServer();
});
after(async () => {
  await server.close();
  await t.dispose();
});

const LISTED = ["2024-05-01", "2023-03-15", "2022-07-01", "2021-09-30", "2020-01-10"];
const historyList = `<h2>历史版本</h2>${LISTED.map((d) => `<p>${d}</p>`).join("")}`;
const versionPage = (date: string, clause: string) =>
  policyPage(`<h1>示例云书店隐私政策</h1><p>更新日期：${date}</p><p>一、${clause}</p>${historyList}`);

test("fillTemplate writes the date in each placeholder's form", () => {
  assert.equal(fillTemplate("https://x/p?hisver={yyyymmdd}", "2021-09-30"), "https://x/p?hisver=20210930");
  assert.equal(
    fillTemplate("https://x/{yyyy}/{mm}/{dd}/{yyyy-mm-dd}.html", "2021-09-30"),
    "https://x/2021/09/30/2021-09-30.html",
  );
});

test("a page listing five dates: backfill fetches the missing ones and reports each date", async (t2) => {
  const clock = fakeClock();
  const deps = testDeps(t.client, clock);
  const seed = "示例云书店隐私政策（旧导入）";
  await createPolicyWithVersion(
    { slug: "bookstore", name: "示例云书店隐私政策" },
    { text: seed, format: "text", contentHash: contentHash(seed), publishedAt: null },
    t.client,
  );
  server.set("/privacy", { body: versionPage("2024-05-01", "我们收集您的阅读记录和设备信息。") });
  server.set("/privacy?hisver=20230315", { body: versionPage("2023-03-15", "我们收集您的阅读记录。") });
  server.set("/privacy?hisver=20220701", { body: versionPage("2022-07-01", "我们收集您的手机号码。") });
  // 2021-09-30 serves the same text as 2022-07-01 (the site's archive repeats a version).
  server.set("/privacy?hisver=20210930", { body: versionPage("2022-07-01", "我们收集您的手机号码。") });
  // 2020-01-10 is gone (404).

  await setWatch(
    "bookstore",
    watchBodySchema.parse({
      url: `${server.origin}/privacy`,
      intervalMinutes: 1440,
      versionUrlTemplate: `${server.origin}/privacy?hisver={yyyymmdd}`,
    }),
    deps,
  );
  const check = await checkNow("bookstore", deps);
  assert.equal(check.outcome, "new_version");
  assert.equal(check.versionKey, "2024-05-01");

  const before = server.requests.length;
  const report = await backfill("bookstore", deps, { spacingMs: 0 });
  // The report and the log as the CLI prints them (shown in the test output).
  for (const line of formatBackfillReport(report).split("\n")) t2.diagnostic(line);
  for (const line of formatCheckLog("bookstore", await listChecks("bookstore", t.client)).split("\n"))
    t2.diagnostic(line);
  assert.deepEqual(
    report.entries.map((e) => [e.date, e.outcome, e.versionKey ?? e.errorCode]),
    [
      ["2024-05-01", "present", "2024-05-01"],
      ["2023-03-15", "added", "2023-03-15"],
      ["2022-07-01", "added", "2022-07-01"],
      ["2021-09-30", "duplicate", "2022-07-01"],
      ["2020-01-10", "failed", "fetch_http_status"],
    ],
  );
  assert.deepEqual(report.counts, { added: 2, duplicate: 1, failed: 1, present: 1 });
  assert.equal(server.requests.length - before, 4, "only the missing dates are fetched");

  const again = await backfill("bookstore", deps, { spacingMs: 0 });
  assert.deepEqual(again.counts, { added: 0, duplicate: 1, failed: 1, present: 3 }, "a second run adds nothing");
});

test("backfill without a template says what to give", async () => {
  await createPolicyWithVersion(
    { slug: "no-template", name: "N" },
    { text: "N", format: "text", contentHash: contentHash("N"), publishedAt: null, listedVersionDates: ["2020-01-01"] },
    t.client,
  );
  await assert.rejects(backfill("no-template", testDeps(t.client, fakeClock())), NoTemplateError);
});
