/**
 * Request guards (docs/decisions/0014-request-guards.md): bad requests get a 4xx, never a 500; server
 * actions only from the app's origin; security headers and a nonce CSP under which pages still work;
 * sign-in guessing is rate limited.
 */
import { randomBytes } from "node:crypto";
import type { APIResponse, Page } from "@playwright/test";
import { ADMIN_COOKIE, sessionValue } from "../lib/auth.ts";
import { LOCALE_COOKIE } from "../lib/i18n/index.ts";
import { expect, samples, test } from "./fixtures";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef";

/** Collects CSP violations and script errors a page reports. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** The code of the API's error body ({"error": {"code", "message"}}). */
async function errorCode(response: APIResponse): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** A client address of its own (as a proxy in front would report it), so limits do not touch other tests. */
function someAddress(): string {
  const b = randomBytes(2);
  return `198.18.${b[0]}.${b[1]}`;
}

test("a malformed percent-escape in a page path is the not-found page (404), in the API a JSON 400", async ({
  page,
  request,
}) => {
  for (const path of ["/p/%E4%B8", `/p/${samples.douban.slug}/v/%ZZ`, "/p/%E4%B8/compare/a...b", "/%C0%AF"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到页面");
  }
  const api = await request.get("/api/policies/%E4%B8");
  expect(api.status()).toBe(400);
  expect(await errorCode(api)).toBe("invalid_path");
});

test("server actions: a foreign or missing Origin is refused with 403, forged X-Forwarded-Host or not", async ({
  request,
  baseURL,
}) => {
  const action = {
    "next-action": "7f0000000000000000000000000000000000000000",
    "content-type": "text/plain;charset=UTF-8",
  };
  const cases: Record<string, string>[] = [
    { origin: "https://evil.example" },
    { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
    { origin: "null" },
    {}, // a non-browser client that sends no Origin
  ];
  for (const headers of cases) {
    const response = await request.post("/signin", { headers: { ...action, ...headers }, data: "[]" });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(await errorCode(response)).toBe("forbidden_origin");
  }
  // The app's own origin passes the guard (Next then refuses the made-up action id itself, with a 4xx).
  const own = await request.post("/signin", { headers: { ...action, origin: baseURL! }, data: "[]" });
  expect(own.status()).not.toBe(403);
  expect(own.status()).toBeGreaterThanOrEqual(400);
  expect(own.status()).toBeLessThan(500);
});

test("a sign-in submitted from another origin (same server, other host name) is refused and signs nobody in", async ({
  page,
  baseURL,
}) => {
  const other = baseURL!.replace("localhost", "127.0.0.1");
  await page.goto(`${other}/signin`);
  const posted = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/signin"));
  await page.getByLabel("管理员令牌", { exact: true }).fill(TOKEN);
  await page.getByRole("button", { name: "登录" }).click();
  expect((await posted).status()).toBe(403);
  expect((await page.context().cookies()).find((c) => c.name === ADMIN_COOKIE)).toBeUndefined();
});

test("a server-action body over 12 MB is refused with 413 before it is read", async ({ request, baseURL }) => {
  const response = await request.post("/signin", {
    headers: { origin: baseURL!, "next-action": "7f0000000000000000000000000000000000000000" },
    multipart: { file: { name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(13 * 1024 * 1024, 0x61) } },
  });
  expect(response.status()).toBe(413);
  expect(await errorCode(response)).toBe("too_large");
});

test("security headers on pages and the API; Next's scripts carry the CSP nonce", async ({ request }) => {
  for (const path of ["/", "/signin", `/p/${samples.douban.slug}`, "/no-such-page"]) {
    const response = await request.get(path);
    const h = response.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], path).toBe("DENY");
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  const first = (await request.get("/")).headers()["content-security-policy"];
  const second = (await request.get("/")).headers()["content-security-policy"];
  expect(first).not.toBe(second); // a fresh nonce per response

  for (const path of ["/api/policies", `/api/policies/${samples.douban.slug}`, "/api/policies/no-such-policy"]) {
    const h = (await request.get(path)).headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["content-security-policy"], path).toContain("default-src 'none'");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

test("another site cannot frame the sign-in page", async ({ page, baseURL }) => {
  // A page of another site that frames the sign-in page, and (as a control) a page of its own.
  await page.route("http://attacker.test/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: route.request().url().endsWith("/inner")
        ? "<!doctype html><h1>inner</h1>"
        : `<!doctype html><script>window.framesLoaded = 0</script>
           <iframe id="ours" onload="window.framesLoaded++" src="${baseURL}/signin"></iframe>
           <iframe id="control" onload="window.framesLoaded++" src="http://attacker.test/inner"></iframe>`,
    }),
  );
  await page.goto("http://attacker.test/");
  await page.waitForFunction(() => (window as unknown as { framesLoaded: number }).framesLoaded === 2);
  await expect(page.frameLocator("#control").getByRole("heading", { name: "inner" })).toBeVisible();
  await expect(page.frameLocator("#ours").getByRole("heading", { name: "管理员登录" })).toHaveCount(0);
  await expect(page.frameLocator("#ours").getByLabel("管理员令牌")).toHaveCount(0);
});

test("under the CSP, pages hydrate: compare keys, language switch and the import form work without violations", async ({
  page,
  baseURL,
}) => {
  const problems = watchForViolations(page);
  const x = samples.xuexi;
  await page.goto(`/p/${x.slug}/compare/${x.versionKeys[2]}...${x.versionKeys[1]}`);
  // Pressed again until the page's script has hydrated (a key before that goes nowhere); fails if it never does.
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(page).toHaveURL(/#(preamble|s-[\w-]+)$/, { timeout: 1_000 }); // the first change: the script runs
  }).toPass({ timeout: 15_000 });
  await page.goto("/");
  await page.goto(`/p/${samples.douban.slug}/v/${samples.douban.newest}`);
  await page.context().addCookies([{ name: ADMIN_COOKIE, value: sessionValue(TOKEN), url: baseURL! }]);
  await page.goto(`/p/${samples.douban.slug}/add`);
  await page.getByLabel("政策全文", { exact: true }).fill("示例\n\n更新日期：2030年1月2日\n\n一、说明\n内容。");
  await page.getByRole("button", { name: "识别" }).click(); // a server action
  await expect(page.getByLabel("发布日期", { exact: true })).toHaveValue("2030-01-02");
  expect(problems).toEqual([]);
});

test("sign-in guessing is rate limited per client address, with a message in the UI language", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": someAddress() } });
  const page = await context.newPage();
  await page.goto("/signin");
  const submit = async (token: string) => {
    await page.getByLabel("管理员令牌", { exact: true }).fill(token);
    await page.getByRole("button", { name: "登录" }).click();
  };
  const alert = page.locator('[role="alert"]:not(#__next-route-announcer__)');
  for (let i = 1; i <= 5; i++) {
    await submit(`wrong-token-number-${i}`);
    await expect(alert).toHaveText("令牌不正确。");
    await page.reload();
  }
  await submit("wrong-token-number-6");
  await expect(alert).toHaveText(/^错误的登录尝试过多，请在 \d+ 秒后再试。$/);
  // While the limit holds, not even the right token is checked; the message follows the UI language.
  await context.addCookies([{ name: LOCALE_COOKIE, value: "en", url: baseURL! }]);
  await page.reload();
  await page.getByLabel("Admin token", { exact: true }).fill(TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText(/^Too many wrong sign-in attempts\. Try again in \d+ seconds\.$/);
  expect((await context.cookies()).find((c) => c.name === ADMIN_COOKIE)).toBeUndefined();
  await context.close();

  // Another address is not affected.
  const other = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": someAddress() } });
  const otherPage = await other.newPage();
  await otherPage.goto("/signin");
  await otherPage.getByLabel("管理员令牌", { exact: true }).fill(TOKEN);
  await otherPage.getByRole("button", { name: "登录" }).click();
  await expect(otherPage).toHaveURL("/");
  await other.close();
});

test("the API's Bearer check is limited the same way: 429 with Retry-After", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": someAddress() } });
  for (let i = 0; i < 5; i++) {
    const r = await api.delete(`/api/policies/${samples.douban.slug}/versions/1999-01-01`, {
      headers: { authorization: "Bearer wrong-token-0000000000" },
    });
    expect(r.status()).toBe(401);
  }
  const limited = await api.delete(`/api/policies/${samples.douban.slug}/versions/1999-01-01`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await errorCode(limited)).toBe("too_many_attempts");
  await api.dispose();
});
