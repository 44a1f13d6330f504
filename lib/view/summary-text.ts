/**
 * The one-line change summary used in the page's meta description and Open Graph/Twitter cards,
 * e.g. "新增 2 节，删除 1 节，修改 14 节，移动 1 节；文本变化 18%". Words come from lib/i18n (passed in).
 */
import { format } from "../i18n/format.ts";
import type { ViewSummary } from "./types.ts";

/** Templates with "{n}" where the number goes, one per kind of section change. */
export interface SummaryWords {
  added: string;
  removed: string;
  modified: string;
  moved: string;
  renamed: string;
  renumbered: string;
  split: string;
  merged: string;
  /** e.g. "文本变化 {n}" (n is a percentage like "18%"). */
  changedShare: string;
  noChanges: string;
  /** Between counts, e.g. "，" or ", ". */
  separator: string;
  /** Before the share, e.g. "；" or "; ". */
  shareSeparator: string;
}

/**
 * The kinds of section change that are counted, in the order every summary lists them: the chips
 * (components/diff/CompareScreen), the meta description (summaryLine) and the CLI's terminal summary
 * (scripts/cli/compare.ts) all read their counts from `sectionCounts`, so they cannot disagree.
 */
export const COUNTED_KINDS = [
  "added",
  "removed",
  "modified",
  "moved",
  "renamed",
  "renumbered",
  "split",
  "merged",
] as const;
export type CountedKind = (typeof COUNTED_KINDS)[number];

/** Each kind with its count, in COUNTED_KINDS order (zeros included; the caller decides what to show). */
export function sectionCounts(s: Readonly<Record<CountedKind, number>>): [CountedKind, number][] {
  return COUNTED_KINDS.map((k) => [k, s[k] ?? 0]);
}

/** What a share is of: whether anything changed at all, and whether everything did. */
export interface ShareFacts {
  changed: boolean;
  complete: boolean;
}

/** A summary's share facts from its character counts (the ratio is rounded; these are not). */
export function shareFacts(
  s: Pick<ViewSummary, "insertedChars" | "deletedChars" | "oldChars" | "newChars">,
): ShareFacts {
  return {
    changed: s.insertedChars + s.deletedChars > 0,
    complete: s.deletedChars === s.oldChars && s.insertedChars === s.newChars && s.oldChars + s.newChars > 0,
  };
}

/**
 * A share of text as a percentage that never contradicts the counts: a real change is never "0%"
 * ("<1%") and a partial one never "100%" (">99%").
 *   0.1834 -> "18%", 0.004 -> "<1%", 0 with a change -> "<1%", 0 -> "0%", 0.998 -> ">99%", 1 -> "100%"
 */
export function formatShare(ratio: number, facts: ShareFacts = { changed: ratio > 0, complete: ratio >= 1 }): string {
  if (!facts.changed) return "0%";
  if (facts.complete) return "100%";
  const pct = ratio * 100;
  if (pct < 1) return "<1%";
  if (pct >= 99.5) return ">99%";
  return `${Math.round(pct)}%`;
}

/** The summary's share of changed text (formatShare with the summary's own facts). */
export function summaryShare(s: ViewSummary): string {
  return formatShare(s.changedRatio, shareFacts(s));
}

export function summaryLine(s: ViewSummary, w: SummaryWords): string {
  const counts = sectionCounts(s)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => format(w[k], { n }));
  const facts = shareFacts(s);
  if (!counts.length && !facts.changed) return w.noChanges;
  return (
    counts.join(w.separator) +
    (counts.length ? w.shareSeparator : "") +
    format(w.changedShare, { n: formatShare(s.changedRatio, facts) })
  );
}
