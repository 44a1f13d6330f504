/**
 * HTML -> plain text that keeps the block structure a reader sees.
 *
 * Output rules (decided here, relied on by lib/parse):
 * - Every block element starts a new line; text inside one block is one line.
 * - <h1>..<h6> become markdown ATX headings ("## title"), so the parser keeps their level.
 * - A paragraph-like block whose whole text is bold (<strong>/<b>) becomes "**text**" (a bold heading
 *   candidate; the parser decides whether it is a heading from its length and what follows).
 * - <li> in <ul> is "- item"; in <ol> it is "N. item" (N from the list's start), as a browser shows it.
 * - Table rows are one line each, cells separated by a tab. A row with one non-empty cell, all bold, is
 *   "**text**" (a title set in a table, as Word and some CMSs do).
 * - <nav> (site navigation) is dropped with its content: its links are never part of the document.
 * - A page with one <main> (or role="main") element: only that element's content is the document
 *   (site header, menus, sidebars and footer around it are not).
 * - <br> is a line break; <hr> an empty line.
 * - Dropped with their content: script, style, noscript, template, iframe, svg, math, object, embed,
 *   head (the <title> is returned apart), form controls, Word's <o:p>/<w:*>/<v:*>/<xml>, and elements
 *   hidden by `display:none` or `mso-hide:all`. Comments (Word's conditional comments included) and
 *   directives (`<![if ...]>`) are dropped; the content between downlevel-revealed directives is kept.
 * - Attributes are never copied: no href, src or event handler survives. Entities are decoded.
 * - Whitespace runs (NBSP included) collapse to one space; a line break between two CJK characters
 *   disappears (as it does when a browser renders Chinese).
 * Nothing of the markup survives: the result is text, safe to show escaped.
 */
import { ElementType, parseDocument } from "htmlparser2";
import { Element, type ChildNode } from "domhandler";
import { CJK_TEXT_CHAR } from "../text/cjk.ts";

const DROP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "frame",
  "frameset",
  "svg",
  "math",
  "object",
  "embed",
  "head",
  "select",
  "option",
  "button",
  "input",
  "textarea",
  "canvas",
  "audio",
  "video",
  "source",
  "track",
  "map",
  "xml",
  "nav",
]);
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "nav",
  "aside",
  "blockquote",
  "pre",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "caption",
  "figure",
  "figcaption",
  "address",
  "details",
  "summary",
  "fieldset",
  "legend",
  "center",
  "form",
  "body",
  "html",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);
const CELL = new Set(["td", "th"]);
const BOLD = new Set(["strong", "b"]);

export interface HtmlText {
  text: string;
  /** The document's <title>, if any (metadata; not part of the text). */
  title: string | null;
}

function isHidden(el: Element): boolean {
  const name = el.name.toLowerCase();
  if (
    DROP.has(name) ||
    name.startsWith("o:") ||
    name.startsWith("w:") ||
    name.startsWith("v:") ||
    name.startsWith("m:")
  )
    return true;
  if (el.attribs["hidden"] !== undefined || el.attribs["aria-hidden"] === "true") return true;
  const style = (el.attribs["style"] ?? "").toLowerCase().replace(/\s+/g, "");
  return style.includes("display:none") || style.includes("mso-hide:all") || style.includes("visibility:hidden");
}

/** Collapse whitespace like a browser; drop breaks between CJK characters. */
function collapseInline(s: string): string {
  return s.replace(/[\s\u00a0]+/g, (run, offset: number, all: string) => {
    const before = all[offset - 1] ?? "";
    const after = all[offset + run.length] ?? "";
    if (/[\n\r]/.test(run) && CJK_TEXT_CHAR.test(before) && CJK_TEXT_CHAR.test(after)) return "";
    return " ";
  });
}

/** The visible text of a subtree, for the "whole block is bold" test. */
function textOf(nodes: ChildNode[]): string {
  let out = "";
  for (const n of nodes) {
    if (n.type === ElementType.Text) out += n.data;
    else if (
      (n.type === ElementType.Tag || n.type === ElementType.Script || n.type === ElementType.Style) &&
      !isHidden(n)
    )
      out += textOf(n.children);
  }
  return out;
}

/** True when every visible character of the subtree sits inside <strong>/<b>. */
function wholeBold(nodes: ChildNode[]): boolean {
  let sawBold = false;
  const walk = (list: ChildNode[]): boolean => {
    for (const n of list) {
      if (n.type === ElementType.Text) {
        if (n.data.replace(/[\s\u00a0]/g, "") !== "") return false;
      } else if (n.type === ElementType.Tag) {
        const el = n;
        if (isHidden(el)) continue;
        const name = el.name.toLowerCase();
        if (BOLD.has(name)) {
          if (textOf(el.children).trim()) sawBold = true;
          continue;
        }
        if (BLOCK.has(name) || CELL.has(name) || name === "br") return false;
        if (!walk(el.children)) return false;
      }
    }
    return true;
  };
  return walk(nodes) && sawBold;
}

/** True when the visible text of the subtree (blocks inside it allowed) is all inside <strong>/<b>. */
function allBold(nodes: ChildNode[]): boolean {
  const squash = (t: string) => t.replace(/[\s\u00a0]+/g, "");
  let bold = "";
  const walk = (list: ChildNode[]): void => {
    for (const n of list) {
      if (n.type !== ElementType.Tag || isHidden(n)) continue;
      const el = n;
      if (BOLD.has(el.name.toLowerCase())) bold += textOf(el.children);
      else walk(el.children);
    }
  };
  walk(nodes);
  const all = squash(textOf(nodes));
  return all !== "" && squash(bold) === all;
}

class LineWriter {
  readonly lines: string[] = [];
  private current = "";
  private pre = 0;

  text(s: string): void {
    this.current += s;
  }
  enterPre(): void {
    this.pre++;
  }
  leavePre(): void {
    this.pre--;
  }
  /** End the current line (if it has content). */
  flush(): void {
    const raw = this.pre > 0 ? this.current : collapseInline(this.current);
    const line = raw.replace(/^[ \t]+|[ \t]+$/g, "");
    if (line !== "") this.lines.push(line);
    this.current = "";
  }
  /** Start a block with a prefix ("## ", "- ", "1. "). */
  prefix(p: string): void {
    this.flush();
    this.current = p;
  }
  hardBreak(): void {
    const before = this.current;
    this.flush();
    if (before.trim() === "" && this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }
}

/**
 * Elements nested deeper than this are unwrapped (their children moved up, in order) before the
 * recursive walk: real pages nest a few dozen levels; a pathological one must not overflow the stack.
 */
const MAX_NESTING = 200;

/** Unwrap elements below MAX_NESTING, iteratively (no recursion, whatever the depth). */
function capNesting(root: { children: ChildNode[] }): void {
  const stack: { node: { children: ChildNode[] }; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth >= MAX_NESTING) {
      const flat: ChildNode[] = [];
      const pending: ChildNode[] = [...node.children].reverse();
      while (pending.length > 0) {
        const n = pending.pop()!;
        if (n.type === ElementType.Tag && n.children.length > 0 && !isHidden(n)) {
          const kids = n.children;
          const block = BLOCK.has(n.name);
          if (block) pending.push(new Element("p", {})); // the block's end: a line break after its text
          for (let k = kids.length - 1; k >= 0; k--) pending.push(kids[k]!);
          if (block) flat.push(new Element("p", {})); // its start; the nesting itself is dropped
        } else if (n.type !== ElementType.Tag || !isHidden(n)) flat.push(n);
      }
      node.children = flat;
      continue;
    }
    for (const c of node.children) if (c.type === ElementType.Tag) stack.push({ node: c, depth: depth + 1 });
  }
}

export function htmlToText(html: string): HtmlText {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true });
  capNesting(doc);
  const out = new LineWriter();
  let title: string | null = null;

  const findTitle = (nodes: ChildNode[]): void => {
    for (const n of nodes) {
      if (title !== null) return;
      if (n.type === ElementType.Tag) {
        const el = n;
        if (el.name === "title") title = collapseInline(textOf(el.children)).trim() || null;
        else findTitle(el.children);
      }
    }
  };
  findTitle(doc.children);

  const walk = (nodes: ChildNode[], listCounter?: { ordered: boolean; next: number }): void => {
    for (const n of nodes) {
      if (n.type === ElementType.Text) {
        out.text(n.data);
        continue;
      }
      if (n.type !== ElementType.Tag) continue; // comments, directives, CDATA, processing instructions
      const el = n;
      if (isHidden(el)) continue;
      const name = el.name.toLowerCase();
      if (name === "br") {
        out.hardBreak();
        continue;
      }
      if (name === "hr") {
        out.flush();
        continue;
      }
      const heading = /^h([1-6])$/.exec(name);
      if (heading) {
        const inner = collapseInline(textOf(el.children)).trim();
        out.flush();
        if (inner) {
          out.text(`${"#".repeat(Number(heading[1]))} `);
          walk(el.children);
          out.flush();
        }
        continue;
      }
      if (name === "pre") {
        out.flush();
        out.enterPre();
        walk(el.children);
        out.flush();
        out.leavePre();
        continue;
      }
      if (name === "tr") {
        out.flush();
        const cells: string[] = [];
        const cellNodes: Element[] = [];
        for (const c of el.children) {
          if (c.type === ElementType.Tag && CELL.has(c.name.toLowerCase()) && !isHidden(c)) {
            cells.push(cellText(c.children));
            cellNodes.push(c);
          }
        }
        const filled = cells.map((c, k) => [c, k] as const).filter(([c]) => c.trim() !== "");
        if (filled.length === 1 && allBold(cellNodes[filled[0]![1]]!.children)) {
          out.lines.push(`**${filled[0]![0].replace(/^\*\*(.*)\*\*$/, "$1")}**`); // an inner <p> may have marked it already
          continue;
        }
        const row = cells.join("\t").replace(/\t+$/, "");
        if (row.trim()) out.lines.push(row);
        continue;
      }
      if (name === "ul" || name === "ol") {
        out.flush();
        const start = Number.parseInt(el.attribs["start"] ?? "1", 10);
        walk(el.children, { ordered: name === "ol", next: Number.isFinite(start) ? start : 1 });
        out.flush();
        continue;
      }
      if (name === "li") {
        const value = Number.parseInt(el.attribs["value"] ?? "", 10);
        if (listCounter && Number.isFinite(value)) listCounter.next = value;
        const marker = listCounter?.ordered ? `${listCounter.next++}. ` : "- ";
        out.prefix(marker);
        walk(el.children);
        out.flush();
        continue;
      }
      if (BLOCK.has(name) || CELL.has(name)) {
        out.flush();
        const blockLike = name === "p" || name === "div" || name === "dt" || name === "center";
        if (blockLike && !hasBlockChild(el) && wholeBold(el.children)) {
          const inner = collapseInline(textOf(el.children)).trim();
          if (inner) out.lines.push(`**${inner}**`);
        } else {
          walk(el.children);
          out.flush();
        }
        continue;
      }
      walk(el.children, listCounter); // inline element: its text flows on
    }
  };

  /** A table cell as one line: its blocks joined by a space. */
  const cellText = (nodes: ChildNode[]): string => {
    const saved = out.lines.length;
    walk(nodes);
    out.flush();
    const produced = out.lines.splice(saved);
    return produced.join(" ").replace(/\t/g, " ").trim();
  };

  walk(mainContent(doc.children) ?? doc.children);
  out.flush();
  // Collapse runs of blank lines; no leading/trailing blank lines.
  const lines: string[] = [];
  for (const line of out.lines) {
    if (line === "" && (lines.length === 0 || lines[lines.length - 1] === "")) continue;
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return { text: lines.length > 0 ? lines.join("\n") + "\n" : "", title };
}

/**
 * A full page marks where its own content is: the one <main> (or role="main") element. Only its
 * children are the document; the site's header, menus, sidebars and footer around it are not.
 * A fragment without such a marker is taken whole. Iterative: nesting depth is unbounded.
 */
function mainContent(nodes: ChildNode[]): ChildNode[] | null {
  const found: Element[] = [];
  const stack: ChildNode[] = [...nodes];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.type !== ElementType.Tag || isHidden(el)) continue;
    if (el.name.toLowerCase() === "main" || (el.attribs["role"] ?? "").toLowerCase() === "main") {
      found.push(el);
      continue; // a main inside a main is part of it
    }
    for (const c of el.children) stack.push(c);
  }
  if (found.length !== 1) return null;
  const main = found[0]!;
  return textOf(main.children).trim() === "" ? null : main.children;
}

function hasBlockChild(el: Element): boolean {
  return el.children.some(
    (c) => c.type === ElementType.Tag && (BLOCK.has(c.name.toLowerCase()) || c.name === "br") && !isHidden(c),
  );
}
