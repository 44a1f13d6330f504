/**
 * The compare view's URLs (docs/decisions/0007-compare-urls.md). The URL alone reproduces a view:
 *
 *   /p/{slug}/compare/{fromKey}...{toKey}                  two versions of one policy
 *   /compare/{slugA}@{fromKey}...{slugB}@{toKey}           versions of two policies
 *   ?ignore=whitespace,width,numbering|none&layout=split|inline&only=changes&changes=substantive&topic=sdk
 *   #{sectionPairKey}                                      the section in focus
 *
 * Version keys are the foundation's (ISO published date, "-2" for same-day duplicates, "undated").
 * Options are written in one canonical order and defaults are omitted, so equal views share one URL.
 * The default ignore set is whitespace + width (DEFAULT_IGNORE): no `ignore` means that set, `ignore=none`
 * means nothing ignored.
 */
import { IGNORE_OPTIONS, isIgnoreOption, normalizeIgnore } from "../compare/options.ts";
import type { IgnoreOption } from "../compare/types.ts";
import { TOPIC_IDS, type TopicId } from "../insight/lexicon.ts";
import type { Layout, ViewOptions } from "./types.ts";

export interface VersionAddress {
  slug: string;
  key: string;
}

export const LAYOUTS: readonly Layout[] = ["auto", "split", "inline"];
export const RANGE_SEPARATOR = "...";

/** What the web view and /api/compare ignore when the URL says nothing (ADR 0007). The CLI ignores nothing by default. */
export const DEFAULT_IGNORE: readonly IgnoreOption[] = ["whitespace", "width"];
/** The `ignore` value for the empty set (an absent param means DEFAULT_IGNORE). */
export const IGNORE_NONE = "none";

export const DEFAULT_VIEW_OPTIONS: ViewOptions = { ignore: [...DEFAULT_IGNORE], layout: "auto", changesOnly: false };

const SLUG = /^[a-z0-9][a-z0-9-]*$/i;
const KEY = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** decodeURIComponent that never throws: a malformed sequence ("%", "%E4%B8") gives the input back. */
export function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** "2022-06-29...2024-09-25" -> ["2022-06-29", "2024-09-25"]; null when malformed. */
export function parseKeyRange(range: string): [string, string] | null {
  const parts = decodeSafely(range).split(RANGE_SEPARATOR);
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  return KEY.test(a) && KEY.test(b) ? [a, b] : null;
}

/** A version key from a path segment (decoded at most once more, safely); null when malformed. */
export function parseKey(segment: string): string | null {
  const key = decodeSafely(segment);
  return KEY.test(key) ? key : null;
}

/** A policy slug from a path segment (decoded at most once more, safely); null when malformed. */
export function parseSlug(segment: string): string | null {
  const slug = decodeSafely(segment);
  return SLUG.test(slug) ? slug : null;
}

/** "slug@2022-06-29" -> { slug, key }; null when malformed. */
export function parseAddress(s: string): VersionAddress | null {
  const m = /^([^@]+)@([^@]+)$/.exec(decodeSafely(s).trim());
  if (!m) return null;
  const slug = m[1]!;
  const key = m[2]!;
  return SLUG.test(slug) && KEY.test(key) ? { slug, key } : null;
}

/** "a@k1...b@k2" -> two addresses; null when malformed. */
export function parseAddressRange(range: string): [VersionAddress, VersionAddress] | null {
  const parts = decodeSafely(range).split(RANGE_SEPARATOR);
  if (parts.length !== 2) return null;
  const a = parseAddress(parts[0]!);
  const b = parseAddress(parts[1]!);
  return a && b ? [a, b] : null;
}

type Search = URLSearchParams | Record<string, string | string[] | undefined>;

function get(search: Search, name: string): string | undefined {
  if (search instanceof URLSearchParams) return search.get(name) ?? undefined;
  const v = search[name];
  return Array.isArray(v) ? v[0] : v;
}

export type IgnoreParse = { ok: true; ignore: IgnoreOption[] } | { ok: false; reason: string };

/**
 * The `ignore` param -> options in canonical order, no duplicates:
 *   absent or empty -> DEFAULT_IGNORE; "none" -> []; "width,whitespace" -> ["whitespace", "width"].
 * Unknown values, and "none" beside other values, are refused (the API answers 422, pages fall back).
 */
export function parseIgnore(raw: string | undefined | null): IgnoreParse {
  if (raw == null || !raw.trim()) return { ok: true, ignore: [...DEFAULT_IGNORE] };
  const parts = raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.includes(IGNORE_NONE)) {
    if (parts.every((p) => p === IGNORE_NONE)) return { ok: true, ignore: [] };
    return { ok: false, reason: `"${IGNORE_NONE}" cannot be combined with other ignore options` };
  }
  const wanted = new Set<IgnoreOption>();
  for (const p of parts) {
    if (!isIgnoreOption(p))
      return {
        ok: false,
        reason: `unknown ignore option "${p}" (expected ${IGNORE_OPTIONS.join(", ")} or ${IGNORE_NONE})`,
      };
    wanted.add(p);
  }
  return { ok: true, ignore: normalizeIgnore(wanted) };
}

/** The `ignore` param for a set: null (omit) for the default set, "none" for the empty one. */
export function formatIgnore(ignore: readonly IgnoreOption[]): string | null {
  const canonical = normalizeIgnore(ignore);
  if (canonical.length === DEFAULT_IGNORE.length && DEFAULT_IGNORE.every((x) => canonical.includes(x))) return null;
  return canonical.length ? canonical.join(",") : IGNORE_NONE;
}

/** The view options in a query. Lenient (pages): unknown values fall back to the defaults. */
export function parseViewOptions(search: Search): ViewOptions {
  const ignore = parseIgnore(get(search, "ignore"));
  const layout = get(search, "layout");
  const rawTopic = get(search, "topic") ?? "";
  const topic = (TOPIC_IDS as readonly string[]).includes(rawTopic) ? (rawTopic as TopicId) : null;
  return {
    ignore: ignore.ok ? ignore.ignore : [...DEFAULT_IGNORE],
    layout: (LAYOUTS as readonly string[]).includes(layout ?? "") ? (layout as Layout) : "auto",
    changesOnly: get(search, "only") === "changes",
    // Present only when set, so the defaults read as before (ADR 0020).
    ...(get(search, "changes") === "substantive" ? { changes: "substantive" as const } : {}),
    ...(topic ? { topic } : {}),
  };
}

/** The canonical query string ("" or "?..."): defaults omitted, fixed order, commas left readable. */
export function formatQuery(o: ViewOptions): string {
  const parts: string[] = [];
  const ignore = formatIgnore(o.ignore);
  if (ignore !== null) parts.push(`ignore=${ignore}`);
  if (o.layout !== "auto") parts.push(`layout=${o.layout}`);
  if (o.changesOnly) parts.push("only=changes");
  if (o.changes === "substantive") parts.push("changes=substantive");
  if (o.topic) parts.push(`topic=${o.topic}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** The page of a policy. */
export function policyPath(slug: string): string {
  return `/p/${encodeURIComponent(slug)}`;
}

/** The page of a stored version. */
export function versionPath(slug: string, key: string): string {
  return `${policyPath(slug)}/v/${encodeURIComponent(key)}`;
}

/** The path of a compare view (same-policy form when both versions belong to one policy). */
export function comparePath(from: VersionAddress, to: VersionAddress): string {
  const enc = encodeURIComponent;
  if (from.slug === to.slug) return `${policyPath(from.slug)}/compare/${enc(from.key)}${RANGE_SEPARATOR}${enc(to.key)}`;
  return `/compare/${enc(from.slug)}@${enc(from.key)}${RANGE_SEPARATOR}${enc(to.slug)}@${enc(to.key)}`;
}

export function compareHref(from: VersionAddress, to: VersionAddress, o: ViewOptions, fragment?: string): string {
  return comparePath(from, to) + formatQuery(o) + (fragment ? `#${fragment}` : "");
}

/** Options with one ignore option switched on or off. */
export function toggleIgnore(o: ViewOptions, opt: IgnoreOption): ViewOptions {
  const on = o.ignore.includes(opt);
  return { ...o, ignore: on ? o.ignore.filter((x) => x !== opt) : [...o.ignore, opt] };
}
