import { expect, samples, test } from "./fixtures";

test("a version page shows the text with its dates and source", async ({ page }) => {
  const { slug, newest, previous } = samples.douban;
  await page.goto(`/p/${slug}/v/${newest}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(samples.douban.name);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2022年4月26日");
  const text = page.getByRole("region", { name: "全文" });
  await expect(text).toContainText(samples.douban.newestTextSnippet);
  // Paragraphs are kept: the text is many paragraphs, not one block; sections have headings.
  expect(await text.locator("p").count()).toBeGreaterThan(20);
  await expect(text.getByRole("heading", { name: "豆瓣个人信息保护政策概要" })).toBeVisible();
  // The archive's front matter is folded away, one click from view.
  await expect(text.getByText("dateCreated: 2022-04-29T15:52:47.037+08:00")).toBeHidden();
  await text.getByText("文档元数据").click();
  await expect(text.getByText("dateCreated: 2022-04-29T15:52:47.037+08:00")).toBeVisible();
  await expect(page.getByRole("link", { name: samples.douban.newestSource })).toHaveAttribute(
    "href",
    samples.douban.newestSource,
  );
  await page.getByRole("link", { name: /^← 上一版本/ }).click();
  await expect(page).toHaveURL(`/p/${slug}/v/${previous}`);
  await expect(page.getByRole("region", { name: "全文" })).toContainText("豆瓣");
});

test("long lines wrap inside the page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`/p/${samples.xuexi.slug}/v/${samples.xuexi.versionKeys[0]}`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("inline markdown reads as bold text and links, not as markers", async ({ page }) => {
  await page.goto(`/p/${samples.xuexi.slug}/v/${samples.xuexi.versionKeys[0]}`);
  const text = page.getByRole("region", { name: "全文" });
  // 学习强国's archive writes its key terms as **…**: shown bold, with no asterisks left over.
  await expect(text.locator("strong").filter({ hasText: "本政策适用于“学习强国”提供的所有产品和服务" })).toBeVisible();
  await expect(text.locator("p").filter({ hasText: "本政策适用于“学习强国”提供的所有产品和服务" })).not.toContainText(
    "**",
  );
  // 豆瓣 links its lists in markdown: an http(s) link with the list's name as its text.
  await page.goto(`/p/${samples.douban.slug}/v/${samples.douban.newest}`);
  await expect(page.getByRole("link", { name: "《个人信息收集清单》" }).first()).toHaveAttribute("href", /^https:\/\//);
});
