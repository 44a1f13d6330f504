/**
 * What the search index holds of one version: one entry per section (lib/parse), with the section's own
 * text (its heading and the body before its first child, so a match belongs to the deepest section that
 * holds it), keyed like the version page's anchors (lib/compare/keys.ts). Text before the first section
 * is one more entry, key "preamble" (the compare view's key for it). Metadata (front matter, archive
 * blocks, date lines), tables of contents and blank blocks are left out: they repeat headings or say
 * nothing about the policy.
 */
import { createHash } from "node:crypto";
import { documentSectionKeys } from "../compare/keys.ts";
import type { Block, DocumentTree, SectionNode } from "../parse/types.ts";

export const PREAMBLE_SECTION_KEY = "preamble";

export interface IndexSection {
  /** lib/compare/keys.ts key; "preamble" for the text before the first section. */
  key: string;
  number: string | null;
  /** "" for the preamble and untitled sections. */
  title: string;
  /** Position in the version, 0 = preamble. */
  ord: number;
  /** The heading ("number title") and the section's own body blocks, original characters. */
  text: string;
  /** sha256 of key, number, title and text: equal sections of two versions share one index row. */
  hash: string;
}

const BODY_KINDS = new Set<Block["kind"]>(["paragraph", "heading"]);

function bodyText(tree: DocumentTree, indexes: readonly number[]): string {
  return indexes
    .map((i) => tree.blocks[i]!)
    .filter((b) => BODY_KINDS.has(b.kind) && b.text.trim())
    .map((b) => b.text.replace(/\s+$/, ""))
    .join("\n");
}

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex").slice(0, 32);

function entry(key: string, number: string | null, title: string, ord: number, text: string): IndexSection {
  return { key, number, title, ord, text, hash: sha256(JSON.stringify([key, number, title, text])) };
}

export function indexSections(tree: DocumentTree): IndexSection[] {
  const out: IndexSection[] = [];
  const preamble = bodyText(tree, tree.preambleBlocks);
  if (preamble) out.push(entry(PREAMBLE_SECTION_KEY, null, "", 0, preamble));
  const keys = documentSectionKeys(tree.sections);
  const walk = (list: readonly SectionNode[]) => {
    for (const s of list) {
      const heading = [s.number, s.title].filter(Boolean).join(" ");
      const text = [heading, bodyText(tree, s.bodyBlocks)].filter(Boolean).join("\n");
      out.push(entry(keys.get(s.id)!, s.number, s.title, out.length + 1, text));
      walk(s.children);
    }
  };
  walk(tree.sections);
  return out;
}
