/**
 * Ordered alignment of two sequences of items (sections of one level, or the blocks of a section),
 * shared by section and paragraph alignment. The caller brings the heuristics (scores, thresholds);
 * the generic algorithms are in lib/sequence. `alignSequences` runs these steps:
 *
 *   1. `anchorEqualKeys`: items whose exact keys are equal are matched by a Myers diff over the key
 *      sequences (cheap, and it keeps a long list of identical paragraphs out of the quadratic step);
 *   2. `matchInOrder`: in each gap between anchors, the order-preserving set of pairs with score >=
 *      matchMin that maximises the total score (a weighted LCS);
 *   3. `pairInPlace`: between two matches, a lone unmatched old item facing a lone unmatched new one
 *      is paired when `placeScore` reaches placeMin (rewritten or renamed in place);
 *   4. `pairMoves`: remaining old and new items are paired greedily, best score first, when the score
 *      reaches moveMin and `canMove` allows it; they are reported at their new position;
 *   5. `inDisplayOrder`: the entries in the new order, each removed item after its old predecessor.
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

/**
 * The pairs found so far, per old item. Plain arrays: most sequences are short, and a typed array costs
 * ~0.7 us to allocate (more than aligning a few paragraphs).
 */
interface Matching {
  /** Old item -> its new partner, -1 while unmatched. */
  matchOf: number[];
  /** Old item -> the score of its pair. */
  scoreOf: number[];
  /** Old item -> 1 when its pair is a move. */
  movedOld: number[];
}

/** Old items [o0, o1) facing new items [n0, n1) between two anchors. */
type Gap = [o0: number, o1: number, n0: number, n1: number];

/** Align two sequences; entries come in display order (new order, removals after their old predecessor). */
export function alignSequences(cfg: SequenceAlignConfig): AlignEntry[] {
  // Identical sequences (most sections of two versions): every item is an anchor, as steps 1-5 give.
  if (sameKeys(cfg.oldKeys, cfg.newKeys)) return identical(cfg.oldCount);
  const m: Matching = {
    matchOf: new Array<number>(cfg.oldCount).fill(-1),
    scoreOf: new Array<number>(cfg.oldCount).fill(0),
    movedOld: new Array<number>(cfg.oldCount).fill(0),
  };
  for (const gap of anchorEqualKeys(cfg, m)) matchInOrder(cfg, m, gap);
  pairInPlace(cfg, m);
  const partnerOfNew = pairMoves(cfg, m);
  return inDisplayOrder(m, partnerOfNew);
}

function identical(count: number): AlignEntry[] {
  const same: AlignEntry[] = new Array<AlignEntry>(count);
  for (let i = 0; i < count; i++) same[i] = { o: i, n: i, score: 1, moved: false };
  return same;
}

/**
 * Step 1: pair the items of the equal runs of a diff over the exact keys (score 1); returns the gaps
 * between them (the whole of both sequences when there are no keys).
 *   keys a b c d / a x c d  ->  a=a, c=c, d=d anchored; gap [1,2) x [1,2) (b facing x)
 */
function anchorEqualKeys(cfg: SequenceAlignConfig, m: Matching): Gap[] {
  if (!cfg.oldKeys || !cfg.newKeys) return [[0, cfg.oldCount, 0, cfg.newCount]];
  const gaps: Gap[] = [];
  let i = 0;
  let j = 0;
  let gi = 0;
  let gj = 0;
  for (const run of diffKeys(cfg.oldKeys, cfg.newKeys)) {
    if (run.op === "equal") {
      if (i > gi || j > gj) gaps.push([gi, i, gj, j]);
      for (let k = 0; k < run.count; k++) {
        m.matchOf[i + k] = j + k;
        m.scoreOf[i + k] = 1;
      }
      i += run.count;
      j += run.count;
      gi = i;
      gj = j;
    } else if (run.op === "delete") i += run.count;
    else j += run.count;
  }
  if (i > gi || j > gj) gaps.push([gi, i, gj, j]);
  return gaps;
}

/** Step 2: in one gap, the in-order pairs scoring at least matchMin with the largest total score. */
function matchInOrder(cfg: SequenceAlignConfig, m: Matching, [o0, o1, n0, n1]: Gap): void {
  const weight = (i: number, j: number) => {
    const s = cfg.score(o0 + i, n0 + j);
    return s < cfg.matchMin ? 0 : s;
  };
  for (const [i, j, s] of weightedLcs(o1 - o0, n1 - n0, weight)) {
    m.matchOf[o0 + i] = n0 + j;
    m.scoreOf[o0 + i] = s;
  }
}

/**
 * Step 3: where exactly one old and one new item sit unmatched between two matches (or a sequence
 * end), pair them when placeAccept (default: placeScore >= placeMin) says so.
 *   a [b] c / a [x] c  ->  b=x when placeScore(b, x) reaches placeMin
 */
function pairInPlace(cfg: SequenceAlignConfig, m: Matching): void {
  if (!cfg.placeScore || cfg.placeMin === undefined) return;
  const { oldCount, newCount } = cfg;
  const newTaken: number[] = new Array<number>(newCount).fill(0);
  for (const j of m.matchOf) if (j >= 0) newTaken[j] = 1;
  let prevO = -1;
  let prevN = -1;
  for (let i = 0; i <= oldCount; i++) {
    const j = i < oldCount ? m.matchOf[i]! : newCount;
    if (j < 0) continue;
    // old gap (prevO, i), new gap (prevN, j)
    if (i - prevO === 2 && j - prevN === 2 && !newTaken[prevN + 1]) {
      const oi = prevO + 1;
      const nj = prevN + 1;
      const s = cfg.placeScore(oi, nj);
      if (cfg.placeAccept ? cfg.placeAccept(oi, nj, s) : s >= cfg.placeMin) {
        m.matchOf[oi] = nj;
        m.scoreOf[oi] = s;
        newTaken[nj] = 1;
      }
    }
    prevO = i;
    prevN = j;
  }
}

/**
 * Step 4: pair the items still unmatched on both sides, best score first (ties: lower old, then lower
 * new index), when the score reaches moveMin and canMove allows it. Returns new item -> old partner (-1).
 */
function pairMoves(cfg: SequenceAlignConfig, m: Matching): number[] {
  const { oldCount, newCount } = cfg;
  const partnerOfNew: number[] = new Array<number>(newCount).fill(-1);
  for (let i = 0; i < oldCount; i++) if (m.matchOf[i]! >= 0) partnerOfNew[m.matchOf[i]!] = i;
  const freeOld: number[] = [];
  const freeNew: number[] = [];
  for (let i = 0; i < oldCount; i++) if (m.matchOf[i]! < 0) freeOld.push(i);
  for (let j = 0; j < newCount; j++) if (partnerOfNew[j]! < 0) freeNew.push(j);
  if (!freeOld.length || !freeNew.length) return partnerOfNew;
  const cands: Array<[number, number, number]> = [];
  for (const i of freeOld)
    for (const j of freeNew) {
      if (cfg.canMove && !cfg.canMove(i, j)) continue;
      const s = cfg.score(i, j);
      if (s >= cfg.moveMin) cands.push([s, i, j]);
    }
  cands.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  for (const [s, i, j] of cands) {
    if (m.matchOf[i]! >= 0 || partnerOfNew[j]! >= 0) continue;
    m.matchOf[i] = j;
    partnerOfNew[j] = i;
    m.scoreOf[i] = s;
    m.movedOld[i] = 1;
  }
  return partnerOfNew;
}

/**
 * Step 5, display order: walk the new sequence; before each in-order new item, emit the old items
 * (removed ones) that precede its old partner. A moved pair stands at its new place.
 */
function inDisplayOrder(m: Matching, partnerOfNew: number[]): AlignEntry[] {
  const oldCount = m.matchOf.length;
  const entries: AlignEntry[] = [];
  let nextOld = 0;
  const flushOldUpTo = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      if (m.matchOf[nextOld]! < 0) entries.push({ o: nextOld, n: null, score: 0, moved: false });
    }
  };
  for (let j = 0; j < partnerOfNew.length; j++) {
    const i = partnerOfNew[j]!;
    if (i < 0) {
      entries.push({ o: null, n: j, score: 0, moved: false });
    } else if (m.movedOld[i]) {
      entries.push({ o: i, n: j, score: m.scoreOf[i]!, moved: true });
    } else {
      flushOldUpTo(i);
      nextOld = Math.max(nextOld, i + 1);
      entries.push({ o: i, n: j, score: m.scoreOf[i]!, moved: false });
    }
  }
  flushOldUpTo(oldCount);
  return entries;
}
