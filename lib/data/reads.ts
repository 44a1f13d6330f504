/**
 * Reads. Each returns domain types (./types.ts) or null when the thing does not exist; the caller
 * decides what "not found" means (a 404 page, a JSON error).
 */
import { db as defaultDb, type Db } from "../db.ts";
import { parseDateList, toIsoDate, toVersionSummary, toVersionSummaryOfRow } from "./rows.ts";
import type { PolicyDetail, PolicySummary, VersionDetail, VersionRef, VersionSummary } from "./types.ts";
import { compareVersions, newestFirst } from "./version-key.ts";

type PolicyRow = {
  slug: string;
  name: string;
  publisher: string | null;
  sourceUrl: string | null;
  description: string | null;
  knownVersionDates: string;
  createdAt: Date;
  updatedAt: Date;
};

const versionSummarySelect = {
  key: true,
  publishedAt: true,
  effectiveAt: true,
  label: true,
  sourceUrl: true,
  originalFormat: true,
  contentHash: true,
  importedAt: true,
  note: true,
  textLength: true,
  sectionCount: true,
} as const;

function toPolicySummary(row: PolicyRow, versions: VersionSummary[]): PolicySummary {
  const newest = versions[0];
  return {
    slug: row.slug,
    name: row.name,
    publisher: row.publisher,
    sourceUrl: row.sourceUrl,
    description: row.description,
    knownVersionDates: parseDateList(row.knownVersionDates),
    versionCount: versions.length,
    latestVersion: newest ? { key: newest.key, publishedAt: newest.publishedAt } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function versionSummaries(client: Db, policyIds: string[]): Promise<Map<string, VersionSummary[]>> {
  // Stored measures, never the texts: the cost follows the number of versions (lib/data/measures.ts).
  const rows = await client.version.findMany({
    where: { policyId: { in: policyIds } },
    select: { ...versionSummarySelect, policyId: true },
  });
  const byPolicy = new Map<string, VersionSummary[]>(policyIds.map((id) => [id, []]));
  for (const { policyId, ...row } of rows) byPolicy.get(policyId)?.push(toVersionSummary(row));
  for (const [id, list] of byPolicy) byPolicy.set(id, newestFirst(list));
  return byPolicy;
}

/** All policies, by name. */
export async function listPolicies(client: Db = defaultDb()): Promise<PolicySummary[]> {
  const policies = await client.policy.findMany({ orderBy: [{ name: "asc" }, { slug: "asc" }] });
  const versions = await versionSummaries(
    client,
    policies.map((p) => p.id),
  );
  return policies.map((p) => toPolicySummary(p, versions.get(p.id) ?? []));
}

/** One policy with its versions (newest first), or null. */
export async function getPolicy(slug: string, client: Db = defaultDb()): Promise<PolicyDetail | null> {
  const policy = await client.policy.findUnique({ where: { slug } });
  if (!policy) return null;
  const versions = (await versionSummaries(client, [policy.id])).get(policy.id) ?? [];
  return { ...toPolicySummary(policy, versions), versions };
}

/** One version with its text and neighbours, or null when the policy or the version is unknown. */
export async function getVersion(slug: string, key: string, client: Db = defaultDb()): Promise<VersionDetail | null> {
  const policy = await client.policy.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, publisher: true },
  });
  if (!policy) return null;
  const row = await client.version.findUnique({ where: { policyId_key: { policyId: policy.id, key } } });
  if (!row) return null;
  const siblings = (
    await client.version.findMany({
      where: { policyId: policy.id },
      select: { key: true, publishedAt: true, importedAt: true },
    })
  )
    .map((v) => ({ key: v.key, publishedAt: toIsoDate(v.publishedAt), importedAt: v.importedAt.toISOString() }))
    .sort(compareVersions);
  const at = siblings.findIndex((v) => v.key === key);
  const ref = (v: (typeof siblings)[number] | undefined): VersionRef | null =>
    v ? { key: v.key, publishedAt: v.publishedAt } : null;
  return {
    ...toVersionSummaryOfRow(row),
    text: row.originalText,
    policy: { slug: policy.slug, name: policy.name, publisher: policy.publisher },
    previous: ref(siblings[at - 1]),
    next: ref(siblings[at + 1]),
  };
}
