import assert from "node:assert/strict";
import { test } from "node:test";
import { formattedRunsHtml } from "./formatted.ts";
import type { TextRun } from "./types.ts";

/**
 * Runs written as the diff shows them: `[-old-]` deleted, `{+new+}` inserted, the rest equal.
 *   runs("a[-b-]{+c+}") -> [{t:"a",m:"eq"}, {t:"b",m:"del"}, {t:"c",m:"ins"}]
 */
function runs(marked: string): TextRun[] {
  const out: TextRun[] = [];
  for (const m of marked.matchAll(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}|((?:(?!\[-|\{\+)[\s\S])+)/g)) {
    if (m[1] !== undefined) out.push({ t: m[1], m: "del" });
    else if (m[2] !== undefined) out.push({ t: m[2], m: "ins" });
    else out.push({ t: m[3]!, m: "eq" });
  }
  return out;
}

const f = (marked: string) => String(formattedRunsHtml(runs(marked)));

test("plain text with changes is the text with <del> and <ins>", () => {
  assert.equal(f("a[-b-]{+c+}"), "a<del>b</del><ins>c</ins>");
  assert.equal(f("我们[-收集-]{+使用+}您的信息"), "我们<del>收集</del><ins>使用</ins>您的信息");
});

test("bold: the markers go, the change marks sit inside <strong>", () => {
  assert.equal(f("见**重要**条款"), "见<strong>重要</strong>条款");
  assert.equal(f("**第一部分 [-定义-]{+术语+}**"), "<strong>第一部分 <del>定义</del><ins>术语</ins></strong>");
  // A change that spans the bold's edge is cut there: the nesting stays valid.
  assert.equal(f("a[-b**c-]d**"), "a<del>b</del><strong><del>c</del>d</strong>");
  // Markers that only the formatting changed in show no change of the words.
  assert.equal(f("{+**+}一、 引言{+**+}"), "<strong>一、 引言</strong>");
  assert.equal(f("__粗体__与*斜体*"), "<strong>粗体</strong>与<em>斜体</em>");
  assert.equal(f("****"), "");
});

test("unbalanced markers and snake_case stay as written", () => {
  assert.equal(f("**未闭合"), "**未闭合");
  assert.equal(f("user_id and device_id"), "user_id and device_id");
  assert.equal(f(String.raw`user\_id`), "user_id");
});

test("headings: the # marks go, the words are bold", () => {
  assert.equal(f("## 正文"), '<strong class="cmp-md-h">正文</strong>');
  assert.equal(f("### 1.1. Data {+that+} ###"), '<strong class="cmp-md-h">1.1. Data <ins>that</ins></strong>');
});

test("links: the text, then the target as text, never a live link", () => {
  assert.equal(
    f("见[条款](https://a.example/t?x=1&y=2)"),
    '见<span class="cmp-link">条款</span><span class="cmp-link-to"> (https://a.example/t?x=1&amp;y=2)</span>',
  );
  assert.equal(
    f("[《第三方SDK列表》](javascript:;)"),
    '<span class="cmp-link">《第三方SDK列表》</span><span class="cmp-link-to"> (javascript:;)</span>',
  );
  // An anchor of the page the text came from is nothing to a reader, unless it changed.
  assert.equal(f("[](#1-intro)1. Intro"), "1. Intro");
  assert.equal(
    f("[A](#[-a-]{+b+})"),
    '<span class="cmp-link">A</span><span class="cmp-link-to"> (#<del>a</del><ins>b</ins>)</span>',
  );
  // A changed target is marked inside the target.
  assert.equal(
    f("[Terms](https://a.example/[-v1-]{+v2+})"),
    '<span class="cmp-link">Terms</span><span class="cmp-link-to"> (https://a.example/<del>v1</del><ins>v2</ins>)</span>',
  );
  assert.equal(f("<https://a.example>"), '<span class="cmp-link-to">https://a.example</span>');
  assert.ok(!f("[x](javascript:alert(1))").includes("<a"));
});

test("line breaks, paragraphs, bullets and <br>", () => {
  assert.equal(f("a\nb\n\nc"), "<p>a<br>b</p><p>c</p>");
  assert.equal(
    f("intro:\n*   one\n\n*   t[-w-]o"),
    '<p>intro:</p><ul class="cmp-md-list"><li>one</li><li>t<del>w</del>o</li></ul>',
  );
  assert.equal(f("a<br>b<br/>c"), "a<br>b<br>c");
  assert.equal(
    f("data:<br><br>*   Photos<br>    <br>*   GPS"),
    '<p>data:</p><ul class="cmp-md-list"><li>Photos</li><li>GPS</li></ul>',
  );
  assert.equal(f("1. 第一项\n2. 第二项"), "1. 第一项<br>2. 第二项");
});

test("rules, table rules and code fences are layout", () => {
  assert.equal(f("a\n\n---\n\nb"), "<p>a</p><p>b</p>");
  assert.equal(f("| --- | --- |"), "");
  assert.equal(f("```YAML\nurl: x\n```"), "url: x");
});

test("pipe tables are tables: cells between unescaped pipes, formatting and <br> lists inside", () => {
  assert.equal(
    f("| **Data** | When you [-create-]{+open+} an account<br><br>*   phone<br>*   name |"),
    '<table class="cmp-md-table"><tbody><tr><td><strong>Data</strong></td><td><p>When you <del>create</del><ins>open</ins> an account</p><ul class="cmp-md-list"><li>phone</li><li>name</li></ul></td></tr></tbody></table>',
  );
  assert.equal(
    f("| a | b |\n| --- | --- |\n| 1 | x \\| y |"),
    '<table class="cmp-md-table"><tbody><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>x | y</td></tr></tbody></table>',
  );
  // A converter's empty header row is nothing.
  assert.equal(f("|     |     |"), "");
});

test("markup in table cells never becomes markup: scripts, javascript: links, event handlers", () => {
  const out = f('| <script>alert(1)</script> | [x](javascript:alert(1)) | <img src=x onerror="alert(1)"> |');
  assert.equal(
    out,
    '<table class="cmp-md-table"><tbody><tr>' +
      "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" +
      '<td><span class="cmp-link">x</span><span class="cmp-link-to"> (javascript:alert(1))</span></td>' +
      "<td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</td>" +
      "</tr></tbody></table>",
  );
  for (const bad of ["<script", "<img", "<a ", "href="]) assert.ok(!out.includes(bad), bad);
  assert.doesNotMatch(out, /<[^>]*onerror/);
  // Inserted markup is inserted text.
  assert.equal(f("a{+<b onclick=x>+}"), "a<ins>&lt;b onclick=x&gt;</ins>");
  assert.doesNotMatch(f('[t](x"onmouseover="alert(1))'), /<[^>]*onmouseover/);
  assert.doesNotMatch(f('[t](javascript:"><img src=x onerror=alert(1)>)'), /<img|<[^>]*onerror/);
});

test("every character a reader sees is kept: the text without markers round-trips", () => {
  const text = (html: string) =>
    html
      .replace(/<br>/g, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  assert.equal(text(f("我们[-会-]{+将+}收集您的**手机号码**与<设备>信息")), "我们会将收集您的手机号码与<设备>信息");
});
