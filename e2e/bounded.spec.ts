/**
 * Bounded work (docs/decisions/0021-bounded-work.md), against the real server: documents far beyond
 * real policies never freeze it. The freeze pair (one 5 MB line vs 1,000,000 short numbered lines),
 * a section of 300,000 lines, admission control (503 + Retry-After), a model too large for the cache,
 * and long version pages in parts. The documents are created through the write API in the run's
 * throwaway database. The e2e server runs with COMPARE_CACHE_MAX_CHARS=8000000 (playwright.config.ts).
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

const auth = { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef"}` };
const run = randomUUID().slice(0, 8);
const A = `e2e-freeze-a-${run}`;
const B = `e2e-freeze-b-${run}`;
const LONG = `e2e-long-${run}`;
const SEEDS = "/api/compare?from=zh-migu-bookstore-privacy@2022-06-29&to=zh-migu-kuaiyou-privacy@2021-12-29";
const MB2 = 2 * 1024 * 1024;

const freezeA = () => "policy ".repeat(740_000);
function freezeB(): string {
  const lines: string[] = [];
  for (let i = 0; i < 1_000_000; i++) lines.push(`${(i % 9) + 1}. a`);
  return lines.join("\n");
}
function longSection(changeAt?: number): string {
  const lines = ["1. Intro", ""];
  for (let i = 0; i < 300_000; i++) lines.push(i === changeAt ? "changed" : `l${i}`);
  return lines.join("\n");
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(480_000); // four uploads near 5 MB: minutes when the machine is busy
  // Multipart uploads: the texts are close to the 5 MB limit, which a JSON body's escapes would pass.
  const upload = async (slug: string, name: string, text: string, date: string, first: boolean) => {
    const res = first
      ? await request.post("/api/policies", {
          headers: auth,
          data: { slug, name, version: { text: "1. placeholder\nx", publishedAt: "2000-01-01" } },
        })
      : null;
    if (res) expect(res.status(), await res.text()).toBe(201);
    const added = await request.post(`/api/policies/${slug}/versions`, {
      headers: auth,
      multipart: { file: { name: "doc.txt", mimeType: "text/plain", buffer: Buffer.from(text) }, publishedAt: date },
      timeout: 120_000,
    });
    expect(added.status(), await added.text()).toBe(201);
  };
  await upload(A, "Freeze A", freezeA(), "2020-01-01", true);
  await upload(B, "Freeze B", freezeB(), "2020-01-01", true);
  await upload(LONG, "Long section", longSection(), "2020-01-01", true);
  await upload(LONG, "Long section", longSection(150_000), "2021-01-01", false);
});

test("the freeze pair: the server answers others while it computes, refuses a third computation of one client with 503, and answers a coarse model or a clear too-large", async ({
  page,
  request,
  context,
}) => {
  test.setTimeout(240_000);
  // The seeds' pair, cached before anything else happens.
  await request.get(SEEDS);
  expect((await request.get(SEEDS)).headers()["x-compare-cache"]).toBe("hit");

  const client = { "x-forwarded-for": "203.0.113.77" };
  const pair = `/compare/${A}@2020-01-01...${B}@2020-01-01`;
  // Two computations of one client: the page (default options) and the API with ignore=none.
  const pageAnswer = request.get(pair, { headers: client, timeout: 200_000 });
  const apiAnswer = request.get(`/api/compare?from=${A}@2020-01-01&to=${B}@2020-01-01&ignore=none`, {
    headers: client,
    timeout: 200_000,
  });
  await new Promise((r) => setTimeout(r, 1500));

  // A third uncached computation of the same client: 503, Retry-After, the API's error shape.
  const refused = await request.get(`/api/compare?from=${A}@2020-01-01&to=${B}@2020-01-01&ignore=numbering`, {
    headers: client,
  });
  expect(refused.status()).toBe(503);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  const body = (await refused.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("busy");
  expect(body.error.message).toMatch(/try again/);
  // The page form: a clear error page, with the same status.
  await context.setExtraHTTPHeaders(client);
  const busyPage = await page.goto(`${pair}?ignore=width`);
  expect(busyPage?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: "服务器正忙" })).toBeVisible();
  await context.setExtraHTTPHeaders({});

  // Meanwhile the server answers other requests quickly: its event loop is free.
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    const home = await request.get("/");
    expect(home.status()).toBe(200);
    expect(Date.now() - t).toBeLessThan(5000);
    expect((await request.get(SEEDS)).headers()["x-compare-cache"]).toBe("hit");
  }

  // The pair answers, well under 2 MB of HTML: a coarse model, said in the view, or (on a machine too
  // busy to parse B within the large lane's time budget) a clear "too large" in its place.
  const answered = await pageAnswer;
  expect(answered.status()).toBe(200);
  const html = await answered.text();
  expect(Buffer.byteLength(html)).toBeLessThan(MB2);
  if (html.includes('data-testid="coarse-banner"')) expect(html).toContain('data-testid="coarse-note"');
  else expect(html).toContain('data-testid="too-large"');
  const api = await apiAnswer;
  if (api.status() === 200) {
    const model = (await api.json()) as {
      preamble: { coarse?: unknown }[];
      sections: { blocks: { coarse?: unknown }[] }[];
    };
    expect([...model.preamble, ...model.sections.flatMap((s) => s.blocks)].some((b) => b.coarse)).toBe(true);
  } else {
    expect(api.status()).toBe(422);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("compare_too_large");
  }
});

test("a model too large for the cache is served from memory and evicts nothing", async ({ request }) => {
  // The freeze pair's models (about 11 M characters) exceed this server's 8 M cache: not stored,
  // yet answered again at once, and the seeds' row is still there.
  const again = await request.get(`/api/compare?from=${A}@2020-01-01&to=${B}@2020-01-01&ignore=none`);
  // (or, when the machine was too busy to compute it in time, its refusal, remembered: 422 at once)
  expect([200, 422]).toContain(again.status());
  if (again.status() === 200) expect(again.headers()["x-compare-cache"]).toBe("hit");
  expect((await request.get(SEEDS)).headers()["x-compare-cache"]).toBe("hit");
});

test("a section of 300,000 lines: the API answers its model, the page a coarse section", async ({ request, page }) => {
  test.setTimeout(480_000); // four uploads near 5 MB: minutes when the machine is busy
  const api = await request.get(`/api/compare?from=${LONG}@2020-01-01&to=${LONG}@2021-01-01`, { timeout: 170_000 });
  expect(api.status(), (await api.text()).slice(0, 300)).toBe(200);
  const model = (await api.json()) as { stats: { sections: { modified: number } }; sections: { blocks: unknown[] }[] };
  expect(model.stats.sections.modified).toBe(1);
  const response = await page.goto(`/p/${LONG}/compare/2020-01-01...2021-01-01`);
  expect(response?.status()).toBe(200);
  expect(Buffer.byteLength(await response!.text())).toBeLessThan(MB2);
  await expect(page.getByTestId("coarse-note")).toContainText("这一节太长");
});

test("the version page of a 1,000,000-line text comes in parts, each under 2 MB", async ({ page }) => {
  test.setTimeout(120_000);
  const first = await page.goto(`/p/${B}/v/2020-01-01`);
  expect(first?.status()).toBe(200);
  expect(Buffer.byteLength(await first!.text())).toBeLessThan(MB2);
  const parts = page.getByTestId("parts").first();
  await expect(parts).toContainText("第 1 段");
  const text = page.getByRole("region", { name: "全文" });
  await expect(text).toContainText("1. a");
  await parts.getByRole("link", { name: "下一段" }).click();
  await expect(page).toHaveURL(/\?part=2$/);
  await expect(page.getByTestId("parts").first()).toContainText("第 2 段");
  // The single 5 MB line too: cut into parts.
  const line = await page.goto(`/p/${A}/v/2020-01-01`);
  expect(Buffer.byteLength(await line!.text())).toBeLessThan(MB2);
  await expect(page.getByTestId("parts").first()).toBeVisible();
});
