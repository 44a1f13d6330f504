/**
 * Search over every stored version (docs/decisions/0016-search-and-feeds.md): terms (lib/search/query.ts)
 * -> hits grouped by policy and section, each with a snippet and the versions that contain the match.
 *
 * 1. The FTS5 indexes give the ids of the section texts holding every term (trigram MATCH for terms of
 *    3+ characters, the two-character index for 2; INTERSECT when both). No text is scanned. An id
 *    carries its policy and section group (lib/data/search-index.ts), so the hits per policy are counted
 *    from the ids alone, without a join: `total`, and the policies in result order (name, then slug).
 * 2. In the same statement, the matching ids of the policies the page covers; their groups are then
 *    ordered by position in the document.
 * 3. For the page's groups only: the matching texts and the versions holding them, put in the policy's
 *    order (lib/data/version-key): first and last version, the one before (where the match appeared)
 *    and the one after (where it was removed). The snippet comes from the newest containing version
 *    (within the date range, if any).
 * Filters: a policy is an id range; a date range keeps the texts found in a version published in it.
 *
 * Not marked server-only so scripts (bench) can import it; the app imports it from server code only.
 */
import { db as defaultDb, type Db } from "../db.ts";
import { matchExpressions, type SearchTerm } from "../search/query.ts";
import { PREAMBLE_SECTION_KEY } from "../search/sections.ts";
import { makeSnippet, snippetHtml, type SnippetPart } from "../search/snippet.ts";
import { comparePath, versionPath } from "../view/url.ts";
import { toIsoDate } from "./rows.ts";
import { groupOf, ID_BITS, policyIdRange } from "./search-index.ts";
import type { VersionRef } from "./types.ts";
import { containsPattern, sqlOn, type PortableSql } from "./sql.ts";
import { compareVersions } from "./version-key.ts";
import { UnknownPolicyError } from "./writes.ts";

export const SEARCH_LIMITS = {
  /** Hits per page by default and at most. */
  defaultLimit: 20,
  maxLimit: 50,
} as const;

export interface SearchRequest {
  terms: readonly SearchTerm[];
  /** Only this policy (slug). */
  policy?: string | null;
  /** Only matches in versions published in [from, to] (ISO dates, inclusive). */
  from?: string | null;
  to?: string | null;
  limit?: number;
  /** Hits to skip (the cursor). */
  offset?: number;
}

export interface SearchHit {
  policy: { slug: string; name: string };
  /** The version the hit opens: the newest that contains the match (within the date range, if any). */
  version: VersionRef;
  section: { key: string; number: string | null; title: string };
  /** Around the first match in `version`'s section; marked parts are matches. */
  snippet: SnippetPart[];
  /** The oldest and newest versions whose section contains the match. */
  firstVersion: VersionRef;
  lastVersion: VersionRef;
  /** The version before firstVersion (the match appeared in firstVersion); null when firstVersion is the first. */
  previousVersion: VersionRef | null;
  /** The version after lastVersion (the match is gone there); null when lastVersion is the newest. */
  removedIn: VersionRef | null;
  /** Versions containing the match, and versions of the policy. */
  versionCount: number;
  policyVersionCount: number;
  /** True when every version from firstVersion to lastVersion contains the match. */
  continuous: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Hits in all pages (groups of policy and section). */
  total: number;
  /** The offset of the next page; null on the last. */
  nextOffset: number | null;
}

type Num = number | bigint;

interface PolicyCount {
  seq: Num;
  groups: Num;
  policyId: string;
  slug: string;
  name: string;
}

/** A row of the page statement: the total, and per covered policy (null when none) its matching ids. */
interface PageRow {
  total: Num;
  seq: Num | null;
  groups: Num | null;
  policyId: string | null;
  slug: string | null;
  name: string | null;
  before: Num | null;
  id: Num | null;
}

interface SectionRow {
  id: Num;
  groupId: Num;
  key: string;
  number: string | null;
  title: string;
  text: string;
  versionId: string;
}

/** Ends of a date range as stored ("2021-02-25T00:00:00.000+00:00" compares by its first 10 characters). */
function dateRange(from?: string | null, to?: string | null): [string, string] | null {
  if (!from && !to) return null;
  return [from ?? "0000-01-01", to ?? "9999-12-31"];
}

/**
 * The matching section ids as SQL: the FTS5 MATCHes (INTERSECT when both indexes are asked), within an
 * id range when given (one policy: FTS5 seeks to it), restricted to texts found in a version of the
 * date range when one is given.
 */
function matchingIds(
  sql: PortableSql,
  terms: readonly SearchTerm[],
  idRange: [number, number] | null,
  dates: [string, string] | null,
): { sql: string; params: unknown[] } {
  return sql.provider === "postgresql" ? postgresMatchingIds(terms, idRange, dates) : sqliteMatchingIds(terms, idRange, dates);
}

/**
 * PostgreSQL: every term is a substring LIKE on the folded text, answered by the pg_trgm GIN index
 * (prisma/postgresql/migrations/*_search_index) and rechecked by PostgreSQL; the same ids as FTS5 gives.
 */
function postgresMatchingIds(
  terms: readonly SearchTerm[],
  idRange: [number, number] | null,
  dates: [string, string] | null,
): { sql: string; params: unknown[] } {
  const params: unknown[] = terms.map((t) => containsPattern(t.folded));
  let sql = `SELECT "rowid" AS "id" FROM "SearchTrigram" WHERE ${terms.map(() => `"text" LIKE ?`).join(" AND ")}`;
  if (idRange) {
    sql += ` AND "rowid" >= ? AND "rowid" < ?`;
    params.push(...idRange);
  }
  if (dates) {
    sql = `SELECT "id" FROM (${sql}) AS "m" WHERE EXISTS (SELECT 1 FROM "SearchOccurrence" o JOIN "Version" v ON v."id" = o."versionId"
      WHERE o."sectionId" = "m"."id" AND to_char(v."publishedAt", 'YYYY-MM-DD') BETWEEN ? AND ?)`;
    params.push(...dates);
  }
  return { sql, params };
}

function sqliteMatchingIds(
  terms: readonly SearchTerm[],
  idRange: [number, number] | null,
  dates: [string, string] | null,
): { sql: string; params: unknown[] } {
  const match = matchExpressions(terms);
  const params: unknown[] = [];
  const sources: string[] = [];
  for (const [table, expr] of [
    ["SearchTrigram", match.trigram],
    ["SearchBigram", match.bigram],
  ] as const) {
    if (!expr) continue;
    sources.push(
      `SELECT "rowid" AS "id" FROM "${table}" WHERE "${table}" MATCH ?${idRange ? ` AND "rowid" >= ? AND "rowid" < ?` : ""}`,
    );
    params.push(expr, ...(idRange ?? []));
  }
  let sql = sources.join(" INTERSECT ");
  if (dates) {
    sql = `SELECT "id" FROM (${sql}) AS "m" WHERE EXISTS (SELECT 1 FROM "SearchOccurrence" o JOIN "Version" v ON v."id" = o."versionId"
      WHERE o."sectionId" = "m"."id" AND substr(v."publishedAt", 1, 10) BETWEEN ? AND ?)`;
    params.push(...dates);
  }
  return { sql, params };
}

export async function searchSections(request: SearchRequest, client: Db = defaultDb()): Promise<SearchResult> {
  const sql = sqlOn(client);
  const limit = Math.min(Math.max(1, request.limit ?? SEARCH_LIMITS.defaultLimit), SEARCH_LIMITS.maxLimit);
  const offset = Math.max(0, request.offset ?? 0);
  if (!request.terms.length) return { hits: [], total: 0, nextOffset: null };
  const dates = dateRange(request.from, request.to);

  let only: [number, number] | null = null;
  if (request.policy) {
    const p = await client.policy.findUnique({ where: { slug: request.policy }, select: { id: true } });
    if (!p) throw new UnknownPolicyError(request.policy);
    const [sp] = await sql.$queryRawUnsafe<{ seq: Num }[]>(`SELECT "seq" FROM "SearchPolicy" WHERE "policyId" = ?`, p.id);
    if (!sp) return { hits: [], total: 0, nextOffset: null }; // nothing of it indexed
    only = policyIdRange(Number(sp.seq));
  }

  // 1-2. One statement: the matching ids (FTS5, once), hits per policy counted from the ids alone
  //      (id >> 24: policy, id >> 6: section group), the policies in result order (name, then slug)
  //      with the hits before each, the total, and the matching ids of the policies the page covers.
  const all = matchingIds(sql, request.terms, only, dates);
  const rows = await sql.$queryRawUnsafe<PageRow[]>(
    `WITH "m" AS MATERIALIZED (${all.sql}),
     "c" AS (SELECT "id" >> ${ID_BITS.group} AS "seq", COUNT(DISTINCT "id" >> ${ID_BITS.variant}) AS "groups" FROM "m" GROUP BY 1),
     "o" AS (
       SELECT "c"."seq" AS "seq", "c"."groups" AS "groups", p."id" AS "policyId", p."slug" AS "slug", p."name" AS "name",
              SUM("c"."groups") OVER (ORDER BY p."name", p."slug", p."id" ROWS UNBOUNDED PRECEDING) - "c"."groups" AS "before"
       FROM "c" JOIN "SearchPolicy" sp ON sp."seq" = "c"."seq" JOIN "Policy" p ON p."id" = sp."policyId"
     ),
     "t" AS (SELECT COALESCE(SUM("groups"), 0) AS "total" FROM "c"),
     "pg" AS (SELECT * FROM "o" WHERE "before" < ? AND "before" + "groups" > ?)
     SELECT "t"."total" AS "total", "pg"."seq" AS "seq", "pg"."groups" AS "groups", "pg"."policyId" AS "policyId",
            "pg"."slug" AS "slug", "pg"."name" AS "name", "pg"."before" AS "before", "m"."id" AS "id"
     FROM "t" LEFT JOIN "pg" ON TRUE LEFT JOIN "m" ON "m"."id" >= ("pg"."seq" << ${ID_BITS.group}) AND "m"."id" < (("pg"."seq" + 1) << ${ID_BITS.group})`,
    ...all.params,
    offset + limit,
    offset,
  );
  const total = Number(rows[0]?.total ?? 0);
  const covered = new Map<string, { policy: PolicyCount; before: number; ids: number[] }>();
  for (const r of rows) {
    if (r.policyId === null || r.id === null) continue;
    const c = covered.get(r.policyId) ?? { policy: r as PolicyCount, before: Number(r.before), ids: [] };
    c.ids.push(Number(r.id));
    covered.set(r.policyId, c);
  }

  // The page: the covered policies' matching groups in section order, from `offset`.
  const page: { policy: PolicyCount; groupId: number; key: string; matching: number[] }[] = [];
  if (covered.size) {
    const byGroup = new Map<number, number[]>();
    for (const c of covered.values()) for (const id of c.ids) byGroup.set(groupOf(id), [...(byGroup.get(groupOf(id)) ?? []), id]);
    const groups = await sql.$queryRawUnsafe<{ id: Num; policyId: string; key: string; ord: Num }[]>(
      `SELECT "id", "policyId", "key", "ord" FROM "SearchGroup" WHERE "id" IN (${[...byGroup.keys()].map(() => "?").join(", ")})
       ORDER BY "ord", "key", "id"`,
      ...byGroup.keys(),
    );
    for (const c of [...covered.values()].sort((a, b) => a.before - b.before)) {
      const skip = Math.max(0, offset - c.before);
      const mine = groups.filter((g) => g.policyId === c.policy.policyId).slice(skip, skip + limit - page.length);
      for (const g of mine)
        page.push({ policy: c.policy, groupId: Number(g.id), key: g.key, matching: byGroup.get(Number(g.id)) ?? [] });
    }
  }
  const nextOffset = offset + page.length < total ? offset + page.length : null;
  if (!page.length) return { hits: [], total, nextOffset: null };

  // 3. The matching texts of the page's groups with the versions holding them, and the policies' versions.
  const matchingIdsOnPage = page.flatMap((p) => p.matching);
  const sections = await sql.$queryRawUnsafe<SectionRow[]>(
    `SELECT s."id" AS "id", s."groupId" AS "groupId", g."key" AS "key", s."number" AS "number", s."title" AS "title",
            s."text" AS "text", o."versionId" AS "versionId"
     FROM "SearchSection" s JOIN "SearchGroup" g ON g."id" = s."groupId" JOIN "SearchOccurrence" o ON o."sectionId" = s."id"
     WHERE s."id" IN (${matchingIdsOnPage.map(() => "?").join(", ")})`,
    ...matchingIdsOnPage,
  );
  const policyIds = [...new Set(page.map((p) => p.policy.policyId))];
  const versionRows = await client.version.findMany({
    where: { policyId: { in: policyIds } },
    select: { id: true, policyId: true, key: true, publishedAt: true, importedAt: true },
  });
  const versionsByPolicy = new Map<string, { id: string; key: string; publishedAt: string | null; importedAt: string }[]>();
  for (const v of versionRows) {
    const list = versionsByPolicy.get(v.policyId) ?? [];
    list.push({ id: v.id, key: v.key, publishedAt: toIsoDate(v.publishedAt), importedAt: v.importedAt.toISOString() });
    versionsByPolicy.set(v.policyId, list);
  }
  for (const list of versionsByPolicy.values()) list.sort(compareVersions);

  const inRange = (publishedAt: string | null): boolean =>
    !dates || (publishedAt !== null && publishedAt >= dates[0] && publishedAt <= dates[1]);
  const ref = (v: { key: string; publishedAt: string | null } | undefined): VersionRef | null =>
    v ? { key: v.key, publishedAt: v.publishedAt } : null;
  const folded = request.terms.map((t) => t.folded);

  const hits: SearchHit[] = [];
  for (const p of page) {
    const versions = versionsByPolicy.get(p.policy.policyId) ?? [];
    const position = new Map(versions.map((v, i) => [v.id, i]));
    const rowByVersion = new Map<number, SectionRow>();
    for (const row of sections)
      if (Number(row.groupId) === p.groupId) {
        const at = position.get(row.versionId);
        if (at !== undefined) rowByVersion.set(at, row);
      }
    const at = [...rowByVersion.keys()].sort((a, b) => a - b);
    if (!at.length) continue; // deleted meanwhile
    const first = at[0]!;
    const last = at[at.length - 1]!;
    const shown = [...at].reverse().find((i) => inRange(versions[i]!.publishedAt)) ?? last;
    const row = rowByVersion.get(shown)!;
    hits.push({
      policy: { slug: p.policy.slug, name: p.policy.name },
      version: ref(versions[shown])!,
      section: { key: p.key, number: row.number, title: p.key === PREAMBLE_SECTION_KEY ? "" : row.title },
      snippet: makeSnippet(row.text, folded),
      firstVersion: ref(versions[first])!,
      lastVersion: ref(versions[last])!,
      previousVersion: ref(versions[first - 1]),
      removedIn: ref(versions[last + 1]),
      versionCount: at.length,
      policyVersionCount: versions.length,
      continuous: last - first + 1 === at.length,
    });
  }
  return { hits, total, nextOffset };
}

/** Where a hit leads: the version at the section, and the comparisons where the match appeared and went. */
export interface HitLinks {
  /** The version page at the section (/p/{slug}/v/{key}#{section key}). */
  version: string;
  /** previousVersion -> firstVersion, at the section; null when firstVersion is the policy's first. */
  appeared: string | null;
  /** lastVersion -> removedIn, at the section; null when the newest version still contains it. */
  removed: string | null;
}

export function hitLinks(hit: SearchHit): HitLinks {
  const slug = hit.policy.slug;
  const at = hit.section.key === PREAMBLE_SECTION_KEY ? "" : `#${hit.section.key}`;
  const compare = (a: VersionRef, b: VersionRef) => `${comparePath({ slug, key: a.key }, { slug, key: b.key })}#${hit.section.key}`;
  return {
    version: versionPath(slug, hit.version.key) + at,
    appeared: hit.previousVersion ? compare(hit.previousVersion, hit.firstVersion) : null,
    removed: hit.removedIn ? compare(hit.lastVersion, hit.removedIn) : null,
  };
}

/**
 * A hit as GET /api/search sends it: policy and versions by slug and key, the snippet as HTML (escaped
 * text, matches in <mark>), and the links.
 */
export function searchHitJson(hit: SearchHit) {
  const links = hitLinks(hit);
  return {
    policy: hit.policy.slug,
    policyName: hit.policy.name,
    version: hit.version.key,
    publishedAt: hit.version.publishedAt,
    section: hit.section,
    snippet: snippetHtml(hit.snippet),
    firstVersion: hit.firstVersion.key,
    lastVersion: hit.lastVersion.key,
    previousVersion: hit.previousVersion?.key ?? null,
    removedIn: hit.removedIn?.key ?? null,
    versionCount: hit.versionCount,
    policyVersionCount: hit.policyVersionCount,
    continuous: hit.continuous,
    url: links.version,
    appearedUrl: links.appeared,
    removedUrl: links.removed,
  };
}
