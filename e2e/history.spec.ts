/** The policy timeline and a section's history (docs/decisions/0019-history.md), on the seeded 学习强国 sample. */
import { expect, samples, test } from "./fixtures";

const { slug, versionKeys } = samples.xuexi;
const oldestFirst = [...versionKeys].reverse();

test("the timeline shows the five 学习强国 versions, has a text alternative and opens a compare view on click (zh)", async ({
  page,
}) => {
  await page.goto(`/p/${slug}`);
  const chart = page.getByTestId("timeline-chart");
  await expect(chart).toBeVisible();
  await expect(page.getByRole("figure", { name: "学习强国隐私权政策 各版本的改动幅度" })).toBeVisible();
  await expect(chart.getByTestId("timeline-step")).toHaveCount(4);
  // The text alternative: a table with a row per version, oldest first, and what changed.
  const table = page.getByRole("table", { name: "时间线（表格）" });
  await expect(chart).toHaveAttribute("aria-describedby", "timeline-table-caption");
  for (const key of oldestFirst)
    await expect(table.getByRole("link", { name: new RegExp(key.slice(0, 4)) }).first()).toBeVisible();
  await expect(table.locator("tbody tr").filter({ hasText: "最早收录的版本" })).toHaveCount(1);
  await page.screenshot({ path: "test-results/history-timeline-zh.png", fullPage: true });
  // Clicking the last step opens the compare view of the last two versions.
  await chart.getByTestId("timeline-step").last().click();
  await expect(page).toHaveURL(new RegExp(`/p/${slug}/compare/${oldestFirst[3]}\\.\\.\\.${oldestFirst[4]}`));
});

test("a history page opened from a compare row lists every version the section is in (zh)", async ({ page }) => {
  await page.goto(`/p/${slug}/compare/${oldestFirst[3]}...${oldestFirst[4]}?only=changes`);
  // Section 五 was renamed 您如何管理您的个人信息 → 您的权利 in the last step.
  const row = page.locator("section.cmp-row", { hasText: "您的权利" }).first();
  await row.getByTestId("row-history").click();
  await expect(page).toHaveURL(new RegExp(`/p/${slug}/history/s-[0-9a-z]+\\?at=${oldestFirst[4]}`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("您的权利");
  const entries = page.getByTestId("history-entry");
  await expect(entries).toHaveCount(5);
  expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute("data-version")))).toEqual(oldestFirst);
  await expect(entries.last()).toHaveAttribute("data-status", "renamed");
  await expect(entries.last().locator("del, ins").first()).toBeVisible();
  await page.screenshot({ path: "test-results/history-section-zh.png", fullPage: true });
});

test("timeline and history in English, and the JSON API", async ({ page, context, request, baseURL }) => {
  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await page.goto(`/p/${slug}`);
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(page.getByRole("table", { name: "The timeline as a table" })).toBeVisible();
  await page.screenshot({ path: "test-results/history-timeline-en.png", fullPage: true });

  const timeline = (await (await request.get(`/api/policies/${slug}/timeline`)).json()) as {
    versions: { key: string; fromPrevious: { changedRatio: number } | null }[];
    missing: string[];
  };
  expect(timeline.versions.map((v) => v.key)).toEqual(oldestFirst);
  expect(timeline.versions[0]!.fromPrevious).toBeNull();
  const history = await request.get(`/api/policies/${slug}/history?section=s-18qcfth&at=${oldestFirst[4]}`);
  expect(history.status()).toBe(200);
  const body = (await history.json()) as { entries: { version: string; status: string }[] };
  expect(body.entries.map((e) => e.version)).toEqual(oldestFirst);
  await page.goto(`/p/${slug}/history/s-18qcfth?at=${oldestFirst[4]}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("History of");
  await page.screenshot({ path: "test-results/history-section-en.png", fullPage: true });

  expect((await request.get(`/api/policies/${slug}/history?section=bad&at=${oldestFirst[4]}`)).status()).toBe(422);
  expect((await request.get(`/api/policies/no-such-policy/timeline`)).status()).toBe(404);
  const missing = await request.get(`/api/policies/${slug}/history?section=s-18qcfth&at=1999-01-01`);
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("version_not_found");
});

test("a version page links each section heading to its history", async ({ page }) => {
  await page.goto(`/p/${slug}/v/${oldestFirst[4]}`);
  await page
    .getByRole("heading", { name: /您的权利/ })
    .getByTestId("section-history")
    .click();
  await expect(page).toHaveURL(new RegExp(`/p/${slug}/history/s-18qcfth\\?at=${oldestFirst[4]}`));
  await expect(page.getByTestId("history-entry")).toHaveCount(5);
});
