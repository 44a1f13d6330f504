/**
 * The comparison's options, defined once for the engine, the web view's URLs, /api/compare, the cache
 * key and the CLI. Its own module (no engine code), so client components may import it.
 */
import type { IgnoreOption } from "./types.ts";

/** Every ignore option, in the canonical order. */
export const IGNORE_OPTIONS: readonly IgnoreOption[] = ["whitespace", "width", "numbering"];

/** An ignore list in canonical form: known options only, each once, in IGNORE_OPTIONS order. */
export function normalizeIgnore(ignore: Iterable<IgnoreOption> = []): IgnoreOption[] {
  const wanted = new Set<string>(ignore);
  return IGNORE_OPTIONS.filter((o) => wanted.has(o));
}

export function isIgnoreOption(value: string): value is IgnoreOption {
  return (IGNORE_OPTIONS as readonly string[]).includes(value);
}
