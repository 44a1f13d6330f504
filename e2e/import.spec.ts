/**
 * Adding versions from the web and the API: paste, upload, URL fetch, duplicates, hostile HTML,
 * authorisation, edit and delete. Each test works on a policy of its own, created through the API.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN_COOKIE, sessionValue } from "../lib/auth.ts";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef";
const auth = { authorization: `Bearer ${TOKEN}` };

const FIRST =
  "示例隐私政策\n\n更新日期：2022年1月10日\n\n一、我们如何收集信息\n我们收集您的设备信息。\n\n二、我们如何使用信息\n用于提供服务。";
const SECOND =
  "示例隐私政策\n\n更新日期：2023年5月6日\n生效日期：2023年5月13日\n\n一、我们如何收集信息\n我们收集您的设备信息和位置信息。\n\n二、我们如何使用信息\n用于提供和改进服务。";

const HOSTILE = `<!doctype html><html><head><title>恶意测试页</title>
<script>alert("script")</script><style>body{display:none}</style></head><body>
<h1>恶意测试页</h1><p>更新日期：2024年2月2日</p>
<p>正文开始<img src="x" onerror="alert('img')" id="injected-img"></p>
<a href="javascript:alert('link')" id="injected-link">点我</a>
<iframe src="javascript:alert('iframe')" id="injected-iframe"></iframe>
<svg onload="alert('svg')" id="injected-svg"><circle r="1"/></svg>
<p onclick="alert('click')">&lt;script&gt;alert("escaped")&lt;/script&gt; 正文结束</p>
</body></html>`;

type Fixtures = { slug: string; signedIn: Page };

const test = base.extend<Fixtures>({
  /** A fresh policy with one version (2022-01-10), created through the API. */
  slug: async ({ request }, use) => {
    const slug = `e2e-${randomUUID().slice(0, 8)}`;
    const res = await request.post("/api/policies", {
      headers: auth,
      data: { slug, name: "示例隐私政策", version: { text: FIRST } },
    });
    expect(res.status(), await res.text()).toBe(201);
    await use(slug);
  },
  /** A page whose browser holds the admin session cookie. */
  signedIn: async ({ page, baseURL }, use) => {
    await page.context().addCookies([{ name: ADMIN_COOKIE, value: sessionValue(TOKEN), url: baseURL! }]);
    await use(page);
  },
});

/** The page's alert (not Next's route announcer, which also has role=alert). */
function alertOn(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

function failOnDialog(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

async function versionKeys(request: APIRequestContext, slug: string): Promise<string[]> {
  const res = await request.get(`/api/policies/${slug}`);
  const body = (await res.json()) as { policy: { versions: { key: string }[] } };
  return body.policy.versions.map((v) => v.key);
}

test("an unauthorised write is refused: API 401, web pages ask to sign in, a wrong token is rejected", async ({
  page,
  request,
  slug,
}) => {
  const noToken = await request.post(`/api/policies/${slug}/versions`, { data: { text: SECOND } });
  expect(noToken.status()).toBe(401);
  expect(await noToken.json()).toMatchObject({ error: { code: "unauthorized", message: expect.any(String) } });
  const wrong = await request.delete(`/api/policies/${slug}/versions/2022-01-10`, {
    headers: { authorization: "Bearer not-the-token-at-all" },
  });
  expect(wrong.status()).toBe(401);
  const create = await request.post("/api/policies", { data: { slug: "e2e-nope", name: "x", version: { text: "x" } } });
  expect(create.status()).toBe(401);
  expect(await versionKeys(request, slug)).toEqual(["2022-01-10"]);

  await page.goto(`/p/${slug}/add`);
  await expect(page).toHaveURL(new RegExp(`/signin\\?next=${encodeURIComponent(`/p/${slug}/add`)}`));
  await page.getByLabel("管理员令牌", { exact: true }).fill("wrong-token-wrong-token");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(alertOn(page)).toContainText("令牌不正确");
  // The right token signs in and returns to the page asked for.
  await page.getByLabel("管理员令牌", { exact: true }).fill(TOKEN);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(`/p/${slug}/add`);
  const cookie = (await page.context().cookies()).find((c) => c.name === ADMIN_COOKIE);
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.value).not.toBe(TOKEN);
});

test("paste a new version, see the detected dates, save, find it in the list, compare with previous", async ({
  signedIn: page,
  slug,
}) => {
  const dialogs = failOnDialog(page);
  await page.goto(`/p/${slug}`);
  await page.getByRole("link", { name: /添加版本/ }).click();
  await expect(page).toHaveURL(`/p/${slug}/add`);
  await page.getByLabel("政策全文", { exact: true }).fill(SECOND);
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.getByLabel("发布日期", { exact: true })).toHaveValue("2023-05-06");
  await expect(page.getByLabel("生效日期", { exact: true })).toHaveValue("2023-05-13");
  await expect(page.getByTestId("detected-title")).toHaveText("示例隐私政策");
  await page.getByLabel("标签", { exact: true }).fill("第二版");
  await page.getByRole("button", { name: "保存版本" }).click();
  await expect(page.getByTestId("notice")).toHaveText(/已添加版本 2023-05-06。/);
  await expect(page).toHaveURL(`/p/${slug}`);
  const row = page.locator('tr[data-version="2023-05-06"]');
  await expect(row).toContainText("2023年5月6日");
  await expect(row).toContainText("第二版");
  await row.getByRole("link", { name: /与上一版本/ }).click();
  await expect(page).toHaveURL(`/p/${slug}/compare/2022-01-10...2023-05-06`);
  await expect(page.getByText("位置信息").first()).toBeVisible();
  expect(dialogs).toEqual([]);
});

test("a detected date can be corrected before saving; a bad date is refused in the form", async ({
  signedIn: page,
  request,
  slug,
}) => {
  await page.goto(`/p/${slug}/add`);
  await page.getByLabel("政策全文", { exact: true }).fill("示例隐私政策\n没有写日期的一版。");
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.getByText("未识别到日期")).toBeVisible();
  await page.getByLabel("发布日期", { exact: true }).fill("2023-02-30");
  await page.getByRole("button", { name: "保存版本" }).click();
  await expect(page.locator("#publishedAt-error")).toContainText("YYYY-MM-DD");
  // The label now also holds the error message, so find the field by name.
  await page.locator('input[name="publishedAt"]').fill("2023-02-28");
  await page.getByRole("button", { name: "保存版本" }).click();
  await expect(page.getByTestId("notice")).toHaveText(/已添加版本 2023-02-28。/);
  expect(await versionKeys(request, slug)).toEqual(["2023-02-28", "2022-01-10"]);
});

test("a tampered detection posted back with the save step links nowhere but the stored version", async ({
  signedIn: page,
  slug,
}) => {
  const dialogs = failOnDialog(page);
  await page.goto(`/p/${slug}/add`);
  await page.getByLabel("政策全文", { exact: true }).fill(FIRST);
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.getByRole("status")).toContainText("2022-01-10");
  await page.locator('input[name="detection"]').evaluate((input: HTMLInputElement) => {
    const d = JSON.parse(input.value) as { duplicateOf: { key: string; url: string } };
    d.duplicateOf = { key: "2022-01-10", url: "javascript:alert('tampered')" };
    input.value = JSON.stringify(d);
  });
  await page.getByLabel("发布日期", { exact: true }).fill("not-a-date"); // so the save step comes back with the detection
  await page.getByRole("button", { name: "保存版本" }).click();
  await expect(page.locator("#publishedAt-error")).toBeVisible();
  await expect(page.getByRole("status").getByRole("link")).toHaveAttribute("href", `/p/${slug}/v/2022-01-10`);
  await expect(page.locator("a[href^='javascript:']")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("upload a file: GBK-free UTF-8 text, the date taken from the file name; an oversized file is refused", async ({
  signedIn: page,
  slug,
}) => {
  await page.goto(`/p/${slug}/add`);
  await page.getByLabel("上传文件", { exact: true }).check();
  await page.locator('input[type="file"]').setInputFiles({
    name: "2024-01-15_policy.txt",
    mimeType: "text/plain",
    buffer: Buffer.alloc(6 * 1024 * 1024, 0x61),
  });
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.getByText("文件超过 5 MB")).toBeVisible();

  await page.locator('input[type="file"]').setInputFiles({
    name: "2024-01-15_policy.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("示例隐私政策\n\n上传的一版，正文里没有日期。\n一、新增条款。", "utf8"),
  });
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.getByLabel("发布日期", { exact: true })).toHaveValue("2024-01-15");
  await expect(page.getByText("日期来源：文件名")).toBeVisible();
  await page.getByRole("button", { name: "保存版本" }).click();
  await expect(page.locator('tr[data-version="2024-01-15"]')).toBeVisible();
});

test("a PNG file and an empty paste are refused with the reason", async ({ signedIn: page, slug }) => {
  await page.goto(`/p/${slug}/add`);
  await page.getByLabel("政策全文", { exact: true }).fill("   \n\t  ");
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.locator("#text-error")).toContainText("内容为空");
  await page.getByLabel("上传文件", { exact: true }).check();
  await page.locator('input[type="file"]').setInputFiles({
    name: "policy.txt",
    mimeType: "text/plain",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  });
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.locator("#file-error")).toContainText("不是文本文件");
});

test.describe("fetch from a URL", () => {
  let server: http.Server;
  let origin: string;
  test.beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/privacy.html") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(`<html><head><title>示例隐私政策</title></head><body><h1>示例隐私政策</h1>
          <p>最近更新日期：2025年3月4日</p><p>生效日期：2025年3月11日</p>
          <h2>一、我们如何收集信息</h2><p>我们通过网页收集信息。</p></body></html>`);
      } else if (req.url === "/to-private") {
        res.writeHead(302, { location: "http://10.0.0.1/privacy" });
        res.end();
      } else if (req.url === "/image") {
        res.writeHead(200, { "content-type": "image/png" });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  test("a page from a local test server is fetched, its dates detected, and saved with its URL", async ({
    signedIn: page,
    slug,
  }) => {
    await page.goto(`/p/${slug}/add`);
    await page.getByLabel("从网址获取", { exact: true }).check();
    await page.getByLabel("网址（http 或 https）", { exact: true }).fill(`${origin}/privacy.html`);
    await page.getByRole("button", { name: "识别" }).click();
    await expect(page.getByLabel("发布日期", { exact: true })).toHaveValue("2025-03-04");
    await expect(page.getByLabel("生效日期", { exact: true })).toHaveValue("2025-03-11");
    await expect(page.getByLabel("来源网址", { exact: true })).toHaveValue(`${origin}/privacy.html`);
    await page.getByRole("button", { name: "保存版本" }).click();
    await expect(page.locator('tr[data-version="2025-03-04"]')).toBeVisible();
  });

  test("redirects to private addresses, non-text content and private URLs are refused", async ({
    signedIn: page,
    request,
    slug,
  }) => {
    await page.goto(`/p/${slug}/add`);
    await page.getByLabel("从网址获取", { exact: true }).check();
    await page.getByLabel("网址（http 或 https）", { exact: true }).fill(`${origin}/to-private`);
    await page.getByRole("button", { name: "识别" }).click();
    await expect(alertOn(page)).toContainText("不能获取内网");
    await expect(alertOn(page)).toContainText("10.0.0.1");

    for (const [url, status, code] of [
      [`${origin}/image`, 415, "fetch_bad_content_type"],
      ["http://169.254.169.254/latest/meta-data/", 422, "fetch_blocked_address"],
      ["http://[::1]:3300/", 422, "fetch_blocked_address"],
      ["file:///etc/passwd", 422, "invalid_input"],
    ] as const) {
      const res = await request.post(`/api/policies/${slug}/versions`, { headers: auth, data: { url } });
      expect(res.status(), url).toBe(status);
      expect(await res.json()).toMatchObject({ error: { code } });
    }
  });
});

test("a duplicate is refused, naming the matching version (web and API)", async ({ signedIn: page, request, slug }) => {
  await page.goto(`/p/${slug}/add`);
  // Same text with half-width punctuation and extra blank lines: equal after normalisation.
  await page.getByLabel("政策全文", { exact: true }).fill(FIRST.replace("：", ":").replace(/\n\n/g, "\n\n\n"));
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.getByRole("status")).toContainText("2022-01-10");
  await page.getByRole("button", { name: "保存版本" }).click();
  const alert = alertOn(page);
  await expect(alert).toContainText("2022-01-10");
  await expect(alert.getByRole("link")).toHaveAttribute("href", `/p/${slug}/v/2022-01-10`);

  const res = await request.post(`/api/policies/${slug}/versions`, {
    headers: auth,
    multipart: { file: { name: "same.txt", mimeType: "text/plain", buffer: Buffer.from(FIRST) } },
  });
  expect(res.status()).toBe(409);
  expect(await res.json()).toMatchObject({
    error: {
      code: "duplicate",
      message: expect.stringContaining("2022-01-10"),
      match: { key: "2022-01-10", url: `/p/${slug}/v/2022-01-10` },
    },
  });
  expect(await versionKeys(request, slug)).toEqual(["2022-01-10"]);
});

test("importing hostile HTML and viewing it executes nothing", async ({ signedIn: page, slug }) => {
  const dialogs = failOnDialog(page);
  await page.goto(`/p/${slug}/add`);
  await page.getByLabel("上传文件", { exact: true }).check();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "evil.html", mimeType: "text/html", buffer: Buffer.from(HOSTILE) });
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.getByLabel("发布日期", { exact: true })).toHaveValue("2024-02-02");
  await page.getByRole("button", { name: "保存版本" }).click();
  await expect(page.locator('tr[data-version="2024-02-02"]')).toBeVisible();
  await page.goto(`/p/${slug}/v/2024-02-02`);
  await expect(page.getByText("正文结束")).toBeVisible();
  for (const id of ["injected-img", "injected-link", "injected-iframe", "injected-svg"]) {
    await expect(page.locator(`#${id}`)).toHaveCount(0);
  }
  await expect(page.locator("[onerror], [onload], [onclick], iframe, a[href^='javascript:']")).toHaveCount(0);
  // Inline scripts are Next's own (its RSC payload carries the document as an escaped JSON string).
  const inlineScripts = await page.locator("script:not([src])").allTextContents();
  expect(inlineScripts.filter((s) => !/^\(?self\.__next_f/.test(s.trim()) && /alert|onerror|onload/.test(s))).toEqual(
    [],
  );
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);

  // Pasted raw HTML goes through the same cleaning.
  await page.goto(`/p/${slug}/add`);
  await page
    .getByLabel("政策全文", { exact: true })
    .fill(HOSTILE.replace("2024年2月2日", "2024年2月3日").replace("正文结束", "第二次"));
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.getByLabel("发布日期", { exact: true })).toHaveValue("2024-02-03");
  await expect(page.locator("#injected-img")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("markup written as text in a document stays text in the compare view", async ({ page, request, slug }) => {
  // A plain-text version whose words are markup: the compare view formats its rows as escaped HTML
  // (lib/view/html.ts), so this is where an escaping slip would execute.
  const payload =
    '<img id="injected-cmp" src=x onerror="alert(1)"><script>alert(2)</script><a id="injected-cmp-link" href="javascript:alert(3)">x</a>';
  const text = FIRST.replace("更新日期：2022年1月10日", "更新日期：2024年3月4日").replace(
    "我们收集您的设备信息。",
    `我们收集您的设备信息。${payload}`,
  );
  const res = await request.post(`/api/policies/${slug}/versions`, {
    headers: auth,
    multipart: { file: { name: "markup.txt", mimeType: "text/plain", buffer: Buffer.from(text) } },
  });
  expect(res.status(), await res.text()).toBe(201);
  const dialogs = failOnDialog(page);
  await page.goto(`/p/${slug}/compare/2022-01-10...2024-03-04`);
  await expect(page.locator("ins").filter({ hasText: "<script>alert(2)</script>" }).first()).toBeVisible();
  await expect(page.locator("#injected-cmp, #injected-cmp-link, [onerror], a[href^='javascript:']")).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test("edit a version's metadata, then delete it: shared links then say the version was deleted (410)", async ({
  signedIn: page,
  request,
  slug,
}) => {
  const added = await request.post(`/api/policies/${slug}/versions`, { headers: auth, data: { text: SECOND } });
  expect(added.status()).toBe(201);
  await page.goto(`/p/${slug}/v/2023-05-06`);
  await page.getByRole("link", { name: "编辑或删除" }).click();
  await page.getByLabel("备注", { exact: true }).fill("由测试修改");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page).toHaveURL(`/p/${slug}/v/2023-05-06`);
  await expect(page.getByText("由测试修改")).toBeVisible();

  await page.goto(`/p/${slug}/v/2023-05-06/edit`);
  await page.getByText("删除此版本…").click();
  await page.getByRole("button", { name: "确认删除版本 2023-05-06" }).click();
  await expect(page).toHaveURL(`/p/${slug}`);
  await expect(page.locator('tr[data-version="2023-05-06"]')).toHaveCount(0);

  const gone = await page.goto(`/p/${slug}/v/2023-05-06`);
  expect(gone?.status()).toBe(410);
  const compare = await page.goto(`/p/${slug}/compare/2022-01-10...2023-05-06`);
  expect(compare?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "这个版本已被删除" })).toBeVisible();
});

test("the policy page shows which listed versions are stored and which are missing", async ({ request, page }) => {
  const slug = `e2e-${randomUUID().slice(0, 8)}`;
  const text =
    "示例隐私政策\n\n历史版本\n2023年6月1日\n2022年1月10日\n2021年3月3日\n\n更新日期：2023年6月1日\n\n正文。";
  const res = await request.post("/api/policies", { headers: auth, data: { slug, name: "示例", version: { text } } });
  expect(res.status(), await res.text()).toBe(201);
  await page.goto(`/p/${slug}`);
  const known = page.getByTestId("known-versions");
  await expect(known.locator("[data-known]")).toHaveCount(3);
  await expect(known.locator('[data-known="2023-06-01"]')).toHaveAttribute("data-stored", "yes");
  await expect(known.locator('[data-known="2021-03-03"]')).toHaveAttribute("data-stored", "no");
  await expect(page.getByText("已保存 1 个，缺少 2 个")).toBeVisible();
});
