/**
 * What the word diff takes and gives. lib/compare/types.ts re-exports both as part of the public
 * CompareModel: extend, never rename.
 */

/**
 * Differences a comparison may ignore: "whitespace" (runs of spaces and line breaks), "width" (full-
 * and half-width forms, quote and dash variants: what NFKC and lib/text/normalize.ts fold), "numbering"
 * (the value of a heading's number).
 */
export type IgnoreOption = "whitespace" | "width" | "numbering";

/** One piece of a diffed block. `old`/`new` are original characters of each side. */
export type Segment =
  | { op: "equal"; old: string; new: string; oldStart: number; newStart: number }
  | { op: "delete"; old: string; oldStart: number }
  | { op: "insert"; new: string; newStart: number };
