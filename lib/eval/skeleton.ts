/**
 * A document taken apart the way the engine parsed it, so that the metamorphic transformations can
 * write it again: the text before the first section (preamble), and per section its heading line as
 * written, its number as printed, its title, its own body blocks verbatim, and its children.
 *
 * The parse's blocks partition the text, and the sections' heading blocks come in document order, so
 * preamble + every (heading + own body) in preorder is the original text exactly (`sourceText`).
 */
import type { BlockKind, DocumentTree, NumberingScheme, SectionNode } from "../parse/index.ts";
import { isChinese, stripMarkup } from "./text.ts";

export interface BodyBlock {
  kind: BlockKind;
  text: string;
}

/** A heading line cut around its title: prefix + title + suffix = the heading as written. */
export interface HeadingParts {
  prefix: string;
  title: string;
  suffix: string;
}

export interface SkeletonNode {
  /** The engine's id in the original document. */
  id: string;
  /** Absolute level in the original tree (1 = top). */
  level: number;
  /** The engine's number (normalised, e.g. "一" for "一、") and its scheme and value path. */
  number: string | null;
  scheme: NumberingScheme;
  path: number[];
  /** The number as printed on the heading line ("一、", "1.", "第三条"); null when unnumbered. */
  printed: string | null;
  /** The title without markup, as shown to a reader. */
  title: string;
  /** The heading block as written, and cut around the engine's title (null when it cannot be found). */
  heading: string;
  parts: HeadingParts | null;
  body: BodyBlock[];
  children: SkeletonNode[];
}

export interface Skeleton {
  /** The document's title (metadata), if any. */
  title: string | null;
  preamble: string;
  sections: SkeletonNode[];
  chinese: boolean;
}

/** A title for display: links keep their text, markup, escapes and `#` marks go; characters stay. */
export function displayTitle(title: string): string {
  return stripMarkup(title).replace(/#+/g, " ").replace(/\s+/g, " ").trim();
}

function headingParts(heading: string, title: string): HeadingParts | null {
  if (title === "") return { prefix: heading, title: "", suffix: "" };
  const at = heading.indexOf(title);
  if (at < 0) return null;
  return { prefix: heading.slice(0, at), title, suffix: heading.slice(at + title.length) };
}

/** The number as printed: what precedes the title on the heading line, markup removed. */
function printedNumber(node: SectionNode, parts: HeadingParts | null): string | null {
  if (node.number === null) return null;
  const before = parts ? displayTitle(parts.prefix) : "";
  return before !== "" && /[\p{N}\p{Script=Han}a-zA-Z]/u.test(before) ? before : node.number;
}

export function skeletonOf(tree: DocumentTree): Skeleton {
  const build = (node: SectionNode): SkeletonNode => {
    const heading = tree.blocks[node.headingBlock]!.text;
    const parts = headingParts(heading, node.title);
    return {
      id: node.id,
      level: node.level,
      number: node.number,
      scheme: node.scheme,
      path: node.numberPath,
      printed: printedNumber(node, parts),
      title: displayTitle(node.title),
      heading,
      parts,
      body: node.bodyBlocks.map((b) => ({ kind: tree.blocks[b]!.kind, text: tree.blocks[b]!.text })),
      children: node.children.map(build),
    };
  };
  const first = tree.sections[0];
  const preambleEnd = first ? tree.blocks[first.headingBlock]!.span.start : tree.text.length;
  return {
    title: tree.metadata.title,
    preamble: tree.text.slice(0, preambleEnd),
    sections: tree.sections.map(build),
    chinese: isChinese(tree.text),
  };
}

/** Preorder list of a forest. */
export function preorder<T extends { children: T[] }>(nodes: T[]): T[] {
  const out: T[] = [];
  const walk = (ns: T[]) => {
    for (const n of ns) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/**
 * The outline's top level: the top-level sections, or the children of a lone top-level section that
 * has children (a title or wrapper section, see outline.ts).
 */
export function topLevel<T extends { children: T[] }>(sections: T[]): T[] {
  let roots = sections;
  while (roots.length === 1 && roots[0]!.children.length > 0) roots = roots[0]!.children;
  return roots;
}
