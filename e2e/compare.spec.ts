/**
 * The compare view (issue 4), against the production server on a fresh, seeded database.
 * Pairs used: 学习强国 (5 versions of one policy) and the two Migu seeds (one template, two products).
 */
import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { CompareModel } from "../lib/compare/types.ts";
import { expect, jsonOf, samples, test, type ApiError } from "./fixtures";

const xuexi = samples.xuexi;
const [x2021b, x2021a] = [xuexi.versionKeys[1], xuexi.versionKeys[2]]; // 2021-08-25 (newer), 2021-02-25
const xuexiCompare = `/p/${xuexi.slug}/compare/${x2021a}...${x2021b}`;
const migu = {
  from: "zh-migu-bookstore-privacy@2022-06-29",
  to: "zh-migu-kuaiyou-privacy@2021-12-29",
};
const miguCompare = `/compare/${migu.from}...${migu.to}`;

/** Keys of the changed rows, in document order (the next/previous stops). */
function changedKeys(page: Page): Promise<string[]> {
  return page.locator('section.cmp-row[data-changed="true"]').evaluateAll((els) => els.map((e) => e.id));
}

async function summaryCount(page: Page, status: string): Promise<number> {
  return Number(await page.locator(`[data-testid="summary"] li[data-count="${status}"] b`).innerText());
}

test("pick two versions on the policy page, land on their compare view; counts are the engine's", async ({
  page,
  request,
}) => {
  await page.goto(`/p/${xuexi.slug}`);
  await page.getByRole("radio", { name: `旧版本 ${x2021a}` }).check();
  await page.getByRole("radio", { name: `新版本 ${x2021b}` }).check();
  await page.getByRole("button", { name: "对比" }).click();
  await expect(page).toHaveURL(xuexiCompare);
  await expect(page.getByTestId("compare")).toBeVisible();
  await expect(page.getByTestId("side-from")).toContainText(x2021a);
  await expect(page.getByTestId("side-to")).toContainText(x2021b);

  const api = await request.get(`/api/compare?from=${xuexi.slug}@${x2021a}&to=${xuexi.slug}@${x2021b}`);
  expect(api.status()).toBe(200);
  const model = await jsonOf<CompareModel>(api);
  expect(model.options.ignore).toEqual(["whitespace", "width"]); // the default, on the page and in the API
  for (const s of ["added", "removed", "modified", "moved"] as const)
    expect(await summaryCount(page, s), s).toBe(model.stats.sections[s]);
  expect(Number(await page.locator('li[data-count="changedRatio"]').getAttribute("data-value"))).toBeCloseTo(
    model.stats.changedRatio,
    6,
  );
});

test("compare with previous, from a version page", async ({ page }) => {
  await page.goto(`/p/${xuexi.slug}/v/${x2021b}`);
  await page.getByTestId("compare-with-previous").click();
  await expect(page).toHaveURL(xuexiCompare);
});

test("the version picker searches versions and switches one side; the page ships no list of versions", async ({
  page,
}) => {
  await page.goto(xuexiCompare);
  expect(await page.locator("select, option").count()).toBe(0);
  const side = page.getByTestId("side-from");
  await side.getByRole("button", { name: "切换版本: 基准版本" }).click();
  // Opened: the same policy's versions, fetched on demand.
  await expect(side.getByRole("link", { name: new RegExp(xuexi.versionKeys[4]) })).toBeVisible();
  // Typing searches every policy.
  await side.getByRole("searchbox", { name: "切换版本: 基准版本" }).fill("豆瓣");
  await side.getByRole("link", { name: `${samples.douban.name} · ${samples.douban.previous}` }).click();
  await expect(page).toHaveURL(`/compare/${samples.douban.slug}@${samples.douban.previous}...${xuexi.slug}@${x2021b}`);
  await expect(page.getByTestId("side-from")).toContainText(samples.douban.previous);
});

test("the outline jumps to a section", async ({ page }) => {
  await page.goto(miguCompare);
  const keys = await changedKeys(page);
  const target = keys[Math.floor(keys.length * 0.7)]!;
  await page.locator(`.cmp-outline a[href="#${target}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#${target}$`));
  await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
});

test("next and previous change move through the changes in order (buttons and j/k)", async ({ page }) => {
  await page.goto(xuexiCompare);
  const keys = await changedKeys(page);
  expect(keys.length).toBeGreaterThan(2);
  await page.getByRole("button", { name: /下一处/ }).click();
  await expect(page).toHaveURL(new RegExp(`#${keys[0]}$`));
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`#${keys[1]}$`));
  await expect(page.locator(`[id="${keys[1]}"]`)).toBeInViewport();
  await page.keyboard.press("n");
  await expect(page).toHaveURL(new RegExp(`#${keys[2]}$`));
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`#${keys[1]}$`));
  await page.getByRole("button", { name: /上一处/ }).click();
  await expect(page).toHaveURL(new RegExp(`#${keys[0]}$`));
  await expect(page.getByTestId("change-position")).toHaveText(`第 1 / ${keys.length} 处变更`);
});

test("a copied section link opens the same versions and options with that section in view", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto(`${xuexiCompare}?ignore=whitespace&layout=split`);
  const keys = await changedKeys(page);
  const key = keys[keys.length - 1]!;
  const row = page.locator(`[id="${key}"]`);
  await row.scrollIntoViewIfNeeded();
  await row.locator("button[data-copy]").click();
  await expect(page.getByTestId("copy-status")).toContainText(key);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${baseURL}${xuexiCompare}?ignore=whitespace&layout=split#${key}`);

  const other = await context.newPage();
  await other.goto(copied);
  await expect(other.locator(`[id="${key}"]`)).toBeInViewport();
  await expect(other.getByRole("checkbox", { name: "忽略空白" })).toHaveAttribute("aria-checked", "true");
  await expect(other.getByTestId("rows")).toHaveAttribute("data-layout", "split");
});

test("toggling an option changes the URL and the view; a reload keeps it", async ({ page }) => {
  await page.goto(xuexiCompare);
  // Defaults: whitespace and width ignored, numbering not.
  await expect(page.getByRole("checkbox", { name: "忽略空白" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("checkbox", { name: "忽略全角/半角" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("checkbox", { name: "忽略编号" })).toHaveAttribute("aria-checked", "false");
  const allRows = await page.locator("section.cmp-row").count();
  await page.getByRole("checkbox", { name: "仅显示变更" }).click();
  await expect(page).toHaveURL(`${xuexiCompare}?only=changes`);
  await expect(page.locator('section.cmp-row[data-changed="false"]')).toHaveCount(0);
  const changedRows = await page.locator("section.cmp-row").count();
  expect(changedRows).toBeLessThan(allRows);

  await page.getByRole("checkbox", { name: "忽略编号" }).click();
  await expect(page).toHaveURL(`${xuexiCompare}?ignore=whitespace,width,numbering&only=changes`);
  await expect(page.getByRole("checkbox", { name: "忽略编号" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("link", { name: "合并" }).click();
  await expect(page).toHaveURL(`${xuexiCompare}?ignore=whitespace,width,numbering&layout=inline&only=changes`);
  await expect(page.getByTestId("rows")).toHaveAttribute("data-layout", "inline");

  await page.reload();
  await expect(page.getByRole("checkbox", { name: "仅显示变更" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("checkbox", { name: "忽略编号" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("rows")).toHaveAttribute("data-layout", "inline");
  await expect(page.locator('section.cmp-row[data-changed="false"]')).toHaveCount(0);
});

test("the ignore toggles turn the defaults off one by one: width off, then nothing ignored", async ({ page }) => {
  await page.goto(xuexiCompare);
  await page.getByRole("checkbox", { name: "忽略全角/半角" }).click();
  await expect(page).toHaveURL(`${xuexiCompare}?ignore=whitespace`);
  await expect(page.getByRole("checkbox", { name: "忽略全角/半角" })).toHaveAttribute("aria-checked", "false");
  await expect(page.getByRole("checkbox", { name: "忽略空白" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("checkbox", { name: "忽略空白" }).click();
  await expect(page).toHaveURL(`${xuexiCompare}?ignore=none`);
  await page.reload();
  for (const name of ["忽略空白", "忽略全角/半角", "忽略编号"])
    await expect(page.getByRole("checkbox", { name })).toHaveAttribute("aria-checked", "false");
  // Back to the default set: the parameter disappears again.
  await page.getByRole("checkbox", { name: "忽略空白" }).click();
  await expect(page).toHaveURL(`${xuexiCompare}?ignore=whitespace`);
  await page.getByRole("checkbox", { name: "忽略全角/半角" }).click();
  await expect(page).toHaveURL(xuexiCompare);
});

test("by default a width-only change (seed 000 vs 001: (“您”) vs （“您”）) is not marked; with ignore=none it is", async ({
  page,
  request,
}) => {
  const paragraph = (p: Page) => p.locator(".cmp-pair", { hasText: "我们非常注重保护用户" }).first();
  await page.goto(miguCompare);
  let pair = paragraph(page);
  await pair.scrollIntoViewIfNeeded();
  await expect(pair.locator(".cmp-new")).toContainText("用户（“您”）的个人信息及隐私，并希望通过本");
  await expect(pair.locator("ins", { hasText: "摘要" })).toHaveCount(1); // the real change in that sentence is still marked
  await expect(pair.locator("del").filter({ hasText: /^[(),]$/ })).toHaveCount(0);
  await expect(pair.locator("ins").filter({ hasText: /^[（），]$/ })).toHaveCount(0);

  await page.goto(`${miguCompare}?ignore=none`);
  pair = paragraph(page);
  await pair.scrollIntoViewIfNeeded();
  await expect(pair.locator("del").filter({ hasText: /^\($/ })).toHaveCount(1);
  await expect(pair.locator("ins").filter({ hasText: /^（$/ })).toHaveCount(1);

  // The API agrees: the default model has no width-only segment there, ignore=none has.
  const model = async (q: string) =>
    jsonOf<CompareModel>(await request.get(`/api/compare?from=${migu.from}&to=${migu.to}${q}`));
  const [def, none] = await Promise.all([model(""), model("&ignore=none")]);
  expect(def.options.ignore).toEqual(["whitespace", "width"]);
  expect(none.options.ignore).toEqual([]);
  expect(JSON.stringify(def)).not.toContain('"new":"（"');
  expect(JSON.stringify(none)).toContain('"new":"（"');
});

test("across policies, the Migu seeds' shared template sections stand level, row by row", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${miguCompare}?layout=split`);
  // Every pair present on both sides: its two cells start at the same height.
  const pairs = page.locator('.cmp-pair[data-both="true"]');
  const n = await pairs.count();
  expect(n).toBeGreaterThan(40);
  let checked = 0;
  for (let i = 0; i < n; i += 7) {
    const pair = pairs.nth(i);
    await pair.scrollIntoViewIfNeeded();
    const [a, b] = await Promise.all([pair.locator(".cmp-old").boundingBox(), pair.locator(".cmp-new").boundingBox()]);
    expect(a && b, `pair ${i}`).toBeTruthy();
    expect(Math.abs(a!.y - b!.y), `pair ${i}`).toBeLessThan(1);
    expect(a!.x).toBeLessThan(b!.x);
    checked++;
  }
  expect(checked).toBeGreaterThan(5);
  // A shared template heading: 第一部分 定义及名词解释 on both sides of one row.
  const row = page.locator("section.cmp-row", { hasText: "定义及名词解释" }).first();
  await row.scrollIntoViewIfNeeded();
  const heading = row.locator('.cmp-pair[data-kind="heading"]').first();
  const [l, r] = await Promise.all([
    heading.locator(".cmp-old").boundingBox(),
    heading.locator(".cmp-new").boundingBox(),
  ]);
  expect(Math.abs(l!.y - r!.y)).toBeLessThan(1);
});

test("printing hides the chrome; a phone's width gets the inline view", async ({ page }) => {
  await page.goto(xuexiCompare);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("toolbar")).toBeHidden();
  await expect(page.locator(".cmp-outline")).toBeHidden();
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.locator(".cmp-row del").first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(xuexiCompare);
  await expect(page.locator(".cmp-cols")).toBeHidden();
  // Layout switch still there on a phone.
  await expect(page.getByRole("link", { name: "并排" })).toBeVisible();
  const pair = page.locator('.cmp-pair[data-s="modified"]').first();
  await pair.scrollIntoViewIfNeeded();
  const [o, n] = await Promise.all([pair.locator(".cmp-old").boundingBox(), pair.locator(".cmp-new").boundingBox()]);
  expect(Math.abs(o!.x - n!.x)).toBeLessThan(1); // one column: old above new
  expect(n!.y).toBeGreaterThan(o!.y);
});

test("a link to a version that no longer exists: 404 that says so, with what remains", async ({ page }) => {
  const response = await page.goto(`/p/${xuexi.slug}/compare/${x2021a}...2019-01-01`);
  expect(response?.status()).toBe(404);
  const box = page.getByTestId("compare-not-found");
  await expect(box).toContainText("2019-01-01");
  await expect(box.getByRole("link", { name: xuexi.versionKeys[0] })).toBeVisible();
  const cross = await page.goto(`/compare/no-such-policy@2020-01-01...${migu.to}`);
  expect(cross?.status()).toBe(404);
  await expect(page.getByTestId("compare-not-found")).toContainText("no-such-policy");
});

test("title and link-preview meta name the policies, dates and the change", async ({ page }) => {
  await page.goto(miguCompare);
  await expect(page).toHaveTitle(/咪咕云书店隐私政策 2022-06-29 → 咪咕隐私权政策 2021-12-29/);
  const og = await page.locator('meta[property="og:description"]').getAttribute("content");
  expect(og).toMatch(/文本变化 \d+%/);
  expect(await page.locator('meta[name="twitter:title"]').getAttribute("content")).toContain("2021-12-29");
});

test("the API: 422 and 404 in the API's one error shape", async ({ request }) => {
  const bad = await request.get("/api/compare?from=nope&to=x@y");
  expect(bad.status()).toBe(422);
  const badBody = await jsonOf<ApiError>(bad);
  expect(badBody.error.code).toBe("invalid_input");
  expect(badBody.error.fields).toEqual(["from"]);
  expect(badBody.error.issues?.[0]?.path).toEqual(["from"]);
  // A malformed escape in a key is a malformed parameter too (422, not 404 or 500).
  const badEscape = await request.get(`/api/compare?from=${migu.from}&to=zh-migu-kuaiyou-privacy@%25E4%25B8`);
  expect(badEscape.status()).toBe(422);
  expect((await jsonOf<ApiError>(badEscape)).error.fields).toEqual(["to"]);
  const badIgnore = await request.get(`/api/compare?from=${migu.from}&to=${migu.to}&ignore=case`);
  expect(badIgnore.status()).toBe(422);
  expect((await jsonOf<ApiError>(badIgnore)).error.message).toContain("case");
  const mixedNone = await request.get(`/api/compare?from=${migu.from}&to=${migu.to}&ignore=none,width`);
  expect(mixedNone.status()).toBe(422);
  const missing = await request.get(`/api/compare?from=${migu.from}&to=zh-migu-kuaiyou-privacy@1999-01-01`);
  expect(missing.status()).toBe(404);
  expect((await jsonOf<ApiError>(missing)).error).toEqual({
    code: "version_not_found",
    message: 'Policy "zh-migu-kuaiyou-privacy" has no version "1999-01-01".',
    slug: "zh-migu-kuaiyou-privacy",
    version: "1999-01-01",
  });
  const noPolicy = await request.get(`/api/compare?from=no-such-policy@2020-01-01&to=${migu.to}`);
  expect(noPolicy.status()).toBe(404);
  expect((await jsonOf<ApiError>(noPolicy)).error.code).toBe("policy_not_found");
});

test("malformed escapes in a compare path give 404 pages, not server errors", async ({ page }) => {
  for (const path of [
    `/p/%25E4%25B8/compare/${x2021a}...${x2021b}`,
    `/p/${xuexi.slug}/compare/%25...${x2021b}`,
    `/compare/a@%25E4...${migu.to}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByTestId("compare-not-found")).toBeVisible();
  }
  // A fragment that is not a valid escape does not break the page's script.
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${xuexiCompare}#%`);
  // Pressed again until the page's script has hydrated (a key before that goes nowhere); fails if it never does.
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(page).toHaveURL(/#(preamble|s-[\w-]+)$/, { timeout: 1_000 }); // the first change: the script runs
  }).toPass({ timeout: 15_000 });
  expect(errors).toEqual([]);
});

test("screenshot of 000 vs 001 (saved for review)", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(miguCompare);
  mkdirSync("test-results/compare", { recursive: true });
  const top = "test-results/compare/000-vs-001.png";
  await page.screenshot({ path: top });
  // Further down: a modified section of the shared template.
  const keys = await changedKeys(page);
  await page.locator(`.cmp-outline a[href="#${keys[Math.floor(keys.length / 2)]}"]`).click();
  const mid = "test-results/compare/000-vs-001-middle.png";
  await page.screenshot({ path: mid });
  await testInfo.attach("000-vs-001", { path: top, contentType: "image/png" });
  await testInfo.attach("000-vs-001-middle", { path: mid, contentType: "image/png" });
});
