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

test("the switch only sends the browser back to a path on this site", async ({ request }) => {
  for (const [next, location] of [
    ["/p/x?y=1", "/p/x?y=1"],
    ["/\t/evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
  ] as const) {
    const res = await request.post("/api/locale", { form: { locale: "en", next }, maxRedirects: 0 });
    expect(res.status(), next).toBe(303);
    expect(res.headers()["location"], next).toBe(location);
  }
});
