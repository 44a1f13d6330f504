/**
 * Ordered alignment of two sequences of items (sections of one level, or the blocks of a section),
 * shared by section and paragraph alignment.
 *
 *   1. anchors: items whose exact keys are equal are matched by a Myers diff over the key sequences
 *      (cheap, and it keeps a long list of identical paragraphs out of the quadratic step);
 *   2. in-order matches: in each gap between anchors, a dynamic programme (LCS weighted by score,
 *      lib/sequence/lcs.ts) picks the order-preserving set of pairs with score >= matchMin that
 *      maximises the total score;
 *   3. same-place pairs: between two matches, a lone unmatched old item facing a lone unmatched new one
 *      is paired when `placeScore` reaches placeMin (rewritten or renamed in place);
 *   4. moves: remaining old and new items are paired greedily, best score first, when the score
 *      reaches moveMin and `canMove` allows it; they are reported at their new position.
 */
import { diffKeys, sameKeys } from "../sequence/diff.ts";
import { weightedLcs } from "../sequence/lcs.ts";

export interface AlignEntry {
  o: number | null;
  n: number | null;
  /** Match score in [0,1] (1 for anchors); 0 for gaps. */
  score: number;
  moved: boolean;
}

export interface SequenceAlignConfig {
  oldCount: number;
  newCount: number;
  /** Score of pairing old i with new j, in [0,1]. */
  score(i: number, j: number): number;
  matchMin: number;
  moveMin: number;
  /** Exact-equality keys; equal keys are anchored without scoring. */
  oldKeys?: readonly number[];
  newKeys?: readonly number[];
  /** Score of a lone facing pair (reported as its score when paired). */
  placeScore?(i: number, j: number): number;
  placeMin?: number;
  /** Whether to pair a lone facing pair; default: placeScore >= placeMin. */
  placeAccept?(i: number, j: number, score: number): boolean;
  canMove?(i: number, j: number): boolean;
}

/** Align two sequences; entries come in display order (new order, removals after their old predecessor). */
export function alignSequences(cfg: SequenceAlignConfig): AlignEntry[] {
  const { oldCount, newCount } = cfg;
  if (sameKeys(cfg.oldKeys, cfg.newKeys)) {
    // Identical sequences (most sections of two versions): every item is an anchor, as steps 1-4 give.
    const same: AlignEntry[] = new Array(oldCount);
    for (let i = 0; i < oldCount; i++) same[i] = { o: i, n: i, score: 1, moved: false };
    return same;
  }
  // Plain arrays for the per-item state: most sequences are short, and a typed array costs ~0.7 us to
  // allocate (more than aligning a few paragraphs).
  const matchOf: number[] = new Array(oldCount).fill(-1); // old -> new
  const scoreOf: number[] = new Array(oldCount).fill(0);
  const movedOld: number[] = new Array(oldCount).fill(0);

  // 1-2. anchors, then DP in each gap.
  const gaps: Array<[number, number, number, number]> = [];
  if (cfg.oldKeys && cfg.newKeys) {
    let i = 0;
    let j = 0;
    let gi = 0;
    let gj = 0;
    for (const run of diffKeys(cfg.oldKeys, cfg.newKeys)) {
      if (run.op === "equal") {
        if (i > gi || j > gj) gaps.push([gi, i, gj, j]);
        for (let k = 0; k < run.count; k++) {
          matchOf[i + k] = j + k;
          scoreOf[i + k] = 1;
        }
        i += run.count;
        j += run.count;
        gi = i;
        gj = j;
      } else if (run.op === "delete") i += run.count;
      else j += run.count;
    }
    if (i > gi || j > gj) gaps.push([gi, i, gj, j]);
  } else gaps.push([0, oldCount, 0, newCount]);

  for (const [o0, o1, n0, n1] of gaps) dpGap(cfg, o0, o1, n0, n1, matchOf, scoreOf);

  // 3. lone facing items between matches.
  if (cfg.placeScore && cfg.placeMin !== undefined) {
    const newTaken: number[] = new Array(newCount).fill(0);
    for (const j of matchOf) if (j >= 0) newTaken[j] = 1;
    let prevO = -1;
    let prevN = -1;
    for (let i = 0; i <= oldCount; i++) {
      const j = i < oldCount ? matchOf[i]! : newCount;
      if (j < 0) continue;
      // old gap (prevO, i), new gap (prevN, j)
      if (i - prevO === 2 && j - prevN === 2 && !newTaken[prevN + 1]) {
        const oi = prevO + 1;
        const nj = prevN + 1;
        const s = cfg.placeScore(oi, nj);
        if (cfg.placeAccept ? cfg.placeAccept(oi, nj, s) : s >= cfg.placeMin) {
          matchOf[oi] = nj;
          scoreOf[oi] = s;
          newTaken[nj] = 1;
        }
      }
      prevO = i;
      prevN = j;
    }
  }

  // 4. moves.
  const newMatched: number[] = new Array(newCount).fill(-1);
  for (let i = 0; i < oldCount; i++) if (matchOf[i]! >= 0) newMatched[matchOf[i]!] = i;
  const freeOld: number[] = [];
  const freeNew: number[] = [];
  for (let i = 0; i < oldCount; i++) if (matchOf[i]! < 0) freeOld.push(i);
  for (let j = 0; j < newCount; j++) if (newMatched[j]! < 0) freeNew.push(j);
  if (freeOld.length && freeNew.length) {
    const cands: Array<[number, number, number]> = [];
    for (const i of freeOld)
      for (const j of freeNew) {
        if (cfg.canMove && !cfg.canMove(i, j)) continue;
        const s = cfg.score(i, j);
        if (s >= cfg.moveMin) cands.push([s, i, j]);
      }
    cands.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
    for (const [s, i, j] of cands) {
      if (matchOf[i]! >= 0 || newMatched[j]! >= 0) continue;
      matchOf[i] = j;
      newMatched[j] = i;
      scoreOf[i] = s;
      movedOld[i] = 1;
    }
  }

  // Display order: walk the new sequence; before each in-order new item, emit the old items
  // (removed ones) that precede its old partner.
  const entries: AlignEntry[] = [];
  let nextOld = 0;
  const flushOldUpTo = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      if (matchOf[nextOld]! < 0) entries.push({ o: nextOld, n: null, score: 0, moved: false });
    }
  };
  for (let j = 0; j < newCount; j++) {
    const i = newMatched[j]!;
    if (i < 0) {
      entries.push({ o: null, n: j, score: 0, moved: false });
    } else if (movedOld[i]) {
      entries.push({ o: i, n: j, score: scoreOf[i]!, moved: true });
    } else {
      flushOldUpTo(i);
      nextOld = Math.max(nextOld, i + 1);
      entries.push({ o: i, n: j, score: scoreOf[i]!, moved: false });
    }
  }
  flushOldUpTo(oldCount);
  return entries;
}

/** The weighted LCS (scores below matchMin count as 0) over one gap [o0,o1) x [n0,n1). */
function dpGap(
  cfg: SequenceAlignConfig,
  o0: number,
  o1: number,
  n0: number,
  n1: number,
  matchOf: number[],
  scoreOf: number[],
): void {
  const weight = (i: number, j: number) => {
    const s = cfg.score(o0 + i, n0 + j);
    return s < cfg.matchMin ? 0 : s;
  };
  for (const [i, j, s] of weightedLcs(o1 - o0, n1 - n0, weight)) {
    matchOf[o0 + i] = n0 + j;
    scoreOf[o0 + i] = s;
  }
}
