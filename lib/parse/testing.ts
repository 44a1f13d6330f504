/** Test helpers for lib/parse (imported by tests only). */
import assert from "node:assert/strict";
import type { DocumentTree, SectionNode } from "./types.ts";

/** The DocumentTree contract: blocks partition the text, every block has one owner, levels and spans nest. */
export function checkInvariants(tree: DocumentTree): void {
  assert.equal(tree.blocks.map((b) => b.text).join(""), tree.text, "blocks partition the text");
  let pos = 0;
  for (const b of tree.blocks) {
    assert.equal(b.span.start, pos);
    assert.equal(tree.text.slice(b.span.start, b.span.end), b.text);
    pos = b.span.end;
  }
  const owned = new Set<number>(tree.preambleBlocks);
  const visit = (n: SectionNode, level: number) => {
    assert.equal(n.level, level);
    assert.equal(tree.blocks[n.headingBlock]!.kind, "heading");
    assert.ok(!/^\s*(#|\*\*)|\*\*|[:：]$/.test(n.title), `title without markup: ${n.title}`);
    for (const b of [n.headingBlock, ...n.bodyBlocks]) {
      assert.ok(!owned.has(b), "each block has one owner");
      owned.add(b);
    }
    for (const c of n.children) {
      assert.ok(c.span.start >= n.span.start && c.span.end <= n.span.end, "children inside parent span");
      visit(c, level + 1);
    }
  };
  tree.sections.forEach((s) => visit(s, 1));
  assert.equal(owned.size, tree.blocks.length, "every block is owned by the preamble or one section");
}

/** The outline as readable lines: two spaces per level, "[P] " for parts, "number|title". */
export function outlineLines(tree: DocumentTree): string[] {
  const lines: string[] = [];
  const walk = (n: SectionNode) => {
    lines.push(`${"  ".repeat(n.level - 1)}${n.kind === "part" ? "[P] " : ""}${n.number ?? ""}|${n.title}`);
    n.children.forEach(walk);
  };
  tree.sections.forEach(walk);
  return lines;
}
