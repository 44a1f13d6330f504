/**
 * The one-line change summary used in the page's meta description and Open Graph/Twitter cards,
 * e.g. "新增 2 节，删除 1 节，修改 14 节，移动 1 节；文本变化 18%". Words come from lib/i18n (passed in).
 */
import { format } from "../i18n/format.ts";
import type { ViewSummary } from "./types.ts";

/** Templates with "{n}" where the number goes. */
export interface SummaryWords {
  added: string;
  removed: string;
  modified: string;
  moved: string;
  /** e.g. "文本变化 {n}" (n is a percentage like "18%"). */
  changedShare: string;
  noChanges: string;
  /** Between counts, e.g. "，" or ", ". */
  separator: string;
  /** Before the share, e.g. "；" or "; ". */
  shareSeparator: string;
}

/** 0.1834 -> "18%", 0.004 -> "0.4%", 0 -> "0%". */
export function formatShare(ratio: number): string {
  const pct = ratio * 100;
  if (pct === 0) return "0%";
  if (pct < 1) return `${Math.max(0.1, Math.round(pct * 10) / 10)}%`;
  return `${Math.round(pct)}%`;
}

export function summaryLine(s: ViewSummary, w: SummaryWords): string {
  const counts: string[] = [];
  if (s.added) counts.push(format(w.added, { n: s.added }));
  if (s.removed) counts.push(format(w.removed, { n: s.removed }));
  const modified = s.modified + s.renamed + s.renumbered + s.split + s.merged;
  if (modified) counts.push(format(w.modified, { n: modified }));
  if (s.moved) counts.push(format(w.moved, { n: s.moved }));
  if (!counts.length && s.changedRatio === 0) return w.noChanges;
  return (
    counts.join(w.separator) +
    (counts.length ? w.shareSeparator : "") +
    format(w.changedShare, { n: formatShare(s.changedRatio) })
  );
}
