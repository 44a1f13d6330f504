/**
 * Shared fixtures. The e2e server runs on a fresh database seeded with data/samples/, so tests
 * assert facts of those real documents, listed here once.
 */
import { test as base, expect, type APIResponse, type Page } from "@playwright/test";
import type { ApiErrorBody } from "../lib/data/api.ts";

export const samples = {
  policyCount: 8,
  xuexi: {
    slug: "zh-xuexiqiangguo-privacy",
    name: "学习强国隐私权政策",
    // 发布日期 stated in each text, newest first.
    versionKeys: ["2021-12-23", "2021-08-25", "2021-02-25", "2020-09-26", "2020-06-10"],
    latestZh: "2021年12月23日",
    latestEn: "Dec 23, 2021",
  },
  douban: {
    slug: "zh-douban-privacy",
    name: "豆瓣个人信息保护政策",
    newest: "2022-04-26",
    previous: "2022-02-11",
    newestTextSnippet: "本概要旨在以简洁、清晰、易懂的方式向你介绍",
    newestSource: "https://web.archive.org/web/20220427012638/https://www.douban.com/about/privacy",
  },
  bereal: { slug: "en-bereal-privacy", versionKeys: ["2026-06-30", "2026-05-13", "2026-04-21"] },
  slugs: [
    "zh-migu-bookstore-privacy",
    "zh-migu-kuaiyou-privacy",
    "zh-mitao-privacy",
    "zh-gd-10086-privacy",
    "zh-miitee-privacy",
    "zh-xuexiqiangguo-privacy",
    "zh-douban-privacy",
    "en-bereal-privacy",
  ],
  names: [
    "学习强国隐私权政策",
    "豆瓣个人信息保护政策",
    "咪咕云书店隐私政策",
    "咪咕隐私权政策",
    "Miitee隐私政策",
    "隐私协议",
    "隐私权政策",
    "Privacy Policy",
  ],
} as const;

export const test = base.extend<{ policyList: ReturnType<Page["getByRole"]> }>({
  /** The home page's list of policies (opened). */
  policyList: async ({ page }, use) => {
    await page.goto("/");
    await use(page.getByRole("list", { name: /政策列表|Policies/ }));
  },
});

export { expect };

/** The API's error body (lib/data/api.ts) with the details the specs read. */
export interface ApiError {
  error: ApiErrorBody["error"] & { fields?: string[]; issues?: { path: (string | number)[] }[] };
}

/** A response's JSON body as the type the API documents for it. */
export async function jsonOf<T>(response: APIResponse): Promise<T> {
  return (await response.json()) as T;
}
