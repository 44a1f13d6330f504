/**
 * Server side of the compare view and API: load two versions (of one policy or of two), then get the
 * engine's CompareModel from the CompareCache table or compute and store it.
 *
 * Cache key (docs/decisions/0008-compare-cache.md): sha256 over the engine version, the parser's
 * version, the ignore options, both versions' content hashes and a hash of both original texts. The content hash is of the
 * normalised text, while the model carries original characters; hashing the originals too keeps two
 * texts that differ only in width or whitespace from sharing a model. Nothing can go stale: any input
 * change is a new key, and deleting either version deletes its rows (cascade).
 *
 * Not marked server-only so scripts (bench) can import it; the app imports it only from server code.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gunzip as gunzipCb, gzip as gzipCb } from "node:zlib";
import { ENGINE_VERSION, normalizeIgnore } from "../compare/index.ts";
import { config } from "../config.ts";
import type { CompareOptions, IgnoreOption } from "../compare/types.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { db as defaultDb, providerOfClient, writeTransaction, type Db, type Tx } from "../db.ts";
import { withJobLock } from "../job-lock.ts";
import * as parser from "../parse/index.ts";
import { PARSE_CONFIG } from "../parse/index.ts";
import type { VersionAddress } from "../view/url.ts";
import { isBusyError, isWorkBudgetError, isWorkTaskError, work, type Work } from "../work/index.ts";
import { jsonError } from "./api.ts";
import { processWide, SizedLru } from "../work/lru.ts";
import { toIsoDate } from "./rows.ts";
import { compareVersions } from "./version-key.ts";

/**
 * Limits of the CompareCache table. Anyone can ask for any pair with any options, so the table is
 * capped: after each insert the least recently used rows beyond either limit are deleted (nothing
 * depends on a row existing; an evicted comparison is computed again when next asked for).
 */
export function compareCacheLimits(maxChars: number = config().work.compareCacheMaxChars) {
  return {
    /** Rows kept at most (one row per pair and option set). */
    maxRows: 500,
    /** Total size of the stored JSON kept at most, in characters (a 36 KB pair stores ~170 KB); COMPARE_CACHE_MAX_CHARS. */
    maxChars,
    /**
     * A larger model is not stored (only this process keeps it, gzip-compressed, in memory within a cap of
     * its own): no single model may push more than a quarter of the table out, and none ever evicts itself.
     */
    maxModelChars: Math.min(16 * 1024 * 1024, Math.floor(maxChars / 4)),
  };
}

/**
 * A row's lastUsedAt is written at most this often (a read is not a write per view; the marks go with
 * the batched writes). Short enough that a popular pair stays ahead of a flood of new comparisons.
 */
const TOUCH_EVERY_MS = 30 * 1000;

export interface CacheLimits {
  maxRows: number;
  maxChars: number;
}

export interface LoadedVersion {
  id: string;
  slug: string;
  policyName: string;
  key: string;
  publishedAt: string | null;
  label: string | null;
  contentHash: string;
  /** sha256 of the original text (the cache key needs it; memoised, as a stored text never changes). */
  textHash: string;
  /** Characters of the original text. */
  length: number;
  /** The original text, read when first asked for (only a computation needs it). */
  text(): Promise<string>;
}

export type VersionLookup =
  | { ok: true; version: LoadedVersion }
  | { ok: false; reason: "policy-not-found" | "version-not-found"; address: VersionAddress };

export interface ComparePolicyChoice {
  slug: string;
  name: string;
  /** Newest first. */
  versions: { key: string; publishedAt: string | null; label: string | null }[];
}

/**
 * sha256 and length of each version's original text, by id and content hash (a version's text is
 * never edited, only its metadata): a page whose model is cached then reads no text at all.
 */
const textFacts = processWide("version-text-facts", () => new SizedLru<{ hash: string; length: number }>(Infinity, 8192));

/** One version by id (its text read only when needed), or null. */
export async function loadVersionById(id: string, client: Db = defaultDb()): Promise<LoadedVersion | null> {
  const row = await client.version.findUnique({ where: { id }, select: { key: true, policy: { select: { slug: true } } } });
  if (!row) return null;
  const r = await loadVersion({ slug: row.policy.slug, key: row.key }, client);
  return r.ok ? r.version : null;
}

/** One version by policy slug and version key (its text read only when needed); says which part is missing otherwise. */
export async function loadVersion(address: VersionAddress, client: Db = defaultDb()): Promise<VersionLookup> {
  const row = await client.version.findFirst({
    where: { key: address.key, policy: { slug: address.slug } },
    select: {
      id: true,
      key: true,
      publishedAt: true,
      label: true,
      contentHash: true,
      policy: { select: { slug: true, name: true } },
    },
  });
  if (!row) {
    const policy = await client.policy.findUnique({ where: { slug: address.slug }, select: { id: true } });
    return { ok: false, reason: policy ? "version-not-found" : "policy-not-found", address };
  }
  const factsKey = `${row.id}:${row.contentHash}`;
  let loaded: Promise<string> | null = null;
  const text = () =>
    (loaded ??= client.version
      .findUniqueOrThrow({ where: { id: row.id }, select: { originalText: true } })
      .then((r) => r.originalText));
  let facts = textFacts.get(factsKey);
  if (!facts) {
    const t = await text();
    facts = { hash: sha256(t), length: t.length };
    textFacts.set(factsKey, facts);
  }
  return {
    ok: true,
    version: {
      id: row.id,
      slug: row.policy.slug,
      policyName: row.policy.name,
      key: row.key,
      publishedAt: toIsoDate(row.publishedAt),
      label: row.label,
      contentHash: row.contentHash,
      textHash: facts.hash,
      length: facts.length,
      text,
    },
  };
}

/** Every policy with its versions (newest first): the choices of the in-place version switches. */
export async function listCompareChoices(client: Db = defaultDb()): Promise<ComparePolicyChoice[]> {
  const policies = await client.policy.findMany({
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      name: true,
      versions: {
        select: { key: true, publishedAt: true, label: true, importedAt: true },
      },
    },
  });
  return policies.map((p) => ({
    slug: p.slug,
    name: p.name,
    // The foundation's order (lib/data/version-key.ts), reversed: newest first, undated last.
    versions: p.versions
      .map((v) => ({ key: v.key, publishedAt: toIsoDate(v.publishedAt), label: v.label, importedAt: v.importedAt.toISOString() }))
      .sort((a, b) => compareVersions(b, a))
      .map(({ key, publishedAt, label }) => ({ key, publishedAt, label })),
  }));
}

export interface VersionChoice {
  slug: string;
  policyName: string;
  key: string;
  publishedAt: string | null;
  label: string | null;
}

/**
 * Versions for the compare page's picker, at most `limit` (1-50): every word of `query` must appear
 * in the policy's name or slug, or the version's key or label (case-insensitive for Latin letters);
 * `policy` keeps one policy's. By policy name, then newest first. Never reads the texts.
 */
export async function findVersionChoices(
  query: string,
  options: { policy?: string | null; limit?: number } = {},
  client: Db = defaultDb(),
): Promise<VersionChoice[]> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const limit = Math.min(50, Math.max(1, options.limit ?? 20));
  const rows = await client.version.findMany({
    where: {
      AND: [
        ...(options.policy ? [{ policy: { slug: options.policy } }] : []),
        ...words.map((w) => ({
          OR: [
            { key: { contains: w } },
            { label: { contains: w } },
            { policy: { name: { contains: w } } },
            { policy: { slug: { contains: w } } },
          ],
        })),
      ],
    },
    orderBy: [{ policy: { name: "asc" } }, { policy: { slug: "asc" } }, { publishedAt: "desc" }, { importedAt: "desc" }],
    take: limit,
    select: { key: true, publishedAt: true, label: true, importedAt: true, policy: { select: { slug: true, name: true } } },
  });
  const order = new Map<string, number>();
  for (const r of rows) if (!order.has(r.policy.slug)) order.set(r.policy.slug, order.size);
  return rows
    .map((r) => ({
      slug: r.policy.slug,
      policyName: r.policy.name,
      key: r.key,
      publishedAt: toIsoDate(r.publishedAt),
      label: r.label,
      importedAt: r.importedAt.toISOString(),
    }))
    .sort((a, b) => order.get(a.slug)! - order.get(b.slug)! || compareVersions(b, a))
    .map(({ importedAt: _i, ...v }) => v);
}

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");


/** JSON with object keys sorted and regular expressions as their source (a stable fingerprint). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
    if (v && typeof v === "object" && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/**
 * The parser's version as far as cached models are concerned: lib/parse's PARSE_VERSION when it
 * exports one, plus a hash of its thresholds (PARSE_CONFIG), so a changed parser never serves a model
 * built from the old section tree. (Read from the namespace: PARSE_VERSION may not exist yet.)
 */
export const PARSER_FINGERPRINT: string = JSON.stringify([
  (parser as Record<string, unknown>).PARSE_VERSION ?? null,
  sha256(stableJson(PARSE_CONFIG)).slice(0, 16),
]);

type KeyedVersion = Pick<LoadedVersion, "contentHash" | "textHash">;

export function compareCacheKey(from: KeyedVersion, to: KeyedVersion, options: CompareOptions): string {
  return sha256(
    JSON.stringify([
      ENGINE_VERSION,
      PARSER_FINGERPRINT,
      normalizeIgnore(options.ignore),
      // The engine's bounds (absent when unbounded): a coarse model is not the full one.
      ...(options.limits ? [[options.limits.sectionBlocks, options.limits.sectionChars]] : []),
      from.contentHash,
      to.contentHash,
      from.textHash,
      to.textHash,
    ]),
  );
}

export interface CompareResult {
  /** The model's cache key (names the model: same key, same JSON). */
  key: string;
  /** The model as stored (the API sends it as is; pages render it in a worker thread). */
  json: string;
  cached: boolean;
}

/** The comparison cannot be made within the server's budgets (time, memory or model size). */
export class CompareTooLargeError extends Error {
  readonly code = "compare_too_large";
  constructor(
    readonly reason: "size" | "timeout" | "memory" | "crashed",
    message: string,
  ) {
    super(message);
    this.name = "CompareTooLargeError";
  }
}

/** CompareTooLargeError from any bundle's copy of this module (see lib/work/pool.ts). */
export function isCompareTooLarge(error: unknown): error is CompareTooLargeError {
  return error instanceof Error && error.name === "CompareTooLargeError" && "reason" in error;
}

/**
 * The JSON answer to a comparison that was refused: 503 `busy` with Retry-After (admission), 422
 * `compare_too_large` (budgets); null for any other error. One mapping for every route that compares.
 */
export function refusedComparisonResponse(error: unknown): Response | null {
  if (isBusyError(error))
    return jsonError(
      503,
      "busy",
      error.message,
      { retryAfter: error.retryAfter },
      { "retry-after": String(error.retryAfter) },
    );
  if (isCompareTooLarge(error)) return jsonError(422, error.code, error.message, { reason: error.reason });
  return null;
}

export interface CompareDeps {
  client?: Db;
  /** The table's limits (default compareCacheLimits(); tests lower them). */
  cacheLimits?: CacheLimits & { maxModelChars: number };
  /** The worker lanes (default: the process's). */
  lanes?: Work;
  /** Who asks (a client address): admission bounds the computations of one requester. */
  requester?: string;
  /**
   * false: no admission control, the computation waits its turn in its lane (work that follows a
   * write, such as history steps, is not an anonymous read to be refused). Default true.
   */
  admit?: boolean;
}

/**
 * Models recently served by this process, by cache key (a key names its content, so an entry is never
 * stale), as JSON: spares reading the row again on every view of a popular pair. `stored`: true when
 * its row exists, "pending" while its row waits in the write queue.
 */
const recent = processWide(
  "compare-recent",
  () => new SizedLru<{ json: string; stored: true | "pending" }>(16 * 1024 * 1024),
);
/**
 * Models too large for the table, gzip-compressed, within their own cap (OVERSIZED_BYTES of
 * compressed bytes, least recently used first out): asking again for one costs a decompression
 * (zlib's thread pool, off the event loop), not a recomputation, and neither they nor the table's
 * rows push each other out.
 */
const OVERSIZED_BYTES = 16 * 1024 * 1024;
const oversized = processWide("compare-oversized", () => new SizedLru<Buffer>(OVERSIZED_BYTES, 32));
const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);
/** Comparisons refused for their budgets, by key, for a while: asking again costs nothing. */
const refused = processWide(
  "compare-refused",
  () => new SizedLru<{ error: CompareTooLargeError; until: number }>(Infinity, 512),
);
const REFUSAL_MS = 10 * 60 * 1000;
/** When this process last wrote a row's lastUsedAt. */
const touched = processWide("compare-touched", () => new SizedLru<number>(Infinity, 4096));

/**
 * Computations under way in this process, by cache key: concurrent misses of one key share one.
 * (These maps are process-wide: the API and the pages are bundled apart, with a copy of this module each.)
 */
const computing = processWide("compare-computing", () => new Map<string, Promise<CompareResult>>());

/**
 * Writes to the table wait in a queue and go in one transaction at most every FLUSH_EVERY_MS: each
 * commit syncs the disk (synchronous=FULL; ~50 ms here with the rollback journal, a few ms with WAL),
 * and better-sqlite3 does that on the event loop, so a write per computed model held the server up
 * for as long as uncached requests came in. Batched, the writes take a bounded share of the loop
 * whatever the load. A queued model is served from memory meanwhile; a lost queue (the process ends)
 * only costs recomputing.
 */
interface WriteQueue {
  rows: Map<string, { key: string; fromVersionId: string; toVersionId: string; json: string }>;
  /** Keys whose lastUsedAt to set, with the time. */
  touches: Map<string, number>;
  limits: CacheLimits;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
  lastFlush: number;
}
const FLUSH_EVERY_MS = 500;
const FLUSH_MAX_ROWS = 16;
const writeQueues = processWide("compare-writes", () => new WeakMap<Db, WriteQueue>());

function queueOf(client: Db): WriteQueue {
  let q = writeQueues.get(client);
  if (!q) {
    q = { rows: new Map(), touches: new Map(), limits: compareCacheLimits(), timer: null, flushing: null, lastFlush: 0 };
    writeQueues.set(client, q);
  }
  return q;
}

function scheduleFlush(client: Db, q: WriteQueue): void {
  if (q.timer || q.flushing) return;
  q.timer = setTimeout(
    () => {
      q.timer = null;
      q.flushing = flushOnce(client, q).finally(() => {
        q.flushing = null;
        q.lastFlush = Date.now();
        if (q.rows.size || q.touches.size) scheduleFlush(client, q);
      });
    },
    Math.max(0, q.lastFlush + FLUSH_EVERY_MS - Date.now()),
  );
}

async function flushOnce(client: Db, q: WriteQueue): Promise<void> {
  const rows = [...q.rows.values()].slice(0, FLUSH_MAX_ROWS);
  for (const r of rows) q.rows.delete(r.key);
  const touches = [...q.touches];
  q.touches.clear();
  try {
    // One write transaction (lib/db.ts: it waits for other writers, such as the import CLI, without
    // blocking the event loop), a few seconds at most: a cache write can always be dropped.
    await writeTransaction(
      client,
      async (tx) => {
        for (const r of rows)
          await tx.compareCache.upsert({ where: { key: r.key }, create: { ...r, size: r.json.length }, update: {} });
        for (const [key, at] of touches)
          await tx.compareCache.updateMany({ where: { key }, data: { lastUsedAt: new Date(at) } });
        if (rows.length) await evictLeastUsed(tx, q.limits);
      },
      { deadlineMs: 5_000 },
    );
  } catch (error) {
    // A version deleted meanwhile (its rows may not exist), or another process stored the same key:
    // the models are still right, only the table's bookkeeping is behind.
    console.warn("[compare-cache] store failed:", error instanceof Error ? error.message : error);
  }
  for (const r of rows) {
    const mem = recent.get(r.key);
    if (mem?.stored === "pending") mem.stored = true;
  }
}

/** Waits until every queued write of `client` is in the table (tests; a clean shutdown). */
export async function flushCompareWrites(client: Db = defaultDb()): Promise<void> {
  const q = writeQueues.get(client);
  while (q && (q.rows.size || q.touches.size || q.flushing || q.timer)) {
    if (q.timer) {
      clearTimeout(q.timer);
      q.timer = null;
    }
    if (!q.flushing) q.flushing = flushOnce(client, q).finally(() => (q.flushing = null));
    await q.flushing;
  }
}

/** Marks a row as used now, at most every touchEveryMs per row (queued with the writes). */
function touch(client: Db, key: string, lastUsedAt: Date | null): void {
  const now = Date.now();
  const last = Math.max(touched.get(key) ?? 0, lastUsedAt?.getTime() ?? 0);
  if (now - last < TOUCH_EVERY_MS) return;
  touched.set(key, now);
  const q = queueOf(client);
  q.touches.set(key, now);
  scheduleFlush(client, q);
}

/**
 * The engine's model for two versions: from memory or the cache table, or computed in a worker thread
 * (admission-controlled: BusyError beyond the queue) and stored. CompareTooLargeError when the
 * comparison exceeds the budgets (remembered for a while, so asking again is cheap).
 */
export async function getCompareModel(
  from: LoadedVersion,
  to: LoadedVersion,
  ignore: readonly IgnoreOption[],
  deps: CompareDeps = {},
): Promise<CompareResult> {
  const client = deps.client ?? defaultDb();
  const lanes = deps.lanes ?? work();
  const options: CompareOptions = { ignore: normalizeIgnore(ignore), limits: lanes.budgets.compareLimits };
  const key = compareCacheKey(from, to, options);
  const no = refused.get(key);
  if (no && no.until > Date.now()) throw no.error;
  // The table is the cache; memory only holds copies of its rows (a purged row is recomputed), and the
  // models too large to store.
  const packed = oversized.get(key);
  if (packed) return { key, json: (await gunzip(packed)).toString("utf8"), cached: true };
  const mem = recent.get(key);
  if (mem?.stored === "pending") return { key, json: mem.json, cached: true };
  if (mem) {
    const row = await client.compareCache.findUnique({ where: { key }, select: { lastUsedAt: true } });
    if (row) {
      touch(client, key, row.lastUsedAt);
      return { key, json: mem.json, cached: true };
    }
    recent.delete(key);
  }
  const hit = await client.compareCache.findUnique({ where: { key }, select: { json: true, lastUsedAt: true } });
  if (hit) {
    recent.set(key, { json: hit.json, stored: true }, hit.json.length);
    touch(client, key, hit.lastUsedAt);
    return { key, json: hit.json, cached: true };
  }

  // One computation per key at a time: a burst of requests for a new pair waits for the first.
  const pending = computing.get(key);
  if (pending) return { ...(await pending), cached: true };
  const limits = deps.cacheLimits ?? compareCacheLimits();
  const compute = () => computeAndStore(key, from, to, options, client, lanes, deps.requester ?? "local", limits, deps.admit ?? true);
  const run = (providerOfClient(client) === "postgresql" ? computeOnceAcrossServers(client, key, compute) : compute()).finally(() =>
    computing.delete(key),
  );
  computing.set(key, run);
  return run;
}

/**
 * Several servers on one PostgreSQL database (docs/decisions/0017-postgresql.md): the first to ask for a
 * new pair computes it holding the pair's job lock and stores the row before letting go; the others wait
 * for the lock, then find the row.
 */
async function computeOnceAcrossServers(client: Db, key: string, compute: () => Promise<CompareResult>): Promise<CompareResult> {
  const locked = await withJobLock(
    client,
    `compare:${key}`,
    async () => {
      const hit = await client.compareCache.findUnique({ where: { key }, select: { json: true } });
      if (hit) {
        recent.set(key, { json: hit.json, stored: true }, hit.json.length);
        return { key, json: hit.json, cached: true };
      }
      const result = await compute();
      await flushCompareWrites(client);
      return result;
    },
    { wait: true },
  );
  return locked.ran ? locked.value : compute();
}

async function computeAndStore(
  key: string,
  from: LoadedVersion,
  to: LoadedVersion,
  options: CompareOptions,
  client: Db,
  lanes: Work,
  requester: string,
  limits: NonNullable<CompareDeps["cacheLimits"]>,
  admit: boolean,
): Promise<CompareResult> {
  const lane = lanes.laneFor(from.length + to.length);
  let json: string;
  try {
    const compute = async () =>
      lanes.run(lane, "compare", {
        oldText: await from.text(),
        newText: await to.text(),
        ignore: options.ignore,
        limits: options.limits!,
        maxModelChars: lanes.budgets.maxModelChars,
      });
    ({ json } = await (admit ? lanes.admission.run(lane, requester, compute) : compute()));
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    console.warn(`[compare] ${from.slug}@${from.key} -> ${to.slug}@${to.key}: ${refusal.reason}: ${refusal.message}`);
    if (refusal.reason !== "crashed") refused.set(key, { error: refusal, until: Date.now() + REFUSAL_MS });
    throw refusal;
  }
  if (json.length > limits.maxModelChars) {
    // (One that would fill a quarter of the cap even compressed is not kept: computed again if asked.)
    const packed = await gzip(json, { level: 1 });
    if (packed.length <= OVERSIZED_BYTES / 4) oversized.set(key, packed, packed.length);
    return { key, json, cached: false };
  }
  recent.set(key, { json, stored: "pending" }, json.length);
  const q = queueOf(client);
  q.limits = limits;
  q.rows.set(key, { key, fromVersionId: from.id, toVersionId: to.id, json });
  scheduleFlush(client, q);
  return { key, json, cached: false };
}

/** A worker's budget failure or size refusal as CompareTooLargeError; null for anything else. */
function asRefusal(error: unknown): CompareTooLargeError | null {
  if (isCompareTooLarge(error)) return error;
  if (isWorkBudgetError(error))
    return new CompareTooLargeError(
      error.reason,
      error.reason === "timeout"
        ? "These versions are too large to compare within the server's time limit."
        : error.reason === "memory"
          ? "These versions are too large to compare within the server's memory limit."
          : "The comparison failed in its worker thread.",
    );
  if (isWorkTaskError(error) && error.data.name === "CompareTooLargeError")
    return new CompareTooLargeError("size", "The comparison is too large to show or store: its model exceeds the size limit.");
  return null;
}

/**
 * Deletes the least recently used rows beyond the limits (most recently used kept): first beyond the
 * row count, then beyond the total JSON size (a running sum of the stored sizes from the most recent
 * row down). Never reads the models.
 */
export async function evictLeastUsed(client: Db | Tx = defaultDb(), limits: CacheLimits = compareCacheLimits()): Promise<number> {
  // No limit is LIMIT -1 on SQLite and LIMIT ALL on PostgreSQL.
  const all = providerOfClient(client) === "postgresql" ? Prisma.sql`ALL` : Prisma.sql`-1`;
  const byRows = await client.$executeRaw`
    DELETE FROM "CompareCache" WHERE "id" IN (
      SELECT "id" FROM "CompareCache" ORDER BY "lastUsedAt" DESC, "id" DESC LIMIT ${all} OFFSET ${limits.maxRows})`;
  const bySize = await client.$executeRaw`
    DELETE FROM "CompareCache" WHERE "id" IN (
      SELECT "id" FROM (
        SELECT "id", SUM("size") OVER (ORDER BY "lastUsedAt" DESC, "id" DESC) AS "total" FROM "CompareCache"
      ) AS "running" WHERE "total" > ${limits.maxChars})`;
  return byRows + bySize;
}
