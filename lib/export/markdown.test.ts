import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import MarkdownIt from "markdown-it";
import { exportRows } from "./rows.ts";
import { escapeMarkdown, renderMarkdown, runsMarkdown } from "./markdown.ts";
import { inputFor } from "./testing.ts";
import type { ExportInput } from "./types.ts";

// CommonMark + GFM strikethrough, inline HTML allowed (as GitHub renders .md files), no autolinking.
const md = new MarkdownIt({ html: true });

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The texts the rendered HTML marks as deleted (<s>, <del>) and inserted (<strong>, <ins>). */
function marks(html: string): { del: string[]; ins: string[] } {
  const pick = (re: RegExp) => [...html.matchAll(re)].map((m) => decode(m[2]!));
  return { del: pick(/<(s|del)>([\s\S]*?)<\/\1>/g), ins: pick(/<(strong|ins)>([\s\S]*?)<\/\1>/g) };
}

/** What the digest should mark: each changed paragraph's deleted and inserted runs, line by line. */
function expectedMarks(input: ExportInput): { del: string[]; ins: string[] } {
  const out = { del: [] as string[], ins: [] as string[] };
  for (const row of exportRows(input.view, input.scope))
    for (const b of [...(row.heading && row.heading.status !== "unchanged" ? [row.heading] : []), ...row.blocks]) {
      if (b.status === "unchanged") continue;
      for (const r of b.inline) {
        if (r.m === "eq") continue;
        for (const piece of r.t.split(/\r?\n/).map((t) => t.trim()))
          if (piece) out[r.m].push(piece.replace(/^[ \t]+/, ""));
      }
    }
  return out;
}

test("marks: ~~deleted~~ and **inserted**, <del>/<ins> where CommonMark's flanking rules would not read them", () => {
  assert.equal(
    runsMarkdown([
      { t: "我们", m: "eq" },
      { t: "收集", m: "del" },
      { t: "使用", m: "ins" },
      { t: "您的信息", m: "eq" },
    ]),
    "我们~~收集~~**使用**您的信息",
  );
  assert.equal(
    runsMarkdown([
      { t: "音", m: "eq" },
      { t: "、", m: "del" },
      { t: "视频", m: "eq" },
    ]),
    "音<del>、</del>视频",
  );
  assert.equal(
    runsMarkdown([
      { t: "信息", m: "eq" },
      { t: " 第三方。 ", m: "ins" },
      { t: "其他", m: "eq" },
    ]),
    "信息 **第三方。** 其他",
    "spaces stay outside the mark, so it can open and close",
  );
  for (const [runs, html] of [
    [
      [
        { t: "音", m: "eq" },
        { t: "、", m: "del" },
        { t: "视频", m: "eq" },
      ],
      "<p>音<del>、</del>视频</p>",
    ],
    [
      [
        { t: "图片", m: "eq" },
        { t: "。", m: "del" },
        { t: "，", m: "ins" },
        { t: "请您", m: "eq" },
      ],
      "<p>图片<del>。</del><ins>，</ins>请您</p>",
    ],
    [
      [
        { t: "（一）", m: "ins" },
        { t: "总则", m: "eq" },
      ],
      "<p><ins>（一）</ins>总则</p>",
    ],
    [
      [
        { t: "（一）", m: "ins" },
        { t: " 总则", m: "eq" },
      ],
      "<p><strong>（一）</strong> 总则</p>",
    ],
  ] as const)
    assert.equal(md.render(runsMarkdown(runs)).trim(), html);
});

test("document text is data: Markdown in it shows as characters and cannot break the marks", () => {
  const evil =
    "**粗** _斜_ `code` <script>alert(1)</script> [点我](javascript:alert(1)) ![](x.png) ~~删~~ | a | &amp; $x$";
  assert.equal(decode(md.renderInline(escapeMarkdown(evil))), evil);
  for (const start of ["# 标题", "> 引用", "- 列表", "+ 列表", "1. 列表", "2) 列表", "===", "---", "    代码"]) {
    const html = md.render(runsMarkdown([{ t: start, m: "eq" }]));
    assert.equal(decode(html), `<p>${start.trim()}</p>\n`, start);
  }
  const input = inputFor(
    "一、条款\n我们收集设备信息。\n",
    `一、条款\n我们收集${evil}信息。\n\n二、新增\n# 不是标题 <img src=x onerror=alert(1)>\n`,
  );
  const html = md.render(renderMarkdown(input));
  assert.ok(!/<script|<img|href="javascript/i.test(html), "no tags or links from the document");
  assert.deepEqual(marks(html), expectedMarks(input), "marks hold exactly the changed text");
  assert.ok(marks(html).ins.some((t) => t.includes(evil)));
  assert.ok(marks(html).ins.includes("# 不是标题 <img src=x onerror=alert(1)>"));
});

test("the digest: title, versions with links, options, counts, changed sections, then the marked changes", () => {
  const input = inputFor(
    "一、收集\n甲。\n\n我们收集设备信息。\n\n二、共享\n不共享。\n\n三、联系\n邮件。\n",
    "一、收集\n甲。\n\n我们收集位置信息。\n\n二、共享\n不共享。\n\n三、存储\n境内存储。\n\n四、联系\n邮件。\n",
  );
  const text = renderMarkdown(input);
  assert.match(text, /^# 变更摘要：Acme 隐私政策 2021-01-01 → 2022-01-01\n/);
  assert.match(
    text,
    /- 基准版本：Acme 隐私政策，2021年1月1日 \(\[固定链接\]\(<https:\/\/policy\.example\/p\/acme-privacy\/v\/2021-01-01>\)\)/,
  );
  assert.match(text, /- 比较选项：忽略空白、忽略全角\/半角/);
  assert.match(text, /新增 1 节，修改 1 节，重新编号 1 节；文本变化 \d+%/);
  assert.match(
    text,
    /## 有变化的条款\n\n- \[一 收集\]\(<https:\/\/policy\.example\/p\/acme-privacy\/compare\/2021-01-01\.\.\.2022-01-01#s-\w+>\) · 修改 · \d+%/,
  );
  assert.match(text, /### 一 收集\n\n修改 · 文本变化 \d+% · \[在线对比\]/);
  assert.match(text, /\*……（未变的段落从略）\*\n\n我们收集~~设备~~\*\*位置\*\*信息。/);
  assert.match(text, /> 编号 三 → 四/);
  assert.ok(!text.includes("不共享"), "unchanged sections are left out");
  const all = renderMarkdown({ ...input, scope: "all" });
  assert.ok(all.includes("不共享"), "with all sections, they are in");

  const html = md.render(text);
  assert.match(html, /<h1>变更摘要：Acme 隐私政策 2021-01-01 → 2022-01-01<\/h1>/);
  assert.match(html, /<a href="https:\/\/policy\.example\/p\/acme-privacy\/v\/2022-01-01">固定链接<\/a>/);
});

test("seed 000 vs 001: every deletion and insertion of the listed paragraphs renders as a mark, in English too", () => {
  const seeds = join(import.meta.dirname, "../../data/samples/seeds");
  const file = (p: string) =>
    readFileSync(
      join(
        seeds,
        readdirSync(seeds).find((n) => n.startsWith(p))!,
      ),
      "utf8",
    );
  for (const locale of ["zh", "en"] as const) {
    const input = inputFor(file("000_"), file("001_"), { locale });
    const html = md.render(renderMarkdown(input));
    const got = marks(html);
    const want = expectedMarks(input);
    assert.ok(want.del.length > 20 && want.ins.length > 20);
    assert.deepEqual(got.del, want.del, `${locale}: deletions`);
    assert.deepEqual(got.ins, want.ins, `${locale}: insertions`);
  }
});
