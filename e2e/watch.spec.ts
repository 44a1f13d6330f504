/**
 * Watching a policy's source end to end: an admin sets a watch on a page of a local test server, the
 * server's scheduler checks it, "check now" finds a new version when the page changes, and the policy
 * page shows the new version and the check log, errors included. Backfill and webhooks answer too.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { test as base, expect } from "@playwright/test";
import { ADMIN_COOKIE, sessionValue } from "../lib/auth.ts";
import type { CheckRecord } from "../lib/watch/check.ts";
import type { BackfillReport } from "../lib/watch/backfill.ts";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef";
const auth = { authorization: `Bearer ${TOKEN}` };

const FIRST = "示例隐私政策\n\n更新日期：2022年1月10日\n\n一、我们如何收集信息\n我们收集您的设备信息。";
const page = (date: string, clause: string) =>
  `<!doctype html><html><head><title>示例隐私政策</title></head><body><nav>首页</nav><main>
  <h1>示例隐私政策</h1><p>更新日期：${date}</p><h2>一、我们如何收集信息</h2><p>${clause}</p>
  <h2>历史版本</h2><p>2022-01-10</p><p>2023-05-06</p><p>2024-02-02</p></main></body></html>`;

let server: http.Server;
let origin: string;
const pages = new Map<string, { status: number; body: string }>();

const test = base.extend<{ slug: string }>({
  /** A fresh policy with one version (2022-01-10), created through the API. */
  slug: async ({ request }, use) => {
    const slug = `e2e-watch-${randomUUID().slice(0, 8)}`;
    const res = await request.post("/api/policies", {
      headers: auth,
      data: { slug, name: "示例隐私政策", version: { text: FIRST } },
    });
    expect(res.status(), await res.text()).toBe(201);
    await use(slug);
  },
});

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = pages.get(req.url ?? "");
    res.writeHead(p?.status ?? 404, { "content-type": "text/html; charset=utf-8" });
    res.end(p?.body ?? "not found");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => {
  server.closeAllConnections();
  server.close();
});

test("set a watch, the scheduler checks it, check now finds the new version; the page shows it and the log", async ({
  request,
  page: browser,
  baseURL,
  slug,
}) => {
  const path = `/${slug}`;
  pages.set(path, { status: 200, body: page("2023年5月6日", "我们收集您的设备信息和位置信息。") });
  const put = await request.put(`/api/policies/${slug}/watch`, {
    headers: auth,
    data: { url: `${origin}${path}`, intervalMinutes: 60, selector: "main" },
  });
  expect(put.status(), await put.text()).toBe(201);

  // A new source is due at once: the server's scheduler (WATCH_TICK_MS in the e2e config) checks it.
  const checksOf = async () =>
    ((await (await request.get(`/api/policies/${slug}/checks`, { headers: auth })).json()) as { checks: CheckRecord[] })
      .checks;
  await expect
    .poll(async () => (await checksOf()).map((c) => `${c.trigger}:${c.outcome}:${c.versionKey}`), { timeout: 15_000 })
    .toEqual(["schedule:new_version:2023-05-06"]);

  // An admin presses "check now" on the policy page after the page changed.
  pages.set(path, { status: 200, body: page("2024年2月2日", "我们收集您的设备信息、位置信息和通讯录。") });
  await browser.context().addCookies([{ name: ADMIN_COOKIE, value: sessionValue(TOKEN), url: baseURL! }]);
  await browser.goto(`/p/${slug}`);
  await expect(browser.locator('tr[data-version="2024-02-02"]')).toHaveCount(0);
  await browser.getByRole("button", { name: "立即检查" }).click();
  await expect(browser.locator('tr[data-version="2024-02-02"]')).toBeVisible();
  const log = browser.getByRole("table", { name: "检查记录（最新在前）" });
  await expect(log.locator("tbody tr")).toHaveCount(2);
  await expect(log.locator("tbody tr").nth(0)).toHaveAttribute("data-outcome", "new_version");
  await expect(log.locator("tbody tr").nth(0)).toContainText("200");
  await expect(log.getByRole("link", { name: "版本 2024-02-02" })).toHaveAttribute("href", `/p/${slug}/v/2024-02-02`);
  await expect(browser.getByTestId("watch-settings")).toContainText("每 60 分钟检查一次");
  const [manual] = await checksOf();
  expect(manual).toMatchObject({
    trigger: "manual",
    outcome: "new_version",
    httpStatus: 200,
    versionKey: "2024-02-02",
  });

  // A failing page: the API's "check now" answers the check's record, and the page shows the failure.
  pages.set(path, { status: 500, body: "oops" });
  const check = await request.post(`/api/policies/${slug}/watch/check`, { headers: auth });
  expect(check.status(), await check.text()).toBe(200);
  const { check: failed } = (await check.json()) as { check: CheckRecord & { versionUrl: string | null } };
  expect(failed).toMatchObject({
    trigger: "manual",
    outcome: "error",
    httpStatus: 500,
    errorCode: "fetch_http_status",
  });
  expect(failed.versionUrl).toBeNull();
  await browser.reload();
  await expect(log.locator("tbody tr")).toHaveCount(3);
  await expect(log.locator("tbody tr").nth(0)).toHaveAttribute("data-outcome", "error");
  await expect(log.locator("tbody tr").nth(0)).toContainText("fetch_http_status");
  await expect(browser.getByTestId("watch-settings").getByRole("alert")).toContainText("1 次");
});

test("backfill fetches the listed dates missing through the template and reports each", async ({ request, slug }) => {
  const path = `/${slug}`;
  pages.set(path, { status: 200, body: page("2024年2月2日", "第三版。") });
  pages.set(`${path}?hisver=20230506`, { status: 200, body: page("2023年5月6日", "第二版。") });
  const put = await request.put(`/api/policies/${slug}/watch`, {
    headers: auth,
    data: { url: `${origin}${path}`, intervalMinutes: 1440, versionUrlTemplate: `${origin}${path}?hisver={yyyymmdd}` },
  });
  expect(put.status()).toBe(201);
  await request.post(`/api/policies/${slug}/watch/check`, { headers: auth });
  const res = await request.post(`/api/policies/${slug}/backfill`, { headers: auth });
  expect(res.status(), await res.text()).toBe(200);
  const { report } = (await res.json()) as { report: BackfillReport };
  expect(report.entries.map((e) => [e.date, e.outcome])).toEqual([
    ["2024-02-02", "present"],
    ["2023-05-06", "added"],
    ["2022-01-10", "present"],
  ]);
});

test("watching is for admins; bad settings get the API's error shape", async ({ request, slug }) => {
  const url = `/api/policies/${slug}/watch`;
  expect((await request.put(url, { data: { url: `${origin}/x`, intervalMinutes: 60 } })).status()).toBe(401);
  expect((await request.post(`${url}/check`)).status()).toBe(401);
  expect((await request.get(`/api/policies/${slug}/checks`)).status()).toBe(401);
  const short = await request.put(url, { headers: auth, data: { url: `${origin}/x`, intervalMinutes: 5 } });
  expect(short.status()).toBe(422);
  expect(((await short.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  const none = await request.post(`${url}/check`, { headers: auth });
  expect(none.status()).toBe(404);
  expect(((await none.json()) as { error: { code: string } }).error.code).toBe("not_watched");
  const hook = await request.post("/api/webhooks", {
    headers: auth,
    data: { url: "http://10.1.2.3/hook", secret: "0123456789abcdef" },
  });
  expect(hook.status()).toBe(422);
  expect(((await hook.json()) as { error: { code: string } }).error.code).toBe("fetch_blocked_address");
});
