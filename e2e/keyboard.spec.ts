/**
 * The compare page by keyboard and on a phone: skip links, j/k moving focus (not only the view),
 * the outline after the rows in Tab order, a visible focus ring, and the outline drawer below the
 * outline column's width (dialog semantics, focus kept inside, Escape closes, focus returns).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, samples, test } from "./fixtures";

const { xuexi } = samples;
const compare = `/p/${xuexi.slug}/compare/${xuexi.versionKeys[1]}...${xuexi.versionKeys[0]}`;

/** The ids of the changed rows, in order. */
function changedRows(page: Page): Promise<string[]> {
  return page.locator('.cmp-row[data-changed="true"]').evaluateAll((rows) => rows.map((r) => r.id));
}

/** Where keyboard focus is: the focused element's id, or the id of the row it is in. */
function focusedRow(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest(".cmp-row")?.id ?? null);
}

/** Presses Tab until the focused element matches `accept`, at most `max` times; returns the count. */
async function tabUntil(page: Page, accept: () => boolean, max: number): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(accept)) return i;
  }
  return -1;
}

test("skip links lead past the site header, the options and the outline to the rows", async ({ page }) => {
  await page.goto(compare);
  await page.keyboard.press("Tab");
  const skipMain = page.getByRole("link", { name: "跳到正文" });
  await expect(skipMain).toBeFocused();
  await expect(skipMain).toBeInViewport(); // shown while focused
  expect(await skipMain.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");

  // The compare page's own skip link comes right after the site header's few controls.
  const stops = await tabUntil(page, () => document.activeElement?.textContent === "跳到比较内容", 8);
  expect(stops).toBeGreaterThan(0);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("rows")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await focusedRow(page)).not.toBeNull(); // the first control in the rows, not the outline
});

test("j and k move keyboard focus to the change, so Tab goes on from there", async ({ page }) => {
  await page.goto(compare);
  const keys = await changedRows(page);
  expect(keys.length).toBeGreaterThan(2);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(page.locator(`[id="${keys[1]}"]`)).toBeFocused();
  await page.keyboard.press("k");
  await expect(page.locator(`[id="${keys[0]}"]`)).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await focusedRow(page)).toBe(keys[0]);
});

test("the outline comes after the rows in Tab order, and a jump from it moves focus", async ({ page }) => {
  await page.goto(compare);
  const order = await page.evaluate(() => {
    const rows = document.querySelector('[data-testid="rows"]')!;
    const outline = document.querySelector(".cmp-outline")!;
    return rows.compareDocumentPosition(outline) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  // Still drawn to the left of the rows on a laptop.
  const outlineBox = (await page.locator(".cmp-outline").boundingBox())!;
  const rowsBox = (await page.getByTestId("rows").boundingBox())!;
  expect(outlineBox.x).toBeLessThan(rowsBox.x);

  const keys = await changedRows(page);
  const target = keys[keys.length - 1]!;
  await page.locator(`.cmp-outline a[href="#${target}"]`).click();
  await expect(page.locator(`[id="${target}"]`)).toBeFocused();
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the outline opens in a drawer with the same entries and markers", async ({ page }) => {
    await page.goto(compare);
    await expect(page.locator(".cmp-outline")).toBeHidden();
    const open = page.getByRole("button", { name: "目录", exact: true });
    await expect(open).toBeVisible();
    await open.click();
    const drawer = page.getByRole("dialog", { name: "目录" });
    await expect(drawer).toBeVisible();
    const entries = await page.locator(".cmp-outline li").evaluateAll((lis) => lis.map((li) => li.textContent));
    expect(entries.length).toBeGreaterThan(10);
    await expect(drawer.getByRole("listitem")).toHaveText(entries);
    await expect(drawer.locator('.cmp-mark[data-s="modified"]').first()).toBeVisible();

    // Focus stays inside while the drawer is open (Tab and Shift+Tab wrap around).
    for (let i = 0; i < entries.length + 6; i++) await page.keyboard.press("Tab");
    expect(await drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Shift+Tab");
    expect(await drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);

    // Escape closes it and focus returns to the button that opened it.
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(open).toBeFocused();
  });

  test("the drawer's next change and its entries close it and focus the row", async ({ page }) => {
    await page.goto(compare);
    const keys = await changedRows(page);
    const open = page.getByRole("button", { name: "目录", exact: true });
    const drawer = page.getByRole("dialog", { name: "目录" });

    await open.click();
    await drawer.getByRole("button", { name: /下一处/ }).click();
    await expect(drawer).toBeHidden();
    await expect(page.locator(`[id="${keys[0]}"]`)).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`#${keys[0]}$`));

    const target = keys[keys.length - 1]!;
    await open.click();
    await drawer.locator(`a[href="#${target}"]`).click();
    await expect(drawer).toBeHidden();
    await expect(page.locator(`[id="${target}"]`)).toBeFocused();
    await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
  });

  test("the open drawer has no serious or critical axe violation", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(compare);
    await page.getByRole("button", { name: "目录", exact: true }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include(".cmp-drawer").analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});
