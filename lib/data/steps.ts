/**
 * A policy's history, computed once (docs/decisions/0019-history.md): for every two consecutive
 * versions (in date order, lib/data/version-key.ts) a VersionStep row holds a summary of their
 * comparison: the counts per status, the share of text changed and, per section pair, the links a
 * section's history follows (old/new section ids in each version's tree, numbers, titles, status).
 *
 * `refreshSteps` brings a policy's steps in line with its versions: it deletes steps between versions
 * that are no longer neighbours (a version deleted, added between them or re-dated), and computes the
 * missing ones through getCompareModel (which stores the full model in the compare cache too, so the
 * compare view a timeline step links to opens warm). Every version write calls it after its
 * transaction; the seed calls it per policy; reads call it when a step is missing (an older database).
 *
 * Not marked server-only so scripts (bench, seed) can import it.
 */
import { ENGINE_VERSION } from "../compare/index.ts";
import type { SectionPair, SectionStatus } from "../compare/types.ts";
import { db as defaultDb, writeTransaction, type Db } from "../db.ts";
import { getCompareModel, loadVersionById, PARSER_FINGERPRINT } from "./compare.ts";
import { summariseModel } from "./step-summary.ts";
import { work, type Work } from "../work/index.ts";
import { DEFAULT_IGNORE } from "../view/url.ts";
import { toIsoDate } from "./rows.ts";
import { compareVersions } from "./version-key.ts";

/** One section pair of a step, as much as a history needs. */
export interface StepLink {
  /** SectionPair.key in this step's compare model. */
  key: string;
  status: SectionStatus;
  /** Section ids in the older / newer version's tree (SectionRef.id); null on a side it is absent. */
  oldId: string | null;
  newId: string | null;
  oldNumber: string | null;
  newNumber: string | null;
  oldTitle: string | null;
  newTitle: string | null;
  /** Share of this pair's own text (heading and body) changed, in [0,1]. */
  changedRatio: number;
}

export interface StepCounts {
  changedRatio: number;
  added: number;
  removed: number;
  modified: number;
  moved: number;
  renamed: number;
  renumbered: number;
  split: number;
  merged: number;
}

export interface StepSummary {
  /** ENGINE_VERSION and the parser's fingerprint the step was computed with. */
  engine: string;
  counts: StepCounts;
  links: StepLink[];
}

/** A stored step, with the keys of its two versions. */
export interface StoredStep {
  fromKey: string;
  toKey: string;
  summary: StepSummary;
}

export const STEP_ENGINE = JSON.stringify([ENGINE_VERSION, PARSER_FINGERPRINT]);

/** The summary of a compare model: counts and every section pair (all levels) as a link. */
export function summarise(model: {
  stats: { changedRatio: number; sections: Record<SectionStatus, number> };
  sections: SectionPair[];
}): StepSummary {
  return summariseModel(model, STEP_ENGINE);
}

interface ChainVersion {
  id: string;
  key: string;
  publishedAt: string | null;
  importedAt: string;
}

async function chainOf(client: Db, policyId: string): Promise<ChainVersion[]> {
  const rows = await client.version.findMany({ where: { policyId }, select: { id: true, key: true, publishedAt: true, importedAt: true } });
  return rows
    .map((r) => ({ id: r.id, key: r.key, publishedAt: toIsoDate(r.publishedAt), importedAt: r.importedAt.toISOString() }))
    .sort(compareVersions);
}

export interface RefreshReport {
  computed: number;
  deleted: number;
}

/**
 * Makes the policy's steps match its versions' current order: deletes steps between versions that are
 * no longer neighbours and computes the missing or stale ones. Idempotent. Parses and diffs outside
 * any transaction, in worker threads (lib/work: the comparisons wait their turn in the lanes rather
 * than being refused by admission control, as they follow a write); each step is written in a short
 * transaction of its own.
 */
export async function refreshSteps(slug: string, client: Db = defaultDb(), lanes: Work = work()): Promise<RefreshReport> {
  const policy = await client.policy.findUnique({ where: { slug }, select: { id: true } });
  if (!policy) return { computed: 0, deleted: 0 };
  const chain = await chainOf(client, policy.id);
  const wanted = new Set(chain.slice(1).map((v, i) => `${chain[i]!.id}>${v.id}`));
  const stored = await client.versionStep.findMany({ where: { policyId: policy.id }, select: { id: true, fromVersionId: true, toVersionId: true, json: true } });
  const fresh = new Set<string>();
  const obsolete: string[] = [];
  for (const s of stored) {
    const pair = `${s.fromVersionId}>${s.toVersionId}`;
    if (wanted.has(pair) && (JSON.parse(s.json) as StepSummary).engine === STEP_ENGINE) fresh.add(pair);
    else obsolete.push(s.id);
  }
  if (obsolete.length) await writeTransaction(client, (tx) => tx.versionStep.deleteMany({ where: { id: { in: obsolete } } }));
  let computed = 0;
  for (let i = 1; i < chain.length; i++) {
    const from = chain[i - 1]!;
    const to = chain[i]!;
    if (fresh.has(`${from.id}>${to.id}`)) continue;
    const [a, b] = await Promise.all([loadVersionById(from.id, client), loadVersionById(to.id, client)]);
    if (!a || !b) continue; // deleted meanwhile: the write that deleted it refreshes again
    // The compare view's default options: the view a timeline step links to is the one computed here.
    const model = await getCompareModel(a, b, DEFAULT_IGNORE, { client, lanes, admit: false });
    const json = await lanes.run(lanes.laneFor(model.json.length, "render"), "stepSummary", {
      json: model.json,
      engine: STEP_ENGINE,
    });
    const compareKey = model.key;
    try {
      await writeTransaction(client, (tx) =>
        tx.versionStep.upsert({
          where: { fromVersionId_toVersionId: { fromVersionId: a.id, toVersionId: b.id } },
          create: { policyId: policy.id, fromVersionId: a.id, toVersionId: b.id, compareKey, json },
          update: { compareKey, json },
        }),
      );
      computed++;
    } catch (error) {
      // A version deleted meanwhile (foreign key): that write's own refresh brings the steps in line.
      console.warn("[steps] store failed:", error instanceof Error ? error.message : error);
    }
  }
  return { computed, deleted: obsolete.length };
}

/**
 * After a version write: refreshes the steps, never failing the write that already succeeded (a
 * missing step is computed by the next read or write).
 */
export async function refreshStepsAfterWrite(slug: string, client: Db = defaultDb(), lanes?: Work): Promise<void> {
  try {
    await refreshSteps(slug, client, lanes);
  } catch (error) {
    console.warn(`[steps] refresh of ${slug} failed:`, error instanceof Error ? error.message : error);
  }
}

export interface PolicySteps {
  policyId: string;
  /** Oldest first (lib/data/version-key.ts order). */
  versions: (ChainVersion & { length: number; sectionCount: number | null })[];
  /** steps[i] is the step from versions[i] to versions[i + 1]; null when not stored. */
  steps: (StepSummary | null)[];
}

/** A policy's versions and stored steps, oldest first; null for an unknown policy. Computes missing steps. */
export async function readSteps(slug: string, client: Db = defaultDb()): Promise<PolicySteps | null> {
  for (let attempt = 0; ; attempt++) {
    const policy = await client.policy.findUnique({ where: { slug }, select: { id: true } });
    if (!policy) return null;
    const rows = await client.version.findMany({
      where: { policyId: policy.id },
      select: { id: true, key: true, publishedAt: true, importedAt: true, textLength: true, sectionCount: true },
    });
    const versions = rows
      .map((r) => ({
        id: r.id,
        key: r.key,
        publishedAt: toIsoDate(r.publishedAt),
        importedAt: r.importedAt.toISOString(),
        length: r.textLength,
        sectionCount: r.sectionCount,
      }))
      .sort(compareVersions);
    const stored = await client.versionStep.findMany({ where: { policyId: policy.id }, select: { fromVersionId: true, toVersionId: true, json: true } });
    const byPair = new Map(stored.map((s) => [`${s.fromVersionId}>${s.toVersionId}`, s.json]));
    const steps = versions.slice(1).map((v, i) => {
      const json = byPair.get(`${versions[i]!.id}>${v.id}`);
      const summary = json ? (JSON.parse(json) as StepSummary) : null;
      return summary && summary.engine === STEP_ENGINE ? summary : null;
    });
    if (attempt === 0 && steps.some((s) => s === null)) {
      await refreshSteps(slug, client);
      continue;
    }
    return { policyId: policy.id, versions, steps };
  }
}
