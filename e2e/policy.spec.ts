import { expect, samples, test } from "./fixtures";

test("a policy page lists its versions newest first, by the dates the texts state", async ({ page }) => {
  await page.goto(`/p/${samples.xuexi.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(samples.xuexi.name);
  await expect(page.getByText("共 5 个版本")).toBeVisible();
  const rows = page.locator("tr[data-version]");
  await expect(rows).toHaveCount(5);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-version")))).toEqual([
    ...samples.xuexi.versionKeys,
  ]);
  // Published and effective dates, as the texts state them.
  await expect(rows.first()).toContainText("2021年12月23日");
  await expect(rows.first()).toContainText("2021年12月30日");
  await expect(rows.last()).toContainText("2020年6月10日");
});

test("BeReal's versions are ordered by their 'Last updated' dates", async ({ page }) => {
  await page.goto(`/p/${samples.bereal.slug}`);
  const keys = await page
    .locator("tr[data-version]")
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-version")));
  expect(keys).toEqual([...samples.bereal.versionKeys]);
});

test("picking two versions leads to the compare address for them, oldest first", async ({ page }) => {
  await page.goto(`/p/${samples.xuexi.slug}`);
  await page.getByRole("radio", { name: `旧版本 ${samples.xuexi.versionKeys[4]}` }).check();
  await page.getByRole("radio", { name: `新版本 ${samples.xuexi.versionKeys[1]}` }).check();
  await page.getByRole("button", { name: "对比" }).click();
  await expect(page).toHaveURL(
    `/p/${samples.xuexi.slug}/compare/${samples.xuexi.versionKeys[4]}...${samples.xuexi.versionKeys[1]}`,
  );
});
