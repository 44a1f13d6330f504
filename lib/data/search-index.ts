/**
 * Keeping the search index in step with the versions (docs/decisions/0016-search-and-feeds.md).
 *
 * - `indexVersion` runs inside the transaction that inserts a version (lib/data/writes.ts
 *   `insertVersion`), so a version is never stored without its index rows nor indexed without being
 *   stored. It parses the text (lib/parse), takes one entry per section (lib/search/sections.ts), stores
 *   each section text the policy does not hold yet once (SearchSection, plus its rows in the two FTS5
 *   tables) and one SearchOccurrence row per section of this version.
 * - Deleting a version needs nothing here: SearchOccurrence rows go with the version (foreign key
 *   cascade), and SQL triggers drop section texts no version uses any more, with their FTS5 rows.
 *   `unindexVersion` does the same explicitly (deleteVersion calls it, as it clears the compare cache).
 * - Editing a version's metadata (date, key) needs nothing either: searches read keys and dates from
 *   the Version table.
 * - `reindexStale` indexes the versions that have no index rows, or rows made by another parser or other
 *   index rules (`SEARCH_INDEX_FINGERPRINT`); `npm run db:migrate` runs it on every start.
 *
 * Not marked server-only: scripts (migrate, seed, bench) use it.
 */
import type { Db } from "../db.ts";
import { parseDocument } from "../parse/index.ts";
import { bigramsOf, foldForSearch } from "../search/fold.ts";
import { indexSections, type IndexSection } from "../search/sections.ts";
import { PARSER_FINGERPRINT } from "./compare.ts";
import type { Tx } from "./writes.ts";

/** Bump when what is indexed changes (sections, folding, keys): every version is indexed again. */
export const SEARCH_INDEX_VERSION = "search-1";
export const SEARCH_INDEX_FINGERPRINT = JSON.stringify([SEARCH_INDEX_VERSION, PARSER_FINGERPRINT]);

/** Rows per multi-row INSERT (7 parameters each; far below SQLite's 32766). */
const CHUNK = 200;

/** The client or a transaction: both run raw SQL. */
type Sql = Pick<Tx, "$executeRawUnsafe" | "$queryRawUnsafe">;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const placeholders = (rows: number, cols: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: cols }, () => "?").join(", ")})`).join(", ");

export interface IndexVersionInput {
  versionId: string;
  policyId: string;
  text: string;
}

/**
 * Indexes one version (inside the caller's transaction). The version must not be indexed yet
 * (`unindexVersion` first when indexing again). Returns the number of sections indexed.
 */
export async function indexVersion(tx: Sql, input: IndexVersionInput, sections?: IndexSection[]): Promise<number> {
  const list = sections ?? indexSections(parseDocument(input.text));
  const ids = new Map<string, number>();
  for (const part of chunks(list)) {
    const inserted = await tx.$queryRawUnsafe<{ id: number | bigint; hash: string }[]>(
      `INSERT INTO "SearchSection" ("policyId", "key", "number", "title", "ord", "hash", "text") VALUES ${placeholders(part.length, 7)}
       ON CONFLICT ("policyId", "hash") DO NOTHING RETURNING "id", "hash"`,
      ...part.flatMap((s) => [input.policyId, s.key, s.number, s.title, s.ord, s.hash, s.text]),
    );
    if (inserted.length) {
      const byHash = new Map(part.map((s) => [s.hash, s]));
      const fresh = inserted.map((r) => {
        const folded = foldForSearch(byHash.get(r.hash)!.text);
        return { id: Number(r.id), folded, grams: bigramsOf(folded) };
      });
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchTrigram" ("rowid", "text") VALUES ${placeholders(fresh.length, 2)}`,
        ...fresh.flatMap((f) => [f.id, f.folded]),
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchBigram" ("rowid", "grams") VALUES ${placeholders(fresh.length, 2)}`,
        ...fresh.flatMap((f) => [f.id, f.grams]),
      );
    }
    // Every section's row id, new or already held by the policy.
    const rows = await tx.$queryRawUnsafe<{ id: number | bigint; hash: string }[]>(
      `SELECT "id", "hash" FROM "SearchSection" WHERE "policyId" = ? AND "hash" IN (${part.map(() => "?").join(", ")})`,
      input.policyId,
      ...part.map((s) => s.hash),
    );
    for (const r of rows) ids.set(r.hash, Number(r.id));
  }
  for (const part of chunks(list)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "SearchOccurrence" ("versionId", "ord", "sectionId") VALUES ${placeholders(part.length, 3)}`,
      ...part.flatMap((s) => [input.versionId, s.ord, ids.get(s.hash)!]),
    );
  }
  await tx.$executeRawUnsafe(
    `INSERT INTO "SearchIndexedVersion" ("versionId", "fingerprint") VALUES (?, ?)
     ON CONFLICT ("versionId") DO UPDATE SET "fingerprint" = excluded."fingerprint"`,
    input.versionId,
    SEARCH_INDEX_FINGERPRINT,
  );
  return list.length;
}

/** Removes a version from the index (inside the caller's transaction); unused section texts go too (triggers). */
export async function unindexVersion(tx: Sql, versionId: string): Promise<void> {
  await tx.$executeRawUnsafe(`DELETE FROM "SearchOccurrence" WHERE "versionId" = ?`, versionId);
  await tx.$executeRawUnsafe(`DELETE FROM "SearchIndexedVersion" WHERE "versionId" = ?`, versionId);
}

/**
 * Indexes every version that is not indexed, or was indexed under another fingerprint, one transaction
 * per version. Returns how many were indexed.
 */
export async function reindexStale(client: Db): Promise<number> {
  const stale = await client.$queryRawUnsafe<{ id: string; policyId: string }[]>(
    `SELECT v."id", v."policyId" FROM "Version" v LEFT JOIN "SearchIndexedVersion" s ON s."versionId" = v."id"
     WHERE s."versionId" IS NULL OR s."fingerprint" <> ?`,
    SEARCH_INDEX_FINGERPRINT,
  );
  for (const v of stale) {
    await client.$transaction(async (tx) => {
      const row = await tx.version.findUnique({ where: { id: v.id }, select: { originalText: true } });
      if (!row) return; // deleted meanwhile
      await unindexVersion(tx, v.id);
      await indexVersion(tx, { versionId: v.id, policyId: v.policyId, text: row.originalText });
    });
  }
  return stale.length;
}
