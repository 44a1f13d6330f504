/**
 * Search over every stored version (docs/decisions/0016-search-and-feeds.md): terms (lib/search/query.ts)
 * -> hits grouped by policy and section, each with a snippet and the versions that contain the match.
 *
 * 1. The FTS5 indexes give the section texts holding every term (trigram MATCH for terms of 3+
 *    characters, the two-character index for 2; INTERSECT when both). No text is scanned.
 * 2. Those rows are grouped by (policy, section key) in SQL, filtered by policy and by date (a group
 *    qualifies when a version published in the range contains the match), counted (`total`) and paged,
 *    ordered by policy name, then section position.
 * 3. For the page's groups only: their section texts (every version's) are read, the match is confirmed
 *    on the folded text, and the versions containing it are put in the policy's order (lib/data/version-key):
 *    first and last version, the one before (where it appeared) and the one after (where it was
 *    removed). The snippet comes from the newest containing version (within the date range, if any).
 *
 * Not marked server-only so scripts (bench) can import it; the app imports it from server code only.
 */
import { db as defaultDb, type Db } from "../db.ts";
import { matchesAll, matchExpressions, type SearchTerm } from "../search/query.ts";
import { PREAMBLE_SECTION_KEY } from "../search/sections.ts";
import { makeSnippet, snippetHtml, type SnippetPart } from "../search/snippet.ts";
import { foldForSearch } from "../search/fold.ts";
import { comparePath, versionPath } from "../view/url.ts";
import { toIsoDate } from "./rows.ts";
import type { VersionRef } from "./types.ts";
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

interface GroupRow {
  policyId: string;
  key: string;
  slug: string;
  name: string;
  total: Num;
}

interface SectionRow {
  id: Num;
  policyId: string;
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

export async function searchSections(request: SearchRequest, client: Db = defaultDb()): Promise<SearchResult> {
  const limit = Math.min(Math.max(1, request.limit ?? SEARCH_LIMITS.defaultLimit), SEARCH_LIMITS.maxLimit);
  const offset = Math.max(0, request.offset ?? 0);
  const match = matchExpressions(request.terms);
  if (!match.trigram && !match.bigram) return { hits: [], total: 0, nextOffset: null };

  let policyId: string | null = null;
  if (request.policy) {
    const p = await client.policy.findUnique({ where: { slug: request.policy }, select: { id: true } });
    if (!p) throw new UnknownPolicyError(request.policy);
    policyId = p.id;
  }
  const range = dateRange(request.from, request.to);

  // 1-2. Matching section texts -> groups (policy, section key), counted and paged.
  const params: unknown[] = [];
  const sources: string[] = [];
  if (match.trigram) {
    sources.push(`SELECT "rowid" AS "id" FROM "SearchTrigram" WHERE "SearchTrigram" MATCH ?`);
    params.push(match.trigram);
  }
  if (match.bigram) {
    sources.push(`SELECT "rowid" AS "id" FROM "SearchBigram" WHERE "SearchBigram" MATCH ?`);
    params.push(match.bigram);
  }
  const where: string[] = [];
  if (policyId) {
    where.push(`s."policyId" = ?`);
    params.push(policyId);
  }
  if (range) {
    where.push(`EXISTS (SELECT 1 FROM "SearchOccurrence" o JOIN "Version" v ON v."id" = o."versionId"
      WHERE o."sectionId" = s."id" AND substr(v."publishedAt", 1, 10) BETWEEN ? AND ?)`);
    params.push(...range);
  }
  const groups = await client.$queryRawUnsafe<GroupRow[]>(
    `WITH m AS (${sources.join(" INTERSECT ")}),
     g AS (
       SELECT s."policyId" AS "policyId", s."key" AS "key", MIN(s."ord") AS "ord"
       FROM m JOIN "SearchSection" s ON s."id" = m."id"
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       GROUP BY s."policyId", s."key"
     )
     SELECT g."policyId" AS "policyId", g."key" AS "key", p."slug" AS "slug", p."name" AS "name", COUNT(*) OVER () AS "total"
     FROM g JOIN "Policy" p ON p."id" = g."policyId"
     ORDER BY p."name", p."slug", g."ord", g."key"
     LIMIT ? OFFSET ?`,
    ...params,
    limit,
    offset,
  );
  let total = groups.length ? Number(groups[0]!.total) : 0;
  if (!groups.length && offset > 0) {
    // Past the end: count without paging.
    const [row] = await client.$queryRawUnsafe<{ n: Num }[]>(
      `WITH m AS (${sources.join(" INTERSECT ")})
       SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM m JOIN "SearchSection" s ON s."id" = m."id"
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""} GROUP BY s."policyId", s."key")`,
      ...params,
    );
    total = Number(row?.n ?? 0);
  }
  if (!groups.length) return { hits: [], total, nextOffset: null };

  // 3. The page's groups: every version's text of those sections, and the policies' versions.
  const sections = await client.$queryRawUnsafe<SectionRow[]>(
    `SELECT s."id" AS "id", s."policyId" AS "policyId", s."key" AS "key", s."number" AS "number", s."title" AS "title",
            s."text" AS "text", o."versionId" AS "versionId"
     FROM "SearchSection" s JOIN "SearchOccurrence" o ON o."sectionId" = s."id"
     WHERE (s."policyId", s."key") IN (VALUES ${groups.map(() => "(?, ?)").join(", ")})`,
    ...groups.flatMap((g) => [g.policyId, g.key]),
  );
  const policyIds = [...new Set(groups.map((g) => g.policyId))];
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

  const confirmed = new Map<string, boolean>(); // section row id -> contains every term
  const contains = (row: SectionRow): boolean => {
    const id = String(row.id);
    let yes = confirmed.get(id);
    if (yes === undefined) confirmed.set(id, (yes = matchesAll(foldForSearch(row.text), request.terms)));
    return yes;
  };
  const inRange = (publishedAt: string | null): boolean =>
    !range || (publishedAt !== null && publishedAt >= range[0] && publishedAt <= range[1]);
  const ref = (v: { key: string; publishedAt: string | null } | undefined): VersionRef | null =>
    v ? { key: v.key, publishedAt: v.publishedAt } : null;
  const folded = request.terms.map((t) => t.folded);

  const hits: SearchHit[] = [];
  for (const g of groups) {
    const versions = versionsByPolicy.get(g.policyId) ?? [];
    const position = new Map(versions.map((v, i) => [v.id, i]));
    const rowByVersion = new Map<number, SectionRow>();
    for (const row of sections)
      if (row.policyId === g.policyId && row.key === g.key && contains(row)) {
        const at = position.get(row.versionId);
        if (at !== undefined) rowByVersion.set(at, row);
      }
    const at = [...rowByVersion.keys()].sort((a, b) => a - b);
    if (!at.length) continue; // the index and the text disagree (should not happen): leave it out
    const first = at[0]!;
    const last = at[at.length - 1]!;
    const shown = [...at].reverse().find((i) => inRange(versions[i]!.publishedAt)) ?? last;
    const row = rowByVersion.get(shown)!;
    hits.push({
      policy: { slug: g.slug, name: g.name },
      version: ref(versions[shown])!,
      section: {
        key: row.key,
        number: row.number,
        title: row.key === PREAMBLE_SECTION_KEY ? "" : row.title,
      },
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
  return { hits, total, nextOffset: offset + groups.length < total ? offset + groups.length : null };
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
