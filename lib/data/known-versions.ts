/**
 * The policy page's "known versions" panel as a prepared view model: which of the version dates the
 * policy's own page lists are stored here, and which are missing. Pure; no database.
 */
import type { VersionRef } from "./types.ts";

export interface KnownVersion {
  /** A date the policy's page lists, YYYY-MM-DD. */
  date: string;
  /** The stored version published that day (the first imported, when several are), or null. */
  key: string | null;
}

export interface KnownVersionsView {
  /** Newest first, each date once. */
  dates: KnownVersion[];
  stored: number;
  missing: number;
}

/** Null when the page lists no dates (the panel is then not shown). */
export function knownVersionsView(policy: { knownVersionDates: string[]; versions: VersionRef[] }): KnownVersionsView | null {
  if (policy.knownVersionDates.length === 0) return null;
  const keyByDate = new Map<string, string>();
  // `versions` are newest first: walk them oldest first, so a date's first version wins.
  for (const v of [...policy.versions].reverse()) if (v.publishedAt && !keyByDate.has(v.publishedAt)) keyByDate.set(v.publishedAt, v.key);
  const dates = [...new Set(policy.knownVersionDates)]
    .sort()
    .reverse()
    .map((date) => ({ date, key: keyByDate.get(date) ?? null }));
  const stored = dates.filter((d) => d.key !== null).length;
  return { dates, stored, missing: dates.length - stored };
}
