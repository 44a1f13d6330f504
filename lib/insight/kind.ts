/**
 * What kind of change a block pair or section pair is (docs/decisions/0020-change-insight.md):
 *
 *   "cosmetic"     the text a reader sees is the same once whitespace, character width, quote and
 *                  dash forms, leading numbers and markup are set aside ("1．收集" -> "2. 收集")
 *   "date"         the rest is the same once dates and version numbers are set aside
 *                  ("更新日期：2021年9月1日" -> "更新日期：2021年12月30日")
 *   "substantive"  anything else, and every added, removed or moved paragraph that holds visible text
 *
 * Unchanged pairs have no kind. A section's kind is the highest of its heading's and own blocks'; a
 * renumbered section is cosmetic; an added, removed, moved, split or merged one is substantive (a move
 * changes what a paragraph sits under, so it is never hidden as layout).
 */
import type { BlockPair, SectionPair } from "../compare/types.ts";
import { sameVisibleText, visibleText } from "../text/markup.ts";
import { normalizeWithMap } from "../text/normalize.ts";
import { DATE_PATTERNS, KIND_RANK, type ChangeKind } from "./lexicon.ts";
import { newSide, oldSide } from "./text.ts";

const LAYOUT_ONLY = { ignoreWhitespace: true, ignoreWidth: true, ignoreNumbering: true } as const;

/** Text with every date and version number replaced by one placeholder (after markup and width folding). */
export function withoutDates(s: string): string {
  let t = normalizeWithMap(visibleText(s), { foldWidth: true, whitespace: "collapse" }).text;
  for (const p of DATE_PATTERNS) t = t.replace(p, "\u0000");
  return t.replace(/\s+/g, "");
}

/** The kind of two texts' difference (both present). */
export function kindOfTexts(a: string, b: string, heading = false): ChangeKind {
  if (sameVisibleText(a, b, { ...LAYOUT_ONLY, heading })) return "cosmetic";
  if (withoutDates(a) === withoutDates(b)) return "date";
  return "substantive";
}

/** The kind of a block pair's change; null when unchanged. */
export function blockKind(bp: BlockPair, heading = false): ChangeKind | null {
  if (bp.status === "unchanged") return null;
  const a = oldSide(bp);
  const b = newSide(bp);
  if (bp.status === "moved") return "substantive";
  if (a === null || b === null) return visibleText(a ?? b ?? "").trim() ? "substantive" : "cosmetic";
  return kindOfTexts(a, b, heading);
}

export function maxKind(kinds: Iterable<ChangeKind | null | undefined>): ChangeKind | null {
  let best: ChangeKind | null = null;
  for (const k of kinds) if (k && (best === null || KIND_RANK[k] > KIND_RANK[best])) best = k;
  return best;
}

/** The kind of a section pair's own change (heading and own blocks, not children); null when unchanged. */
export function sectionKind(p: SectionPair): ChangeKind | null {
  switch (p.status) {
    case "unchanged":
      return maxKind(p.blocks.map((b) => blockKind(b)));
    case "added":
    case "removed":
    case "moved":
    case "split":
    case "merged":
      return "substantive";
    case "renumbered":
      return maxKind(["cosmetic", ...p.blocks.map((b) => blockKind(b))]);
    default:
      return maxKind([p.heading ? blockKind(p.heading, true) : null, ...p.blocks.map((b) => blockKind(b))]);
  }
}
