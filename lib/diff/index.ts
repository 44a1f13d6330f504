/**
 * Word-level diff of two aligned blocks (paragraphs, headings), Chinese-aware.
 *
 * Pipeline (`diffBlockTexts`):
 *   1. identical texts -> one equal segment (no tokenizing at all);
 *   2. cut the common prefix and suffix (back to punctuation or spaces, so no word is split);
 *   3. cut the rest of both sides into clauses and diff the clause lists (exact text): clauses found
 *      unchanged stay one token each, the others are segmented into words (tokenize.ts: Intl.Segmenter
 *      words, Latin words, numbers, punctuation, whitespace; keys are interned normalized forms, so
 *      NFKC-equal tokens match). Segmentation is the costly step: this does it only where text changed;
 *   4. Myers diff (lib/sequence `diffKeys`) over the integer keys of those tokens;
 *   5. `splitStrictDifferences`: tokens equal only after normalisation are shown as changes unless that
 *      difference is ignored (whitespace, width);
 *   6. `refineToChars`: a replaced run of Chinese is re-diffed by character when that keeps equal runs
 *      of at least DIFF_CONFIG.refineMinEqualChars characters;
 *   7. clean-up (cleanup.ts): fold whitespace-only changes (if ignored), absorb short equal runs,
 *      slide changes to word/sentence boundaries, merge;
 *   8. segments with the original characters of each side and absolute offsets.
 */
import { diffKeys, type EditRun } from "../sequence/diff.ts";
import { HAN } from "../text/cjk.ts";
import { foldChar } from "../text/normalize.ts";
import {
  absorbShortEquals,
  foldWhitespaceChanges,
  mergeAdjacent,
  shiftToBoundaries,
  type DiffContext,
  type Op,
} from "./cleanup.ts";
import { DIFF_CONFIG } from "./config.ts";
import {
  Boundaries,
  createTokenCache,
  isAtomicKey,
  LEADING_NUMBER_ZONE,
  NUMBER_KEY,
  prepareTokens,
  tokenize,
  type PreparedText,
  type TokenCache,
  type Tokens,
} from "./tokenize.ts";
import type { IgnoreOption, Segment } from "./types.ts";

export type { Op } from "./cleanup.ts";

export interface BlockDiffOptions {
  ignore?: readonly IgnoreOption[];
  /** Printed section numbers of the two headings, to find them as one token each. */
  oldNumber?: string | null;
  newNumber?: string | null;
  /** Offsets of the two blocks in their documents (added to segment offsets). */
  oldBase?: number;
  newBase?: number;
  /** Memo tables shared by the block diffs of one comparison (a fresh one when absent). */
  cache?: TokenCache;
}

/** Diff two block texts; see the module comment. */
export function diffBlockTexts(oldText: string, newText: string, options: BlockDiffOptions = {}): Segment[] {
  return opsToSegments(
    diffOps(oldText, newText, options),
    oldText,
    newText,
    options.oldBase ?? 0,
    options.newBase ?? 0,
  );
}

/** Characters after which text can be cut without splitting a word (punctuation, spaces). */
const SAFE_CUT = /[\s,.;:!?，。；：！？、）)】」』”’]/;

/**
 * The edit script (character ranges) behind `diffBlockTexts`. Only the middle of the two texts
 * (after the common prefix and suffix, cut back to punctuation or spaces so no word is split) is
 * tokenized and diffed: segmentation is the costly step.
 */
function diffOps(oldText: string, newText: string, options: BlockDiffOptions = {}): Op[] {
  if (oldText === newText) {
    return oldText.length ? [{ op: "equal", o0: 0, o1: oldText.length, n0: 0, n1: newText.length }] : [];
  }
  const max = Math.min(oldText.length, newText.length);
  let pre = 0;
  while (pre < max && oldText.charCodeAt(pre) === newText.charCodeAt(pre)) pre++;
  while (pre > 0 && !SAFE_CUT.test(oldText[pre - 1]!)) pre--;
  if (pre < LEADING_NUMBER_ZONE) pre = 0;
  let suf = 0;
  while (
    suf < max - pre &&
    oldText.charCodeAt(oldText.length - 1 - suf) === newText.charCodeAt(newText.length - 1 - suf)
  )
    suf++;
  while (suf > 0 && !SAFE_CUT.test(oldText[oldText.length - suf - 1] ?? " ")) suf--;
  if (Math.min(oldText.length, newText.length) - suf < LEADING_NUMBER_ZONE) suf = 0;
  const cache = options.cache ?? createTokenCache();
  if (pre === 0 && suf === 0) return diffMiddle(oldText, newText, options, cache);
  const mid = diffMiddle(
    oldText.slice(pre, oldText.length - suf),
    newText.slice(pre, newText.length - suf),
    options,
    cache,
  );
  const ops: Op[] = [];
  if (pre) ops.push({ op: "equal", o0: 0, o1: pre, n0: 0, n1: pre });
  for (const op of mid) ops.push({ op: op.op, o0: op.o0 + pre, o1: op.o1 + pre, n0: op.n0 + pre, n1: op.n1 + pre });
  if (suf)
    ops.push({
      op: "equal",
      o0: oldText.length - suf,
      o1: oldText.length,
      n0: newText.length - suf,
      n1: newText.length,
    });
  return mergeAdjacent(ops);
}

function diffMiddle(oldText: string, newText: string, options: BlockDiffOptions, cache: TokenCache): Op[] {
  const ignore = new Set(options.ignore ?? []);
  const ignoreNumbering = ignore.has("numbering");
  const pa = prepareTokens(oldText, cache, { ignoreNumbering, numberHint: options.oldNumber });
  const pb = prepareTokens(newText, cache, { ignoreNumbering, numberHint: options.newNumber });
  const [atomicA, atomicB] = unchangedClauses(pa, pb);
  const a = tokenize(pa, cache, atomicA);
  const b = tokenize(pb, cache, atomicB);
  const ctx: DiffContext = {
    oldText,
    newText,
    oldBounds: new Boundaries(a, cache),
    newBounds: new Boundaries(b, cache),
  };

  let ops = tokenOpsToCharOps(a, b, splitStrictDifferences(diffAnchored(a, b), a, b, ignore));
  ops = refineToChars(ops, ctx, ignore.has("width"), cache);
  if (ignore.has("whitespace")) ops = foldWhitespaceChanges(ops, ctx);
  ops = absorbShortEquals(ops, ctx);
  ops = shiftToBoundaries(ops, ctx);
  if (ignore.has("whitespace")) ops = foldWhitespaceChanges(ops, ctx);
  return mergeAdjacent(ops);
}

/**
 * The clauses of each side that the other side has unchanged, found by a Myers diff over the clause
 * lists (exact text): 1 = keep as one token.
 */
function unchangedClauses(a: PreparedText, b: PreparedText): [number[], number[]] {
  const clauseKeys = (p: PreparedText, unique: number) => {
    const pieces: number[] = [];
    const keys: number[] = [];
    for (let k = 0; k < p.kinds.length; k++) {
      if (p.kinds[k] !== 1) continue;
      pieces.push(k);
      // A clause without an id never matches (a key of its own, negative).
      keys.push(p.ids[k]! >= 0 ? p.ids[k]! : unique - k);
    }
    return { pieces, keys };
  };
  const ca = clauseKeys(a, -1);
  const cb = clauseKeys(b, -1 - a.kinds.length);
  // Plain arrays: a typed array costs ~0.7 us to allocate, more than these short flag lists' work.
  const atomicA = new Array<number>(a.kinds.length).fill(0);
  const atomicB = new Array<number>(b.kinds.length).fill(0);
  let i = 0;
  let j = 0;
  for (const run of diffKeys(ca.keys, cb.keys)) {
    if (run.op === "equal") {
      for (let k = 0; k < run.count; k++) {
        atomicA[ca.pieces[i + k]!] = 1;
        atomicB[cb.pieces[j + k]!] = 1;
      }
      i += run.count;
      j += run.count;
    } else if (run.op === "delete") i += run.count;
    else j += run.count;
  }
  return [atomicA, atomicB];
}

/**
 * Token diff with the unchanged clauses as anchors: the k-th atomic token of one side is equal to the
 * k-th of the other (they come from the clause diff, in order); only the tokens between two anchors
 * are diffed, each gap on its own. (One Myers run over everything would weigh a whole clause as one
 * token, and could trade it for a few matching spaces.)
 */
function diffAnchored(a: Tokens, b: Tokens): EditRun[] {
  const runs: EditRun[] = [];
  const push = (run: EditRun) => {
    const last = runs[runs.length - 1];
    if (last && last.op === run.op) last.count += run.count;
    else runs.push({ ...run });
  };
  let i = 0;
  let j = 0;
  for (;;) {
    let ia = i;
    while (ia < a.keys.length && !isAtomicKey(a.keys[ia]!)) ia++;
    let jb = j;
    while (jb < b.keys.length && !isAtomicKey(b.keys[jb]!)) jb++;
    for (const run of diffKeys(a.keys.slice(i, ia), b.keys.slice(j, jb))) push(run);
    if (ia >= a.keys.length || jb >= b.keys.length) break;
    push({ op: "equal", count: 1 });
    i = ia + 1;
    j = jb + 1;
  }
  return runs;
}

/**
 * Split equal token runs where the original tokens differ and that difference is not ignored:
 * whitespace runs that differ need "whitespace", other normalisation-only differences (full/half
 * width, quote and dash forms) need "width"; a number token under "numbering" is always equal.
 *   with no options:  （一）收集 vs (一)收集  ->  <del>（一）</del><ins>(一)</ins>收集
 */
function splitStrictDifferences(runs: EditRun[], a: Tokens, b: Tokens, ignore: Set<IgnoreOption>): EditRun[] {
  const out: EditRun[] = [];
  let i = 0;
  let j = 0;
  const push = (op: EditRun["op"], count: number) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.count += count;
    else out.push({ op, count });
  };
  for (const run of runs) {
    if (run.op !== "equal") {
      push(run.op, run.count);
      if (run.op === "delete") i += run.count;
      else j += run.count;
      continue;
    }
    for (let k = 0; k < run.count; k++, i++, j++) {
      let same = true;
      if (a.keys[i] !== NUMBER_KEY) {
        const ta = a.text.slice(a.starts[i], a.ends[i]);
        const tb = b.text.slice(b.starts[j], b.ends[j]);
        if (ta !== tb) same = a.space[i] ? ignore.has("whitespace") : ignore.has("width");
      }
      if (same) push("equal", 1);
      else {
        push("delete", 1);
        push("insert", 1);
      }
    }
  }
  // Consecutive delete/insert pairs produced above must group as one delete then one insert.
  return out;
}

function tokenOpsToCharOps(a: Tokens, b: Tokens, runs: EditRun[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  const oAt = (t: number) => (t < a.starts.length ? a.starts[t]! : a.text.length);
  const nAt = (t: number) => (t < b.starts.length ? b.starts[t]! : b.text.length);
  for (const run of runs) {
    if (run.op === "equal") {
      ops.push({ op: "equal", o0: oAt(i), o1: oAt(i + run.count), n0: nAt(j), n1: nAt(j + run.count) });
      i += run.count;
      j += run.count;
    } else if (run.op === "delete") {
      ops.push({ op: "delete", o0: oAt(i), o1: oAt(i + run.count), n0: nAt(j), n1: nAt(j) });
      i += run.count;
    } else {
      ops.push({ op: "insert", o0: oAt(i), o1: oAt(i), n0: nAt(j), n1: nAt(j + run.count) });
      j += run.count;
    }
  }
  return mergeAdjacent(ops);
}

function charKey(cache: TokenCache, ch: string, fold: boolean): number {
  const c = fold ? foldChar(ch) : ch;
  let k = cache.charKeys.get(c);
  if (k === undefined) {
    k = cache.charKeys.size;
    cache.charKeys.set(c, k);
  }
  return k;
}

/**
 * Re-diff each replaced run that contains Chinese by character, and keep the result when it leaves
 * equal runs of at least DIFF_CONFIG.refineMinEqualChars characters (shorter ones are absorbed back).
 *   <del>个人信息</del><ins>个人敏感信息</ins>  ->  个人<ins>敏感</ins>信息
 *   <del>收集</del><ins>收取</ins>  stays as is (the only common run, 收, is one character)
 */
function refineToChars(ops: Op[], ctx: DiffContext, foldWidth: boolean, cache: TokenCache): Op[] {
  const out: Op[] = [];
  for (let i = 0; i < ops.length; i++) {
    const del = ops[i]!;
    const ins = ops[i + 1];
    if (del.op !== "delete" || !ins || ins.op !== "insert") {
      out.push(del);
      continue;
    }
    const oldPart = ctx.oldText.slice(del.o0, del.o1);
    const newPart = ctx.newText.slice(ins.n0, ins.n1);
    if (
      oldPart.length > DIFF_CONFIG.refineMaxChars ||
      newPart.length > DIFF_CONFIG.refineMaxChars ||
      !HAN.test(oldPart) ||
      !HAN.test(newPart)
    ) {
      out.push(del, ins);
      i++;
      continue;
    }
    const ka = Array.from(oldPart, (c) => charKey(cache, c, foldWidth));
    const kb = Array.from(newPart, (c) => charKey(cache, c, foldWidth));
    // Array.from splits by code point; map code points back to UTF-16 offsets.
    const offA = codePointOffsets(oldPart);
    const offB = codePointOffsets(newPart);
    let sub: Op[] = [];
    let x = 0;
    let y = 0;
    for (const run of diffKeys(ka, kb)) {
      const o0 = del.o0 + offA[x]!;
      const n0 = ins.n0 + offB[y]!;
      if (run.op === "equal") {
        x += run.count;
        y += run.count;
        sub.push({ op: "equal", o0, o1: del.o0 + offA[x]!, n0, n1: ins.n0 + offB[y]! });
      } else if (run.op === "delete") {
        x += run.count;
        sub.push({ op: "delete", o0, o1: del.o0 + offA[x]!, n0, n1: n0 });
      } else {
        y += run.count;
        sub.push({ op: "insert", o0, o1: o0, n0, n1: ins.n0 + offB[y]! });
      }
    }
    // Equal runs shorter than the minimum turn back into changes.
    sub = mergeAdjacent(
      sub.flatMap((op): Op[] =>
        op.op === "equal" && op.o1 - op.o0 < DIFF_CONFIG.refineMinEqualChars
          ? [
              { op: "delete", o0: op.o0, o1: op.o1, n0: op.n0, n1: op.n0 },
              { op: "insert", o0: op.o1, o1: op.o1, n0: op.n0, n1: op.n1 },
            ]
          : [op],
      ),
    );
    const keptEqual = sub.some((op) => op.op === "equal");
    if (keptEqual) for (const op of sub) out.push(op);
    else out.push(del, ins);
    i++;
  }
  return mergeAdjacent(out);
}

function codePointOffsets(s: string): number[] {
  const offs: number[] = [];
  let k = 0;
  for (const ch of s) {
    offs.push(k);
    k += ch.length;
  }
  offs.push(k);
  return offs;
}

/** Turn an edit script into segments carrying the original characters and absolute offsets. */
function opsToSegments(ops: Op[], oldText: string, newText: string, oldBase: number, newBase: number): Segment[] {
  const segs: Segment[] = [];
  for (const op of ops) {
    if (op.op === "equal") {
      segs.push({
        op: "equal",
        old: oldText.slice(op.o0, op.o1),
        new: newText.slice(op.n0, op.n1),
        oldStart: oldBase + op.o0,
        newStart: newBase + op.n0,
      });
    } else if (op.op === "delete") {
      segs.push({ op: "delete", old: oldText.slice(op.o0, op.o1), oldStart: oldBase + op.o0 });
    } else {
      segs.push({ op: "insert", new: newText.slice(op.n0, op.n1), newStart: newBase + op.n0 });
    }
  }
  return segs;
}

/**
 * Render segments for tests and terminals: equal text as the new side, deletions as <del>…</del>,
 * insertions as <ins>…</ins>.   'New <del>Value</del><ins>Data</ins> End'
 */
export function renderSegments(segments: readonly Segment[]): string {
  return segments
    .map((s) => (s.op === "equal" ? s.new : s.op === "delete" ? `<del>${s.old}</del>` : `<ins>${s.new}</ins>`))
    .join("");
}
