/**
 * The parsed document: the contract between `lib/parse` and everything downstream
 * (alignment, diff, outline CLI, the web views).
 *
 * Invariant (checked by tests): the blocks of a document partition its text exactly.
 * Concatenating `block.text` for every block in `blocks` order gives back `DocumentTree.text`,
 * and `block.span` is that block's half-open range in the text. This is what lets the diff model
 * rebuild both inputs exactly, whatever the alignment did.
 */
import type { DocumentMetadata } from "../ingest/types.ts";
import type { Span } from "../text/span.ts";

/** What lib/ingest found in the text (title, dates, fields); lib/ingest owns the type. */
export type { DocumentMetadata } from "../ingest/types.ts";

/** Half-open character range [start, end) in `DocumentTree.text` (UTF-16 code units); lib/text owns the type. */
export type { Span } from "../text/span.ts";

/**
 * What a block is for.
 * - heading: the heading line of a section or part (number + title), including its line break.
 * - paragraph: body text (one logical paragraph, with the line break(s) that follow it).
 * - toc: a line of a table of contents (a heading listed before the body repeats it).
 * - meta: front matter, archive metadata, a list of version dates, date lines, the document's title
 *   line(s) before the first heading: metadata, not body.
 * - blank: whitespace-only text between other blocks (kept so the partition is exact); a lone list
 *   bullet left by extraction ("-") counts as blank.
 */
export type BlockKind = "heading" | "paragraph" | "toc" | "meta" | "blank";

export interface Block {
  kind: BlockKind;
  /** The original characters, exactly as in the text (including the trailing line break). */
  text: string;
  span: Span;
}

/** The numbering scheme a heading uses; levels come from how schemes nest in one document. */
export type NumberingScheme =
  | "part" // 第X部分, Part I
  | "chapter" // 第X章, Chapter 1
  | "section-cn" // 第X节
  | "article" // 第X条, Article 1, ARTICLE I
  | "section-en" // Section 1, Section 2.3, § 4 (depth in `numberPath`)
  | "cn-ordinal" // 一、
  | "cn-paren" // （一） / (一)
  | "arabic" // 1、 1. 1． 1)
  | "decimal" // 1.1 / 1.1.1 / 2.a (depth in `numberPath`; a letter counts as its place: 2.a -> [2,1])
  | "arabic-paren" // （1） / (1)
  | "circled" // ①
  | "latin" // a) A. (a)
  | "roman" // i. ii. IV.
  | "markdown" // # heading / setext (unnumbered; level from the # count)
  | "bold" // a whole line in bold, unnumbered
  | "plain"; // an unnumbered title-like line recognised by context (e.g. 摘要, 正文, a short line before a paragraph)

export interface SectionNode {
  /** Stable within one document: the path of child indexes, e.g. "3.2". */
  id: string;
  /** "part" for document parts (摘要/正文/附录/an appended statement/第X部分), "section" otherwise. */
  kind: "part" | "section";
  /** The number as printed, e.g. "一", "（一）", "第三条", "1.1", "2.a"; null when unnumbered. */
  number: string | null;
  scheme: NumberingScheme;
  /** The number's value path, e.g. 第三条 -> [3], 1.2.1 -> [1,2,1], （四） -> [4]; [] when unnumbered. */
  numberPath: number[];
  /** The title without number and markup (no `#`, `**`, trailing colon kept only if part of text). */
  title: string;
  /** 1 for top-level sections, 2 for their children, ... */
  level: number;
  /** Index into `DocumentTree.blocks` of this section's heading block. */
  headingBlock: number;
  /** Indexes into `DocumentTree.blocks` of this section's own body blocks (before its first child). */
  bodyBlocks: number[];
  children: SectionNode[];
  /** From the heading's start to the end of its last descendant's last block. */
  span: Span;
}

export interface DocumentTree {
  /** The text that was parsed (already decoded and, for HTML, converted to text). */
  text: string;
  blocks: Block[];
  metadata: DocumentMetadata;
  /** Indexes of body blocks before the first section (e.g. an untitled preamble). */
  preambleBlocks: number[];
  sections: SectionNode[];
}
