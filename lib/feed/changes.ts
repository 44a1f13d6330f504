/**
 * What a feed entry says of a comparison, from its view model: the summary and the first changed
 * sections, each with a short excerpt of what was deleted and inserted. Pure (a worker thread computes
 * it, lib/work/tasks.ts), so the feed's request thread never parses a model.
 */
import type { SectionStatus } from "../compare/types.ts";
import type { CompareView, SectionRow, TextRun, ViewSummary } from "../view/types.ts";

export interface FeedChanges {
  summary: ViewSummary;
  /** The first changed sections, in document order. `label` null for the preamble. */
  changed: { key: string; status: SectionStatus; label: string | null; del: string; ins: string }[];
  /** All changed sections (more than `changed` holds when the list was cut). */
  total: number;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").replace(/\*\*/g, "").trim();

function clip(s: string, max: number): string {
  const chars = [...oneLine(s)];
  return chars.length > max ? chars.slice(0, max - 1).join("") + "…" : chars.join("");
}

/** The first deleted and the first inserted text of a section row (its heading, then its blocks). */
function excerpt(row: SectionRow, max: number): { del: string; ins: string } {
  const runs: TextRun[] = [...(row.heading?.inline ?? []), ...row.blocks.flatMap((b) => b.inline)];
  const first = (m: TextRun["m"]) => runs.find((r) => r.m === m && r.t.trim())?.t ?? "";
  return { del: clip(first("del"), max), ins: clip(first("ins"), max) };
}

export function feedChanges(view: CompareView, sections: number, excerptChars: number): FeedChanges {
  const changed = view.rows.filter((r) => r.changed);
  return {
    summary: view.summary,
    changed: changed.slice(0, sections).map((row) => ({
      key: row.key,
      status: row.status,
      label: row.newLabel ?? row.oldLabel,
      ...excerpt(row, excerptChars),
    })),
    total: changed.length,
  };
}
