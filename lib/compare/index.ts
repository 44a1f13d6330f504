/**
 * Public entry of the comparison engine. The engine itself (trees -> model) is in engine.ts; this
 * module adds `compareTexts`, which parses both texts with lib/parse first.
 */
import { parseDocument } from "../parse/index.ts";
import { compareDocuments } from "./engine.ts";
import type { CompareModel, CompareOptions } from "./types.ts";

export {
  allBlockPairs,
  allSectionPairs,
  clearEngineCaches,
  compareDocuments,
  computeStats,
  ENGINE_VERSION,
  rebuildTexts,
} from "./engine.ts";
export { IGNORE_OPTIONS, isIgnoreOption, normalizeIgnore } from "./options.ts";
export type * from "./types.ts";

/** Parse two texts with lib/parse and compare them. */
export function compareTexts(oldText: string, newText: string, options?: Partial<CompareOptions>): CompareModel {
  return compareDocuments(parseDocument(oldText), parseDocument(newText), options);
}
