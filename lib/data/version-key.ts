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

/** Sort order of versions: published date (undated first), then import time, then key. */
export function compareVersions(
  a: { publishedAt: string | null; importedAt: string; key: string },
  b: { publishedAt: string | null; importedAt: string; key: string },
): number {
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === null) return -1;
    if (b.publishedAt === null) return 1;
    return a.publishedAt < b.publishedAt ? -1 : 1;
  }
  if (a.importedAt !== b.importedAt) return a.importedAt < b.importedAt ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
