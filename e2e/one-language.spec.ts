/**
 * One language per page: what the import form says about the input (a field's validation message,
 * a note on how the file was read) is in the page's language, from the message catalogues, not the
 * engine's or zod's English.
 */
import { randomUUID } from "node:crypto";
import iconv from "iconv-lite";
import { ADMIN_COOKIE, sessionValue } from "../lib/auth.ts";
import { LOCALE_COOKIE } from "../lib/i18n/index.ts";
import { expect, test } from "./fixtures";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef";
const GBK_TEXT = "示例隐私政策\n\n一、我们如何收集信息\n我们收集您的设备信息。";

for (const [locale, says] of [
  [
    "zh",
    {
      upload: "上传文件",
      detect: "识别",
      save: "保存版本",
      date: "发布日期",
      decoded: "已按 GB18030 解码",
      badDate: "请填写真实存在的日期",
    },
  ],
  [
    "en",
    {
      upload: "Upload a file",
      detect: "Detect",
      save: "Save version",
      date: "Published",
      decoded: "decoded as GB18030",
      badDate: "Enter a real date",
    },
  ],
] as const) {
  test(`the import form in ${locale}: the decoding note and a bad date's message are in ${locale}`, async ({
    page,
    request,
    baseURL,
  }) => {
    const slug = `e2e-${randomUUID().slice(0, 8)}`;
    const created = await request.post("/api/policies", {
      headers: { authorization: `Bearer ${TOKEN}` },
      data: { slug, name: "示例隐私政策", version: { text: "示例隐私政策\n\n更新日期：2022年1月10日\n\n一、条款。" } },
    });
    expect(created.status()).toBe(201);
    await page.context().addCookies([
      { name: ADMIN_COOKIE, value: sessionValue(TOKEN), url: baseURL! },
      { name: LOCALE_COOKIE, value: locale, url: baseURL! },
    ]);
    await page.goto(`/p/${slug}/add`);
    await page.getByLabel(says.upload, { exact: true }).check();
    await page.locator('input[type="file"]').setInputFiles({
      name: "policy.txt",
      mimeType: "text/plain",
      buffer: iconv.encode(GBK_TEXT, "gbk"),
    });
    await page.getByRole("button", { name: says.detect }).click();
    const notes = page.locator("ul[aria-label]").filter({ hasText: "GB18030" });
    await expect(notes).toContainText(says.decoded);
    await expect(page.getByText(/Decoded as/)).toHaveCount(0); // the engine's English sentence

    await page.getByLabel(says.date, { exact: true }).fill("2023-02-30");
    await page.getByRole("button", { name: says.save }).click();
    const error = page.locator("#publishedAt-error");
    await expect(error).toContainText(says.badDate);
    await expect(error).not.toContainText("Expected");
  });
}
