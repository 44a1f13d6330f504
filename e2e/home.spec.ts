import { expect, samples, test } from "./fixtures";

test("the home page lists all eight sample policies with version count and latest date", async ({
  page,
  policyList,
}) => {
  await expect(page).toHaveTitle("政策变迁");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("隐私政策的每一次变化");
  const items = policyList.getByRole("listitem");
  // Other specs may add policies to the shared server; the eight samples must all be there.
  const hrefs = await policyList.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(hrefs).toEqual(expect.arrayContaining(samples.slugs.map((s) => `/p/${s}`)));
  expect(samples.slugs).toHaveLength(samples.policyCount);
  for (const name of samples.names) {
    await expect(policyList.getByRole("link", { name, exact: true }).first()).toBeVisible();
  }
  const xuexi = items.filter({ has: page.getByRole("link", { name: samples.xuexi.name, exact: true }) });
  await expect(xuexi).toContainText("5 个版本");
  await expect(xuexi).toContainText(`最新版本：${samples.xuexi.latestZh}`);
  const douban = items.filter({ has: page.getByRole("link", { name: samples.douban.name, exact: true }) });
  await expect(douban).toContainText("2 个版本");
  await expect(douban).toContainText("2022年4月26日");

  await xuexi.getByRole("link", { name: samples.xuexi.name }).click();
  await expect(page).toHaveURL(`/p/${samples.xuexi.slug}`);
});
