/**
 * Writes for people adding and managing versions (web, API, CLI). Each runs in one transaction, so a
 * failure leaves nothing behind; each speaks domain types and throws typed errors the callers map to
 * their own surface (409 JSON, a form error, a CLI line).
 *
 * Unlike `addVersion` in ./writes.ts (idempotent, for the seed), adding a text the policy already holds
 * is an error here that names the stored version it matches.
 */
import { db as defaultDb, writeTransaction, type Db, type Tx } from "../db.ts";
import { fromIsoDate, parseDateList, toIsoDate, toVersionSummaryOfRow } from "./rows.ts";
import type { PolicyInput, VersionInput, VersionRef, VersionSummary } from "./types.ts";
import { nextVersionKey } from "./version-key.ts";
import { retireDeletedKey, retireMovedKey, takenKeys } from "./retired-keys.ts";
import { prepareText, unindexVersion } from "./search-index.ts";
import { refreshStepsAfterWrite } from "./steps.ts";
import { insertVersion, policyIdOf, UnknownPolicyError } from "./writes.ts";

export { UnknownPolicyError };

/** The text is already stored for this policy, as version `match`. */
export class DuplicateVersionError extends Error {
  readonly code = "duplicate";
  constructor(
    readonly slug: string,
    readonly match: VersionRef,
  ) {
    super(`This text is already stored as version ${match.key} of ${slug}.`);
    this.name = "DuplicateVersionError";
  }
}

export class PolicyExistsError extends Error {
  readonly code = "policy_exists";
  constructor(readonly slug: string) {
    super(`A policy with the slug "${slug}" already exists.`);
    this.name = "PolicyExistsError";
  }
}

export class UnknownVersionError extends Error {
  readonly code = "version_not_found";
  constructor(
    readonly slug: string,
    readonly key: string,
  ) {
    super(`Policy "${slug}" has no version "${key}".`);
    this.name = "UnknownVersionError";
  }
}

/** Another write kept taking the version key this one was given; nothing was stored. */
export class WriteConflictError extends Error {
  readonly code = "conflict";
  constructor(readonly slug: string) {
    super(`Another change to "${slug}" was being saved at the same time; nothing was stored. Try again.`);
    this.name = "WriteConflictError";
  }
}

/** A version to store, with the version dates its page lists (merged into the policy's known dates). */
export interface NewVersionInput extends VersionInput {
  listedVersionDates?: string[];
}

/** A metadata change; fields left undefined are kept, null clears. */
export interface VersionMetaChange {
  publishedAt?: string | null;
  effectiveAt?: string | null;
  label?: string | null;
  sourceUrl?: string | null;
  note?: string | null;
}

function mergeDates(stored: string[], listed: readonly string[] | undefined): string[] {
  return [...new Set([...stored, ...(listed ?? [])].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)))].sort();
}

/** Which unique constraint a write broke, from Prisma's P2002 error; null for any other error. */
export type UniqueClash = "slug" | "key" | "contentHash" | "other";

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);

export function uniqueClash(error: unknown): UniqueClash | null {
  const e = error as { code?: unknown; meta?: Record<string, unknown> } | null;
  if (e?.code !== "P2002") return null;
  const meta = e.meta ?? {};
  // Prisma's engines set meta.target (fields or the index name); driver adapters (this app's SQLite,
  // and PostgreSQL) set meta.driverAdapterError.cause.constraint {fields} or {index}.
  const constraint = (meta.driverAdapterError as { cause?: { constraint?: { fields?: unknown; index?: unknown } } } | undefined)?.cause
    ?.constraint;
  const fields = [...asList(meta.target), ...asList(constraint?.fields)];
  // An index name like Version_policyId_contentHash_key: its middle parts are the fields.
  for (const index of asList(constraint?.index)) fields.push(...index.split("_").slice(1, -1));
  if (fields.includes("contentHash")) return "contentHash";
  if (fields.includes("key")) return "key";
  if (fields.includes("slug")) return "slug";
  return "other";
}

async function findDuplicate(tx: Tx, policyId: string, contentHash: string): Promise<VersionRef | null> {
  const row = await tx.version.findUnique({
    where: { policyId_contentHash: { policyId, contentHash } },
    select: { key: true, publishedAt: true },
  });
  return row ? { key: row.key, publishedAt: toIsoDate(row.publishedAt) } : null;
}

/** How many times a write is run again when another write took the version key it was given. */
const KEY_ATTEMPTS = 3;

/**
 * Runs a write (one whole transaction) and maps unique-constraint races to what they mean:
 * the same text stored meanwhile -> DuplicateVersionError naming it; the slug taken meanwhile ->
 * PolicyExistsError; the version key taken meanwhile -> the write runs again (a fresh transaction
 * allocates a fresh key), at most KEY_ATTEMPTS times, then WriteConflictError. Anything else is rethrown.
 */
export async function withWriteConflicts<T>(
  client: Db,
  slug: string,
  contentHash: string | null,
  run: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const clash = uniqueClash(error);
      if (clash === "key") {
        if (attempt < KEY_ATTEMPTS) continue;
        throw new WriteConflictError(slug);
      }
      if (clash === "contentHash" && contentHash) {
        const match = await findVersionByHash(slug, contentHash, client);
        if (match) throw new DuplicateVersionError(slug, match);
      }
      if (clash === "slug") throw new PolicyExistsError(slug);
      throw error;
    }
  }
}

/** Creates a policy with its first version. Throws PolicyExistsError when the slug is taken. */
export async function createPolicyWithVersion(
  policy: Omit<PolicyInput, "knownVersionDates">,
  version: NewVersionInput,
  client: Db = defaultDb(),
): Promise<{ slug: string; version: VersionSummary }> {
  const measures = prepareText(version.text);
  return withWriteConflicts(client, policy.slug, version.contentHash, () =>
    writeTransaction(client, async (tx) => {
      const existing = await tx.policy.findUnique({ where: { slug: policy.slug }, select: { id: true } });
      if (existing) throw new PolicyExistsError(policy.slug);
      const created = await tx.policy.create({
        data: {
          slug: policy.slug,
          name: policy.name,
          publisher: policy.publisher ?? null,
          sourceUrl: policy.sourceUrl ?? null,
          description: policy.description ?? null,
          knownVersionDates: JSON.stringify(mergeDates([], version.listedVersionDates)),
        },
      });
      const summary = await insertVersion(tx, created.id, version, measures);
      return { slug: created.slug, version: summary };
    }),
  );
}

/**
 * Adds a version to an existing policy and merges the dates its page lists into the policy's known
 * versions. Throws UnknownPolicyError, or DuplicateVersionError naming the stored version.
 */
export async function addNewVersion(slug: string, input: NewVersionInput, client: Db = defaultDb()): Promise<VersionSummary> {
  const measures = prepareText(input.text);
  const summary = await withWriteConflicts(client, slug, input.contentHash, () =>
    writeTransaction(client, async (tx) => {
      const policy = await tx.policy.findUnique({ where: { slug }, select: { id: true, knownVersionDates: true } });
      if (!policy) throw new UnknownPolicyError(slug);
      const match = await findDuplicate(tx, policy.id, input.contentHash);
      if (match) throw new DuplicateVersionError(slug, match);
      const summary = await insertVersion(tx, policy.id, input, measures);
      await tx.policy.update({
        where: { id: policy.id },
        data: {
          knownVersionDates: JSON.stringify(mergeDates(parseDateList(policy.knownVersionDates), input.listedVersionDates)),
          updatedAt: new Date(),
        },
      });
      return summary;
    }),
  );
  // The steps to and from the new version (docs/decisions/0019-history.md).
  await refreshStepsAfterWrite(slug, client);
  return summary;
}

/** The stored version of this policy whose text has this hash, if any (for an early warning). */
export async function findVersionByHash(slug: string, contentHash: string, client: Db = defaultDb()): Promise<VersionRef | null> {
  const policy = await client.policy.findUnique({ where: { slug }, select: { id: true } });
  if (!policy) return null;
  return client.$transaction((tx) => findDuplicate(tx, policy.id, contentHash));
}

/**
 * Changes a version's metadata. When the published date changes, the key follows it (the key is the
 * date), so the version's URL changes; the result carries the new key.
 */
export async function updateVersionMeta(
  slug: string,
  key: string,
  change: VersionMetaChange,
  client: Db = defaultDb(),
): Promise<VersionSummary> {
  let redated = false;
  const summary = await withWriteConflicts(client, slug, null, () =>
    writeTransaction(client, async (tx) => {
      const policyId = await policyIdOf(tx, slug);
      const row = await tx.version.findUnique({ where: { policyId_key: { policyId, key } } });
      if (!row) throw new UnknownVersionError(slug, key);
      const oldDate = toIsoDate(row.publishedAt);
      let newKey = row.key;
      if (change.publishedAt !== undefined && change.publishedAt !== oldDate) {
        newKey = nextVersionKey(await takenKeys(tx, policyId, row.id), change.publishedAt);
      }
      // The old key keeps leading here: links made with it redirect to the new one.
      if (newKey !== row.key) await retireMovedKey(tx, policyId, row.id, row.key, newKey);
      const updated = await tx.version.update({
        where: { id: row.id },
        data: {
          key: newKey,
          ...(change.publishedAt !== undefined ? { publishedAt: fromIsoDate(change.publishedAt) } : {}),
          ...(change.effectiveAt !== undefined ? { effectiveAt: fromIsoDate(change.effectiveAt) } : {}),
          ...(change.label !== undefined ? { label: change.label } : {}),
          ...(change.sourceUrl !== undefined ? { sourceUrl: change.sourceUrl } : {}),
          ...(change.note !== undefined ? { note: change.note } : {}),
        },
      });
      await tx.policy.update({ where: { id: policyId }, data: { updatedAt: new Date() } });
      redated = toIsoDate(updated.publishedAt) !== oldDate;
      return toVersionSummaryOfRow(updated);
    }),
  );
  // A new date may move the version in the order: the steps around its old and new places change.
  if (redated) await refreshStepsAfterWrite(slug, client);
  return summary;
}

/** Deletes a version; its cached comparisons and search index rows go with it (foreign keys cascade). */
export async function deleteVersion(slug: string, key: string, client: Db = defaultDb()): Promise<VersionRef> {
  const deleted = await writeTransaction(client, async (tx) => {
    const policyId = await policyIdOf(tx, slug);
    const row = await tx.version.findUnique({
      where: { policyId_key: { policyId, key } },
      select: { id: true, key: true, publishedAt: true },
    });
    if (!row) throw new UnknownVersionError(slug, key);
    // Explicit as well as cascading: the cache must not outlive either of its versions.
    await tx.compareCache.deleteMany({ where: { OR: [{ fromVersionId: row.id }, { toVersionId: row.id }] } });
    await unindexVersion(tx, row.id);
    await tx.version.delete({ where: { id: row.id } });
    // Links with its key now say it was deleted (410), and no later version takes the key.
    await retireDeletedKey(tx, policyId, row.key);
    await tx.policy.update({ where: { id: policyId }, data: { updatedAt: new Date() } });
    return { key: row.key, publishedAt: toIsoDate(row.publishedAt) };
  });
  // Its steps went with it (cascade); its two neighbours are now one step apart.
  await refreshStepsAfterWrite(slug, client);
  return deleted;
}
