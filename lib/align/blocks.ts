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
import { dice, isLatinText, onBigramScale, ShingleTable, type Shingles } from "./similarity.ts";

export interface BlockFeatures {
  /** Interned normalized text: equal keys = equal after normalisation. */
  key: number;
  len: number;
  blank: boolean;
  norm: string;
  /** Latin-script text (similarities between two such are put on the bigram scale). */
  latin: boolean;
  /** Similarity tokens, computed on first use (see `blockShingles`). */
  sh: Shingles | null;
}

/**
 * Memo tables for one comparison (both documents): block features by raw text, so that identical
 * blocks (most of two versions) are normalized and shingled once; interned ids of normalized texts and
 * of section contents. Created per comparison, never kept across comparisons.
 */
export interface AlignCache {
  features: Map<string, BlockFeatures>;
  textIds: Map<string, number>;
  exactIds: Map<string, number>;
  /** Bigram ids shared by both documents (lib/align/similarity.ts). */
  shingles: ShingleTable;
}

export function createAlignCache(): AlignCache {
  return { features: new Map(), textIds: new Map(), exactIds: new Map(), shingles: new ShingleTable() };
}

/** Normalized-text key and length of a block (shingles lazily), memoised by its text. */
export function blockFeatures(cache: AlignCache, tree: DocumentTree, block: number): BlockFeatures {
  const b = tree.blocks[block]!;
  let f = cache.features.get(b.text);
  if (!f) {
    const norm = normalizeForComparison(b.text);
    let key = cache.textIds.get(norm);
    if (key === undefined) {
      key = cache.textIds.size;
      cache.textIds.set(norm, key);
    }
    f = { key, sh: null, len: norm.length, blank: b.kind === "blank" || norm.length === 0, norm, latin: isLatinText(norm) };
    cache.features.set(b.text, f);
  }
  return f;
}

export function blockShingles(cache: AlignCache, f: BlockFeatures): Shingles {
  return (f.sh ??= cache.shingles.shingles(f.norm));
}

/** Similarity of two blocks in [0,1]; 0 between a blank and a non-blank block. */
function blockScore(cache: AlignCache, a: BlockFeatures, b: BlockFeatures): number {
  if (a.blank || b.blank) return a.blank && b.blank ? 1 : 0;
  if (a.key === b.key) return 1;
  return onBigramScale(dice(blockShingles(cache, a), blockShingles(cache, b)), a.latin && b.latin);
}

/**
 * Can an old and a new block be paired as moved: neither blank, and identical or both at least
 * CONFIG.blockMoveMinChars long; then their similarity (else 0).
 */
export function moveScore(cache: AlignCache, oldTree: DocumentTree, newTree: DocumentTree, o: number, n: number): number {
  const a = blockFeatures(cache, oldTree, o);
  const b = blockFeatures(cache, newTree, n);
  return movable(a, b) ? blockScore(cache, a, b) : 0;
}

function movable(a: BlockFeatures, b: BlockFeatures): boolean {
  return !a.blank && !b.blank && (a.key === b.key || Math.min(a.len, b.len) >= CONFIG.blockMoveMinChars);
}

/** Align two lists of block indexes; entries index into the given lists. */
export function alignBlocks(
  cache: AlignCache,
  oldTree: DocumentTree,
  newTree: DocumentTree,
  olds: number[],
  news: number[],
): AlignEntry[] {
  const fo = olds.map((b) => blockFeatures(cache, oldTree, b));
  const fn = news.map((b) => blockFeatures(cache, newTree, b));
  return alignSequences({
    oldCount: olds.length,
    newCount: news.length,
    score: (i, j) => blockScore(cache, fo[i]!, fn[j]!),
    matchMin: CONFIG.blockMatchMin,
    moveMin: CONFIG.blockMoveMin,
    oldKeys: fo.map((f) => f.key),
    newKeys: fn.map((f) => f.key),
    placeScore: (i, j) => (fo[i]!.blank || fn[j]!.blank ? 0 : blockScore(cache, fo[i]!, fn[j]!)),
    placeMin: CONFIG.blockPlaceMin,
    canMove: (i, j) => movable(fo[i]!, fn[j]!),
  });
}
