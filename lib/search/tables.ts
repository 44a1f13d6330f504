/**
 * The search index's tables (docs/decisions/0016-search-and-feeds.md). They are created by a
 * hand-written migration (prisma/migrations/*_search_index), not by prisma/schema.prisma: Prisma cannot
 * express FTS5 virtual tables. Prisma is told they are external (prisma.config.ts `tables.external`,
 * and lib/migrate's schema diff), so it neither drops them nor reports drift. The FTS5 shadow tables
 * (`_config`, `_data`, `_docsize`, `_idx`) are real tables and must be listed too.
 */
const fts5 = (name: string) => [name, `${name}_config`, `${name}_data`, `${name}_docsize`, `${name}_idx`];

export const SEARCH_INDEX_TABLES: readonly string[] = [
  "SearchPolicy",
  "SearchGroup",
  "SearchSection",
  "SearchOccurrence",
  "SearchIndexedVersion",
  ...fts5("SearchTrigram"),
  ...fts5("SearchBigram"),
];
