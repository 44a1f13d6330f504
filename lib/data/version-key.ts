/**
 * Version keys: how a version is named in URLs, e.g. /p/zh-douban-privacy/v/2022-04-26.
 * The key is the ISO published date; versions sharing a date get "-2", "-3", ... in import order;
 * a version with no known date is "undated" (then "undated-2", ...). Unique per policy, never reused.
 * The URL form is checked by versionKeySchema (lib/validations/common.ts).
 */
export const UNDATED = "undated";

/** The key for a new version published at `publishedAt` (ISO date or null), given the policy's keys. */
export function nextVersionKey(existingKeys: Iterable<string>, publishedAt: string | null): string {
  const taken = new Set(existingKeys);
  const base = publishedAt ? publishedAt.slice(0, 10) : UNDATED;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const key = `${base}-${n}`;
    if (!taken.has(key)) return key;
  }
}

type Sortable = { publishedAt: string | null; importedAt: string; key: string };

/**
 * The one order of a policy's versions, oldest first: published date, then import time, then key.
 * Undated versions count as the oldest, so they come first here and last in newest-first lists.
 * Done in code, not SQL: SQLite and PostgreSQL put NULLs at opposite ends (ADR 0005).
 */
export function compareVersions(a: Sortable, b: Sortable): number {
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === null) return -1;
    if (b.publishedAt === null) return 1;
    return a.publishedAt < b.publishedAt ? -1 : 1;
  }
  if (a.importedAt !== b.importedAt) return a.importedAt < b.importedAt ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** A copy in the order pages and the API list versions: newest first, undated last. */
export function newestFirst<T extends Sortable>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => compareVersions(b, a));
}
