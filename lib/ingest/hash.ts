/**
 * The identity of a version's text for deduplication: sha256 (hex) of the comparison-normalised text
 * (lib/text/normalize.ts: NFKC, whitespace runs, NBSP/U+3000, zero-width, quote and dash variants).
 * Two texts that differ only in those ways have the same hash.
 */
import { createHash } from "node:crypto";
import { normalizeForComparison } from "../text/normalize.ts";

export function contentHash(text: string): string {
  return createHash("sha256").update(normalizeForComparison(text), "utf8").digest("hex");
}
