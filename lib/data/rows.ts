/** Raw rows -> domain types. The only place that knows how columns are stored. */
import type { Version as VersionRow } from "../../generated/prisma/client.ts";
import type { VersionSummary } from "./types.ts";

/** A stored calendar date (UTC midnight) as YYYY-MM-DD. */
export function toIsoDate(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/** YYYY-MM-DD -> the DateTime stored for it (UTC midnight). */
export function fromIsoDate(s: string | null | undefined): Date | null {
  if (!s) return null;
  const d = new Date(`${s.slice(0, 10)}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`not an ISO date: ${s}`);
  return d;
}

export function parseDateList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** The columns a summary needs: everything but the text (its measures are stored beside it). */
export type VersionSummaryRow = Omit<VersionRow, "originalText" | "policyId" | "id">;

export function toVersionSummary(row: VersionSummaryRow): VersionSummary {
  return {
    key: row.key,
    publishedAt: toIsoDate(row.publishedAt),
    effectiveAt: toIsoDate(row.effectiveAt),
    label: row.label,
    sourceUrl: row.sourceUrl,
    originalFormat: row.originalFormat,
    contentHash: row.contentHash,
    importedAt: row.importedAt.toISOString(),
    note: row.note,
    length: row.textLength,
    sectionCount: row.sectionCount,
  };
}

/** A whole stored row (with or without its text) -> its summary. */
export function toVersionSummaryOfRow(row: VersionSummaryRow): VersionSummary {
  return toVersionSummary(row);
}
