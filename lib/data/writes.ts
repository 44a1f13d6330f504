/**
 * Writes. Idempotent where it matters: a policy is upserted by slug, a version is added once per
 * content hash (adding the same text again returns the stored one).
 */
import { db as defaultDb, retryWhileBusy, writeTransaction, type Db, type Tx } from "../db.ts";
import { fromIsoDate, toVersionSummaryOfRow } from "./rows.ts";
import { takenKeys } from "./retired-keys.ts";
import { indexVersion, prepareText, type PreparedText } from "./search-index.ts";
import type { PolicyInput, VersionInput, VersionSummary } from "./types.ts";
import { nextVersionKey } from "./version-key.ts";

export class UnknownPolicyError extends Error {
  readonly code = "policy_not_found";
  constructor(readonly slug: string) {
    super(`no policy with slug "${slug}"`);
    this.name = "UnknownPolicyError";
  }
}

/** Creates the policy or updates its fields (fields left undefined are kept). */
export async function upsertPolicy(input: PolicyInput, client: Db = defaultDb()): Promise<void> {
  const data = {
    name: input.name,
    publisher: input.publisher,
    sourceUrl: input.sourceUrl,
    description: input.description,
    knownVersionDates: input.knownVersionDates ? JSON.stringify(input.knownVersionDates) : undefined,
  };
  await retryWhileBusy(() =>
    client.policy.upsert({ where: { slug: input.slug }, create: { slug: input.slug, ...data }, update: data }),
  );
}

export interface AddVersionResult {
  created: boolean;
  version: VersionSummary;
}

export type { Tx };

/** The id of the policy with this slug (inside the caller's transaction); UnknownPolicyError when there is none. */
export async function policyIdOf(tx: Tx, slug: string): Promise<string> {
  const policy = await tx.policy.findUnique({ where: { slug }, select: { id: true } });
  if (!policy) throw new UnknownPolicyError(slug);
  return policy.id;
}

/**
 * Inserts a version with the next free key for its date (inside the caller's transaction), with its
 * text's measures and its sections in the search index (docs/decisions/0016-search-and-feeds.md), both
 * prepared by the caller before the transaction (`prepareText`: parsing is not done holding the lock).
 */
export async function insertVersion(
  tx: Tx,
  policyId: string,
  input: VersionInput,
  measures: PreparedText,
): Promise<VersionSummary> {
  const row = await tx.version.create({
    data: {
      policyId,
      key: nextVersionKey(await takenKeys(tx, policyId), input.publishedAt),
      publishedAt: fromIsoDate(input.publishedAt),
      effectiveAt: fromIsoDate(input.effectiveAt),
      label: input.label ?? null,
      sourceUrl: input.sourceUrl ?? null,
      originalText: input.text,
      originalFormat: input.format,
      contentHash: input.contentHash,
      note: input.note ?? null,
      importedAt: input.importedAt ?? new Date(),
      textLength: measures.textLength,
      sectionCount: measures.sectionCount,
    },
  });
  await indexVersion(tx, { versionId: row.id, policyId }, measures.searchSections);
  return toVersionSummaryOfRow(row);
}

/**
 * Adds a version to a policy, giving it the next free key for its date. When the policy already holds
 * a text with the same content hash, nothing changes and that version is returned (created: false).
 */
export async function addVersion(slug: string, input: VersionInput, client: Db = defaultDb()): Promise<AddVersionResult> {
  // The seed runs on every start: measure (parse) only a text that is not stored yet.
  const stored = await client.version.count({ where: { policy: { slug }, contentHash: input.contentHash } });
  const measures = stored ? null : prepareText(input.text);
  return writeTransaction(client, async (tx) => {
    const policyId = await policyIdOf(tx, slug);
    const existing = await tx.version.findUnique({
      where: { policyId_contentHash: { policyId, contentHash: input.contentHash } },
      omit: { originalText: true },
    });
    if (existing) {
      return { created: false, version: toVersionSummaryOfRow(existing) };
    }
    const version = await insertVersion(tx, policyId, input, measures ?? prepareText(input.text));
    await tx.policy.update({ where: { id: policyId }, data: { updatedAt: new Date() } });
    return { created: true, version };
  });
}
