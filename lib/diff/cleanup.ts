/**
 * Clean-up passes over a character-range edit script, so that changes read as phrases, not confetti.
 * Each pass is pure: it takes ops and returns new ops covering exactly the same characters.
 * Examples use the test rendering: equal text plain, <del>old</del>, <ins>new</ins>.
 */
import { DIFF_CONFIG } from "./config.ts";

/** One run of an edit script over two texts, as half-open ranges. A delete has n0 === n1, an insert o0 === o1. */
export interface Op {
  op: "equal" | "delete" | "insert";
  o0: number;
  o1: number;
  n0: number;
  n1: number;
}

/** Where words begin and end in one text. */
export interface WordBounds {
  at(offset: number): boolean;
}

/** Context the passes need: both texts and where token (word) boundaries fall in each. */
export interface DiffContext {
  oldText: string;
  newText: string;
  /** Word boundaries (including 0 and length) of each side. */
  oldBounds: WordBounds;
  newBounds: WordBounds;
}

/**
 * Merge neighbouring runs of the same kind, put each change group's deletion before its insertion,
 * and drop empty runs.
 *   a<ins>b</ins><del>x</del><ins>c</ins>d  ->  a<del>x</del><ins>bc</ins>d
 */
export function mergeAdjacent(ops: Op[]): Op[] {
  const out: Op[] = [];
  let i = 0;
  while (i < ops.length) {
    const op = ops[i]!;
    if (op.op === "equal") {
      if (op.o1 > op.o0 || op.n1 > op.n0) {
        const last = out[out.length - 1];
        if (last && last.op === "equal") {
          last.o1 = op.o1;
          last.n1 = op.n1;
        } else out.push({ ...op });
      }
      i++;
      continue;
    }
    // A maximal run of non-equal ops: one delete + one insert.
    const o0 = op.o0;
    const n0 = op.n0;
    let o1 = op.o0;
    let n1 = op.n0;
    while (i < ops.length && ops[i]!.op !== "equal") {
      o1 = Math.max(o1, ops[i]!.o1);
      n1 = Math.max(n1, ops[i]!.n1);
      i++;
    }
    if (o1 > o0) out.push({ op: "delete", o0, o1, n0, n1: n0 });
    if (n1 > n0) out.push({ op: "insert", o0: o1, o1, n0, n1 });
  }
  return out;
}

const WORDY = /[\p{L}\p{N}]/u;

/** Visible (non-space) characters changed by the change group at index i, max of both sides. */
function groupSize(ops: Op[], from: number, step: 1 | -1, ctx: DiffContext): number {
  let del = 0;
  let ins = 0;
  for (let i = from; i >= 0 && i < ops.length && ops[i]!.op !== "equal"; i += step) {
    const op = ops[i]!;
    if (op.op === "delete") del += visible(ctx.oldText, op.o0, op.o1);
    else ins += visible(ctx.newText, op.n0, op.n1);
  }
  return Math.max(del, ins);
}

function visible(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0x3000 && c !== 0xa0) n++;
  }
  return n;
}

/**
 * Absorb short equal runs that sit between two changes into them, repeatedly. An equal run is absorbed
 * when it holds no letter or digit (only spaces/punctuation, up to 3 chars), or is at most
 * DIFF_CONFIG.absorbEqualMaxChars long, or at most DIFF_CONFIG.absorbEqualRatio of the smaller neighbouring
 * change; never when it spans a line break, nor next to a change that is only whitespace.
 *   <del>我们会</del><ins>平台将</ins>在<del>必要时</del><ins>法律允许的范围内</ins>
 *     ->  <del>我们会在必要时</del><ins>平台将在法律允许的范围内</ins>
 */
export function absorbShortEquals(
  ops: Op[],
  ctx: DiffContext,
  maxChars: number = DIFF_CONFIG.absorbEqualMaxChars,
): Op[] {
  let cur = mergeAdjacent(ops);
  for (let round = 0; round < 8; round++) {
    let changed = false;
    const next: Op[] = [];
    for (let i = 0; i < cur.length; i++) {
      const op = cur[i]!;
      const isBetween = op.op === "equal" && i > 0 && i < cur.length - 1;
      if (isBetween) {
        const text = ctx.oldText.slice(op.o0, op.o1);
        const len = text.length;
        const left = groupSize(cur, i - 1, -1, ctx);
        const right = groupSize(cur, i + 1, 1, ctx);
        const hasBreak = text.includes("\n");
        const absorb =
          left > 0 &&
          right > 0 &&
          (!hasBreak || len <= maxChars) &&
          ((!WORDY.test(text) && len <= 3) ||
            len <= maxChars ||
            len <= DIFF_CONFIG.absorbEqualRatio * Math.min(left, right));
        if (absorb) {
          next.push({ op: "delete", o0: op.o0, o1: op.o1, n0: op.n0, n1: op.n0 });
          next.push({ op: "insert", o0: op.o1, o1: op.o1, n0: op.n0, n1: op.n1 });
          changed = true;
          continue;
        }
      }
      next.push(op);
    }
    cur = mergeAdjacent(next);
    if (!changed) break;
  }
  return cur;
}

const SENTENCE_END = new Set([..."。．.!?！？；;"]);
const CLAUSE = new Set([..."，,、：:）)】」』\"'”’"]);
const OPENERS = new Set([..."（(【「『“‘"]);

/**
 * How good a place offset `at` of `text` is for a change to begin or end (higher is better):
 * text edge 6, blank line 6, line break 5, after a sentence end 4, at clause punctuation 3,
 * whitespace 2, word boundary 1, inside a word 0.
 */
function boundaryScore(text: string, bounds: WordBounds, at: number): number {
  if (at <= 0 || at >= text.length) return 6;
  const a = text[at - 1]!;
  const b = text[at]!;
  if (a === "\n" && (b === "\n" || text[at - 2] === "\n")) return 6;
  if (a === "\n" || b === "\n") return 5;
  if (SENTENCE_END.has(a)) return 4;
  if (CLAUSE.has(a) || OPENERS.has(b)) return 3;
  if (/\s/.test(a) || /\s/.test(b)) return 2;
  return bounds.at(at) ? 1 : 0;
}

/**
 * Slide a one-sided change (only inserted or only deleted text between two equal runs) to the
 * position with the best boundaries on both ends, when the same characters allow it.
 *   收集您的<ins>个人信息、您的</ins>设备信息  ->  收集<ins>您的个人信息、</ins>您的设备信息
 */
export function shiftToBoundaries(ops: Op[], ctx: DiffContext): Op[] {
  const out = ops.map((o) => ({ ...o }));
  for (let i = 1; i < out.length - 1; i++) {
    const prev = out[i - 1]!;
    const op = out[i]!;
    const next = out[i + 1]!;
    if (op.op === "equal" || prev.op !== "equal" || next.op !== "equal") continue;
    const isIns = op.op === "insert";
    const text = isIns ? ctx.newText : ctx.oldText;
    const bounds = isIns ? ctx.newBounds : ctx.oldBounds;
    const c0 = isIns ? op.n0 : op.o0;
    const c1 = isIns ? op.n1 : op.o1;
    const len = c1 - c0;
    // The equal runs must show the same characters on both sides where we slide.
    const same = (o: number, n: number) => ctx.oldText[o] === ctx.newText[n];
    // Furthest left: while the char before the change equals the change's last char.
    let left = 0;
    while (
      left < DIFF_CONFIG.shiftMaxChars &&
      left < prev.o1 - prev.o0 &&
      left < prev.n1 - prev.n0 &&
      same(prev.o1 - 1 - left, prev.n1 - 1 - left) &&
      text[c0 - 1 - left] === text[c1 - 1 - left]
    )
      left++;
    let right = 0;
    while (
      right < DIFF_CONFIG.shiftMaxChars &&
      right < next.o1 - next.o0 &&
      right < next.n1 - next.n0 &&
      same(next.o0 + right, next.n0 + right) &&
      text[c0 + right] === text[c1 + right]
    )
      right++;
    if (left === 0 && right === 0) continue;
    let best = 0;
    let bestScore = -1;
    for (let d = -left; d <= right; d++) {
      const s = boundaryScore(text, bounds, c0 + d) + boundaryScore(text, bounds, c0 + d + len);
      if (s > bestScore || (s === bestScore && d === 0)) {
        bestScore = s;
        best = d;
      }
    }
    if (best === 0) continue;
    prev.o1 += best;
    prev.n1 += best;
    op.o0 += best;
    op.o1 += best;
    op.n0 += best;
    op.n1 += best;
    next.o0 += best;
    next.n0 += best;
  }
  return mergeAdjacent(out);
}

/**
 * With whitespace ignored: a change that is only whitespace on both sides joins the equal run before
 * it (or after it), so it counts as unchanged but keeps its original characters.
 *   我们<ins> </ins>收集  ->  我们收集 (one equal run: old "我们收集", new "我们 收集")
 */
export function foldWhitespaceChanges(ops: Op[], ctx: DiffContext): Op[] {
  const merged = mergeAdjacent(ops);
  const out: Op[] = [];
  let i = 0;
  while (i < merged.length) {
    const op = merged[i]!;
    if (op.op === "equal") {
      out.push({ ...op });
      i++;
      continue;
    }
    let j = i;
    const o0 = op.o0;
    const n0 = op.n0;
    let o1 = op.o0;
    let n1 = op.n0;
    while (j < merged.length && merged[j]!.op !== "equal") {
      o1 = Math.max(o1, merged[j]!.o1);
      n1 = Math.max(n1, merged[j]!.n1);
      j++;
    }
    const blank = !/\S/.test(ctx.oldText.slice(o0, o1)) && !/\S/.test(ctx.newText.slice(n0, n1));
    const last = out[out.length - 1];
    const following = merged[j];
    if (blank && last && last.op === "equal") {
      last.o1 = o1;
      last.n1 = n1;
    } else if (blank && following && following.op === "equal") {
      out.push({ op: "equal", o0, o1, n0, n1 });
    } else {
      for (let k = i; k < j; k++) out.push({ ...merged[k]! });
    }
    i = j;
  }
  return mergeAdjacent(out);
}
