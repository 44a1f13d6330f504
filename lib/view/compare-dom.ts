/**
 * The compare rows' class names and data attributes that script relies on: one definition for the
 * code that writes them (./html.ts) and the client code that finds them (components/diff/CompareNav.tsx).
 * A row's id is its section key (the URL fragment). compare.css styles the same names.
 */

/** A section row: <section id="{key}" class="cmp-row">. */
export const ROW_CLASS = "cmp-row";
/** The <details> an unchanged (or preamble) row is folded into. */
export const FOLD_CLASS = "cmp-fold";
/** On a "copy link" button: the section key to link to ("" for the whole view). */
export const COPY_ATTR = "data-copy";
/** Set ("true") on a copy button once its link was copied. */
export const COPIED_ATTR = "data-copied";
/** Set ("true") on the row the next/previous-change buttons moved to. */
export const FOCUS_ATTR = "data-focus";

export const SELECTORS = {
  /** The outline's list (components/diff/Outline.tsx), copied into the outline drawer on small screens. */
  outlineList: ".cmp-outline > ol",
  focusedRow: `.${ROW_CLASS}[${FOCUS_ATTR}="true"]`,
  fold: `details.${FOLD_CLASS}`,
  copyButton: `[${COPY_ATTR}]`,
} as const;
