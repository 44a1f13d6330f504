/**
 * A block's marked text (TextRuns: equal, deleted, inserted) as formatted HTML for the compare rows:
 * the lightweight markup that archives and converters leave in a document (markdown headings, bold,
 * links, bullets, pipe tables, `<br>`) is read as structure, and the change marks are laid inside it.
 *
 *   "见**重要**条款" with "重要" inserted  ->  见<strong><ins>重要</ins></strong>条款
 *   "| **a** | b<br>c |"                ->  <table …><tr><td><strong>a</strong></td><td>b<br>c</td></tr></table>
 *   "[条款](https://a.example/t)"        ->  <span class="cmp-link">条款</span><span class="cmp-link-to"> (https://a.example/t)</span>
 *
 * How the marks and the markup meet: the word diff's marks are per character of the text as written
 * (markup included). Markup is recognised on the text of one side (old, new, or the inline layout's
 * interleaved text), its marker characters are dropped, and only the characters a reader sees are
 * emitted, each maximal run of one mark wrapped in <del> or <ins> inside the innermost formatting
 * element. So a mark never spans an element boundary and the nesting is always valid; a change that
 * touched only markers (bold added, a link's target changed) shows no <del>/<ins> in the words.
 * What counts as markup follows lib/text/markup.ts (what the engine ignores as layout).
 *
 * Nothing from a document becomes live markup: every character is emitted through the escaping `html`
 * template (./safe-html.ts); a link is its text followed by its target as text, never an <a> (no
 * javascript: or other href can come from a document); HTML tags other than <br> stay visible text.
 * Framework-free and pure.
 */
import { html, joinHtml, type SafeHtml } from "./safe-html.ts";
import type { Mark, TextRun } from "./types.ts";

/** The block's text and each character's mark. */
interface Marked {
  text: string;
  marks: Uint8Array;
}

const MARK_CODE: Record<Mark, number> = { eq: 0, del: 1, ins: 2 };

function marked(runs: readonly TextRun[]): Marked {
  const text = runs.map((r) => r.t).join("");
  const marks = new Uint8Array(text.length);
  let at = 0;
  for (const r of runs) {
    marks.fill(MARK_CODE[r.m], at, at + r.t.length);
    at += r.t.length;
  }
  return { text, marks };
}

/** A half-open range of the block's text. */
type Range = readonly [start: number, end: number];

/** The characters in [s, e) as text, each run of one mark in <del> or <ins>. */
function textHtml(d: Marked, s: number, e: number): SafeHtml {
  const parts: (string | SafeHtml)[] = [];
  for (let i = s; i < e;) {
    const mark = d.marks[i]!;
    let j = i + 1;
    while (j < e && d.marks[j] === mark) j++;
    const t = d.text.slice(i, j);
    parts.push(mark === 0 ? t : mark === 1 ? html`<del>${t}</del>` : html`<ins>${t}</ins>`);
    i = j;
  }
  return joinHtml(parts);
}

/** Whether any character in [s, e) is deleted or inserted. */
function changedIn(d: Marked, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (d.marks[i] !== 0) return true;
  return false;
}

/** [s, e) without the whitespace at its ends. */
function trimRange(text: string, s: number, e: number): Range {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** The pieces of [s, e) between the matches of `separator` (a global regex). */
function splitRange(text: string, s: number, e: number, separator: RegExp): Range[] {
  const out: Range[] = [];
  let from = s;
  for (const m of text.slice(s, e).matchAll(separator)) {
    out.push([from, s + m.index]);
    from = s + m.index + m[0].length;
  }
  out.push([from, e]);
  return out;
}

// ---- Inline markup -------------------------------------------------------------------------------

/**
 * Inline markup, leftmost first; at one position the earlier alternative wins (bold before emphasis).
 * Named groups with the `d` flag give each part's offsets in the text.
 */
const INLINE = new RegExp(
  [
    String.raw`\\(?<escaped>[\\\x60*_{}\[\]()#+\-.!|>~])`,
    String.raw`(?<image>!?)\[(?<linkText>[^\]\n]*)\]\(\s*(?<target>(?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"\n]*")?\s*\)`,
    String.raw`<(?<autolink>(?:https?|mailto):[^>\s]+)>`,
    String.raw`(?<br><br\s*\/?>)`,
    String.raw`(?<emptyStrong>\*{4,}|_{4,})`,
    String.raw`\*\*(?=\S)(?<strong>.+?)(?<=\S)\*\*`,
    String.raw`(?<![A-Za-z0-9_])__(?=\S)(?<strong2>.+?)(?<=\S)__(?![A-Za-z0-9_])`,
    String.raw`~~(?=\S)(?<strike>.+?)(?<=\S)~~`,
    String.raw`(?<!\*)\*(?=[^\s*])(?<em>[^*]+?)(?<=[^\s*])\*(?!\*)`,
    String.raw`(?<![A-Za-z0-9_])_(?=[^\s_])(?<em2>[^_]+?)(?<=[^\s_])_(?![A-Za-z0-9_])`,
    String.raw`\x60(?<code>[^\x60\n]+)\x60`,
  ].join("|"),
  "gdiu",
);

/** A character that can open inline markup: text without any is plain. */
const INLINE_START = /[\\*_[<~`]/;

/** A link target inside the page it came from (a fragment) or none: nothing to show on ours. */
const NOWHERE = /^(?:#|$)/;

/** The inline content of [s, e): markers dropped, formatting as elements, marks inside them. */
function inlineHtml(d: Marked, s: number, e: number): SafeHtml {
  const source = d.text.slice(s, e);
  if (!INLINE_START.test(source)) return textHtml(d, s, e); // most prose: no marker at all
  const parts: SafeHtml[] = [];
  let at = s;
  for (const m of source.matchAll(INLINE)) {
    const g = m.indices!.groups!;
    const range = (name: string): Range => [s + g[name]![0], s + g[name]![1]];
    const has = (name: string) => g[name] !== undefined;
    parts.push(textHtml(d, at, s + m.index));
    at = s + m.index + m[0].length;
    if (has("escaped")) parts.push(textHtml(d, ...range("escaped")));
    else if (has("linkText")) parts.push(linkHtml(d, range("linkText"), range("target"), m.groups!.image === "!"));
    else if (has("autolink")) parts.push(html`<span class="cmp-link-to">${textHtml(d, ...range("autolink"))}</span>`);
    else if (has("br")) parts.push(html`<br>`);
    else if (has("emptyStrong"))
      continue; // "****": bold around nothing
    else if (has("strong")) parts.push(html`<strong>${inlineHtml(d, ...range("strong"))}</strong>`);
    else if (has("strong2")) parts.push(html`<strong>${inlineHtml(d, ...range("strong2"))}</strong>`);
    else if (has("strike")) parts.push(html`<s>${inlineHtml(d, ...range("strike"))}</s>`);
    else if (has("em")) parts.push(html`<em>${inlineHtml(d, ...range("em"))}</em>`);
    else if (has("em2")) parts.push(html`<em>${inlineHtml(d, ...range("em2"))}</em>`);
    else if (has("code")) parts.push(html`<code>${textHtml(d, ...range("code"))}</code>`);
  }
  parts.push(textHtml(d, at, e));
  return joinHtml(parts);
}

/**
 * A link (or image) as its text, then its target as text (a `javascript:` target too: it is shown,
 * never followed). A fragment (`#intro`, an anchor of the page the text came from) or an empty target
 * is left out unless it changed, so a changed target is always seen.
 */
function linkHtml(d: Marked, text: Range, target: Range, image: boolean): SafeHtml {
  const label = inlineHtml(d, ...text);
  const to = d.text.slice(...target);
  const showTarget = !NOWHERE.test(to.trim()) || changedIn(d, ...target);
  const cls = image ? "cmp-link cmp-image" : "cmp-link";
  return html`${label.isEmpty() ? null : html`<span class="${cls}">${label}</span>`}${
    showTarget ? html`<span class="cmp-link-to"> (${textHtml(d, ...target)})</span>` : null
  }`;
}

// ---- Lines and blocks ----------------------------------------------------------------------------

const RULE = /^\s{0,3}(?:=+|-+|(?:[-*_]\s*){3,})\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const FENCE = /^\s*(?:`{3,}|~{3,})[\w-]*\s*$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const HEADING = /^\s{0,3}#{1,6}(?:\s+|$)/;
const HEADING_CLOSE = /\s+#+\s*$/;
const BULLET = /^\s*[-*+•]\s+/;
const QUOTE = /^\s*(?:>\s?)+/;
/** A cell separator: a pipe not escaped. */
const CELL_PIPE = /(?<!\\)\|/g;
const BR = /<br\s*\/?>/gi;
const NEWLINE = /\r?\n|\r/g;

type LineKind = "blank" | "hidden" | "table" | "heading" | "bullet" | "text";

/** What a line is, and the range of its content (markers before and after it dropped). */
function readLine(d: Marked, [s, e]: Range): { kind: LineKind; content: Range } {
  const line = d.text.slice(s, e);
  if (!line.trim()) return { kind: "blank", content: [s, e] };
  if (TABLE_RULE.test(line) || RULE.test(line) || FENCE.test(line)) return { kind: "hidden", content: [s, e] };
  if (TABLE_ROW.test(line)) return { kind: "table", content: [s, e] };
  const heading = HEADING.exec(line);
  if (heading) {
    const close = HEADING_CLOSE.exec(line.slice(heading[0].length));
    const end = close ? s + heading[0].length + close.index : e;
    return { kind: "heading", content: trimRange(d.text, s + heading[0].length, end) };
  }
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: "bullet", content: trimRange(d.text, s + bullet[0].length, e) };
  const quote = QUOTE.exec(line);
  if (quote) return { kind: "text", content: [s + quote[0].length, e] };
  return { kind: "text", content: [s, e] };
}

/** One table row: its cells between unescaped pipes; nothing when every cell is blank. */
function tableRowHtml(d: Marked, [s, e]: Range): SafeHtml | null {
  const [rs, re] = trimRange(d.text, s, e);
  const inner: Range = [rs + 1, d.text[re - 1] === "|" && re - 1 > rs ? re - 1 : re];
  const cells = splitRange(d.text, inner[0], inner[1], CELL_PIPE).map(([cs, ce]) => trimRange(d.text, cs, ce));
  if (cells.every(([cs, ce]) => cs === ce)) return null;
  const cellHtml = (cell: Range) => linesHtml(d, [cell], false);
  return html`<tr>${cells.map((c) => html`<td>${cellHtml(c)}</td>`)}</tr>`;
}

/**
 * Lines as HTML: runs of text lines are paragraphs (line breaks kept), bullet lines lists, pipe-table
 * lines one table, headings bold; blank lines separate, rules and fences are layout. A block that is
 * one paragraph is returned without the <p>, so a cell of plain prose is the text itself.
 */
function linesHtml(d: Marked, lines: Range[], tables = true): SafeHtml {
  const items: { paragraph: boolean; html: SafeHtml }[] = [];
  let paragraph: SafeHtml[] = [];
  let list: SafeHtml[] = [];
  let rows: SafeHtml[] = [];
  const flushUnless = (open: "paragraph" | "list" | "rows" | null) => {
    if (paragraph.length && open !== "paragraph") {
      items.push({ paragraph: true, html: joinHtml(paragraph, html`<br>`) });
      paragraph = [];
    }
    if (list.length && open !== "list") {
      items.push({ paragraph: false, html: html`<ul class="cmp-md-list">${list}</ul>` });
      list = [];
    }
    if (rows.length && open !== "rows") {
      items.push({ paragraph: false, html: html`<table class="cmp-md-table"><tbody>${rows}</tbody></table>` });
      rows = [];
    }
  };
  const flush = () => flushUnless(null);
  for (const line of lines) {
    const table = tables && readLine(d, line).kind === "table";
    // Outside a table row a `<br>` is a line break like a newline: bullets after it are list items.
    for (const range of table ? [line] : splitRange(d.text, line[0], line[1], BR)) {
      const { kind, content } = readLine(d, range);
      if (kind === "hidden") continue;
      // A blank line ends a paragraph or a table; a list goes on when the next line is an item (a loose list).
      if (kind === "blank") flushUnless("list");
      else if (kind === "table" && tables) {
        flushUnless("rows");
        const row = tableRowHtml(d, content);
        if (row) rows.push(row);
      } else if (kind === "heading") {
        flush();
        items.push({ paragraph: true, html: html`<strong class="cmp-md-h">${inlineHtml(d, ...content)}</strong>` });
      } else if (kind === "bullet") {
        flushUnless("list");
        list.push(html`<li>${inlineHtml(d, ...content)}</li>`);
      } else {
        flushUnless("paragraph");
        paragraph.push(inlineHtml(d, ...content));
      }
    }
  }
  flush();
  if (items.length === 1 && items[0]!.paragraph) return items[0]!.html;
  return joinHtml(items.map((i) => (i.paragraph ? html`<p>${i.html}</p>` : i.html)));
}

/** A character without which a one-line block holds no markup (inline or line-level). */
const MARKUP_CHAR = /[\n\r\\*_[<~`|#]/;
/** A line start that makes a line a bullet, quote or rule. */
const MARKUP_LINE_START = /^\s*[-+•>=]/;

/** A block's marked runs as formatted HTML (see the module comment). */
export function formattedRunsHtml(runs: readonly TextRun[]): SafeHtml {
  const text = runs.map((r) => r.t).join("");
  // Most paragraphs are one line of prose: their runs as they are (the same HTML, built faster).
  if (!MARKUP_CHAR.test(text) && !MARKUP_LINE_START.test(text))
    return joinHtml(
      runs.map((r) => (r.m === "eq" ? r.t : r.m === "del" ? html`<del>${r.t}</del>` : html`<ins>${r.t}</ins>`)),
    );
  const d = marked(runs);
  return linesHtml(d, splitRange(d.text, 0, d.text.length, NEWLINE));
}
