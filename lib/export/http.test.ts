import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { flushCompareWrites } from "../data/compare.ts";
import { freshTestDb, type TestDb } from "../data/test-db.ts";
import { addVersion, upsertPolicy } from "../data/writes.ts";
import { createTestWork } from "../work/testing.ts";
import { contentDisposition, exportFilenames, rfc5987 } from "./filename.ts";
import { exportResponse } from "./response.ts";
import { parseCsv, readDocx, tableRows } from "./testing.ts";
import { apiExportHref, exportHref, formatFromFile, parseExportQuery } from "./url.ts";

test("export URLs: the view's path, a file name per format, the view's options in canonical order", () => {
  const a = { slug: "zh-douban-privacy", key: "2022-02-11" };
  const b = { slug: "zh-douban-privacy", key: "2022-04-26" };
  const dflt = { ignore: ["whitespace", "width"] as const, scope: "changes" as const };
  assert.equal(
    exportHref(a, b, "docx", { ...dflt, ignore: [...dflt.ignore] }),
    "/p/zh-douban-privacy/compare/2022-02-11...2022-04-26/export.docx",
  );
  assert.equal(
    exportHref(a, b, "redline", { ignore: ["numbering", "whitespace"], scope: "all", locale: "en" }),
    "/p/zh-douban-privacy/compare/2022-02-11...2022-04-26/export.redline.docx?ignore=whitespace,numbering&only=all&lang=en",
  );
  assert.equal(
    exportHref(a, { slug: "en-bereal-privacy", key: "2026-06-30" }, "csv", { ignore: [], scope: "changes" }),
    "/compare/zh-douban-privacy@2022-02-11...en-bereal-privacy@2026-06-30/export.csv?ignore=none",
  );
  assert.equal(
    apiExportHref(a, b, "md", { ignore: [], scope: "all" }),
    "/api/compare/export?from=zh-douban-privacy%402022-02-11&to=zh-douban-privacy%402022-04-26&format=md&ignore=none&only=all",
  );
  assert.equal(formatFromFile("export.redline.docx"), "redline");
  assert.equal(formatFromFile("export.md"), "md");
  assert.equal(formatFromFile("export.pdf"), null);

  assert.deepEqual(parseExportQuery(new URLSearchParams("")), {
    ok: true,
    options: { ignore: ["whitespace", "width"], scope: "changes" },
  });
  assert.deepEqual(parseExportQuery(new URLSearchParams("ignore=none&only=all&lang=en")), {
    ok: true,
    options: { ignore: [], scope: "all", locale: "en" },
  });
  const bad = parseExportQuery(new URLSearchParams("ignore=case&only=some&lang=fr"));
  assert.deepEqual(!bad.ok && bad.problems.map((p) => p.field), ["ignore", "only", "lang"]);
});

test("file names: the policy's name in filename* (RFC 5987), an ASCII fallback from the slugs", () => {
  const side = (slug: string, key: string, policyName: string) => ({
    slug,
    key,
    policyName,
    publishedAt: key,
    label: null,
    url: "",
  });
  const names = exportFilenames(
    {
      from: side("zh-xuexiqiangguo-privacy", "2021-08-25", "学习强国隐私权政策"),
      to: side("zh-xuexiqiangguo-privacy", "2021-12-23", "学习强国隐私权政策"),
      locale: "zh",
    },
    "docx",
  );
  assert.deepEqual(names, {
    filename: "学习强国隐私权政策_2021-08-25_2021-12-23_修订对照表.docx",
    asciiFilename: "zh-xuexiqiangguo-privacy_2021-08-25_2021-12-23_comparison.docx",
  });
  assert.equal(
    contentDisposition(names.filename, names.asciiFilename),
    `attachment; filename="zh-xuexiqiangguo-privacy_2021-08-25_2021-12-23_comparison.docx"; filename*=UTF-8''${encodeURIComponent(names.filename)}`,
  );
  const cross = exportFilenames(
    {
      from: side("a-privacy", "2021-01-01", 'A/B: "策略" <x>'),
      to: side("b-privacy", "undated", "Privacy Policy"),
      locale: "en",
    },
    "redline",
  );
  assert.equal(cross.filename, "AB_策略_x_2021-01-01_Privacy_Policy_undated_redline.docx");
  assert.equal(rfc5987("a'(b)*.md"), "a%27%28b%29%2A.md");
  assert.equal(decodeURIComponent(rfc5987("变更清单.csv")), "变更清单.csv");
});

let t: TestDb;
/** Exports are rendered in worker threads (lib/work), as in the server. */
const lanes = createTestWork();
before(async () => {
  t = await freshTestDb("export");
  await upsertPolicy({ slug: "acme-privacy", name: "Acme 隐私政策" }, t.client);
  const text = (x: string) => `一、我们如何收集信息\n我们收集您的${x}信息。\n\n二、联系我们\n请发邮件。\n`;
  await addVersion(
    "acme-privacy",
    { text: text("设备"), publishedAt: "2021-01-01", format: "text", contentHash: "e1" },
    t.client,
  );
  await addVersion(
    "acme-privacy",
    { text: text("位置"), publishedAt: "2022-01-01", format: "text", contentHash: "e2" },
    t.client,
  );
});
after(async () => {
  await flushCompareWrites(t.client);
  await t.dispose();
  await lanes.close();
});

const from = { slug: "acme-privacy", key: "2021-01-01" };
const to = { slug: "acme-privacy", key: "2022-01-01" };
const base = {
  from,
  to,
  options: { ignore: [], scope: "changes" as const },
  uiLocale: "zh" as const,
  origin: "https://policy.example",
};

test("responses: content type, Content-Disposition with the Chinese name, bodies that parse", async () => {
  const docx = await exportResponse({ ...base, format: "docx", client: t.client, lanes });
  assert.equal(docx.status, 200);
  assert.equal(
    docx.headers.get("content-type"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  );
  assert.equal(
    docx.headers.get("content-disposition"),
    `attachment; filename="acme-privacy_2021-01-01_2022-01-01_comparison.docx"; filename*=UTF-8''${encodeURIComponent("Acme_隐私政策_2021-01-01_2022-01-01_修订对照表.docx")}`,
  );
  assert.equal(docx.headers.get("x-content-type-options"), "nosniff");
  const rows = tableRows((await readDocx(new Uint8Array(await docx.arrayBuffer()))).doc);
  assert.equal(rows.length, 2);
  assert.match(rows[1]![2]!.map((p) => p.text).join(""), /位置/);
  // The links point at the requesting origin, with the export's options.
  const { xml } = await readDocx(
    new Uint8Array(await (await exportResponse({ ...base, format: "docx", client: t.client, lanes })).arrayBuffer()),
  );
  assert.ok(xml.includes("https://policy.example/p/acme-privacy/compare/2021-01-01...2022-01-01?ignore=none"));

  const csv = await exportResponse({
    ...base,
    format: "csv",
    client: t.client,
    lanes,
    options: { ignore: [], scope: "all", locale: "en" },
  });
  assert.equal(csv.headers.get("content-type"), "text/csv; charset=utf-8; header=present");
  assert.match(
    csv.headers.get("content-disposition")!,
    /filename\*=UTF-8''Acme_%E9%9A%90%E7%A7%81%E6%94%BF%E7%AD%96_2021-01-01_2022-01-01_changes\.csv$/,
  );
  assert.ok(csv.body instanceof ReadableStream, "CSV streams");
  const bytes = new Uint8Array(await csv.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
  const records = parseCsv(new TextDecoder().decode(bytes.slice(3)));
  assert.deepEqual(
    records.slice(1).map((r) => r[5]),
    ["Modified", "Unchanged"],
  );

  const mdRes = await exportResponse({ ...base, format: "md", client: t.client, lanes });
  assert.equal(mdRes.headers.get("content-type"), "text/markdown; charset=utf-8");
  assert.match(await mdRes.text(), /我们收集您的~~设备~~\*\*位置\*\*信息。/);

  const red = await exportResponse({ ...base, format: "redline", client: t.client, lanes });
  assert.match(
    (await readDocx(new Uint8Array(await red.arrayBuffer()))).xml,
    /<w:ins [^>]*><w:r><w:t xml:space="preserve">位置<\/w:t>/,
  );
});

test("a missing policy or version is the API's 404, in its one error shape", async () => {
  const noVersion = await exportResponse({
    ...base,
    to: { slug: "acme-privacy", key: "1999-01-01" },
    format: "csv",
    client: t.client,
    lanes,
  });
  assert.equal(noVersion.status, 404);
  assert.deepEqual(await noVersion.json(), {
    error: {
      code: "version_not_found",
      message: 'Policy "acme-privacy" has no version "1999-01-01".',
      slug: "acme-privacy",
      version: "1999-01-01",
    },
  });
  const noPolicy = await exportResponse({
    ...base,
    from: { slug: "nope", key: "2021-01-01" },
    format: "docx",
    client: t.client,
    lanes,
  });
  assert.equal(noPolicy.status, 404);
  assert.equal(((await noPolicy.json()) as { error: { code: string } }).error.code, "policy_not_found");
});
