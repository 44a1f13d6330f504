/**
 * A document's text as HTML for the version page, in parts: the parser's blocks (lib/parse) rendered
 * as headings, paragraphs (line breaks kept, long lines wrapped by CSS) and table-of-contents lines;
 * front matter and archive metadata folded away under one <details>; inline `**bold**` and
 * `[links](https://…)` shown as such (lib/view/inline.ts: only http(s) become links). Each section
 * heading carries its section key as its id (lib/compare/keys.ts), so /p/{slug}/v/{key}#s-… opens the
 * version at that section, with the same anchors as the compare view and search hits, and may be
 * followed by a link to the section's history (docs/decisions/0019-history.md).
 *
 * Everything is built with the escaping `html` template (./safe-html.ts), so a document's "<script>"
 * is shown as those characters. Consecutive blocks are packed into parts of at most `partBytes` of
 * HTML, a paragraph longer than a part being cut into pieces, so a multi-megabyte document is read one
 * part at a time. `plainDocumentParts` does the same without the parser (paragraphs between blank
 * lines), for texts too large to parse while a reader waits. Framework-free; a part crosses the worker
 * thread's boundary (lib/work renders it) as TransferredHtml.
 */
import { documentSectionKeys } from "../compare/keys.ts";
import type { Block, DocumentTree, SectionNode } from "../parse/types.ts";
import { withoutControlChars } from "../text/chars.ts";
import { inlineRuns } from "./inline.ts";
import { attrs, html, joinHtml, transferHtml, type SafeHtml, type TransferredHtml } from "./safe-html.ts";

/** A "history" link after each section heading: hrefs by section id, the link's text and its title. */
export interface DocumentHistory {
  hrefs: Readonly<Record<string, string>>;
  label: string;
  title: string;
}

export interface DocumentPartInfo {
  /** The first heading in the part (number and title), else the start of its first paragraph. */
  label: string;
}

export interface DocumentPage {
  /** The requested part's HTML (clamped to the parts there are); 0-based. */
  part: number;
  html: TransferredHtml;
  parts: DocumentPartInfo[];
}

/** Every part's HTML and label. */
export interface DocumentParts {
  html: SafeHtml[];
  parts: DocumentPartInfo[];
}

type Group = { kind: "meta"; blocks: Block[] } | { kind: "block"; block: Block; index: number };

interface Piece {
  html: SafeHtml;
  label: string | null;
  heading: boolean;
}

function headingsByBlock(sections: SectionNode[], into = new Map<number, SectionNode>()): Map<number, SectionNode> {
  for (const s of sections) {
    into.set(s.headingBlock, s);
    headingsByBlock(s.children, into);
  }
  return into;
}

function groups(blocks: Block[]): Group[] {
  const out: Group[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === "blank" || block.text.trim() === "") return;
    const last = out.at(-1);
    if (block.kind === "meta" && last?.kind === "meta") last.blocks.push(block);
    else if (block.kind === "meta") out.push({ kind: "meta", blocks: [block] });
    else out.push({ kind: "block", block, index });
  });
  return out;
}

const trimBlock = (s: string) => s.replace(/^\n+|\s+$/g, "");

/** A paragraph's text with its inline markdown as <strong> and http(s) links. */
export function inlineHtml(text: string): SafeHtml {
  return joinHtml(
    inlineRuns(text).map((run) =>
      run.href
        ? html`<a href="${run.href}" rel="nofollow noopener noreferrer" class="text-teal-800 underline">${run.text}</a>`
        : run.strong
          ? html`<strong>${run.text}</strong>`
          : run.text,
    ),
  );
}

/**
 * A text cut into pieces of at most `max` characters, at a line break or space in the last fifth of
 * each piece when there is one (never inside a surrogate pair).
 *   cutText("aaaa bbbb cccc", 10) -> ["aaaa bbbb ", "cccc"]
 */
export function cutText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let at = 0;
  while (text.length - at > max) {
    let end = at + max;
    const window = text.slice(end - Math.floor(max / 5), end);
    const brk = Math.max(window.lastIndexOf("\n"), window.lastIndexOf(" "));
    if (brk >= 0) end = end - window.length + brk + 1;
    else if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    out.push(text.slice(at, end));
    at = end;
  }
  out.push(text.slice(at));
  return out;
}

/** A paragraph (or toc line), cut into pieces when longer than `maxChars`. */
function paragraphPieces(text: string, kind: "paragraph" | "toc", maxChars: number): Piece[] {
  return cutText(text, maxChars).map((t, i) => ({
    html: kind === "toc" ? html`<p class="text-sm text-stone-500">${inlineHtml(t)}</p>` : html`<p>${inlineHtml(t)}</p>`,
    label: i === 0 ? t : null,
    heading: false,
  }));
}

interface Context {
  headings: Map<number, SectionNode>;
  anchors: Map<string, string>;
  metadataLabel: string;
  maxChars: number;
  history?: DocumentHistory;
}

function groupPieces(g: Group, c: Context): Piece[] {
  if (g.kind === "meta") {
    const lines = g.blocks.map((b) => html`<p class="font-mono text-xs">${trimBlock(b.text)}</p>`);
    const summary = html`<summary class="cursor-pointer select-none">${c.metadataLabel}</summary>`;
    const details = html`<details class="mb-4 text-sm text-stone-500">${summary}${lines}</details>`;
    return [{ html: details, label: null, heading: false }];
  }
  const { block, index } = g;
  if (block.kind === "heading") {
    const node = c.headings.get(index);
    const text = (node ? [node.number, node.title].filter(Boolean).join(" ") : "") || trimBlock(block.text);
    const h2 = !!node && node.level <= 1;
    const a = attrs({
      id: node ? c.anchors.get(node.id) : undefined,
      class: `scroll-mt-4 target:bg-amber-100 ${h2 ? "mt-8 mb-3 text-lg font-semibold" : "mt-6 mb-2 font-semibold"}`,
    });
    const href = node ? c.history?.hrefs[node.id] : undefined;
    const link =
      href && c.history
        ? html`<a${attrs({
            href,
            class: "ml-2 text-xs font-normal text-teal-800",
            "aria-label": `${c.history.title}: ${text}`,
            "data-testid": "section-history",
          })}>${c.history.label}</a>`
        : null;
    const h = h2 ? html`<h2${a}>${text}${link}</h2>` : html`<h3${a}>${text}${link}</h3>`;
    return [{ html: h, label: text, heading: true }];
  }
  return paragraphPieces(trimBlock(block.text), block.kind === "toc" ? "toc" : "paragraph", c.maxChars);
}

function shortLabel(s: string): string {
  const one = withoutControlChars(s).replace(/\s+/g, " ").trim();
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

/** Characters of one piece of a long paragraph: at most about a third of a part (CJK is 3 bytes). */
const pieceChars = (partBytes: number) => Math.max(100, Math.floor(partBytes / 3.5));

/** The document in parts of at most `partBytes` of HTML each (a long paragraph is cut into pieces). */
export function documentParts(
  tree: DocumentTree,
  options: { partBytes: number; metadataLabel: string; history?: DocumentHistory },
): DocumentParts {
  const c: Context = {
    headings: headingsByBlock(tree.sections),
    anchors: documentSectionKeys(tree.sections),
    metadataLabel: options.metadataLabel,
    maxChars: pieceChars(options.partBytes),
    ...(options.history ? { history: options.history } : {}),
  };
  return pack(
    groups(tree.blocks).flatMap((g) => groupPieces(g, c)),
    options.partBytes,
  );
}

/**
 * The text without the parser: paragraphs between blank lines (line breaks kept, inline markdown
 * shown), in parts. For texts too large to parse while a reader waits; no headings are recognised.
 */
export function plainDocumentParts(text: string, options: { partBytes: number }): DocumentParts {
  const max = pieceChars(options.partBytes);
  const pieces: Piece[] = [];
  for (const para of text.split(/\n[ \t\u3000]*\n\s*/)) {
    const t = trimBlock(para);
    if (t) for (const piece of paragraphPieces(t, "paragraph", max)) pieces.push(piece);
  }
  return pack(pieces, options.partBytes);
}

/** Consecutive pieces into parts of at most `partBytes` (a part holds at least one piece). */
function pack(pieces: Piece[], partBytes: number): DocumentParts {
  const parts: { html: SafeHtml[]; bytes: number; label: string | null; firstText: string | null }[] = [];
  let current: (typeof parts)[number] | null = null;
  for (const { html: h, label, heading } of pieces) {
    const bytes = Buffer.byteLength(h.toString());
    if (!current || (current.bytes + bytes > partBytes && current.html.length > 0)) {
      current = { html: [], bytes: 0, label: null, firstText: null };
      parts.push(current);
    }
    current.html.push(h);
    current.bytes += bytes;
    if (heading && current.label === null) current.label = label;
    if (current.firstText === null && label) current.firstText = label;
  }
  if (!parts.length) parts.push({ html: [], bytes: 0, label: null, firstText: null });
  return {
    html: parts.map((p) => joinHtml(p.html)),
    parts: parts.map((p) => ({ label: shortLabel(p.label ?? p.firstText ?? "") })),
  };
}

/** One part (0-based; clamped to the parts there are). */
export function documentPage(parts: DocumentParts, part: number): DocumentPage {
  const at = Math.min(Math.max(0, part), parts.html.length - 1);
  return { part: at, html: transferHtml(parts.html[at]!), parts: parts.parts };
}
