/**
 * The timeline of a policy and the history of one section, read from the stored steps
 * (./steps.ts); nothing here parses or diffs.
 *
 * How a section of one version is named (docs/decisions/0019-history.md): by `at` (the version key)
 * and `section`, the key of a pair (SectionPair.key) in the compare of `at` with a neighbour: first
 * the step into `at` (previous → at) where the pair has a new side, else the step out of `at`
 * (at → next) where it has an old side. Pair keys derive from the section's own title (or number),
 * so the key of an unchanged section in any compare view ending (or starting) at `at` is the same.
 *
 * The history then follows the section's ids in each version's tree through the steps' links,
 * backwards and forwards: a split or merge widens the set of sections followed.
 */
import { db as defaultDb, type Db } from "../db.ts";
import type { SectionStatus } from "../compare/types.ts";
import { knownVersionsView } from "./known-versions.ts";
import { readSteps, type StepCounts, type StepLink } from "./steps.ts";

export interface TimelineVersion {
  key: string;
  publishedAt: string | null;
  chars: number;
  sections: number | null;
  fromPrevious: Omit<StepCounts, "split" | "merged"> | null;
}

export interface Timeline {
  /** Oldest first. */
  versions: TimelineVersion[];
  /** Dates the policy lists as versions that are not stored, oldest first. */
  missing: string[];
}

export async function getTimeline(slug: string, client: Db = defaultDb()): Promise<Timeline | null> {
  const data = await readSteps(slug, client);
  if (!data) return null;
  const policy = await client.policy.findUnique({ where: { slug }, select: { knownVersionDates: true } });
  const known = knownVersionsView({
    knownVersionDates: JSON.parse(policy?.knownVersionDates ?? "[]") as string[],
    versions: [...data.versions].reverse(),
  });
  return {
    versions: data.versions.map((v, i) => {
      const c = i > 0 ? data.steps[i - 1] : null;
      return {
        key: v.key,
        publishedAt: v.publishedAt,
        chars: v.length,
        sections: v.sectionCount,
        fromPrevious: c
          ? {
              changedRatio: c.counts.changedRatio,
              added: c.counts.added,
              removed: c.counts.removed,
              modified: c.counts.modified,
              moved: c.counts.moved,
              renamed: c.counts.renamed,
              renumbered: c.counts.renumbered,
            }
          : null,
      };
    }),
    missing: (known?.dates ?? [])
      .filter((d) => d.key === null)
      .map((d) => d.date)
      .reverse(),
  };
}

export interface HistoryEntry {
  version: string;
  publishedAt: string | null;
  /**
   * How the section came into this version from the previous one: a pair status, "first" for the
   * oldest stored version it appears in without a previous version, "removed" for the version where it
   * is gone (the entry's number and title are then the old ones).
   */
  status: SectionStatus | "first";
  number: string | null;
  title: string | null;
  /** Share of the section's own text changed in the step into this version (0 for "first"). */
  changedRatio: number;
  /** The pair keys of this step (several for a split or a merge); empty for "first". */
  pairs: string[];
  /** The previous version's key (the compare view of this step), null for "first". */
  from: string | null;
}

export interface SectionHistory {
  section: { key: string; at: string; number: string | null; title: string | null };
  /** Oldest first. */
  entries: HistoryEntry[];
}

export type HistoryLookup =
  | { ok: true; history: SectionHistory }
  | { ok: false; reason: "policy-not-found" | "version-not-found" | "section-not-found" };

const STATUS_RANK: Record<SectionStatus, number> = {
  removed: 8,
  added: 7,
  split: 6,
  merged: 5,
  moved: 4,
  renamed: 3,
  modified: 2,
  renumbered: 1,
  unchanged: 0,
};

/** One status for the links of a step (the most telling of them). */
function combined(links: StepLink[]): SectionStatus {
  return links.reduce<SectionStatus>((s, l) => (STATUS_RANK[l.status] > STATUS_RANK[s] ? l.status : s), "unchanged");
}

function ratioOf(links: StepLink[]): number {
  return links.length ? Math.max(...links.map((l) => l.changedRatio)) : 0;
}

export async function getSectionHistory(slug: string, sectionKey: string, at: string, client: Db = defaultDb()): Promise<HistoryLookup> {
  const data = await readSteps(slug, client);
  if (!data) return { ok: false, reason: "policy-not-found" };
  const { versions, steps } = data;
  const i = versions.findIndex((v) => v.key === at);
  if (i < 0) return { ok: false, reason: "version-not-found" };
  const into = i > 0 ? steps[i - 1] : null;
  const out = i < steps.length ? steps[i] : null;
  const inLink = into?.links.find((l) => l.key === sectionKey && l.newId !== null);
  const outLink = inLink ? undefined : out?.links.find((l) => l.key === sectionKey && l.oldId !== null);
  const start = inLink?.newId ?? outLink?.oldId;
  if (!start) return { ok: false, reason: "section-not-found" };

  // ids[j]: the sections followed in version j.
  const ids = new Map<number, Set<string>>([[i, new Set([start])]]);
  const entries = new Map<number, HistoryEntry>();
  const entryOf = (j: number, links: StepLink[], removed = false): HistoryEntry => {
    const shown = links.find((l) => (removed ? l.oldId : l.newId) !== null) ?? links[0];
    return {
      version: versions[j]!.key,
      publishedAt: versions[j]!.publishedAt,
      status: combined(links),
      number: (removed ? shown?.oldNumber : shown?.newNumber) ?? null,
      title: (removed ? shown?.oldTitle : shown?.newTitle) ?? null,
      changedRatio: ratioOf(links),
      pairs: links.map((l) => l.key),
      from: versions[j - 1]!.key,
    };
  };
  const first = (j: number, id: string): HistoryEntry => {
    const link = steps[j]?.links.find((l) => l.oldId === id);
    return {
      version: versions[j]!.key,
      publishedAt: versions[j]!.publishedAt,
      status: "first",
      number: link?.oldNumber ?? null,
      title: link?.oldTitle ?? null,
      changedRatio: 0,
      pairs: [],
      from: null,
    };
  };

  // Backwards: the links of step j-1 → j whose new side is followed give the sections of j-1.
  for (let j = i; j >= 0; j--) {
    const here = ids.get(j)!;
    const step = j > 0 ? steps[j - 1] : null;
    if (!step) {
      entries.set(j, first(j, [...here][0]!));
      break;
    }
    const links = step.links.filter((l) => l.newId !== null && here.has(l.newId));
    if (!links.length) break;
    entries.set(j, entryOf(j, links));
    const before = new Set(links.flatMap((l) => (l.oldId ? [l.oldId] : [])));
    if (!before.size) break; // added in version j
    ids.set(j - 1, before);
  }
  // Forwards: the links of step j → j+1 whose old side is followed give the sections of j+1.
  for (let j = i; j < steps.length; j++) {
    const step = steps[j];
    const here = ids.get(j)!;
    if (!step) break;
    const links = step.links.filter((l) => l.oldId !== null && here.has(l.oldId));
    if (!links.length) break;
    const after = new Set(links.flatMap((l) => (l.newId ? [l.newId] : [])));
    entries.set(j + 1, entryOf(j + 1, links, after.size === 0));
    if (!after.size) break; // removed in version j+1
    ids.set(j + 1, after);
  }

  const atEntry = entries.get(i);
  return {
    ok: true,
    history: {
      section: { key: sectionKey, at, number: atEntry?.number ?? null, title: atEntry?.title ?? null },
      entries: [...entries.entries()].sort(([a], [b]) => a - b).map(([, e]) => e),
    },
  };
}

/**
 * The history keys of a version's sections, by section id (SectionNode.id of the version's tree): the
 * key of each section's pair in the step into the version, else in the step out of it (the naming
 * above). Empty for an unknown policy or version, or a policy with one version.
 */
export async function sectionKeysOf(slug: string, at: string, client: Db = defaultDb()): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  const data = await readSteps(slug, client);
  const i = data ? data.versions.findIndex((v) => v.key === at) : -1;
  if (!data || i < 0) return keys;
  for (const l of (i > 0 ? data.steps[i - 1]?.links : undefined) ?? []) if (l.newId) keys.set(l.newId, l.key);
  for (const l of (i < data.steps.length ? data.steps[i]?.links : undefined) ?? []) if (l.oldId && !keys.has(l.oldId)) keys.set(l.oldId, l.key);
  return keys;
}
