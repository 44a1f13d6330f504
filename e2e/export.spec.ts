/**
 * Exports of the compare view (docs/decisions/0015-exports.md), against the production server on a
 * fresh, seeded database: each format downloaded from the toolbar's Export menu (file name, body
 * parses), and the JSON API's export with its errors.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import JSZip from "jszip";
import { expect, samples, test } from "./fixtures";

const xuexi = samples.xuexi;
const [newer, older] = [xuexi.versionKeys[0], xuexi.versionKeys[1]]; // 2021-12-23, 2021-08-25
const view = `/p/${xuexi.slug}/compare/${older}...${newer}`;
const stem = `${xuexi.name}_${older}_${newer}`;

async function download(page: Page, id: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = page.getByTestId("export-menu");
  // The menu stays open after a download; a second click on its summary would close it.
  if (!(await menu.evaluate((e) => (e as HTMLDetailsElement).open))) await menu.locator("summary").click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`a[data-export="${id}"]`).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

async function documentXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file("word/document.xml")!.async("string");
}

/** RFC 4180 records (enough for these files: quoted fields with doubled quotes, CRLF). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  const re = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|$)/g;
  let record: string[] = [];
  for (let m = re.exec(text); m && m.index < text.length; m = re.exec(text)) {
    const field = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!;
    record.push(field);
    if (m[2] !== ",") {
      records.push(record);
      record = [];
    }
  }
  return records;
}

test("the Export menu downloads the 修订对照表, the redline, the CSV list and the Markdown digest", async ({
  page,
}) => {
  await page.goto(view);
  const changed = await page.locator('section.cmp-row[data-changed="true"]').count();

  const table = await download(page, "docx");
  expect(table.name).toBe(`${stem}_修订对照表.docx`);
  const tableXml = await documentXml(table.bytes);
  expect(tableXml).toContain("修订对照表");
  expect((tableXml.match(/<w:tr>/g) ?? []).length).toBe(changed + 1); // a header row, then one per changed section
  expect(tableXml).toMatch(/<w:strike\/>/);
  expect(tableXml).toMatch(/<w:u w:val="single"\/>/);

  const redline = await download(page, "redline");
  expect(redline.name).toBe(`${stem}_修订稿.docx`);
  const redXml = await documentXml(redline.bytes);
  expect(redXml).toMatch(/<w:ins w:id="\d+" w:author="政策变迁" w:date="2021-12-23T00:00:00Z">/);
  expect(redXml).toMatch(/<w:del w:id="\d+"[^>]*><w:r><w:delText/);

  const csv = await download(page, "csv");
  expect(csv.name).toBe(`${stem}_变更清单.csv`);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = csvRecords(csv.bytes.subarray(3).toString("utf8"));
  expect(records[0]![0]).toBe("条款键");
  expect(records.length).toBe(changed + 1);
  expect(records.slice(1).every((r) => r.length === 10 && r[9]!.includes(`${view}#${r[0]}`))).toBe(true);

  const md = await download(page, "md");
  expect(md.name).toBe(`${stem}_变更摘要.md`);
  const text = md.bytes.toString("utf8");
  expect(text).toMatch(new RegExp(`^# 变更摘要：${xuexi.name} ${older} → ${newer}\\n`));
  expect(text).toMatch(/~~[^~\n]+~~/);
  expect(text).toMatch(/\*\*[^*\n]+\*\*/);
});

test("export links carry the view's options; the all-sections table lists every section", async ({ page }) => {
  await page.goto(`${view}?ignore=none&layout=inline`);
  const href = await page.locator('a[data-export="docx-all"]').getAttribute("href");
  expect(href).toBe(`${view}/export.docx?ignore=none&only=all`);
  const all = await download(page, "docx-all");
  const rows = (await documentXml(all.bytes)).match(/<w:tr>/g) ?? [];
  expect(rows.length).toBe((await page.locator("section.cmp-row").count()) + 1);
});

test("the JSON API's export: headers, the English labels on request, errors in the API's shape", async ({
  request,
}) => {
  const q = `from=${xuexi.slug}@${older}&to=${xuexi.slug}@${newer}`;
  const res = await request.get(`/api/compare/export?${q}&format=csv&lang=en`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");
  expect(res.headers()["content-disposition"]).toBe(
    `attachment; filename="${xuexi.slug}_${older}_${newer}_changes.csv"; filename*=UTF-8''${encodeURIComponent(`${xuexi.name}_${older}_${newer}_changes.csv`)}`,
  );
  expect(csvRecords((await res.body()).subarray(3).toString("utf8"))[0]![0]).toBe("section_key");

  const bad = await request.get(`/api/compare/export?${q}&format=pdf&only=some`);
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({
    error: {
      code: "invalid_input",
      message: '"format" must be docx, redline, csv or md; "only" must be changes or all',
      fields: ["format", "only"],
      issues: [{ path: ["format"] }, { path: ["only"] }],
    },
  });
  const missing = await request.get(
    `/api/compare/export?from=${xuexi.slug}@1999-01-01&to=${xuexi.slug}@${newer}&format=md`,
  );
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("version_not_found");
  const unknown = await request.get(`${view}/export.pdf`);
  expect(unknown.status()).toBe(404);
});
