/**
 * One check of a watched source: fetch (conditional, through the fetch guard), keep the raw bytes as a
 * snapshot, extract the policy's text, and add a version only when that text is news. Every check,
 * whatever its outcome, leaves a SourceCheck row (docs/decisions/0025-watching-sources.md).
 *
 * Framework-free: the database client, clock, ingest runner and fetch options are passed in.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Db } from "../db.ts";
import { FetchError, fetchIfChanged, type FetchOptions } from "../ingest/fetch.ts";
import { IngestError } from "../ingest/errors.ts";
import type { IngestRunner } from "../import/source.ts";
import { addNewVersion, DuplicateVersionError } from "../data/version-writes.ts";
import { uniqueClash } from "../data/version-writes.ts";
import { WATCH_CONFIG } from "./config.ts";
import { extract, ExtractionError, SelectorError, type ExtractionRules, type RawDocument } from "./extract.ts";
import { nextAfterError, nextAfterSuccess, type Clock } from "./schedule.ts";

export type CheckOutcome = "unchanged" | "not_modified" | "new_version" | "extraction_changed" | "error";

/** A check as the API, the CLI and the policy page show it. */
export interface CheckRecord {
  checkedAt: string;
  url: string;
  trigger: "manual" | "schedule" | "rules";
  outcome: CheckOutcome;
  httpStatus: number | null;
  bytes: number | null;
  snapshotHash: string | null;
  textHash: string | null;
  errorCode: string | null;
  reason: string | null;
  versionKey: string | null;
  durationMs: number;
}

/** What a new version found by a check tells the notifier (lib/watch/webhooks.ts). */
export interface NewVersionEvent {
  slug: string;
  policyName: string;
  versionKey: string;
  previousKey: string | null;
}

export interface WatchDeps {
  client: Db;
  clock: Clock;
  ingest: IngestRunner;
  /** Options of the fetch guard (allowHosts from FETCH_ALLOW_HOSTS in the app; a test's resolver). */
  fetch?: FetchOptions;
  random?: () => number;
  /** Called after a check added a version (webhooks); its failures never fail the check. */
  onNewVersion?: (event: NewVersionEvent) => Promise<void>;
}

export type SourceRow = NonNullable<Awaited<ReturnType<Db["watchedSource"]["findUnique"]>>>;

export function rulesOf(source: Pick<SourceRow, "selector" | "startMarker" | "endMarker">): ExtractionRules {
  return { selector: source.selector, startMarker: source.startMarker, endMarker: source.endMarker };
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

type CheckRow = Awaited<ReturnType<Db["sourceCheck"]["create"]>>;

export function toCheckRecord(row: CheckRow): CheckRecord {
  return {
    checkedAt: row.checkedAt.toISOString(),
    url: row.url,
    trigger: row.trigger as CheckRecord["trigger"],
    outcome: row.outcome as CheckOutcome,
    httpStatus: row.httpStatus,
    bytes: row.bytes,
    snapshotHash: row.snapshotHash,
    textHash: row.textHash,
    errorCode: row.errorCode,
    reason: row.reason,
    versionKey: row.versionKey,
    durationMs: row.durationMs,
  };
}

/** Stores the bytes of a fetch once per policy (by hash), gzip-compressed. */
export async function keepSnapshot(
  client: Db,
  policyId: string,
  raw: RawDocument & { url: string },
  hash: string,
  at: Date,
) {
  const existing = await client.snapshot.findUnique({
    where: { policyId_hash: { policyId, hash } },
    select: { id: true },
  });
  if (existing) return;
  try {
    await client.snapshot.create({
      data: {
        policyId,
        hash,
        url: raw.url,
        mediaType: raw.mediaType,
        charset: raw.charset ?? null,
        size: raw.bytes.length,
        fetchedAt: at,
        gzipped: new Uint8Array(gzipSync(raw.bytes)),
      },
    });
  } catch (error) {
    if (uniqueClash(error) === null) throw error; // another process stored the same bytes meanwhile
  }
}

/** The newest snapshot of a policy, decompressed; null when none is stored. */
export async function latestSnapshot(
  client: Db,
  policyId: string,
): Promise<(RawDocument & { hash: string; url: string }) | null> {
  const row = await client.snapshot.findFirst({ where: { policyId }, orderBy: { fetchedAt: "desc" } });
  if (!row) return null;
  return {
    bytes: new Uint8Array(gunzipSync(row.gzipped)),
    mediaType: row.mediaType,
    charset: row.charset,
    hash: row.hash,
    url: row.url,
  };
}

/** Writes a check row and drops the oldest beyond WATCH_CONFIG.checksKept. */
export async function recordCheck(
  client: Db,
  policyId: string,
  data: Omit<CheckRecord, "checkedAt"> & { checkedAt: Date },
): Promise<CheckRecord> {
  const row = await client.sourceCheck.create({ data: { policyId, ...data } });
  const stale = await client.sourceCheck.findMany({
    where: { policyId },
    orderBy: [{ checkedAt: "desc" }, { id: "desc" }],
    skip: WATCH_CONFIG.checksKept,
    select: { id: true },
  });
  if (stale.length) await client.sourceCheck.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
  return toCheckRecord(row);
}

/** What went wrong, as a code and a sentence for the check log. */
export function describeCheckError(error: unknown): { errorCode: string; reason: string; httpStatus: number | null } {
  if (error instanceof FetchError)
    return { errorCode: `fetch_${error.code}`, reason: error.message, httpStatus: error.status ?? null };
  if (error instanceof IngestError) return { errorCode: error.code, reason: error.message, httpStatus: null };
  if (error instanceof ExtractionError) return { errorCode: error.code, reason: error.message, httpStatus: null };
  if (error instanceof SelectorError) return { errorCode: "bad_selector", reason: error.message, httpStatus: null };
  // The log is public on the policy page: an unexpected error's message (SQL, paths) goes to the server log only.
  console.error("[watch] check failed:", error);
  return {
    errorCode: "internal_error",
    reason: "The check failed on the server; its log has the details.",
    httpStatus: null,
  };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Checks a source the caller has claimed (lib/watch/scheduler.ts claimSource): records the check,
 * sets the next one (interval with jitter, or backoff after an error) and releases the lease.
 */
export async function runCheck(
  source: SourceRow,
  trigger: CheckRecord["trigger"],
  deps: WatchDeps,
): Promise<CheckRecord> {
  const { client, clock } = deps;
  const started = clock.now();
  const t0 = performance.now();
  const policy = await client.policy.findUniqueOrThrow({
    where: { id: source.policyId },
    select: { slug: true, name: true },
  });
  const base = { url: source.url, trigger, checkedAt: started };
  let record: CheckRecord;
  let event: NewVersionEvent | null = null;
  try {
    const fetched = await fetchIfChanged(
      source.url,
      { etag: source.etag, lastModified: source.lastModified },
      { maxBytes: WATCH_CONFIG.maxSnapshotBytes, ...deps.fetch },
    );
    if ("notModified" in fetched) {
      record = await recordCheck(client, source.policyId, {
        ...base,
        outcome: "not_modified",
        httpStatus: 304,
        bytes: null,
        snapshotHash: null,
        textHash: source.baselineTextHash,
        errorCode: null,
        reason: null,
        versionKey: null,
        durationMs: Math.round(performance.now() - t0),
      });
    } else {
      const hash = sha256(fetched.bytes);
      await keepSnapshot(client, source.policyId, { ...fetched, url: fetched.finalUrl }, hash, started);
      const { result, textHash } = await extract(fetched, rulesOf(source), deps.ingest);
      let outcome: CheckOutcome = "unchanged";
      let versionKey: string | null = null;
      let reason: string | null = null;
      if (textHash !== source.baselineTextHash) {
        const previous = await client.version.findFirst({
          where: { policyId: source.policyId },
          orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { importedAt: "desc" }],
          select: { key: true },
        });
        try {
          const version = await addNewVersion(
            policy.slug,
            {
              text: result.text,
              format: result.format,
              contentHash: textHash,
              publishedAt: result.metadata.publishedAt ?? isoDay(started),
              effectiveAt: result.metadata.effectiveAt,
              label: null,
              sourceUrl: fetched.finalUrl,
              note: `Found by watching ${source.url} on ${started.toISOString()}`,
              listedVersionDates: result.metadata.listedVersionDates,
            },
            client,
          );
          outcome = "new_version";
          versionKey = version.key;
          event = {
            slug: policy.slug,
            policyName: policy.name,
            versionKey: version.key,
            previousKey: previous?.key ?? null,
          };
        } catch (error) {
          if (!(error instanceof DuplicateVersionError)) throw error;
          versionKey = error.match.key;
          reason = `The text is stored as version ${error.match.key}.`;
        }
      }
      await client.watchedSource.update({
        where: { id: source.id },
        data: { baselineTextHash: textHash, etag: fetched.etag ?? null, lastModified: fetched.lastModified ?? null },
      });
      record = await recordCheck(client, source.policyId, {
        ...base,
        outcome,
        httpStatus: fetched.status,
        bytes: fetched.bytes.length,
        snapshotHash: hash,
        textHash,
        errorCode: null,
        reason,
        versionKey,
        durationMs: Math.round(performance.now() - t0),
      });
    }
  } catch (error) {
    const failures = source.failureCount + 1;
    record = await recordCheck(client, source.policyId, {
      ...base,
      outcome: "error",
      ...describeCheckError(error),
      bytes: null,
      snapshotHash: null,
      textHash: null,
      versionKey: null,
      durationMs: Math.round(performance.now() - t0),
    });
    const now = clock.now();
    await client.watchedSource.update({
      where: { id: source.id },
      data: { failureCount: failures, lastCheckAt: now, nextCheckAt: nextAfterError(now, failures), leaseUntil: now },
    });
    return record;
  }
  const now = clock.now();
  await client.watchedSource.update({
    where: { id: source.id },
    data: {
      failureCount: 0,
      lastCheckAt: now,
      nextCheckAt: nextAfterSuccess(now, source.intervalMinutes, deps.random),
      leaseUntil: now,
    },
  });
  if (event && deps.onNewVersion) {
    await deps.onNewVersion(event).catch((error: unknown) => console.error("[watch] notifying failed:", error));
  }
  return record;
}

/** The check log as lines for a person (the CLI prints it; tests show it), newest first. */
export function formatCheckLog(slug: string, checks: readonly CheckRecord[]): string {
  const lines = [`checks of ${slug} (newest first)`];
  for (const c of checks) {
    const detail =
      c.outcome === "error"
        ? `${c.errorCode}: ${c.reason}`
        : [c.versionKey ? `version ${c.versionKey}` : "", c.textHash ? `text ${c.textHash.slice(0, 12)}` : ""]
            .filter(Boolean)
            .join(", ");
    lines.push(
      `  ${c.checkedAt}  ${c.trigger.padEnd(8)} ${String(c.httpStatus ?? "-").padEnd(3)} ${String(c.bytes ?? "-").padStart(7)} B  ${c.outcome.padEnd(18)} ${detail}`,
    );
  }
  return lines.join("\n");
}
