/**
 * Paragraph alignment inside one section pair: the body blocks of both sides are aligned with
 * `alignSequences` (anchors on identical normalized text, DP over bigram Dice for in-order pairs,
 * lone facing paragraphs paired in place, moved paragraphs). Blank blocks take no part in that
 * alignment: they follow the block before them (see `alignBlocks`). Thresholds: ALIGN_CONFIG.block* in
 * lib/align/config.ts.
 */
import { ALIGN_CONFIG } from "./config.ts";
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
  /** The same ids unsorted with repeats (what a section's bitset needs), computed on first use. */
  ids: Int32Array | null;
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
    f = {
      key,
      sh: null,
      ids: null,
      len: norm.length,
      blank: b.kind === "blank" || norm.length === 0,
      norm,
      latin: isLatinText(norm),
    };
    cache.features.set(b.text, f);
  }
  return f;
}

function blockShingles(cache: AlignCache, f: BlockFeatures): Shingles {
  return (f.sh ??= cache.shingles.sorted(blockIds(cache, f)));
}

/**
 * A block's token ids, unsorted (`ShingleTable.unsortedIds`), memoised: a block found in both
 * documents (one BlockFeatures by its text) is tokenised once for both documents' section bitsets.
 */
export function blockIds(cache: AlignCache, f: BlockFeatures): Int32Array {
  return (f.ids ??= cache.shingles.unsortedIds(f.norm));
}

/** Similarity of two blocks in [0,1]; 0 between a blank and a non-blank block. */
function blockScore(cache: AlignCache, a: BlockFeatures, b: BlockFeatures): number {
  if (a.blank || b.blank) return a.blank && b.blank ? 1 : 0;
  if (a.key === b.key) return 1;
  return onBigramScale(dice(blockShingles(cache, a), blockShingles(cache, b)), a.latin && b.latin);
}

/**
 * Can an old and a new block be paired as moved: neither blank, and identical or both at least
 * ALIGN_CONFIG.blockMoveMinChars long; then their similarity (else 0).
 */
export function moveScore(
  cache: AlignCache,
  oldTree: DocumentTree,
  newTree: DocumentTree,
  o: number,
  n: number,
): number {
  const a = blockFeatures(cache, oldTree, o);
  const b = blockFeatures(cache, newTree, n);
  return movable(a, b) ? blockScore(cache, a, b) : 0;
}

function movable(a: BlockFeatures, b: BlockFeatures): boolean {
  return !a.blank && !b.blank && (a.key === b.key || Math.min(a.len, b.len) >= ALIGN_CONFIG.blockMoveMinChars);
}

/**
 * Align two lists of block indexes; entries index into the given lists and cover each item once.
 *
 * Non-blank blocks are aligned first (`alignSequences`); blank blocks never take part, so they can't
 * anchor a paragraph into the wrong gap when one side has blank lines between items and the other
 * none (a list turned into table rows). Each run of blank blocks then goes with the entry of the
 * non-blank block it follows: facing runs of a paired entry pair up one to one (unchanged blank
 * pairs), the rest are removed/added; leading runs pair at the start.
 */
export function alignBlocks(
  cache: AlignCache,
  oldTree: DocumentTree,
  newTree: DocumentTree,
  olds: number[],
  news: number[],
): AlignEntry[] {
  const allO = olds.map((b) => blockFeatures(cache, oldTree, b));
  const allN = news.map((b) => blockFeatures(cache, newTree, b));
  const oIdx = nonBlank(allO);
  const nIdx = nonBlank(allN);
  if (oIdx.length === olds.length && nIdx.length === news.length) return alignFeatures(cache, allO, allN);
  const fo = oIdx.map((i) => allO[i]!);
  const fn = nIdx.map((j) => allN[j]!);
  const inner = alignFeatures(cache, fo, fn);
  const out: AlignEntry[] = [];
  // Blank runs: [from, to) of the blanks after the k-th non-blank (k = -1: before the first).
  const blanksAfter = (idx: number[], k: number, total: number): [number, number] => [
    k < 0 ? 0 : idx[k]! + 1,
    k + 1 < idx.length ? idx[k + 1]! : total,
  ];
  const emitBlanks = (o: [number, number] | null, n: [number, number] | null) => {
    const oc = o ? o[1] - o[0] : 0;
    const nc = n ? n[1] - n[0] : 0;
    for (let k = 0; k < Math.max(oc, nc); k++) {
      const oi = k < oc ? o![0] + k : null;
      const nj = k < nc ? n![0] + k : null;
      out.push({ o: oi, n: nj, score: oi !== null && nj !== null ? 1 : 0, moved: false });
    }
  };
  emitBlanks(blanksAfter(oIdx, -1, olds.length), blanksAfter(nIdx, -1, news.length));
  for (const e of inner) {
    out.push({ ...e, o: e.o === null ? null : oIdx[e.o]!, n: e.n === null ? null : nIdx[e.n]! });
    emitBlanks(
      e.o === null ? null : blanksAfter(oIdx, e.o, olds.length),
      e.n === null ? null : blanksAfter(nIdx, e.n, news.length),
    );
  }
  return out;
}

function nonBlank(fs: BlockFeatures[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < fs.length; i++) if (!fs[i]!.blank) out.push(i);
  return out;
}

/** `alignSequences` over the features of non-blank blocks. */
function alignFeatures(cache: AlignCache, fo: BlockFeatures[], fn: BlockFeatures[]): AlignEntry[] {
  return alignSequences({
    oldCount: fo.length,
    newCount: fn.length,
    score: (i, j) => blockScore(cache, fo[i]!, fn[j]!),
    matchMin: ALIGN_CONFIG.blockMatchMin,
    moveMin: ALIGN_CONFIG.blockMoveMin,
    oldKeys: fo.map((f) => f.key),
    newKeys: fn.map((f) => f.key),
    placeScore: (i, j) => blockScore(cache, fo[i]!, fn[j]!),
    placeMin: ALIGN_CONFIG.blockPlaceMin,
    canMove: (i, j) => movable(fo[i]!, fn[j]!),
  });
}
