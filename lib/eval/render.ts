/**
 * Writing a (transformed) document out as text, in one heading style.
 *
 *   source      every heading as written in the original (renumbered/retitled in place); bodies verbatim
 *   atx         "## 一、引言" (level + 1 hashes, at most 6)
 *   setext      top level "一、引言" over "------", deeper levels ATX
 *   bold        "**一、引言**"
 *   bold-split  "**一、** **引言**": number and title in separate bold runs
 *   plain       "一、引言", no markup
 *   list        top level "3.  ## 引言": the number only as a markdown ordered-list marker
 *   list-literal top level "3.  ## 3\. 引言": numbered twice, by the list marker and a literal number
 *   html-h      <h2>…</h2> (level + 1, at most h6), bodies as <p> with <br>
 *   html-b      <p><b>…</b></p>
 *   html-p      <p>…</p>
 *   html-pre    the plain rendering inside one <pre>
 *
 * A heading without title (a law article, "第一条") is written on one line with its first body
 * paragraph in the plain, bold and <p> styles ("第一条 为了…"), as laws print them; ATX, setext, list
 * and <h> headings stand on their own line. Bodies and the preamble are copied verbatim in the
 * markdown styles; the HTML styles turn their lines into <p>/<br> (markdown headings into <hN>).
 */
import type { BodyBlock, HeadingParts } from "./skeleton.ts";

export interface OutNode {
  /** Construction id: unique within the transformed document. */
  cid: string;
  level: number;
  /** The number to print (null: none) and the title. */
  printed: string | null;
  title: string;
  /** The heading as written in the original with this node's number and title (source style). */
  source: string | null;
  body: BodyBlock[];
  children: OutNode[];
}

export interface OutDocument {
  preamble: string;
  sections: OutNode[];
}

export const MARKDOWN_STYLES = [
  "source",
  "atx",
  "setext",
  "bold",
  "bold-split",
  "plain",
  "list",
  "list-literal",
] as const;
export const HTML_STYLES = ["html-h", "html-b", "html-p", "html-pre"] as const;
export type Style = (typeof MARKDOWN_STYLES)[number] | (typeof HTML_STYLES)[number];

export interface Rendered {
  text: string;
  format: "markdown" | "html";
}

/** "一、" + "引言" -> "一、引言"; "1." + "Intro" -> "1. Intro"; either may be missing. */
export function joinHeading(printed: string | null, title: string): string {
  if (!printed) return title;
  if (!title) return printed;
  return /[、）)\]】]$/.test(printed) ? `${printed}${title}` : `${printed} ${title}`;
}

/** The source heading of `parts` with another number prefix and title. */
export function sourceHeading(parts: HeadingParts, prefix: string, title: string): string {
  return prefix + title + parts.suffix;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const bodyText = (body: BodyBlock[]) => body.map((b) => b.text).join("");

/** Markdown-ish text -> HTML blocks: ATX and setext headings become <hN>, paragraphs <p> with <br>. */
export function textToHtml(text: string): string {
  const out: string[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) out.push(`<p>${para.map(escapeHtml).join("<br>\n")}</p>`);
    para = [];
  };
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const underline = lines[i + 1] !== undefined ? /^\s{0,3}(=+|-+)\s*$/.exec(lines[i + 1]!) : null;
    if (line.trim() === "") flush();
    else if (atx) {
      flush();
      out.push(`<h${atx[1]!.length}>${escapeHtml(atx[2]!)}</h${atx[1]!.length}>`);
    } else if (underline && para.length === 0) {
      out.push(
        `<h${underline[1]!.startsWith("=") ? 1 : 2}>${escapeHtml(line.trim())}</h${underline[1]!.startsWith("=") ? 1 : 2}>`,
      );
      i++;
    } else if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      out.push("<hr>");
    } else para.push(line);
  }
  flush();
  return out.join("\n");
}

interface Line {
  /** The heading line(s), without the final line break. */
  heading: string;
  /** When the heading takes the first body paragraph on its line ("第一条 为了…"). */
  inline: boolean;
}

function markdownHeading(node: OutNode, style: Style, topLevel: boolean): Line {
  const text = joinHeading(node.printed, node.title);
  const hashes = "#".repeat(Math.min(6, node.level + 1));
  const untitled = node.title === "";
  switch (style) {
    case "atx":
      return { heading: `${hashes} ${text}`, inline: false };
    case "setext":
      return node.level === 1
        ? { heading: `${text}\n${"-".repeat(Math.max(3, Math.min(40, text.length)))}`, inline: false }
        : { heading: `${hashes} ${text}`, inline: false };
    case "bold":
      return { heading: `**${text}**`, inline: untitled };
    case "bold-split":
      return {
        heading: node.printed && node.title ? `**${node.printed}** **${node.title}**` : `**${text}**`,
        inline: untitled,
      };
    case "plain":
    case "html-pre":
      return { heading: text, inline: untitled };
    case "list":
      return topLevel && node.printed
        ? { heading: `${node.printed}  ${hashes} ${node.title}`, inline: false }
        : { heading: `${hashes} ${text}`, inline: false };
    case "list-literal":
      return topLevel && node.printed
        ? {
            heading: `${node.printed}  ${hashes} ${joinHeading(node.printed.replace(/\.$/, "\\."), node.title)}`,
            inline: false,
          }
        : { heading: `${hashes} ${text}`, inline: false };
    default:
      return { heading: `${hashes} ${text}`, inline: false };
  }
}

function htmlHeading(node: OutNode, style: Style): Line {
  const text = escapeHtml(joinHeading(node.printed, node.title));
  const h = Math.min(6, node.level + 1);
  if (style === "html-h") return { heading: `<h${h}>${text}</h${h}>`, inline: false };
  if (style === "html-b") return { heading: `<b>${text}</b>`, inline: node.title === "" };
  return { heading: text, inline: node.title === "" };
}

/** Splits off the first non-blank block, for an inline heading. */
function firstParagraph(body: BodyBlock[]): { first: string; rest: BodyBlock[] } {
  const i = body.findIndex((b) => b.kind !== "blank" && b.text.trim() !== "");
  if (i < 0) return { first: "", rest: body };
  return { first: body[i]!.text.replace(/\n+$/, ""), rest: [...body.slice(0, i), ...body.slice(i + 1)] };
}

/** `text` ending in at least `breaks` line breaks (unless empty). */
function ensureBreak(text: string, breaks: number): string {
  if (text === "") return text;
  let have = 0;
  while (have < breaks && text[text.length - 1 - have] === "\n") have++;
  return have >= breaks ? text : text + "\n".repeat(breaks - have);
}

function renderSource(doc: OutDocument): string {
  let text = doc.preamble;
  const walk = (nodes: OutNode[]) => {
    for (const n of nodes) {
      text = ensureBreak(text, 1);
      text += n.source ?? `${"#".repeat(Math.min(6, n.level + 1))} ${joinHeading(n.printed, n.title)}\n\n`;
      text += bodyText(n.body);
      walk(n.children);
    }
  };
  walk(doc.sections);
  return text;
}

function renderMarkdown(doc: OutDocument, style: Style, topIds: Set<string>): string {
  let text = doc.preamble;
  const walk = (nodes: OutNode[]) => {
    for (const n of nodes) {
      const line = markdownHeading(n, style, topIds.has(n.cid));
      text = ensureBreak(text, 2);
      const { first, rest } = line.inline ? firstParagraph(n.body) : { first: "", rest: n.body };
      const body = bodyText(rest);
      text += `${line.heading}${first ? " " + first : ""}\n${body === "" || body.startsWith("\n") ? "" : "\n"}${body}`;
      walk(n.children);
    }
  };
  walk(doc.sections);
  return text;
}

function renderHtml(doc: OutDocument, style: Style): string {
  const parts: string[] = [textToHtml(doc.preamble)];
  const walk = (nodes: OutNode[]) => {
    for (const n of nodes) {
      const line = htmlHeading(n, style);
      if (style === "html-h") parts.push(line.heading, textToHtml(bodyText(n.body)));
      else if (line.inline) {
        const { first, rest } = firstParagraph(n.body);
        parts.push(`<p>${line.heading}${first ? " " + escapeHtml(first) : ""}</p>`, textToHtml(bodyText(rest)));
      } else parts.push(`<p>${line.heading}</p>`, textToHtml(bodyText(n.body)));
      walk(n.children);
    }
  };
  walk(doc.sections);
  return parts.filter((p) => p !== "").join("\n");
}

const page = (body: string) =>
  `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n<body>\n${body}\n</body></html>\n`;

/** The document as text in `style`; `topIds` are the construction ids of the outline's top level. */
export function render(doc: OutDocument, style: Style, topIds: Set<string> = new Set()): Rendered {
  if (style === "source") return { text: renderSource(doc), format: "markdown" };
  if (style === "html-pre")
    return { text: page(`<pre>${escapeHtml(renderMarkdown(doc, "plain", topIds))}</pre>`), format: "html" };
  if ((HTML_STYLES as readonly string[]).includes(style)) return { text: page(renderHtml(doc, style)), format: "html" };
  return { text: renderMarkdown(doc, style, topIds), format: "markdown" };
}
