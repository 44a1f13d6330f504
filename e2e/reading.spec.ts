/**
 * Reading a diff as a person would (issue 10): the compare view shows a document's structure
 * (tables, bold, headings, lists, links with their targets) with the changes inside it, never its raw
 * markup; the numbers on one page agree with each other; nothing a reader should not see (control
 * characters, stray dates in labels) reaches the page. Screenshots of both pairs are saved under
 * test-results/reading/ for review.
 */
import { mkdirSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, samples, test } from "./fixtures";

const bereal = samples.bereal;
/** Two versions that both write their data tables as pipe tables (the oldest wrote some as prose). */
const berealCompare = `/p/${bereal.slug}/compare/${bereal.versionKeys[1]}...${bereal.versionKeys[0]}`;
const berealOldest = `/p/${bereal.slug}/compare/${bereal.versionKeys[2]}...${bereal.versionKeys[0]}`;
const xuexi = samples.xuexi;
const xuexiCompare = `/p/${xuexi.slug}/compare/${xuexi.versionKeys[4]}...${xuexi.versionKeys[0]}`;
const SHOTS = "test-results/reading";

/** Everything the rows hold, folded rows included (textContent, not what happens to be open). */
function rowsText(page: Page): Promise<string> {
  return page.locator(".cmp-rows").evaluate((el) => el.textContent ?? "");
}

/** No markdown marker of the document is shown as text. */
async function expectNoRawMarkup(page: Page): Promise<void> {
  const text = await rowsText(page);
  expect(text).not.toContain("**");
  expect(text).not.toMatch(/\|\s*---/);
  expect(text).not.toContain("](");
  expect(text).not.toMatch(/(^|\n)\s*#{1,6}\s/);
  expect(text).not.toContain("<br");
}

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

async function screenshotOf(page: Page, target: Locator, name: string): Promise<string> {
  await target.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  mkdirSync(SHOTS, { recursive: true });
  const path = `${SHOTS}/${name}.png`;
  await page.screenshot({ path });
  return path;
}

test("BeReal: pipe tables are tables whose rows line up, bold is <strong>, no raw markup", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(berealOldest);
  await expectNoRawMarkup(page);
  await page.goto(`${berealCompare}?layout=split`);
  await expect(page.getByTestId("compare")).toBeVisible();
  await expectNoRawMarkup(page);

  // A modified table row: a table on each side, the label cell bold, the changes marked inside cells.
  const pair = page
    .locator('.cmp-pair[data-s="modified"][data-both="true"]')
    .filter({ has: page.locator(".cmp-old table.cmp-md-table") })
    .filter({ hasText: "Account Creation Data" })
    .first();
  await expect(pair.locator(".cmp-old td strong")).toHaveText("Account Creation Data");
  await expect(pair.locator(".cmp-new td strong")).toHaveText("Account Creation Data");
  await expect(pair.locator(".cmp-old tr > td")).toHaveCount(2);
  await expect(pair.locator(".cmp-new td :is(ins, del)").first()).toBeVisible();
  // Old and new face each other: the row starts at one height on both sides.
  const [oldRow, newRow] = [await box(pair.locator(".cmp-old tr")), await box(pair.locator(".cmp-new tr"))];
  expect(Math.abs(oldRow.y - newRow.y)).toBeLessThan(2);

  // The rows of one table (each its own block pair) keep their columns in line on each side.
  const section = pair.locator("xpath=ancestor::section[1]");
  const firstCells = section.locator(".cmp-new table.cmp-md-table tr > td:first-child");
  expect(await firstCells.count()).toBeGreaterThan(2);
  const lefts = await firstCells.evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().width)));
  expect(new Set(lefts).size).toBe(1);

  // A cell's "<br><br>*   …" is a list, not characters.
  await expect(page.locator(".cmp-rows td ul.cmp-md-list li").first()).toBeAttached();
  // Headings read without their # marks.
  await expect(page.locator('.cmp-pair[data-kind="heading"] .cmp-cell').filter({ hasText: /^#/ })).toHaveCount(0);

  const shot = await screenshotOf(page, pair, "bereal-table");
  await testInfo.attach("bereal-table", { path: shot, contentType: "image/png" });
});

test("学习强国: bold and headings as formatting, links as text with their target, nothing executable", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(xuexiCompare);
  await expect(page.getByTestId("compare")).toBeVisible();
  await expectNoRawMarkup(page);

  await expect(page.locator(".cmp-rows strong", { hasText: /^第一部分 定义$/ }).first()).toBeAttached();
  // "## 正文" reads as 正文.
  expect(await rowsText(page)).not.toContain("## 正文");
  // [《第三方SDK列表》](javascript:;): the words, then the target as text; no live javascript: link anywhere.
  const link = page.locator(".cmp-new .cmp-link", { hasText: "《第三方SDK列表》" }).first();
  await expect(link).toBeAttached();
  await expect(link.locator("xpath=following-sibling::*[1]")).toHaveText(" (javascript:;)");
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);

  const changed = page.locator('section.cmp-row[data-changed="true"]').filter({ has: page.locator("strong") });
  const shot = await screenshotOf(page, changed.first(), "xuexi-formatted");
  await testInfo.attach("xuexi-formatted", { path: shot, contentType: "image/png" });
});

test("one page, one set of numbers: chips, share and meta description agree; no stray dates or control characters", async ({
  page,
}) => {
  await page.goto(xuexiCompare);
  const chips = await page
    .locator('[data-testid="summary"] li[data-count] b')
    .evaluateAll((bs) => bs.map((b) => [b.parentElement!.getAttribute("data-count")!, Number(b.textContent)] as const));
  const description = (await page.locator('meta[name="description"]').getAttribute("content")) ?? "";
  const words: Record<string, string> = {
    added: "新增",
    removed: "删除",
    modified: "修改",
    moved: "移动",
    renamed: "重命名",
    renumbered: "重新编号",
    split: "拆分",
    merged: "合并",
  };
  expect(chips.some(([, n]) => n > 0)).toBe(true);
  for (const [kind, n] of chips) {
    if (n > 0) expect(description).toContain(`${words[kind]} ${n} 节`);
    else expect(description).not.toContain(`${words[kind]} `);
  }
  // A real change is never "0%", and the chip says what the description says.
  const share = await page.locator('[data-testid="summary"] li[data-count="changedRatio"]').innerText();
  expect(share).not.toMatch(/(^|\D)0%/);
  expect(description).toContain(share.trim());

  // The archive's title date (2020-06-17, a capture) is no part of the version's label.
  const html = await page.content();
  expect(html).not.toContain(`${xuexi.name} 2020-06-17`);
  // "（七）为您提供直播服务" ends in U+0005 in three of the texts: nothing on the page shows it as a box.
  const controls = await page.evaluate(() => {
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
    const where: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (n.parentElement?.closest("script") === null && control.test(n.textContent ?? ""))
        where.push(JSON.stringify(n.textContent).slice(0, 80));
    for (const el of document.querySelectorAll("[aria-label], [title], [content]"))
      for (const a of ["aria-label", "title", "content"])
        if (control.test(el.getAttribute(a) ?? "")) where.push(`${a}=${el.getAttribute(a)}`);
    return where;
  });
  expect(controls).toEqual([]);
  await expect(page.locator(".cmp-outline a", { hasText: "为您提供直播服务" }).first()).toBeAttached();
});
