/**
 * The version keys a URL names, and the same URL with other keys: how a link made with a retired key
 * is sent on to the version's current key (docs/decisions/0023-permanent-links-and-first-run.md).
 * Covers every address that takes a key, keeping its shape (so a fragment survives the redirect):
 *
 *   /p/{slug}/v/{key}[/...]                         a version (its page, its edit page)
 *   /p/{slug}/compare/{a}...{b}[/{file}]            a compare view or its export, either side or both
 *   /compare/{slugA}@{a}...{slugB}@{b}[/{file}]     the same across policies
 *   /p/{slug}/history/{section}?at={key}            a section's history at a version
 *   /api/policies/{slug}/versions/{key}             the JSON API's version read
 *   /api/compare[/export]?from={slug}@{a}&to={slug}@{b}
 */
import {
  parseAddress,
  parseAddressRange,
  parseKey,
  parseKeyRange,
  parseSlug,
  RANGE_SEPARATOR,
  type VersionAddress,
} from "./url.ts";

export interface KeyedUrl {
  /** The versions the URL names, in the order `withKeys` takes their replacements. */
  addresses: VersionAddress[];
  /** Whether the URL is the JSON API's (it gets JSON answers, not pages). */
  api: boolean;
  /** The URL's path and query with these keys in place of the addresses' keys (same order). */
  withKeys(keys: readonly string[]): string;
}

const enc = encodeURIComponent;

function at(search: URLSearchParams, name: string, value: string): string {
  const copy = new URLSearchParams(search);
  copy.set(name, value);
  return `?${copy.toString()}`;
}

/** The keyed addresses of a path and query; null when the URL names no version. */
export function keyedUrl(pathname: string, search: URLSearchParams): KeyedUrl | null {
  const segments = pathname.split("/");
  const query = search.size ? `?${search.toString()}` : "";
  const replaced = (i: number, segment: string) => segments.map((s, j) => (j === i ? segment : s)).join("/") + query;
  const [, first, second, third, fourth, fifth] = segments;

  if (first === "p" && second) {
    const slug = parseSlug(second);
    if (!slug) return null;
    const key = third === "v" && fourth ? parseKey(fourth) : null;
    if (key) return { addresses: [{ slug, key }], api: false, withKeys: ([k]) => replaced(4, enc(k!)) };
    const keys = third === "compare" && fourth ? parseKeyRange(fourth) : null;
    if (keys)
      return {
        addresses: keys.map((key) => ({ slug, key })),
        api: false,
        withKeys: ([a, b]) => replaced(4, `${enc(a!)}${RANGE_SEPARATOR}${enc(b!)}`),
      };
    const atKey = search.get("at");
    if (third === "history" && atKey && parseAddress(`${slug}@${atKey}`))
      return {
        addresses: [{ slug, key: atKey }],
        api: false,
        withKeys: ([k]) => segments.join("/") + at(search, "at", k!),
      };
    return null;
  }
  if (first === "compare" && second) {
    const range = parseAddressRange(second);
    if (!range) return null;
    return {
      addresses: range,
      api: false,
      withKeys: ([a, b]) =>
        replaced(2, `${enc(range[0].slug)}@${enc(a!)}${RANGE_SEPARATOR}${enc(range[1].slug)}@${enc(b!)}`),
    };
  }
  if (first === "api" && second === "policies" && third && fourth === "versions" && fifth && segments.length === 6) {
    const address = parseAddress(`${third}@${fifth}`);
    if (!address) return null;
    return { addresses: [address], api: true, withKeys: ([k]) => replaced(5, enc(k!)) };
  }
  if (pathname === "/api/compare" || pathname === "/api/compare/export") {
    const from = parseAddress(search.get("from") ?? "");
    const to = parseAddress(search.get("to") ?? "");
    if (!from || !to) return null;
    return {
      addresses: [from, to],
      api: true,
      withKeys: ([a, b]) => {
        const copy = new URLSearchParams(search);
        copy.set("from", `${from.slug}@${a!}`);
        copy.set("to", `${to.slug}@${b!}`);
        return `${pathname}?${copy.toString()}`;
      },
    };
  }
  return null;
}
