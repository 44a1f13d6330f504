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
import { readLine } from "./numbering.ts";
import type { Block, DocumentTree, SectionNode } from "./types.ts";

export { PARSE_CONFIG } from "./config.ts";
export { readLine, chineseNumeral } from "./numbering.ts";
export type * from "./types.ts";

const norm = (s: string) => s.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "").toLowerCase();

/** Lines before the first heading that repeat the document's title are metadata, not body. */
function markTitleLines(units: Unit[], title: string | null): void {
  if (!title) return;
  const want = norm(title);
  for (const u of units) {
    if (u.kind !== "paragraph" || u.fenced) continue;
    const r = readLine(u.line, u.setext);
    if (norm(r.content) === want) u.kind = "meta";
    else if (r.number !== null || r.markup === "md") return; // past the title area
  }
}

function buildTree(text: string, units: Unit[], headings: HeadingInfo[]): Pick<DocumentTree, "blocks" | "preambleBlocks" | "sections"> {
  const blocks: Block[] = units.map((u) => ({ kind: u.kind, text: text.slice(u.start, u.end), span: { start: u.start, end: u.end } }));
  const sections: SectionNode[] = [];
  const preambleBlocks: number[] = [];
  const open: SectionNode[] = []; // open[k] = the open node at level k+1
  const byUnit = new Map(headings.map((h) => [h.unit, h]));
  let current: SectionNode | null = null;
  for (let i = 0; i < units.length; i++) {
    const h = byUnit.get(i);
    if (!h) {
      if (current) current.bodyBlocks.push(i);
      else preambleBlocks.push(i);
      continue;
    }
    open.length = h.level - 1;
    const parent = open[open.length - 1] ?? null;
    const siblings = parent ? parent.children : sections;
    const node: SectionNode = {
      id: parent ? `${parent.id}.${siblings.length + 1}` : String(siblings.length + 1),
      kind: h.kind,
      number: h.reading.number,
      scheme: h.reading.scheme,
      numberPath: h.reading.numberPath,
      title: h.reading.title,
      level: h.level,
      headingBlock: i,
      bodyBlocks: [],
      children: [],
      span: { start: units[i]!.start, end: units[i]!.end },
    };
    siblings.push(node);
    open.push(node);
    current = node;
  }
  const close = (node: SectionNode): number => {
    let end = node.bodyBlocks.length > 0 ? blocks[node.bodyBlocks[node.bodyBlocks.length - 1]!]!.span.end : node.span.end;
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
