/**
 * Paragraph alignment inside one section pair: the body blocks of both sides are aligned with
 * `alignSequences` (anchors on identical normalized text, DP over bigram Dice for in-order pairs,
 * lone facing paragraphs paired in place, moved paragraphs). Blank blocks pair only with blank blocks
 * and never move. Thresholds: CONFIG.block* in lib/compare/config.ts.
 */
import { CONFIG } from "../compare/config.ts";
import type { DocumentTree } from "../parse/types.ts";
import { normalizeForComparison } from "../text/normalize.ts";
import { alignSequences, type AlignEntry } from "./sequence.ts";
import { dice, shinglesOf, type Shingles } from "./similarity.ts";

interface BlockFeatures {
  key: number;
  sh: Shingles;
  len: number;
  blank: boolean;
}

const featureCache = new WeakMap<DocumentTree, Map<number, BlockFeatures>>();
const textIds = new Map<string, number>();

/** Normalized-text key, shingles and length of a block, cached per tree. */
export function blockFeatures(tree: DocumentTree, block: number): BlockFeatures {
  let cache = featureCache.get(tree);
  if (!cache) featureCache.set(tree, (cache = new Map()));
  let f = cache.get(block);
  if (!f) {
    const b = tree.blocks[block]!;
    const norm = normalizeForComparison(b.text);
    let key = textIds.get(norm);
    if (key === undefined) {
      if (textIds.size > 200_000) textIds.clear();
      key = textIds.size;
      textIds.set(norm, key);
    }
    f = { key, sh: shinglesOf(norm), len: norm.length, blank: b.kind === "blank" || norm.length === 0 };
    cache.set(block, f);
  }
  return f;
}

/** Similarity of two blocks in [0,1]; 0 between a blank and a non-blank block. */
function blockScore(a: BlockFeatures, b: BlockFeatures): number {
  if (a.blank || b.blank) return a.blank && b.blank ? 1 : 0;
  if (a.key === b.key) return 1;
  return dice(a.sh, b.sh);
}

/** Align two lists of block indexes; entries index into the given lists. */
export function alignBlocks(oldTree: DocumentTree, newTree: DocumentTree, olds: number[], news: number[]): AlignEntry[] {
  const fo = olds.map((b) => blockFeatures(oldTree, b));
  const fn = news.map((b) => blockFeatures(newTree, b));
  return alignSequences({
    oldCount: olds.length,
    newCount: news.length,
    score: (i, j) => blockScore(fo[i]!, fn[j]!),
    matchMin: CONFIG.blockMatchMin,
    moveMin: CONFIG.blockMoveMin,
    oldKeys: fo.map((f) => f.key),
    newKeys: fn.map((f) => f.key),
    placeScore: (i, j) => (fo[i]!.blank || fn[j]!.blank ? 0 : blockScore(fo[i]!, fn[j]!)),
    placeMin: CONFIG.blockPlaceMin,
    canMove: (i, j) =>
      !fo[i]!.blank && !fn[j]!.blank && (fo[i]!.key === fn[j]!.key || Math.min(fo[i]!.len, fn[j]!.len) >= CONFIG.blockMoveMinChars),
  });
}
