/**
 * parseDocument: clean text -> DocumentTree (see types.ts). A pipeline of small named stages:
 *
 *   scanMetadata      front matter, archive blocks, version-date list (lib/ingest/metadata.ts)
 *   splitUnits        lines -> units; meta regions, blank runs, setext headings, joined lines (blocks.ts)
 *   markTitleLines    the document's title line(s) before the first heading are meta
 *   findHeadings      parts, heading candidates, TOC runs, lists, levels from nesting (headings.ts)
 *   buildTree         units -> blocks and the section tree with spans
 *
 * The blocks partition the text: concatenating block texts gives the text back exactly.
 */
import { scanMetadata } from "../ingest/metadata.ts";
import { splitUnits, type Unit } from "./blocks.ts";
import { findHeadings, type HeadingInfo } from "./headings.ts";
import { readLine, titleKey } from "./numbering.ts";
import type { Block, DocumentTree, SectionNode } from "./types.ts";

export { PARSE_CONFIG } from "./config.ts";
export { isFurnitureLine } from "./blocks.ts";
export type * from "./types.ts";

/** Lines before the first heading that repeat the document's title are metadata, not body. */
function markTitleLines(units: Unit[], title: string | null): void {
  if (!title) return;
  const want = titleKey(title);
  for (const u of units) {
    if (u.kind !== "paragraph" || u.fenced) continue;
    const r = readLine(u.line, u.setext);
    if (r.number !== null) return; // a numbered line is a section, never the title: past the title area
    if (titleKey(r.content) === want) u.kind = "meta";
    else if (r.markup === "md") return; // past the title area
  }
}

/**
 * Where the body starts inside a heading's unit ("第一条\u3000为了…" -> before "为了"), or -1. The body was
 * read from a cleaned line, so it is found by its first characters.
 */
function inlineBodyOffset(raw: string, body: string): number {
  const probe = body.slice(0, 12);
  return probe ? raw.indexOf(probe, 1) : -1;
}

function buildTree(
  text: string,
  units: Unit[],
  headings: HeadingInfo[],
): Pick<DocumentTree, "blocks" | "preambleBlocks" | "sections"> {
  const blocks: Block[] = [];
  const sections: SectionNode[] = [];
  const preambleBlocks: number[] = [];
  const open: SectionNode[] = []; // open[k] = the open node at level k+1
  const byUnit = new Map(headings.map((h) => [h.unit, h]));
  const addBlock = (kind: Block["kind"], start: number, end: number) =>
    blocks.push({ kind, text: text.slice(start, end), span: { start, end } }) - 1;
  let current: SectionNode | null = null;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const h = byUnit.get(i);
    if (!h) {
      const b = addBlock(u.kind, u.start, u.end);
      if (current) current.bodyBlocks.push(b);
      else preambleBlocks.push(b);
      continue;
    }
    let reading = h.reading;
    const cut = h.inlineBody !== null ? inlineBodyOffset(text.slice(u.start, u.end), h.inlineBody) : -1;
    if (h.inlineBody !== null && cut < 0) reading = { ...reading, title: reading.title || h.inlineBody }; // not found: keep it as the title
    const headingBlock = addBlock("heading", u.start, cut > 0 ? u.start + cut : u.end);
    open.length = h.level - 1;
    const parent = open[open.length - 1] ?? null;
    const siblings = parent ? parent.children : sections;
    const node: SectionNode = {
      id: parent ? `${parent.id}.${siblings.length + 1}` : String(siblings.length + 1),
      kind: h.kind,
      number: reading.number,
      scheme: reading.scheme,
      numberPath: reading.numberPath,
      title: reading.title,
      level: h.level,
      headingBlock,
      bodyBlocks: cut > 0 ? [addBlock("paragraph", u.start + cut, u.end)] : [],
      children: [],
      span: { start: u.start, end: u.end },
    };
    siblings.push(node);
    open.push(node);
    current = node;
  }
  const close = (node: SectionNode): number => {
    let end =
      node.bodyBlocks.length > 0 ? blocks[node.bodyBlocks[node.bodyBlocks.length - 1]!]!.span.end : node.span.end;
    for (const c of node.children) end = Math.max(end, close(c));
    node.span.end = end;
    return end;
  };
  sections.forEach(close);
  return { blocks, preambleBlocks, sections };
}

export function parseDocument(text: string): DocumentTree {
  const { metadata, regions } = scanMetadata(text);
  const units = splitUnits(text, regions);
  markTitleLines(units, metadata.title);
  const headings = findHeadings(units);
  return { text, metadata, ...buildTree(text, units, headings) };
}
