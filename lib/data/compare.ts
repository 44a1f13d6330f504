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
import { compareDocuments, ENGINE_VERSION, normalizeIgnore } from "../compare/index.ts";
import type { CompareModel, CompareOptions, IgnoreOption } from "../compare/types.ts";
import { db as defaultDb, type Db } from "../db.ts";
import * as parser from "../parse/index.ts";
import { PARSE_CONFIG, parseDocument } from "../parse/index.ts";
import type { DocumentTree } from "../parse/types.ts";
import type { VersionAddress } from "../view/url.ts";
import { toIsoDate } from "./rows.ts";
import { compareVersions } from "./version-key.ts";

/**
 * Limits of the CompareCache table. Anyone can ask for any pair with any options, so the table is
 * capped: after each insert the oldest rows beyond either limit are deleted (nothing depends on a row
 * existing; an evicted comparison is computed again when next asked for).
 */
export const COMPARE_CACHE_LIMITS = {
  /** Rows kept at most (one row per pair and option set). */
  maxRows: 500,
  /** Total size of the stored JSON kept at most, in characters (a 36 KB pair stores ~170 KB). */
  maxChars: 64 * 1024 * 1024,
} as const;

export interface LoadedVersion {
  id: string;
  slug: string;
  policyName: string;
  key: string;
  publishedAt: string | null;
  label: string | null;
  contentHash: string;
  text: string;
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

/** One version by policy slug and version key, with its text; says which part is missing otherwise. */
export async function loadVersion(address: VersionAddress, client: Db = defaultDb()): Promise<VersionLookup> {
  const row = await client.version.findFirst({
    where: { key: address.key, policy: { slug: address.slug } },
    select: {
      id: true,
      key: true,
      publishedAt: true,
      label: true,
      contentHash: true,
      originalText: true,
      policy: { select: { slug: true, name: true } },
    },
  });
  if (!row) {
    const policy = await client.policy.findUnique({ where: { slug: address.slug }, select: { id: true } });
    return { ok: false, reason: policy ? "version-not-found" : "policy-not-found", address };
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
      text: row.originalText,
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

export function compareCacheKey(from: LoadedVersion, to: LoadedVersion, options: CompareOptions): string {
  return sha256(
    JSON.stringify([
      ENGINE_VERSION,
      PARSER_FINGERPRINT,
      normalizeIgnore(options.ignore),
      from.contentHash,
      to.contentHash,
      sha256(from.text),
      sha256(to.text),
    ]),
  );
}

export interface CompareResult {
  model: CompareModel;
  /** The model as stored (the API sends it as is). */
  json: string;
  cached: boolean;
  /** Parsed trees, when this request parsed them (a cache miss); the view needs them only as a fallback. */
  oldTree: DocumentTree | null;
  newTree: DocumentTree | null;
}

/**
 * Models recently served by this process, by cache key (a key names its content, so an entry is never
 * stale): spares reading and parsing the stored JSON again on every view of a popular pair.
 */
const recent = new Map<string, { model: CompareModel; json: string }>();
const RECENT_MAX = 16;

function remember(key: string, value: { model: CompareModel; json: string }): void {
  recent.delete(key);
  recent.set(key, value);
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
}

/** Computations under way in this process, by cache key: concurrent misses of one key share one. */
const computing = new Map<string, Promise<CompareResult>>();

/** The engine's model for two versions: from memory or the cache table, or computed and stored. */
export async function getCompareModel(
  from: LoadedVersion,
  to: LoadedVersion,
  ignore: readonly IgnoreOption[],
  client: Db = defaultDb(),
): Promise<CompareResult> {
  const options: CompareOptions = { ignore: normalizeIgnore(ignore) };
  const key = compareCacheKey(from, to, options);
  // The table is the cache; memory only holds parsed copies of its rows (a purged row is recomputed).
  const mem = recent.get(key);
  if (mem) {
    if (await client.compareCache.findUnique({ where: { key }, select: { id: true } }))
      return { ...mem, cached: true, oldTree: null, newTree: null };
    recent.delete(key);
  }
  const hit = await client.compareCache.findUnique({ where: { key }, select: { json: true } });
  if (hit) {
    const model = JSON.parse(hit.json) as CompareModel;
    remember(key, { model, json: hit.json });
    return { model, json: hit.json, cached: true, oldTree: null, newTree: null };
  }

  // One computation per key at a time: a burst of requests for a new pair waits for the first.
  const pending = computing.get(key);
  if (pending) return { ...(await pending), cached: true };
  const run = computeAndStore(key, from, to, options, client).finally(() => computing.delete(key));
  computing.set(key, run);
  return run;
}

async function computeAndStore(key: string, from: LoadedVersion, to: LoadedVersion, options: CompareOptions, client: Db): Promise<CompareResult> {
  const oldTree = parseDocument(from.text);
  const newTree = parseDocument(to.text);
  const model = compareDocuments(oldTree, newTree, options);
  const json = JSON.stringify(model);
  try {
    await client.compareCache.upsert({
      where: { key },
      create: { key, fromVersionId: from.id, toVersionId: to.id, json },
      update: {},
    });
    await evictOldest(client);
  } catch (error) {
    // Another process stored the same key first (its model is identical), or eviction failed:
    // the model is still right, only the table's bookkeeping is behind.
    console.warn("[compare-cache] store or eviction failed:", error instanceof Error ? error.message : error);
  }
  remember(key, { model, json });
  return { model, json, cached: false, oldTree, newTree };
}

/**
 * Deletes the oldest rows beyond COMPARE_CACHE_LIMITS (by creation, newest kept): first beyond the
 * row count, then beyond the total JSON size (a running sum from the newest row down).
 */
export async function evictOldest(client: Db = defaultDb(), limits: { maxRows: number; maxChars: number } = COMPARE_CACHE_LIMITS): Promise<number> {
  const byRows = await client.$executeRaw`
    DELETE FROM "CompareCache" WHERE "id" IN (
      SELECT "id" FROM "CompareCache" ORDER BY "createdAt" DESC, "id" DESC LIMIT -1 OFFSET ${limits.maxRows})`;
  const bySize = await client.$executeRaw`
    DELETE FROM "CompareCache" WHERE "id" IN (
      SELECT "id" FROM (
        SELECT "id", SUM(LENGTH("json")) OVER (ORDER BY "createdAt" DESC, "id" DESC) AS "total" FROM "CompareCache"
      ) WHERE "total" > ${limits.maxChars})`;
  return byRows + bySize;
}
