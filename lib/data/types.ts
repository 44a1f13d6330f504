/**
 * Domain types the app, the API and scripts see. Never raw rows: dates are ISO strings (calendar dates
 * as YYYY-MM-DD, instants as full ISO timestamps), JSON columns are parsed, ids are not exposed.
 */

export interface VersionRef {
  /** The URL key: ISO published date, "-2", "-3" for same-day versions, or "undated". */
  key: string;
  publishedAt: string | null;
}

export interface PolicySummary {
  slug: string;
  name: string;
  publisher: string | null;
  sourceUrl: string | null;
  description: string | null;
  /** Version dates the document itself lists (e.g. a history list), ISO, as given. */
  knownVersionDates: string[];
  versionCount: number;
  /** The newest version (by published date, then import time); null when the policy has none yet. */
  latestVersion: VersionRef | null;
  createdAt: string;
  updatedAt: string;
}

export interface VersionSummary extends VersionRef {
  effectiveAt: string | null;
  label: string | null;
  sourceUrl: string | null;
  originalFormat: string;
  contentHash: string;
  importedAt: string;
  note: string | null;
  /** Length of the text in characters (Unicode code points), measured when it was stored. */
  length: number;
  /** Sections of the text at every level (the outline's entries); null for a version not measured yet. */
  sectionCount: number | null;
}

export interface PolicyDetail extends PolicySummary {
  /** Newest first. */
  versions: VersionSummary[];
}

export interface VersionDetail extends VersionSummary {
  text: string;
  policy: Pick<PolicySummary, "slug" | "name" | "publisher">;
  /** Neighbours in date order (null at either end). */
  previous: VersionRef | null;
  next: VersionRef | null;
}

/** What a caller supplies to create or update a policy (by slug). */
export interface PolicyInput {
  slug: string;
  name: string;
  publisher?: string | null;
  sourceUrl?: string | null;
  description?: string | null;
  knownVersionDates?: string[];
}

/** What a caller supplies to add a version; `contentHash` comes from lib/ingest's `contentHash`. */
export interface VersionInput {
  publishedAt: string | null;
  effectiveAt?: string | null;
  label?: string | null;
  sourceUrl?: string | null;
  text: string;
  format: string;
  contentHash: string;
  note?: string | null;
  /** Defaults to now. */
  importedAt?: Date;
}
