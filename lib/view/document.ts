/**
 * A document's text as HTML for the version page, in parts: the parser's blocks (lib/parse) rendered
 * as headings, paragraphs (line breaks kept, long lines wrapped by CSS) and table-of-contents lines;
 * front matter and archive metadata folded away under one <details>; inline `**bold**` and
 * `[links](https://…)` shown as such (lib/view/inline.ts: only http(s) become links).
 *
 * Every text and attribute goes through escapeHtml, so a document's "<script>" is shown as those
 * characters. Consecutive blocks are packed into parts of at most `partBytes` of HTML (a block is never
 * cut), so a multi-megabyte document is read one part at a time. Framework-free: plain strings.
 */
import type { Block, DocumentTree, SectionNode } from "../parse/types.ts";
import { escapeHtml } from "./html.ts";
import { inlineRuns } from "./inline.ts";

export interface DocumentPartInfo {
  /** The first heading in the part (number and title), else the start of its first paragraph. */
  label: string;
}

export interface DocumentPage {
  /** The requested part's HTML (clamped to the parts there are); 0-based. */
  part: number;
  html: string;
  parts: DocumentPartInfo[];
}

type Group = { kind: "meta"; blocks: Block[] } | { kind: "block"; block: Block; index: number };

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
export function inlineHtml(text: string): string {
  let out = "";
  for (const run of inlineRuns(text)) {
    const t = escapeHtml(run.text);
    if (run.href)
      out += `<a href="${escapeHtml(run.href)}" rel="nofollow noopener noreferrer" class="text-teal-800 underline">${t}</a>`;
    else if (run.strong) out += `<strong>${t}</strong>`;
    else out += t;
  }
  return out;
}

function groupHtml(
  g: Group,
  headings: Map<number, SectionNode>,
  metadataLabel: string,
): { html: string; label: string | null; heading: boolean } {
  if (g.kind === "meta") {
    const lines = g.blocks.map((b) => `<p class="font-mono text-xs">${escapeHtml(trimBlock(b.text))}</p>`).join("");
    return {
      html: `<details class="mb-4 text-sm text-stone-500"><summary class="cursor-pointer select-none">${escapeHtml(metadataLabel)}</summary>${lines}</details>`,
      label: null,
      heading: false,
    };
  }
  const { block, index } = g;
  if (block.kind === "heading") {
    const node = headings.get(index);
    const text = (node ? [node.number, node.title].filter(Boolean).join(" ") : "") || trimBlock(block.text);
    const h2 = !!node && node.level <= 1;
    const cls = h2 ? "mt-8 mb-3 text-lg font-semibold" : "mt-6 mb-2 font-semibold";
    const tag = h2 ? "h2" : "h3";
    return { html: `<${tag} class="${cls}">${escapeHtml(text)}</${tag}>`, label: text, heading: true };
  }
  const text = trimBlock(block.text);
  const html =
    block.kind === "toc" ? `<p class="text-sm text-stone-500">${inlineHtml(text)}</p>` : `<p>${inlineHtml(text)}</p>`;
  return { html, label: text, heading: false };
}

function shortLabel(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

/** Every part's HTML and label. */
export interface DocumentParts {
  html: string[];
  parts: DocumentPartInfo[];
}

/** The document in parts of at most `partBytes` of HTML each (a part holds at least one block). */
export function documentParts(
  tree: DocumentTree,
  options: { partBytes: number; metadataLabel: string },
): DocumentParts {
  const headings = headingsByBlock(tree.sections);
  const parts: { html: string[]; bytes: number; label: string | null; firstText: string | null }[] = [];
  let current: (typeof parts)[number] | null = null;
  for (const g of groups(tree.blocks)) {
    const { html, label, heading } = groupHtml(g, headings, options.metadataLabel);
    const bytes = Buffer.byteLength(html);
    if (!current || (current.bytes + bytes > options.partBytes && current.html.length > 0)) {
      current = { html: [], bytes: 0, label: null, firstText: null };
      parts.push(current);
    }
    current.html.push(html);
    current.bytes += bytes;
    if (heading && current.label === null) current.label = label;
    if (current.firstText === null && label) current.firstText = label;
  }
  if (!parts.length) parts.push({ html: [], bytes: 0, label: null, firstText: null });
  return {
    html: parts.map((p) => p.html.join("")),
    parts: parts.map((p) => ({ label: shortLabel(p.label ?? p.firstText ?? "") })),
  };
}

/** One part (0-based; clamped to the parts there are). */
export function documentPage(parts: DocumentParts, part: number): DocumentPage {
  const at = Math.min(Math.max(0, part), parts.html.length - 1);
  return { part: at, html: parts.html[at]!, parts: parts.parts };
}
