/**
 * Search and feeds, end to end on the seeded samples: search from the header, open a hit at its
 * section, the versions a phrase spans, the API's pages and errors, subscribe links and valid feeds.
 */
import type { Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { expect, samples, test } from "./fixtures";

// In 学习强国 from 2020-09-26 to 2021-08-25; the 2021-12-23 version says “敏感个人信息” instead.
const REMOVED_PHRASE = "该信息属于敏感信息";

test("search from the header, then open the hit at its section", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("search").getByRole("searchbox");
  await box.fill(REMOVED_PHRASE);
  await box.press("Enter");
  await expect(page).toHaveURL(`/search?q=${encodeURIComponent(REMOVED_PHRASE)}`);
  const hits = page.getByTestId("search-hit");
  await expect(hits).toHaveCount(1);
  const hit = hits.first();
  await expect(hit.locator("mark")).toHaveText(REMOVED_PHRASE);
  await expect(hit.getByTestId("hit-span")).toContainText("自 2020年9月26日 版起");
  await expect(hit.getByTestId("hit-span")).toContainText("2021年12月23日 版删除");
  await expect(page.getByRole("region", { name: samples.xuexi.name })).toBeVisible();

  await hit.getByRole("link", { name: "（五） 为您提供运动记录服务" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${samples.xuexi.slug}/v/2021-08-25#s-[0-9a-z]{7}$`));
  const anchor = new URL(page.url()).hash.slice(1);
  const heading = page.locator(`[id="${anchor}"]`);
  await expect(heading).toContainText("（五） 为您提供运动记录服务"); // (and its "history" link)
  await expect(heading).toBeInViewport();

  // The span links to the comparisons where the phrase appeared and where it was removed, at the section.
  await page.goBack();
  await page.getByTestId("hit-span").getByRole("link", { name: /删除/ }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${samples.xuexi.slug}/compare/2021-08-25\\.\\.\\.2021-12-23#${anchor}$`));
});

test("the results page is a link: filters in the URL, problems explained", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("个人信息")}&policy=${samples.douban.slug}`);
  await expect(page.getByRole("combobox", { name: "政策" })).toHaveValue(samples.douban.slug);
  const hits = page.getByTestId("search-hit");
  await expect(hits.first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: samples.xuexi.name })).toHaveCount(0);
  await page.goto(`/search?q=${encodeURIComponent("个")}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("太短");
  await page.goto(`/search?q=${encodeURIComponent('"个人信息')}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("引号不成对");
});

test("GET /api/search: hits with spans and snippets, pages by cursor, 422 for bad queries", async ({ request }) => {
  const first = await request.get(`/api/search?q=${encodeURIComponent("隐私")}&limit=3`);
  expect(first.status()).toBe(200);
  const page1 = (await first.json()) as {
    hits: { policy: string; section: { key: string }; snippet: string }[];
    total: number;
    next: string;
  };
  expect(page1.hits).toHaveLength(3);
  expect(page1.total).toBeGreaterThan(3);
  expect(page1.hits[0]!.snippet).toContain("<mark>隐私</mark>");
  const page2 = (await (
    await request.get(`/api/search?q=${encodeURIComponent("隐私")}&limit=3&cursor=${page1.next}`)
  ).json()) as typeof page1;
  expect(page2.total).toBe(page1.total);
  expect(page2.hits.map((h) => h.policy + h.section.key)).not.toContain(
    page1.hits[0]!.policy + page1.hits[0]!.section.key,
  );

  const span = (await (await request.get(`/api/search?q=${encodeURIComponent(REMOVED_PHRASE)}`)).json()) as {
    hits: Record<string, unknown>[];
  };
  expect(span.hits[0]).toMatchObject({
    policy: samples.xuexi.slug,
    version: "2021-08-25",
    firstVersion: "2020-09-26",
    lastVersion: "2021-08-25",
    removedIn: "2021-12-23",
  });

  for (const [q, problem] of [
    ["", "empty"],
    ["个", "too_short"],
    ['"个人信息', "unbalanced_quotes"],
    ["隐".repeat(201), "too_long"],
  ]) {
    const r = await request.get(`/api/search?q=${encodeURIComponent(q!)}`);
    expect(r.status(), q).toBe(422);
    const body = (await r.json()) as {
      error: { code: string; message: string; issues: { params?: { problem?: string } }[] };
    };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.issues[0]!.params?.problem).toBe(problem);
  }
  expect((await request.get(`/api/search?q=${encodeURIComponent("隐私")}&policy=no-such-policy`)).status()).toBe(404);
});

test("subscribe: links on the pages and in their heads, feeds that parse", async ({ page, request }) => {
  await page.goto(`/p/${samples.xuexi.slug}`);
  const subscribe = page.getByTestId("subscribe");
  await expect(subscribe).toHaveAttribute("href", `/p/${samples.xuexi.slug}/feed.xml`);
  const heads = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(heads).toHaveCount(2);
  await expect(heads.first()).toHaveAttribute("href", `/p/${samples.xuexi.slug}/feed.xml`);
  await page.goto("/");
  await expect(page.getByTestId("subscribe")).toHaveAttribute("href", "/feed.xml");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    "/feed.xml",
  );

  // The policy's feed: its five versions. The collection's: the newest 20 entries of all policies, which
  // other specs running beside this one may add to (the samples alone give 15).
  for (const [path, min, max] of [
    [`/p/${samples.xuexi.slug}/feed.xml`, 5, 5],
    ["/feed.xml", 15, 20],
  ] as const) {
    const r = await request.get(path);
    expect(r.status()).toBe(200);
    expect(r.headers()["content-type"]).toContain("application/atom+xml");
    const doc = parseDocument(await r.text(), { xmlMode: true });
    const feed = DomUtils.findOne((e) => e.name === "feed", doc.children, false);
    expect(feed?.attribs.xmlns).toBe("http://www.w3.org/2005/Atom");
    const kids = (name: string, el: Element = feed!): Element[] =>
      el.children.filter((c): c is Element => DomUtils.isTag(c) && c.name === name);
    for (const name of ["id", "title", "updated", "author"]) expect(kids(name), name).toHaveLength(1);
    const list = kids("entry");
    expect(list.length).toBeGreaterThanOrEqual(min);
    expect(list.length).toBeLessThanOrEqual(max);
    for (const e of list) {
      for (const name of ["id", "title", "updated", "content"]) expect(kids(name, e), name).toHaveLength(1);
      expect(DomUtils.textContent(kids("id", e)[0]!)).toMatch(/^urn:uuid:/);
      expect(kids("link", e).length).toBeGreaterThan(0);
    }
  }
  expect((await request.get("/p/no-such-policy/feed.xml")).status()).toBe(404);
});
