import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { csvField, CSV_BOM, renderCsv } from "./csv.ts";
import { excerpt } from "./rows.ts";
import { inputFor, parseCsv } from "./testing.ts";

const OLD = '一、收集\n我们收集您的设备信息，用于"安全"目的。\n\n二、共享\n我们不共享。\n';
const NEW =
  '一、收集\n我们收集您的位置信息，用于"安全"目的，\n以及改进服务。\n\n二、共享\n我们不共享。\n\n三、=HYPERLINK(A1)\n-1+1 的说明。\n';

test("the change list is RFC 4180 CSV with a BOM, Chinese round-trips, one line per changed section", () => {
  const text = renderCsv(inputFor(OLD, NEW));
  assert.ok(text.startsWith(CSV_BOM), "UTF-8 BOM first, for Excel");
  assert.ok(!/[^\r]\n/.test(text), "records end with CRLF");
  const rows = parseCsv(text.slice(1));
  assert.deepEqual(rows[0], [
    "条款键",
    "原编号",
    "原标题",
    "新编号",
    "新标题",
    "状态",
    "变化比例",
    "原文摘录",
    "新文摘录",
    "链接",
  ]);
  assert.ok(
    rows.every((r) => r.length === 10),
    "every record has every field",
  );
  const [, first, added] = rows as [string[], string[], string[]];
  assert.equal(rows.length, 3, "header + the two changed sections (the unchanged one is left out)");
  assert.deepEqual(first.slice(1, 6), ["一", "收集", "一", "收集", "修改"]);
  assert.match(first[0]!, /^s-/);
  assert.ok(Number(first[6]) > 0 && Number(first[6]) < 1);
  assert.equal(first[7], '我们收集您的设备信息，用于"安全"目的。', "quotes doubled in the file, single after parsing");
  assert.equal(first[8], '我们收集您的位置信息，用于"安全"目的， 以及改进服务。', "line breaks become spaces");
  assert.equal(first[9], `https://policy.example/p/acme-privacy/compare/2021-01-01...2022-01-01#${first[0]}`);

  // Formula injection: a cell starting with = (+ - @) gets a leading apostrophe, so it stays text.
  // (A title holding a URL is no heading: lib/parse reads it as body, so the formula here has none.)
  assert.deepEqual(added.slice(1, 6), ["", "", "三", `'=HYPERLINK(A1)`, "新增"]);
  assert.equal(added[6], "1.000");
  assert.equal(added[7], "");
  assert.equal(added[8], `三、=HYPERLINK(A1) -1+1 的说明。`);
});

test("fields: quoted only when needed, formulas neutralised, numbers left alone", () => {
  assert.equal(csvField("普通文字"), "普通文字");
  assert.equal(csvField("a,b"), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField("line\r\nbreak"), '"line\r\nbreak"');
  for (const s of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"]) assert.equal(csvField(s), `'${s}`);
  assert.equal(csvField('=A1,"x"'), `"'=A1,""x"""`);
  assert.equal(csvField(0.5), "0.5");
  assert.equal(csvField(null), "");
});

test("all sections, in English; seed 000 vs 001 parses with one record per row", () => {
  const en = parseCsv(renderCsv(inputFor(OLD, NEW, { scope: "all", locale: "en" })).slice(1));
  assert.deepEqual(en[0]!.slice(0, 3), ["section_key", "old_number", "old_title"]);
  assert.deepEqual(
    en.slice(1).map((r) => r[5]),
    ["Modified", "Unchanged", "Added"],
  );

  const seeds = join(import.meta.dirname, "../../data/samples/seeds");
  const file = (p: string) =>
    readFileSync(
      join(
        seeds,
        readdirSync(seeds).find((n) => n.startsWith(p))!,
      ),
      "utf8",
    );
  const input = inputFor(file("000_"), file("001_"));
  const rows = parseCsv(renderCsv(input).slice(1));
  assert.equal(rows.length - 1, input.view.summary.changedRows);
  assert.ok(rows.slice(1).every((r) => r.length === 10 && r[9]!.includes(`#${r[0]}`)));
  assert.ok(
    rows.some((r) => /咪咕/.test(r[7]! + r[8]!)),
    "Chinese excerpts round-trip",
  );
});

test("excerpts: the changes with a little context, the other side's place for one-sided changes", () => {
  const long = "甲".repeat(60);
  const input = inputFor(`一、标题\n${long}我们收集设备信息${long}\n`, `一、标题\n${long}我们收集位置信息${long}\n`);
  const row = input.view.rows.find((r) => r.changed)!;
  assert.equal(excerpt(row, "old"), `… ${"甲".repeat(16)}我们收集设备信息${"甲".repeat(18)} …`);
  assert.equal(excerpt(row, "new"), `… ${"甲".repeat(16)}我们收集位置信息${"甲".repeat(18)} …`);
  const ins = inputFor(`一、标题\n${long}${long}\n`, `一、标题\n${long}新增的话${long}\n`);
  const r2 = ins.view.rows.find((r) => r.changed)!;
  assert.equal(excerpt(r2, "old"), `… ${"甲".repeat(40)} …`, "where the insertion went, seen from the old side");
});
