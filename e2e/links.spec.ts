/**
 * Permanent links, comparing across policies, and a first run's comforts
 * (docs/decisions/0023-permanent-links-and-first-run.md): a re-dated version's old links redirect
 * (308) to its new key, a deleted version's links answer 410 with a page that says so; any policy's
 * page (one version is enough) and any version's page lead to a comparison with another policy; the
 * header shows the admin session and signs out; writes end with a notice; the icon is served.
 */
import { randomUUID } from "node:crypto";
import { test as base, expect, type APIResponse, type Page } from "@playwright/test";
import { ADMIN_COOKIE, sessionValue } from "../lib/auth.ts";
import { samples } from "./fixtures.ts";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef";
const auth = { authorization: `Bearer ${TOKEN}` };

const FIRST = "链接测试政策\n\n更新日期：2022年1月10日\n\n一、我们如何收集信息\n我们收集您的设备信息。";
const SECOND =
  "链接测试政策\n\n更新日期：2023年5月6日\n\n一、我们如何收集信息\n我们收集您的设备信息和位置信息。\n\n二、新增章节\n新内容。";

type Fixtures = { slug: string; signedIn: Page };

/** Where a redirect leads: the path and query of its Location. */
function target(response: APIResponse): string {
  const url = new URL(response.headers().location ?? "", "http://any.invalid");
  return url.pathname + url.search;
}

const test = base.extend<Fixtures>({
  /** A fresh policy with two versions, 2022-01-10 and 2023-05-06, created through the API. */
  slug: async ({ request }, use) => {
    const slug = `e2e-links-${randomUUID().slice(0, 8)}`;
    const created = await request.post("/api/policies", {
      headers: auth,
      data: { slug, name: "链接测试政策", version: { text: FIRST } },
    });
    expect(created.status(), await created.text()).toBe(201);
    const added = await request.post(`/api/policies/${slug}/versions`, { headers: auth, data: { text: SECOND } });
    expect(added.status(), await added.text()).toBe(201);
    await use(slug);
  },
  /** A page whose browser holds the admin session cookie. */
  signedIn: async ({ page, baseURL }, use) => {
    await page.context().addCookies([{ name: ADMIN_COOKIE, value: sessionValue(TOKEN), url: baseURL! }]);
    await use(page);
  },
});

test("re-dating a version in the form keeps its old links: version, compare, export and API redirect (308)", async ({
  signedIn: page,
  request,
  slug,
}) => {
  await page.goto(`/p/${slug}/v/2023-05-06/edit`);
  await page.getByLabel("发布日期", { exact: true }).fill("2023-06-01");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByTestId("notice")).toHaveText(/已保存版本 2023-06-01。/);
  // The notice's parameter leaves the address, so a reload or a copied link does not repeat it.
  await expect(page).toHaveURL(`/p/${slug}/v/2023-06-01`);

  const noFollow = { maxRedirects: 0 };
  const version = await request.get(`/p/${slug}/v/2023-05-06`, noFollow);
  expect(version.status()).toBe(308);
  expect(target(version)).toBe(`/p/${slug}/v/2023-06-01`);

  // A shared compare link, with options and a section in focus, lands on the same view of the new key.
  await page.goto(`/p/${slug}/compare/2022-01-10...2023-05-06?layout=inline#anything`);
  await expect(page).toHaveURL(`/p/${slug}/compare/2022-01-10...2023-06-01?layout=inline#anything`);
  await expect(page.getByTestId("compare")).toBeVisible();

  const file = await request.get(`/p/${slug}/compare/2022-01-10...2023-05-06/export.md`, noFollow);
  expect(file.status()).toBe(308);
  expect(target(file)).toBe(`/p/${slug}/compare/2022-01-10...2023-06-01/export.md`);
  const cross = await request.get(
    `/compare/${slug}@2023-05-06...${samples.douban.slug}@${samples.douban.newest}`,
    noFollow,
  );
  expect(cross.status()).toBe(308);
  expect(target(cross)).toBe(`/compare/${slug}@2023-06-01...${samples.douban.slug}@${samples.douban.newest}`);

  const api = await request.get(`/api/policies/${slug}/versions/2023-05-06`, noFollow);
  expect(api.status()).toBe(308);
  expect(target(api)).toBe(`/api/policies/${slug}/versions/2023-06-01`);
  const followed = await request.get(`/api/policies/${slug}/versions/2023-05-06`);
  expect(((await followed.json()) as { version: { key: string } }).version.key).toBe("2023-06-01");

  // Both sides re-keyed (the other one through the API): one redirect to both new keys.
  const patched = await request.patch(`/api/policies/${slug}/versions/2022-01-10`, {
    headers: auth,
    data: { publishedAt: "2022-01-11" },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  const both = await request.get(`/p/${slug}/compare/2022-01-10...2023-05-06?ignore=none`, noFollow);
  expect(both.status()).toBe(308);
  expect(target(both)).toBe(`/p/${slug}/compare/2022-01-11...2023-06-01?ignore=none`);
  const apiCompare = await request.get(`/api/compare?from=${slug}@2022-01-10&to=${slug}@2023-06-01`, noFollow);
  expect(apiCompare.status()).toBe(308);
  expect(target(apiCompare)).toBe(
    `/api/compare?from=${encodeURIComponent(`${slug}@2022-01-11`)}&to=${encodeURIComponent(`${slug}@2023-06-01`)}`,
  );

  // A retired key is never given to another version: a text dated 2023-05-06 gets a fresh key.
  const third = await request.post(`/api/policies/${slug}/versions`, {
    headers: auth,
    data: { text: SECOND.replace("新内容。", "又一版。") },
  });
  expect(third.status(), await third.text()).toBe(201);
  expect(((await third.json()) as { version: { key: string } }).version.key).toBe("2023-05-06-2");
});

test("deleting a version: a notice, then its links answer 410 with a page in the reader's language", async ({
  signedIn: page,
  request,
  slug,
  baseURL,
}) => {
  await page.goto(`/p/${slug}/v/2023-05-06/edit`);
  await page.getByText("删除此版本…").click();
  await page.getByRole("button", { name: "确认删除版本 2023-05-06" }).click();
  await expect(page.getByTestId("notice")).toContainText("已删除版本 2023-05-06。");
  await expect(page).toHaveURL(`/p/${slug}`);

  const gone = await page.goto(`/p/${slug}/v/2023-05-06`);
  expect(gone?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "这个版本已被删除" })).toBeVisible();
  await expect(page.getByRole("link", { name: "仍保留的版本" })).toHaveAttribute("href", `/p/${slug}`);

  await page.context().addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  const compare = await page.goto(`/p/${slug}/compare/2022-01-10...2023-05-06#x`);
  expect(compare?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "This version was deleted" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const api = await request.get(`/api/policies/${slug}/versions/2023-05-06`);
  expect(api.status()).toBe(410);
  expect(await api.json()).toMatchObject({ error: { code: "version_gone", slug, version: "2023-05-06" } });
  // A key that is simply unknown is still a 404.
  expect((await request.get(`/p/${slug}/v/1999-01-01`)).status()).toBe(404);
});

test("a policy with one version offers a comparison with any version of another policy", async ({ page }) => {
  await page.goto("/p/zh-miitee-privacy");
  await expect(page.getByText("这份政策只有一个版本：可以在下方与其他政策的版本对比。")).toBeVisible();
  const section = page.getByTestId("compare-other");
  await expect(section.getByRole("heading", { name: "跨政策对比" })).toBeVisible();
  await section.getByLabel("对比对象").selectOption(`${samples.douban.slug}@${samples.douban.newest}`);
  await section.getByRole("button", { name: "查看差异" }).click();
  await expect(page).toHaveURL(
    new RegExp(`/compare/zh-miitee-privacy@[^./]+\\.\\.\\.${samples.douban.slug}@${samples.douban.newest}$`),
  );
  await expect(page.getByTestId("summary")).toBeVisible();
});

test("a version's page compares it with a version of another policy", async ({ page }) => {
  const { douban, xuexi } = samples;
  await page.goto(`/p/${douban.slug}/v/${douban.newest}`);
  const section = page.getByTestId("compare-other");
  await section.getByLabel("对比对象").selectOption(`${xuexi.slug}@${xuexi.versionKeys[0]}`);
  await section.getByRole("button", { name: "查看差异" }).click();
  await expect(page).toHaveURL(`/compare/${douban.slug}@${douban.newest}...${xuexi.slug}@${xuexi.versionKeys[0]}`);
  await expect(page.getByTestId("summary")).toBeVisible();
});

test("the header shows the admin session and signs out", async ({ signedIn: page }) => {
  await page.goto("/");
  const session = page.getByTestId("session");
  await expect(session).toContainText("已登录管理");
  await session.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("session")).toHaveCount(0);
  expect((await page.context().cookies()).some((c) => c.name === ADMIN_COOKIE)).toBe(false);
});

test("a signed-out reader sees no session in the header", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByTestId("session")).toHaveCount(0);
});

test("the site icon is served: /favicon.ico and the page's icon link", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toContain("image/");
  await page.goto("/");
  const href = await page.locator('head link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toBeTruthy();
  const svg = await request.get(href!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
});
