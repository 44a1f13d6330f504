/**
 * View models for the compare screen: what components/diff renders, prepared from the engine's
 * CompareModel (lib/compare/types.ts) without diffing anything again. Plain JSON-friendly data,
 * framework-free, so it can be unit-tested and handed to server components as is.
 */
import type { BlockPairStatus, ChangeKind, IgnoreOption, SectionStatus } from "../compare/types.ts";
import type { ChangeDigest, KeyTermChange, TopicId } from "../insight/index.ts";
import type { BlockKind } from "../parse/types.ts";

/** How a run of text is marked: equal on both sides, deleted (old side), inserted (new side). */
export type Mark = "eq" | "del" | "ins";

/**
 * A run of original characters with one mark. `t` is text: lib/view/html.ts escapes it into the row
 * HTML (SafeHtml), so it is never inserted as markup.
 */
export interface TextRun {
  t: string;
  m: Mark;
}

/** One aligned block pair (paragraph, heading, ...) inside a section row. */
export interface BlockRow {
  status: BlockPairStatus;
  kind: BlockKind;
  /** Old side (equal + deleted runs); null when the block is absent on the old side (a gap). */
  left: TextRun[] | null;
  /** New side (equal + inserted runs); null when absent on the new side. */
  right: TextRun[] | null;
  /** Both sides merged in reading order (equal, deleted, inserted), for the inline layout. */
  inline: TextRun[];
  /** A paragraph that moved between sections: the section it came from (shown on the new side) ... */
  movedFrom?: SectionLink | null;
  /** ... and the section it went to (shown on the old side). */
  movedTo?: SectionLink | null;
  /**
   * A whole section body too large to compare word by word (the engine's coarse pair): old text
   * deleted, new text inserted, each side cut to the first `shownChars` characters for the page.
   */
  coarse?: CoarseInfo;
}

export interface CoarseInfo {
  oldBlocks: number;
  newBlocks: number;
  /** Characters of each side in the model, and how many of them the row shows. */
  oldChars: number;
  newChars: number;
  shownChars: number;
}

export interface SectionLink {
  key: string;
  label: string;
  /** Where the link goes when the row is not on this page (lib/view/parts.ts); else `#key`. */
  href?: string;
}

/** One aligned section pair: one row of the view, level with its partner. */
export interface SectionRow {
  /** The engine's stable pair key; the row's id and URL fragment. "preamble" for the preamble row. */
  key: string;
  status: SectionStatus;
  /** 1 for top-level sections. */
  depth: number;
  /** "number title" of each side; null when absent on that side. */
  oldLabel: string | null;
  newLabel: string | null;
  /** The number and title of each side (for renumbered/renamed notes). */
  oldNumber: string | null;
  newNumber: string | null;
  oldTitle: string | null;
  newTitle: string | null;
  heading: BlockRow | null;
  blocks: BlockRow[];
  /** True when anything in this row (status, heading or own blocks) changed. */
  changed: boolean;
  /** The evidence for the pairing in [0,1] (the model's `similarity`). */
  similarity: number;
  /** The pair was kept in place below the pairing threshold: a plausible guess, said as such. */
  lowConfidence: boolean;
  /** For moved rows: the pair next to which it stood in the other document. */
  movedFrom: SectionLink | null;
  /** Rows that moved away from next to this row (links to where they went). */
  movedAway: SectionLink[];
  /** Other pairs of the same split or merge. */
  related: SectionLink[];
  /** What kind of change the row's own change is (lib/insight); null when unchanged or not annotated. */
  changeKind: ChangeKind | null;
  /** The section's topics (lib/insight); empty when not annotated. */
  topics: TopicId[];
}

export interface OutlineEntry {
  key: string;
  depth: number;
  status: SectionStatus;
  label: string;
  changed: boolean;
  changeKind: ChangeKind | null;
  topics: TopicId[];
}

export interface ViewSummary {
  added: number;
  removed: number;
  modified: number;
  moved: number;
  renamed: number;
  renumbered: number;
  split: number;
  merged: number;
  unchanged: number;
  /** Share of text changed in [0,1] (the engine's changedRatio). */
  changedRatio: number;
  insertedChars: number;
  deletedChars: number;
  /** Characters of each text (what changedRatio is a share of). */
  oldChars: number;
  newChars: number;
  /** Number of sections (rows) that changed in any way. */
  changedRows: number;
  totalRows: number;
}

export interface CompareView {
  rows: SectionRow[];
  outline: OutlineEntry[];
  summary: ViewSummary;
  /** Keys of changed rows in document order: the stops of next/previous change. */
  changeKeys: string[];
  /** The change digest and key terms, when the model was annotated by lib/insight. */
  digest?: ChangeDigest;
  keyTerms?: KeyTermChange[];
  /** Rows holding a coarse block (a section too large to compare word by word). */
  coarseRows: number;
}

export type Layout = "auto" | "split" | "inline";

/** Everything the URL's query says about the view (the versions are in the path). */
export interface ViewOptions {
  ignore: IgnoreOption[];
  /** "auto": split on wide screens, inline below a tablet's width (CSS decides). */
  layout: Layout;
  changesOnly: boolean;
  /** "substantive": rows whose change is cosmetic or dates only are not shown (`changes=substantive`). */
  changes?: ChangesFilter;
  /** Only rows about this topic (`topic=sdk`); null for all. */
  topic?: TopicId | null;
}

export type ChangesFilter = "all" | "substantive";

/** Which rows a rendering shows (the row-related part of ViewOptions). */
export type RowFilter = Pick<ViewOptions, "changesOnly" | "changes" | "topic">;
