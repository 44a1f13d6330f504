/**
 * Thresholds of the compare step itself (COMPARE_CONFIG), and all of the engine's gathered in one value
 * (ENGINE_CONFIG). Each stage owns its thresholds in its own config: lib/ingest/config.ts,
 * lib/parse/config.ts, lib/align/config.ts, lib/diff/config.ts. Changing any value changes output:
 * bump ENGINE_VERSION in lib/compare/engine.ts when you do. The reasoning is in
 * docs/decisions/0002-alignment.md (align, diff, compare) and 0001-parsing-sections.md (ingest, parse).
 */
import { ALIGN_CONFIG } from "../align/config.ts";
import { DIFF_CONFIG } from "../diff/config.ts";
import { INGEST_CONFIG } from "../ingest/config.ts";
import { PARSE_CONFIG } from "../parse/config.ts";

export const COMPARE_CONFIG = {
  /**
   * Paragraphs moved between sections: after sections are aligned, removed and added paragraphs
   * anywhere in the document are paired best first at ALIGN_CONFIG.blockMoveMin (and blockMoveMinChars). At most
   * this many removed x added candidates are scored (the longest paragraphs of each side first): two
   * documents with more left over than that are rewrites, where "moved" would mostly be noise, and
   * the bound keeps the pass at a few milliseconds.
   */
  crossMoveMaxPairs: 20000,
} as const;

/** Every threshold a CompareModel depends on, by the stage that owns it (for a config hash). */
export const ENGINE_CONFIG = {
  ingest: INGEST_CONFIG,
  parse: PARSE_CONFIG,
  align: ALIGN_CONFIG,
  diff: DIFF_CONFIG,
  compare: COMPARE_CONFIG,
} as const;

export type EngineConfig = typeof ENGINE_CONFIG;
