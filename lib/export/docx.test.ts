import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PREAMBLE_KEY } from "../view/build.ts";
import { renderComparisonDocx } from "./docx-table.ts";
import { redlineParagraphs, renderRedlineDocx } from "./docx-redline.ts";
import { inputFor, paragraphsOf, readDocx, resolvedParagraphs, tableRows, type ReadParagraph } from "./testing.ts";

const OLD = [
  "隐私政策",
  "",
  "一、我们收集的信息",
  "我们收集您的设备信息。",
  "",
  "二、信息共享",
  "我们不会共享您的信息。</w:t></w:r><w:r><w:t>注入",
  "",
  "三、联系我们",
  "请发邮件至 a@example.com。",
  "",
].join("\n");
const NEW = [
  "隐私政策",
  "",
  "一、我们收集的信息",
  "我们收集您的位置信息。",
  "",
  "二、信息的共享",
  "我们不会共享您的信息。</w:t></w:r><w:r><w:t>注入",
  "",
  "三、Cookie",
  "我们使用 Cookie\u0001 & <b>标记</b>。",
  "",
  "四、联系我们",
  "请发邮件至 a@example.com。",
  "",
].join("\n");

const SEEDS = join(import.meta.dirname, "../../data/samples/seeds");
const seed = (prefix: string) => {
  const f = readdirSync(SEEDS).find((n) => n.startsWith(prefix) && n.endsWith(".txt"));
  return readFileSync(join(SEEDS, f!), "utf8");
};

const cellText = (cell: ReadParagraph[]) => cell.map((p) => p.text).join("\n");
const struck = (cell: ReadParagraph[]) =>
  cell.flatMap((p) => p.runs.filter((r) => r.strike).map((r) => r.text)).join("|");
const underlined = (cell: ReadParagraph[]) =>
  cell.flatMap((p) => p.runs.filter((r) => r.underline).map((r) => r.text)).join("|");

test("修订对照表 of a small pair: a header row, one row per changed section, deletions struck, insertions underlined, statuses named", async () => {
  const { doc, xml, part } = await readDocx(await renderComparisonDocx(inputFor(OLD, NEW)));
  const rows = tableRows(doc);
  assert.deepEqual(rows[0]!.map(cellText), ["条款", "修订前", "修订后"], "header row");
  assert.match(xml, /<w:tblHeader\/>/, "the header row repeats on every page");
  const body = rows.slice(1);
  assert.equal(body.length, 4, "changed sections only: 一 modified, 二 renamed, 三 added, 四 renumbered");
  const [modified, renamed, added, renumbered] = body as [
    ReadParagraph[][],
    ReadParagraph[][],
    ReadParagraph[][],
    ReadParagraph[][],
  ];

  assert.match(cellText(modified[0]!), /一 我们收集的信息\n［修改］/);
  assert.equal(struck(modified[1]!), "设备");
  assert.equal(underlined(modified[2]!), "位置");
  assert.equal(cellText(modified[1]!), "我们收集您的设备信息。");
  assert.equal(cellText(modified[2]!), "我们收集您的位置信息。");

  assert.match(cellText(renamed[0]!), /［重命名］[\s\S]*标题「信息共享」→「信息的共享」/);
  // The heading line changed, so it shows in the text cells with its marks; the body was unchanged and is left out.
  assert.match(cellText(renamed[2]!), /^二、信息的共享\n……（未变的段落从略）$/);
  assert.equal(underlined(renamed[2]!), "的");

  assert.match(cellText(added[0]!), /三 Cookie\n［新增］/);
  assert.equal(cellText(added[1]!), "（本条为新增）");
  assert.equal(
    underlined(added[2]!),
    "三、Cookie|我们使用 Cookie & <b>标记</b>。",
    "control character dropped, markup kept as text",
  );

  assert.match(cellText(renumbered[0]!), /四 联系我们\n［重新编号］[\s\S]*编号 三 → 四/);

  assert.ok(!xml.includes("\u0001"), "characters XML cannot hold are dropped");
  assert.equal(rows.flat(2).filter((p) => p.text.includes("注入")).length, 0, "an unchanged paragraph is left out");

  // Title block: both versions with their permanent links, the options and the scope.
  const intro = paragraphsOf(doc)
    .slice(0, 10)
    .map((p) => p.text)
    .join("\n");
  assert.match(intro, /^修订对照表\nAcme 隐私政策 2021-01-01 → 2022-01-01\n/);
  assert.match(
    intro,
    /基准版本：Acme 隐私政策，2021年1月1日\u3000https:\/\/policy\.example\/p\/acme-privacy\/v\/2021-01-01/,
  );
  assert.match(intro, /对比版本：Acme 隐私政策，2022年1月1日/);
  assert.match(intro, /比较选项：忽略空白、忽略全角\/半角/);
  assert.match(intro, /仅列出有变化的条款（4 \/ 5）/);
  assert.match(
    await part("word/_rels/document.xml.rels"),
    /Target="https:\/\/policy\.example\/p\/acme-privacy\/v\/2021-01-01"/,
  );

  // Fonts: a Latin and an East Asian font, Chinese text hinted to the East Asian one.
  const styles = await part("word/styles.xml");
  assert.match(styles, /<w:rFonts[^>]*w:ascii="Times New Roman"[^>]*w:eastAsia="SimSun"[^>]*w:hint="eastAsia"/);
  assert.match(xml, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/, "A4 landscape");
});

test("修订对照表 with all sections, in English", async () => {
  const input = inputFor(OLD, NEW, { scope: "all", locale: "en" });
  const { doc, xml } = await readDocx(await renderComparisonDocx(input));
  const rows = tableRows(doc);
  assert.deepEqual(rows[0]!.map(cellText), ["Section", "Before", "After"]);
  // Document text is data: the closing tags in it are characters in a w:t, not structure.
  assert.match(
    xml,
    /<w:t xml:space="preserve">我们不会共享您的信息。&lt;\/w:t&gt;&lt;\/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;注入<\/w:t>/,
  );
  assert.equal(rows.length - 1, input.view.rows.length, "one row per section pair, the preamble included");
  assert.equal(input.view.rows[0]!.key, PREAMBLE_KEY);
  assert.match(cellText(rows[1]![0]!), /^Preamble and metadata\n\[?［Unchanged］/);
  assert.match(
    cellText(rows[3]![2]!),
    /我们不会共享您的信息。<\/w:t>/,
    "unchanged paragraphs are kept with all sections",
  );
  assert.match(cellText(rows[4]![0]!), /Added/);
});

test("redline of a small pair: w:ins / w:del runs and tracked paragraph marks; accepting gives the new text, rejecting the old", async () => {
  const input = inputFor(OLD, NEW, { ignore: [] });
  const { doc, xml } = await readDocx(await renderRedlineDocx(input));
  assert.match(
    xml,
    /<w:del w:id="\d+" w:author="政策变迁" w:date="2022-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">设备<\/w:delText><\/w:r><\/w:del>/,
  );
  assert.match(
    xml,
    /<w:ins w:id="\d+" w:author="政策变迁" w:date="2022-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">位置<\/w:t><\/w:r><\/w:ins>/,
  );
  const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, "revision ids are unique");

  const paragraphs = paragraphsOf(doc);
  const cookie = paragraphs.find((p) => p.text === "三、Cookie")!;
  assert.ok(cookie.markIns && cookie.runs.every((r) => r.ins), "an added heading: its text and its mark inserted");
  assert.equal(cookie.style, "Heading1");
  assert.equal(paragraphs.find((p) => p.text.startsWith("一、"))!.style, "Heading1");

  const lines = (t: string) =>
    t
      .split("\n")
      .map((l) => l.replaceAll("\u0001", ""))
      .filter((l) => l.trim());
  assert.deepEqual(resolvedParagraphs(doc, "accept"), lines(NEW));
  assert.deepEqual(resolvedParagraphs(doc, "reject"), lines(OLD));
});

test("redline paragraphs: line breaks inside deleted or inserted text are tracked paragraph marks", () => {
  assert.deepEqual(
    redlineParagraphs(
      [
        { t: "甲\n乙", m: "eq" },
        { t: "丙\n丁", m: "ins" },
      ],
      "eq",
    ),
    [
      { runs: [{ t: "甲", m: "eq" }], mark: "eq" },
      {
        runs: [
          { t: "乙", m: "eq" },
          { t: "丙", m: "ins" },
        ],
        mark: "ins",
      },
      { runs: [{ t: "丁", m: "ins" }], mark: "eq" },
    ],
  );
  assert.deepEqual(redlineParagraphs([{ t: "旧\n\n段", m: "del" }], "del"), [
    { runs: [{ t: "旧", m: "del" }], mark: "del" },
    { runs: [{ t: "段", m: "del" }], mark: "del" },
  ]);
});

test("seed 000 vs 001: the table has a row per changed section with struck and underlined runs; the redline resolves to both texts", async () => {
  const a = seed("000_");
  const b = seed("001_");
  const input = inputFor(a, b);
  const table = await readDocx(await renderComparisonDocx(input));
  const rows = tableRows(table.doc).slice(1);
  assert.equal(rows.length, input.view.summary.changedRows);
  assert.ok(rows.length > 10);
  const runs = rows.flat(2).flatMap((p) => p.runs);
  assert.ok(runs.filter((r) => r.strike).length > 20, "deletions struck through");
  assert.ok(runs.filter((r) => r.underline).length > 20, "insertions underlined");
  assert.ok(
    rows.every(
      (r) =>
        r[1]!.every((p) => p.runs.every((x) => !x.underline)) && r[2]!.every((p) => p.runs.every((x) => !x.strike)),
    ),
    "struck runs only on the old side, underlined only on the new",
  );
  // Every changed row's label is in the first column, in document order.
  const labels = rows.map((r) => r[0]!.find((p) => p.runs.some((x) => x.text.trim()))!.text);
  assert.equal(labels.length, input.view.rows.filter((r) => r.changed).length);

  const red = await readDocx(await renderRedlineDocx(inputFor(a, b, { ignore: [] })));
  assert.ok((red.xml.match(/<w:ins /g) ?? []).length > 50);
  assert.ok((red.xml.match(/<w:del /g) ?? []).length > 50);
  const lines = (t: string) =>
    t
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  const accepted = resolvedParagraphs(red.doc, "accept").map((l) => l.trim());
  const rejected = resolvedParagraphs(red.doc, "reject");
  assert.deepEqual(accepted, lines(b), "accept all = the new text, line by line");
  // Reject all = the old text. Where the parser split one line into two blocks (a heading after
  // text on one line), they stay two paragraphs: compared without whitespace and line breaks.
  const squash = (t: string) => t.replace(/\s+/g, "");
  assert.equal(squash(rejected.join("")), squash(a), "reject all = the old text");
});
