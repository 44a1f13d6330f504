/**
 * Retired version keys: what keeps a link alive after the version it names was re-dated or deleted
 * (docs/decisions/0023-permanent-links-and-first-run.md). A version's key is its published date
 * (ADR 0005), so re-dating it changes its key; the old key is kept here, pointing at the version, and
 * links with it redirect to the current key. Deleting a version keeps its key here with no version,
 * and links with it answer 410 Gone. Keys held here are never given to another version.
 */
import { db as defaultDb, type Db, type Tx } from "../db.ts";

/** Keys a new or re-dated version must not take: the policy's other versions' keys and retired keys
 * (except those retired from `versionId` itself, which it may take back). */
export async function takenKeys(tx: Tx, policyId: string, versionId?: string): Promise<string[]> {
  const [current, retired] = await Promise.all([
    tx.version.findMany({ where: { policyId, ...(versionId ? { NOT: { id: versionId } } : {}) }, select: { key: true } }),
    tx.retiredVersionKey.findMany({ where: { policyId }, select: { key: true, versionId: true } }),
  ]);
  return [
    ...current.map((v) => v.key),
    ...retired.filter((r) => !versionId || r.versionId !== versionId).map((r) => r.key),
  ];
}

/** A version's key changed from `oldKey` to `newKey`: the old one now leads to it; the new one, if it
 * was retired from this version before (re-dated back), is current again. */
export async function retireMovedKey(
  tx: Tx,
  policyId: string,
  versionId: string,
  oldKey: string,
  newKey: string,
): Promise<void> {
  await tx.retiredVersionKey.deleteMany({ where: { policyId, key: newKey, versionId } });
  await tx.retiredVersionKey.upsert({
    where: { policyId_key: { policyId, key: oldKey } },
    create: { policyId, key: oldKey, versionId },
    update: { versionId, retiredAt: new Date() },
  });
}

/** A version was deleted: its key is kept with no version (its earlier keys lose theirs by the foreign
 * key's ON DELETE SET NULL). */
export async function retireDeletedKey(tx: Tx, policyId: string, key: string): Promise<void> {
  await tx.retiredVersionKey.upsert({
    where: { policyId_key: { policyId, key } },
    create: { policyId, key, versionId: null },
    update: { versionId: null, retiredAt: new Date() },
  });
}

export interface KeyAddress {
  slug: string;
  key: string;
}

/** What became of a retired key: the version's current key, or gone (the version was deleted). */
export type RetiredKeyFate = { kind: "moved"; key: string } | { kind: "gone" };

/** The fates of those addresses whose keys are retired, by `slug@key`; current and unknown keys are
 * absent (they are answered as usual: the page, or 404). One indexed query. */
export async function retiredKeyFates(
  addresses: readonly KeyAddress[],
  client: Db = defaultDb(),
): Promise<Map<string, RetiredKeyFate>> {
  const fates = new Map<string, RetiredKeyFate>();
  if (addresses.length === 0) return fates;
  const rows = await client.retiredVersionKey.findMany({
    where: { OR: addresses.map((a) => ({ key: a.key, policy: { slug: a.slug } })) },
    select: { key: true, policy: { select: { slug: true } }, version: { select: { key: true } } },
  });
  for (const row of rows)
    fates.set(
      `${row.policy.slug}@${row.key}`,
      row.version ? { kind: "moved", key: row.version.key } : { kind: "gone" },
    );
  return fates;
}
