/** The two sides of a block pair as text, rebuilt from its segments (the model carries every character). */
import type { BlockPair } from "../compare/types.ts";
import { normalizeWithMap } from "../text/normalize.ts";

export function oldSide(bp: BlockPair): string | null {
  if (bp.oldBlock === null) return null;
  return bp.segments.map((s) => (s.op === "insert" ? "" : s.old)).join("");
}

export function newSide(bp: BlockPair): string | null {
  if (bp.newBlock === null) return null;
  return bp.segments.map((s) => (s.op === "delete" ? "" : s.new)).join("");
}

/** Width-folded, lower-cased, whitespace collapsed: what lexicons are matched against. */
export function foldForMatch(s: string): string {
  return normalizeWithMap(s, { foldWidth: true, whitespace: "collapse" }).text.toLowerCase();
}
