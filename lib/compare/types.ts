/**
 * The comparison model: one JSON-serializable value produced by the engine for two documents.
 * The CLI (`compare --json`), the API (`/api/compare`) and the web view all read this model as it is.
 * Public interface: extend, never rename.
 *
 * Round trip (checked by tests): every block of both documents appears in exactly one
 * BlockPair, and every character of a block appears in exactly one Segment of it, so the old text
 * is rebuilt by ordering all old-side segments by `oldStart`, and likewise for the new text
 * (see `rebuildTexts`).
 */
import type { IgnoreOption, Segment } from "../diff/types.ts";

export type SectionStatus =
  | "unchanged"
  | "modified"
  | "renumbered" // only the number changed (body and title equal after normalisation)
  | "renamed" // the title changed; same section by content and place
  | "moved" // matched out of document order
  | "added"
  | "removed"
  | "split" // one old section became several new ones (this pair is one of them)
  | "merged"; // several old sections became one new one

/** Differences that may be ignored ("whitespace", "width", "numbering"); lib/diff owns the type. */
export type { IgnoreOption } from "../diff/types.ts";

export interface CompareOptions {
  ignore: IgnoreOption[];
  /** Bounds on the work spent inside one section body; absent: none (the CLI). The server sets them. */
  limits?: CompareLimits;
}

/**
 * A section body (or the preamble) above either bound, on either side, is compared as a whole: no
 * paragraph alignment and no word diff inside it, one coarse BlockPair instead (see BlockPair.coarse).
 * Sections are still aligned, and headings still diffed, as usual.
 */
export interface CompareLimits {
  /** Blocks (lines and paragraphs, blank runs included) in one section body. */
  sectionBlocks: number;
  /** Characters in one section body. */
  sectionChars: number;
}

/** One piece of a diffed block; lib/diff owns the type (see lib/diff/types.ts). */
export type { Segment } from "../diff/types.ts";

export type BlockPairStatus = "unchanged" | "modified" | "added" | "removed" | "moved";

/**
 * What kind of change a changed pair is: "cosmetic" (whitespace, width, punctuation form, numbering,
 * markup only), "date" (only dates or version numbers), "substantive" (anything else). Set by
 * lib/insight (docs/decisions/0020-change-insight.md); the engine's own model leaves it absent.
 */
export type ChangeKind = "cosmetic" | "date" | "substantive";

/** Two aligned blocks (paragraphs, headings, ...) or one block facing a gap. */
export interface BlockPair {
  status: BlockPairStatus;
  kind: import("../parse/types").BlockKind;
  /** Index of the block in the old / new DocumentTree.blocks; null when absent on that side. */
  oldBlock: number | null;
  newBlock: number | null;
  segments: Segment[];
  /**
   * A paragraph moved between sections (status "moved", one side only): on its old place (oldBlock
   * set, one delete segment) the key of the section pair it went to; on its new place (newBlock set,
   * one insert segment) the key of the section pair it came from. A paragraph moved within its
   * section is one "moved" pair with both blocks instead, and neither field.
   */
  movedTo?: string;
  movedFrom?: string;
  /**
   * Set by lib/insight on changed pairs: what kind of change this is. (Named `changeKind` because
   * `kind` is the block's kind, paragraph or heading, which stays as it is.)
   */
  changeKind?: ChangeKind;
  /** Set by lib/insight: topic ids of this block's text (lib/insight/lexicon.ts TOPIC_IDS). */
  topics?: string[];
  /**
   * Set on the one pair that stands for a whole section body over CompareOptions.limits: its segments
   * are the old body deleted and the new body inserted (one equal segment per run when both are
   * identical), `oldBlock`/`newBlock` are the bodies' first blocks, and these are the block counts.
   */
  coarse?: { oldBlocks: number; newBlocks: number };
}

export interface SectionRef {
  /** The section's id in its own document tree. */
  id: string;
  number: string | null;
  title: string;
  level: number;
}

export interface SectionPair {
  /**
   * Stable anchor for URLs: derived only from this pair's own titles/numbers (not its position),
   * unique within the model, e.g. "s-3f2a9c".
   */
  key: string;
  status: SectionStatus;
  old: SectionRef | null;
  new: SectionRef | null;
  /**
   * The evidence for this pairing, in [0,1] after normalisation (1 = identical): the match score of
   * title and body (the body alone for untitled sections), or for a split/merged pair the share of the
   * piece's content found in the whole. 0 for added and removed sections.
   */
  similarity: number;
  /**
   * "low" when the pair was kept in place below the pairing threshold: a lone old and a lone new section
   * facing each other between two confident pairs, alike only weakly. Absent otherwise.
   */
  confidence?: "low";
  /** For moved pairs: where it stood in the other document (keys of neighbouring pairs). */
  movedFrom?: string | null;
  /** For split/merged pairs: keys of the other pairs of the same split or merge. */
  related?: string[];
  /** The heading line's diff (number + title). */
  heading: BlockPair | null;
  /** Aligned body blocks of this section (not of its children). */
  blocks: BlockPair[];
  children: SectionPair[];
  /** True when some descendant pair is not "unchanged" (`status` describes only the own heading and body). */
  changedWithin?: boolean;
  /** Set by lib/insight on changed pairs: the highest kind of its heading's and own blocks' changes. */
  changeKind?: ChangeKind;
  /** Set by lib/insight: topic ids of this section (title and own text; lib/insight/lexicon.ts). */
  topics?: string[];
}

export interface CompareStats {
  sections: Record<SectionStatus, number>;
  oldChars: number;
  newChars: number;
  insertedChars: number;
  deletedChars: number;
  /** Share of text changed: (inserted + deleted) / (oldChars + newChars), in [0,1]. */
  changedRatio: number;
  /** Number of insert/delete runs across all blocks. */
  changeSpans: number;
}

export interface CompareModel {
  engineVersion: string;
  options: CompareOptions;
  stats: CompareStats;
  /** Blocks before the first section of each side (preamble, metadata), aligned like any body. */
  preamble: BlockPair[];
  sections: SectionPair[];
}
