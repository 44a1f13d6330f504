/**
 * The ~160 KB pair (the five seeds concatenated vs an edited copy, as in the engine benchmark) renders
 * and scrolls without freezing the tab. The pair is created through the write API in the run's
 * throwaway database.
 */
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./fixtures";

const auth = { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef"}` };
const slug = `e2e-large-${randomUUID().slice(0, 8)}`;

/** Deterministic edits: every 25th "个人信息" reworded, every 40th line dropped, one paragraph moved. */
function edited(text: string): string {
  let n = 0;
  const lines = text.replace(/个人信息/g, (w) => (++n % 25 === 0 ? "个人资料" : w)).split("\n");
  const kept = lines.filter((_, i) => i % 40 !== 39);
  const at = kept.findIndex((l, i) => i > kept.length / 4 && l.length > 60);
  const [moved] = kept.splice(at, 1);
  kept.splice(Math.floor((kept.length * 3) / 4), 0, moved!);
  return kept.join("\n");
}

test("the 160 KB pair renders and scrolls without freezing", async ({ page, request }) => {
  test.setTimeout(120_000);
  const dir = "data/samples/seeds";
  const all = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
  expect(Buffer.byteLength(all)).toBeGreaterThan(150_000);
  const created = await request.post("/api/policies", {
    headers: auth,
    data: { slug, name: "Large pair", version: { text: all, publishedAt: "2020-01-01" } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const added = await request.post(`/api/policies/${slug}/versions`, {
    headers: auth,
    data: { text: edited(all), publishedAt: "2021-01-01" },
  });
  expect(added.status(), await added.text()).toBe(201);

  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({
      type: "longtask",
      buffered: true,
    });
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  const response = await page.goto(`/p/${slug}/compare/2020-01-01...2021-01-01`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("compare")).toBeVisible();
  // Lean DOM: a few thousand elements, not one per character.
  expect(await page.evaluate(() => document.getElementsByTagName("*").length)).toBeLessThan(15_000);
  await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 2000);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(page).toHaveURL(/#s-/);
  // The tab stays responsive: frames keep coming and no single task blocks for long.
  const frames = await page.evaluate(
    () =>
      new Promise<number>((done) => {
        let n = 0;
        const start = performance.now();
        const tick = () => (++n, performance.now() - start < 1000 ? requestAnimationFrame(tick) : done(n));
        requestAnimationFrame(tick);
      }),
  );
  expect(frames).toBeGreaterThan(20);
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));
  expect(longest).toBeLessThan(1000);
});
