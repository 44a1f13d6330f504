/**
 * Accessibility: every main page, in both languages (and the compare page in each layout and on a
 * phone), has no serious or critical axe-core violation (WCAG 2.x A/AA rules and axe's best
 * practices). The full table of what axe found, by impact, is attached to each test and printed.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ADMIN_COOKIE, sessionValue } from "../lib/auth.ts";
import { LOCALE_COOKIE } from "../lib/i18n/index.ts";
import { expect, samples, test } from "./fixtures";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef";
const { xuexi } = samples;
const compare = `/p/${xuexi.slug}/compare/${xuexi.versionKeys[1]}...${xuexi.versionKeys[0]}`;

interface Target {
  name: string;
  path: string;
  /** Needs the admin session (the import form). */
  signedIn?: boolean;
  /**
   * A phone's viewport (390 × 844) instead of a laptop's. Target size is not checked there: the
   * fixed bar of next/previous at the bottom covers part of whichever row lies under it, which axe
   * counts as an obscured target; the same controls are checked at full size on the laptop.
   */
  phone?: boolean;
}

/** Every page × mode checked; each runs in zh and in en. */
const TARGETS: Target[] = [
  { name: "home", path: "/" },
  { name: "policy", path: `/p/${xuexi.slug}` },
  { name: "version", path: `/p/${xuexi.slug}/v/${xuexi.versionKeys[0]}` },
  { name: "compare split", path: `${compare}?layout=split` },
  { name: "compare inline", path: `${compare}?layout=inline` },
  { name: "compare phone", path: compare, phone: true },
  { name: "import", path: "/new", signedIn: true },
  { name: "sign-in", path: "/signin" },
];

/** WCAG 2.2 A/AA (target size included) and axe's best practices; plus one experimental rule, that a
 * control's accessible name contains its visible text (speech users say what they see). */
const RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const BLOCKING = new Set(["serious", "critical"]);

async function audit(page: Page, target: Target) {
  const builder = new AxeBuilder({ page })
    // options() first: it replaces the options that withTags() sets.
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .withTags(RULE_TAGS);
  const { violations } = await (target.phone ? builder.disableRules(["target-size"]) : builder).analyze();
  return violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? "unknown",
    nodes: v.nodes.length,
    first: v.nodes[0]?.target.join(" ") ?? "",
  }));
}

// axe over a compare page of ~100 sections takes seconds, many more on a loaded machine.
test.describe.configure({ timeout: 120_000 });

for (const locale of ["zh", "en"] as const) {
  for (const target of TARGETS) {
    test(`${target.name} (${locale}) has no serious or critical axe violation`, async ({ page, baseURL }, info) => {
      const cookies: { name: string; value: string; url: string }[] = [
        { name: LOCALE_COOKIE, value: locale, url: baseURL! },
      ];
      if (target.signedIn) cookies.push({ name: ADMIN_COOKIE, value: sessionValue(TOKEN), url: baseURL! });
      await page.context().addCookies(cookies);
      if (target.phone) await page.setViewportSize({ width: 390, height: 844 });
      const response = await page.goto(target.path);
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", locale === "zh" ? "zh-CN" : "en");

      const found = await audit(page, target);
      const table = found.map((v) => `${v.impact}\t${v.rule}\t${v.nodes}\t${v.first}`).join("\n");
      await info.attach("axe", { body: table || "(none)", contentType: "text/plain" });
      if (found.length) console.log(`[axe] ${target.name} (${locale})\n${table}`);
      expect(found.filter((v) => BLOCKING.has(v.impact))).toEqual([]);
    });
  }
}
