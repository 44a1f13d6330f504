/**
 * Change kinds, topics and the digest on the compare view (ADR 0020), on the seeded database:
 * 学习强国 2021-09-01 → 2021-12-30 (keys 2021-08-25 → 2021-12-23), whose only date change is the
 * document's own date line.
 */
import { expect, samples, test } from "./fixtures";

const xuexi = samples.xuexi;
const page0 = `/p/${xuexi.slug}/compare/2021-08-25...2021-12-23`;

test("the digest is at the top, names added sections, and copies as Markdown and plain text", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(page0);
  const digest = page.getByTestId("digest");
  await expect(digest.getByRole("heading", { name: "更新说明" })).toBeVisible();
  await expect(digest).toContainText("（九） 加入学习组织：新增；涉及：个人信息收集");
  await digest.getByRole("button", { name: "复制为 Markdown" }).click();
  await expect(digest.getByRole("button", { name: "已复制" })).toBeVisible();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toMatch(/^## 更新说明\n/);
  expect(md).toContain("- （九） 加入学习组织：新增");
  await digest.getByRole("button", { name: "复制为纯文本" }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^更新说明\n/);
  expect(text).not.toContain("##");
});

test("hide cosmetic and date-only changes with changes=substantive", async ({ page }) => {
  await page.goto(page0);
  const minor = page.locator('section.cmp-row[data-changed="true"]:is([data-kind="date"], [data-kind="cosmetic"])');
  const ids = await minor.evaluateAll((els) => els.map((e) => e.id));
  expect(ids.length).toBeGreaterThan(0);
  await page.getByRole("checkbox", { name: "只看实质变化" }).click();
  await expect(page).toHaveURL(/[?&]changes=substantive/);
  await expect(page.getByRole("checkbox", { name: "只看实质变化" })).toHaveAttribute("aria-checked", "true");
  for (const id of ids) await expect(page.locator(`section.cmp-row[id="${id}"]`)).toHaveCount(0);
  const kinds = await page
    .locator('section.cmp-row[data-changed="true"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(["substantive"]));
});

test("filter rows by topic (URL param)", async ({ page }) => {
  await page.goto(page0);
  const filter = page.getByTestId("topic-filter");
  await filter.locator("summary").click();
  await filter.getByRole("link", { name: "未成年人与儿童" }).click();
  await expect(page).toHaveURL(/[?&]topic=minors/);
  const rows = page.locator("section.cmp-row");
  await expect(rows.first()).toBeVisible();
  const topics = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-topics") ?? ""));
  expect(topics.length).toBeGreaterThan(0);
  for (const t of topics) expect(t.split(" ")).toContain("minors");
});

test("/api/compare adds changeKind, topics, keyTerms and digest; existing fields unchanged", async ({ request }) => {
  const res = await request.get(`/api/compare?from=${xuexi.slug}@2021-08-25&to=${xuexi.slug}@2021-12-23&lang=en`);
  expect(res.status()).toBe(200);
  interface Pair {
    changeKind?: string;
    topics: string[];
    children: Pair[];
  }
  const model = (await res.json()) as Record<string, unknown> & {
    digest: { title: string };
    keyTerms: unknown[];
    sections: Pair[];
  };
  for (const k of ["engineVersion", "options", "stats", "preamble", "sections"]) expect(model).toHaveProperty(k);
  expect(model.digest.title).toBe("What changed");
  expect(Array.isArray(model.keyTerms)).toBe(true);
  const all = (p: Pair): Pair[] => [p, ...p.children.flatMap(all)];
  const changed = model.sections.flatMap(all);
  expect(changed.some((p) => p.changeKind === "substantive")).toBe(true);
  expect(changed.every((p) => Array.isArray(p.topics))).toBe(true);
});
