/**
 * Watched sources: an admin's settings (set, remove, read), claiming a source for a check (one atomic
 * conditional update, safe across processes sharing the database), "check now", and the check log.
 * Framework-free; the client and the rest come in `WatchDeps`.
 */
import { db, retryWhileBusy, type Db } from "../db.ts";
import { UnknownPolicyError } from "../data/writes.ts";
import type { WatchInput } from "../validations/watch.ts";
import { WATCH_CONFIG } from "./config.ts";
import {
  describeCheckError,
  latestSnapshot,
  recordCheck,
  rulesOf,
  runCheck,
  toCheckRecord,
  type CheckRecord,
  type SourceRow,
  type WatchDeps,
} from "./check.ts";
import { extract, extractionKey } from "./extract.ts";
import { hostOf } from "./schedule.ts";

export class TooManySourcesError extends Error {
  readonly code = "too_many_sources";
  constructor(readonly host: string) {
    super(`${host} already has ${WATCH_CONFIG.maxSourcesPerHost} watched sources, the most allowed per host.`);
    this.name = "TooManySourcesError";
  }
}

export class NotWatchedError extends Error {
  readonly code = "not_watched";
  constructor(readonly slug: string) {
    super(`Policy "${slug}" has no watched source.`);
    this.name = "NotWatchedError";
  }
}

export class CheckInProgressError extends Error {
  readonly code = "conflict";
  constructor(readonly slug: string) {
    super(`A check of "${slug}" is under way; try again in a moment.`);
    this.name = "CheckInProgressError";
  }
}

/** A watched source as the API and the policy page show it. */
export interface WatchView {
  url: string;
  intervalMinutes: number;
  selector: string | null;
  startMarker: string | null;
  endMarker: string | null;
  versionUrlTemplate: string | null;
  nextCheckAt: string;
  lastCheckAt: string | null;
  failureCount: number;
}

export function toWatchView(row: SourceRow): WatchView {
  return {
    url: row.url,
    intervalMinutes: row.intervalMinutes,
    selector: row.selector,
    startMarker: row.startMarker,
    endMarker: row.endMarker,
    versionUrlTemplate: row.versionUrlTemplate,
    nextCheckAt: row.nextCheckAt.toISOString(),
    lastCheckAt: row.lastCheckAt?.toISOString() ?? null,
    failureCount: row.failureCount,
  };
}

async function policyOf(client: Db, slug: string) {
  const policy = await client.policy.findUnique({ where: { slug }, select: { id: true } });
  if (!policy) throw new UnknownPolicyError(slug);
  return policy;
}

/**
 * Sets (or changes) a policy's watched source. A new source is due at once. When the extraction rules
 * change, the newest stored snapshot is re-extracted under the new rules and the result becomes the
 * baseline, recorded as an "extraction_changed" event: the new rules alone never make a version.
 */
export async function setWatch(
  slug: string,
  input: WatchInput,
  deps: WatchDeps,
): Promise<{ watch: WatchView; created: boolean; event: CheckRecord | null }> {
  const { client, clock } = deps;
  const policy = await policyOf(client, slug);
  const host = hostOf(input.url);
  const sameHost = await client.watchedSource.count({ where: { host, NOT: { policyId: policy.id } } });
  if (sameHost >= WATCH_CONFIG.maxSourcesPerHost) throw new TooManySourcesError(host);
  const now = clock.now();
  const key = extractionKey(input);
  const existing = await client.watchedSource.findUnique({ where: { policyId: policy.id } });
  const settings = {
    url: input.url,
    host,
    intervalMinutes: input.intervalMinutes,
    selector: input.selector,
    startMarker: input.startMarker,
    endMarker: input.endMarker,
    versionUrlTemplate: input.versionUrlTemplate,
    extractionKey: key,
  };
  if (!existing) {
    const row = await retryWhileBusy(() =>
      client.watchedSource.create({ data: { policyId: policy.id, ...settings, nextCheckAt: now, leaseUntil: now } }),
    );
    return { watch: toWatchView(row), created: true, event: null };
  }
  const urlChanged = existing.url !== input.url;
  let row = await retryWhileBusy(() =>
    client.watchedSource.update({
      where: { id: existing.id },
      data: {
        ...settings,
        // Another page: its validators are not this one's, and it is due at once.
        ...(urlChanged ? { etag: null, lastModified: null, nextCheckAt: now, failureCount: 0 } : {}),
      },
    }),
  );
  let event: CheckRecord | null = null;
  if (existing.extractionKey !== key) {
    ({ row, event } = await reextract(row, deps));
  }
  return { watch: toWatchView(row), created: false, event };
}

/** Re-extracts the newest snapshot under the source's (new) rules: an event, never a version. */
async function reextract(row: SourceRow, deps: WatchDeps): Promise<{ row: SourceRow; event: CheckRecord | null }> {
  const { client, clock } = deps;
  const snapshot = await latestSnapshot(client, row.policyId);
  if (!snapshot) return { row, event: null };
  const base = {
    url: snapshot.url,
    trigger: "rules" as const,
    checkedAt: clock.now(),
    httpStatus: null,
    bytes: snapshot.bytes.length,
    snapshotHash: snapshot.hash,
    versionKey: null,
    durationMs: 0,
  };
  try {
    const { textHash } = await extract(snapshot, rulesOf(row), deps.ingest);
    const updated = await client.watchedSource.update({
      where: { id: row.id },
      data: { baselineTextHash: textHash, etag: null, lastModified: null },
    });
    const event = await recordCheck(client, row.policyId, {
      ...base,
      outcome: "extraction_changed",
      textHash,
      errorCode: null,
      reason: "The extraction rules changed; the stored page was extracted again and is the new baseline.",
    });
    return { row: updated, event };
  } catch (error) {
    const event = await recordCheck(client, row.policyId, {
      ...base,
      outcome: "error",
      textHash: null,
      ...describeCheckError(error),
      httpStatus: null,
    });
    return { row, event };
  }
}

/** Stops watching; the check log and snapshots stay. */
export async function removeWatch(slug: string, client: Db): Promise<boolean> {
  const policy = await policyOf(client, slug);
  const { count } = await retryWhileBusy(() => client.watchedSource.deleteMany({ where: { policyId: policy.id } }));
  return count === 1;
}

export async function getWatch(slug: string, client: Db): Promise<WatchView | null> {
  const policy = await policyOf(client, slug);
  const row = await client.watchedSource.findUnique({ where: { policyId: policy.id } });
  return row ? toWatchView(row) : null;
}

/** The check log, newest first. */
export async function listChecks(slug: string, client: Db, limit = 100): Promise<CheckRecord[]> {
  const policy = await policyOf(client, slug);
  const rows = await client.sourceCheck.findMany({
    where: { policyId: policy.id },
    orderBy: [{ checkedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(toCheckRecord);
}

/**
 * Claims a source for one check: one conditional update that succeeds in exactly one process (the
 * lease is free and, for a scheduled check, the source is due). Returns the claimed row or null.
 */
export async function claimSource(client: Db, id: string, now: Date, scheduled: boolean): Promise<SourceRow | null> {
  const { count } = await retryWhileBusy(() =>
    client.watchedSource.updateMany({
      where: { id, leaseUntil: { lte: now }, ...(scheduled ? { nextCheckAt: { lte: now } } : {}) },
      data: { leaseUntil: new Date(now.getTime() + WATCH_CONFIG.leaseMs) },
    }),
  );
  if (count !== 1) return null;
  return client.watchedSource.findUnique({ where: { id } });
}

/** "Check now": claims the source (waiting a little for a check under way) and checks it. */
export async function checkNow(slug: string, deps: WatchDeps, waitMs = 20_000): Promise<CheckRecord> {
  const policy = await policyOf(deps.client, slug);
  const source = await deps.client.watchedSource.findUnique({ where: { policyId: policy.id }, select: { id: true } });
  if (!source) throw new NotWatchedError(slug);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const claimed = await claimSource(deps.client, source.id, deps.clock.now(), false);
    if (claimed) return runCheck(claimed, "manual", deps);
    if (Date.now() >= deadline) throw new CheckInProgressError(slug);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The policy page's panel: the watched source (if any) and the latest checks (the process-wide client by default). */
export async function watchOfPolicy(
  slug: string,
  client: Db = db(),
  limit = 20,
): Promise<{ watch: WatchView | null; checks: CheckRecord[] }> {
  const policy = await client.policy.findUnique({
    where: { slug },
    select: {
      watch: true,
      checks: { orderBy: [{ checkedAt: "desc" }, { id: "desc" }], take: limit },
    },
  });
  return { watch: policy?.watch ? toWatchView(policy.watch) : null, checks: (policy?.checks ?? []).map(toCheckRecord) };
}
