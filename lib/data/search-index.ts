/**
 * Keeping the search index in step with the versions (docs/decisions/0016-search-and-feeds.md).
 *
 * - `indexVersion` runs inside the transaction that inserts a version (lib/data/writes.ts
 *   `insertVersion`), so a version is never stored without its index rows nor indexed without being
 *   stored. The text is parsed before that transaction (`prepareText`, with the row's measures: no
 *   parsing while holding the write lock); it takes one entry per section (lib/search/sections.ts), stores
 *   each section text the policy does not hold yet once (SearchSection, plus its rows in the two FTS5
 *   tables) and one SearchOccurrence row per section of this version. A text's id is
 *   policy seq * 2^24 + group seq * 2^6 + variant: the group is the section key within the policy
 *   (SearchGroup), the variant one of its distinct texts; searches count hits from these ids alone.
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
import { writeTransaction, type Db } from "../db.ts";
import { parseDocument } from "../parse/index.ts";
import { bigramsOf, foldForSearch } from "../search/fold.ts";
import { indexSections, type IndexSection } from "../search/sections.ts";
import { PARSER_FINGERPRINT } from "./compare.ts";
import { measureTree, type TextMeasures } from "./measures.ts";
import { sqlOn, type SqlRunner } from "./sql.ts";

/** Bump when what is indexed changes (sections, folding, keys): every version is indexed again. */
export const SEARCH_INDEX_VERSION = "search-1";
export const SEARCH_INDEX_FINGERPRINT = JSON.stringify([SEARCH_INDEX_VERSION, PARSER_FINGERPRINT]);

/** Rows per multi-row statement (at most 7 parameters each; far below SQLite's 32766). */
const CHUNK = 200;

/**
 * What indexing needs: raw SQL with positional parameters (./sql.ts). A Prisma client or transaction is
 * one; the search benchmark (scripts/bench-search.ts) adapts a better-sqlite3 connection to build its
 * large store.
 */
export type { SqlRunner };

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const placeholders = (rows: number, cols: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: cols }, () => "?").join(", ")})`).join(", ");

/**
 * What a version's write needs from its text, computed before the write transaction (parsing is not done
 * holding the write lock; docs/decisions/0014): the measures stored in the row and the search index's
 * sections, from one parse.
 */
export interface PreparedText extends TextMeasures {
  searchSections: IndexSection[];
}

export function prepareText(text: string): PreparedText {
  const tree = parseDocument(text);
  return { ...measureTree(text, tree), searchSections: indexSections(tree) };
}

export interface IndexVersionInput {
  versionId: string;
  policyId: string;
}

/**
 * Row ids (see the migration): id = policy seq * 2^24 + group seq * 2^6 + variant. The FTS5 rowids are
 * these ids, so a match's policy and section group are read off the rowid without a join. FTS5 stores
 * rowid deltas as varints, so sparse ids cost index space; measured on the bench store (trigram table):
 * dense ids 56 MB, 30+12 bits 81 MB, 24+6 bits 73 MB. 2^24 leaves 262,144 section keys per policy;
 * a section with more than 64 distinct texts in one policy continues in a new group (two hits then).
 */
export const ID_BITS = { group: 24, variant: 6 } as const;
const POLICY_UNIT = 2 ** ID_BITS.group;
const GROUP_UNIT = 2 ** ID_BITS.variant;
const MAX_POLICY_SEQ = 2 ** (53 - ID_BITS.group) - 1;
const MAX_GROUP_SEQ = 2 ** (ID_BITS.group - ID_BITS.variant) - 1;

/** [first, end) of a policy's ids. */
export function policyIdRange(seq: number): [number, number] {
  return [seq * POLICY_UNIT, (seq + 1) * POLICY_UNIT];
}
export const policySeqOf = (id: number): number => Math.floor(id / POLICY_UNIT);
export const groupOf = (id: number): number => Math.floor(id / GROUP_UNIT) * GROUP_UNIT;

interface GroupRow {
  id: number;
  key: string;
  ord: number;
  variants: number;
}

/**
 * Indexes one version (inside the caller's transaction) from its sections (`prepareText`, computed
 * before the transaction). The version must not be indexed yet (`unindexVersion` first when indexing
 * again). Returns the number of sections indexed.
 */
export async function indexVersion(runner: SqlRunner, input: IndexVersionInput, list: readonly IndexSection[]): Promise<number> {
  const tx = sqlOn(runner);
  const { policyId } = input;
  const ids = new Map<string, number>();
  for (const part of chunks(list))
    for (const r of await tx.$queryRawUnsafe<{ id: number | bigint; hash: string }[]>(
      `SELECT "id", "hash" FROM "SearchSection" WHERE "policyId" = ? AND "hash" IN (${part.map(() => "?").join(", ")})`,
      policyId,
      ...part.map((s) => s.hash),
    ))
      ids.set(r.hash, Number(r.id));

  const fresh = list.filter((s, i) => !ids.has(s.hash) && list.findIndex((t) => t.hash === s.hash) === i);
  if (fresh.length) {
    // The policy's seq, its groups for these keys (the newest per key), the next group seq.
    await tx.$executeRawUnsafe(`INSERT INTO "SearchPolicy" ("policyId") VALUES (?) ON CONFLICT ("policyId") DO NOTHING`, policyId);
    const [p] = await tx.$queryRawUnsafe<{ seq: number | bigint }[]>(`SELECT "seq" FROM "SearchPolicy" WHERE "policyId" = ?`, policyId);
    const seq = Number(p!.seq);
    if (seq > MAX_POLICY_SEQ) throw new Error(`search index: more than ${MAX_POLICY_SEQ} policies`);
    const [first, end] = policyIdRange(seq);
    const groups = new Map<string, GroupRow>();
    const keys = [...new Set(fresh.map((s) => s.key))];
    for (const part of chunks(keys))
      for (const g of await tx.$queryRawUnsafe<{ id: number | bigint; key: string; ord: number | bigint; variants: number | bigint }[]>(
        `SELECT "id", "key", "ord", "variants" FROM "SearchGroup" WHERE "policyId" = ? AND "key" IN (${part.map(() => "?").join(", ")}) ORDER BY "id"`,
        policyId,
        ...part,
      ))
        groups.set(g.key, { id: Number(g.id), key: g.key, ord: Number(g.ord), variants: Number(g.variants) });
    const [top] = await tx.$queryRawUnsafe<{ top: number | bigint | null }[]>(
      `SELECT MAX("id") AS "top" FROM "SearchGroup" WHERE "id" >= ? AND "id" < ?`,
      first,
      end,
    );
    let nextGroup = top?.top == null ? first : Number(top.top) + GROUP_UNIT;
    const touched = new Map<number, GroupRow>();
    const rows: { id: number; groupId: number; section: IndexSection }[] = [];
    for (const s of fresh) {
      let g = groups.get(s.key);
      // A new key, or a section with 64 texts already: a new group (the latter shows as a second hit).
      if (!g || g.variants >= GROUP_UNIT) {
        if (nextGroup >= end) throw new Error(`search index: more than ${MAX_GROUP_SEQ} sections in one policy`);
        g = { id: nextGroup, key: s.key, ord: s.ord, variants: 0 };
        nextGroup += GROUP_UNIT;
        groups.set(s.key, g);
      }
      rows.push({ id: g.id + g.variants, groupId: g.id, section: s });
      g.variants++;
      touched.set(g.id, g);
    }
    for (const part of chunks([...touched.values()]))
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchGroup" ("id", "policyId", "key", "ord", "variants") VALUES ${placeholders(part.length, 5)}
         ON CONFLICT ("id") DO UPDATE SET "variants" = excluded."variants"`,
        ...part.flatMap((g) => [g.id, policyId, g.key, g.ord, g.variants]),
      );
    for (const part of chunks(rows)) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchSection" ("id", "policyId", "groupId", "number", "title", "hash", "text") VALUES ${placeholders(part.length, 7)}`,
        ...part.flatMap((r) => [r.id, policyId, r.groupId, r.section.number, r.section.title, r.section.hash, r.section.text]),
      );
      const folded = part.map((r) => ({ id: r.id, folded: foldForSearch(r.section.text) }));
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchTrigram" ("rowid", "text") VALUES ${placeholders(folded.length, 2)}`,
        ...folded.flatMap((f) => [f.id, f.folded]),
      );
      // PostgreSQL answers two-character terms from the trigram table too (its migration says why).
      if (tx.provider === "sqlite")
        await tx.$executeRawUnsafe(
          `INSERT INTO "SearchBigram" ("rowid", "grams") VALUES ${placeholders(folded.length, 2)}`,
          ...folded.flatMap((f) => [f.id, bigramsOf(f.folded)]),
        );
      for (const r of part) ids.set(r.section.hash, r.id);
    }
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
export async function unindexVersion(runner: SqlRunner, versionId: string): Promise<void> {
  const tx = sqlOn(runner);
  await tx.$executeRawUnsafe(`DELETE FROM "SearchOccurrence" WHERE "versionId" = ?`, versionId);
  await tx.$executeRawUnsafe(`DELETE FROM "SearchIndexedVersion" WHERE "versionId" = ?`, versionId);
}

/**
 * Indexes every version that is not indexed, or was indexed under another fingerprint: each text is
 * parsed outside any transaction, then written in a short write transaction of its own. Returns how
 * many were indexed.
 */
export async function reindexStale(client: Db): Promise<number> {
  const stale = await sqlOn(client).$queryRawUnsafe<{ id: string; policyId: string }[]>(
    `SELECT v."id", v."policyId" FROM "Version" v LEFT JOIN "SearchIndexedVersion" s ON s."versionId" = v."id"
     WHERE s."versionId" IS NULL OR s."fingerprint" <> ?`,
    SEARCH_INDEX_FINGERPRINT,
  );
  for (const v of stale) {
    const row = await client.version.findUnique({ where: { id: v.id }, select: { originalText: true } });
    if (!row) continue; // deleted meanwhile
    const { searchSections } = prepareText(row.originalText);
    await writeTransaction(client, async (tx) => {
      if (!(await tx.version.findUnique({ where: { id: v.id }, select: { id: true } }))) return;
      await unindexVersion(tx, v.id);
      await indexVersion(tx, { versionId: v.id, policyId: v.policyId }, searchSections);
    });
  }
  return stale.length;
}
