import { expect, samples, test } from "./fixtures";

test("the language switch changes the UI to English and back, and survives a reload", async ({ page, context }) => {
  await page.goto(`/p/${samples.xuexi.slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "版本" })).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  // Back on the same page, in English.
  await expect(page).toHaveURL(`/p/${samples.xuexi.slug}`);
  await expect(page.getByRole("heading", { name: "Versions" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect((await context.cookies()).find((c) => c.name === "lang")?.value).toBe("en");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Versions" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Every change to a privacy policy");
  await expect(page.getByText(`Latest version: ${samples.xuexi.latestEn}`)).toBeVisible();

  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("隐私政策的每一次变化");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("隐私政策的每一次变化");
});
