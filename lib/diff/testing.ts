/**
 * Test helpers for the clean-up passes (cleanup.ts): an edit script written as a readable string, in
 * jsdiff's style, and back (lib/sequence/testing.ts renders it).
 *   parseOps("a<del>b</del><ins>c</ins>d")  ->  old "abd", new "acd", ops equal a / delete b / insert c / equal d
 *   renderOps(ops, oldText, newText)         ->  "a<del>b</del><ins>c</ins>d"
 * Plain text is kept on both sides. <eq>x</eq> is a kept run of its own (two kept runs in a row are
 * written so: "a<eq>b</eq>"), <eq old="x y">xy</eq> a kept run whose sides differ (whitespace or width
 * the comparison ignores). Every op is written on its own: two deletions in a row stay two tags.
 */
import { renderSteps, type Step } from "../sequence/testing.ts";
import type { DiffContext, Op, WordBounds } from "./cleanup.ts";

export interface ParsedOps {
  oldText: string;
  newText: string;
  ops: Op[];
}

const TAG = /<(del|ins|eq)(?: old="([^"]*)")?>([^<]*)<\/\1>|([^<]+)/gy;

export function parseOps(marked: string): ParsedOps {
  let oldText = "";
  let newText = "";
  const ops: Op[] = [];
  TAG.lastIndex = 0;
  for (let m: RegExpExecArray | null; TAG.lastIndex < marked.length && (m = TAG.exec(marked));) {
    const [, tag, oldAttr, inner, plain] = m;
    const op: Op["op"] = tag === "del" ? "delete" : tag === "ins" ? "insert" : "equal";
    const text = plain ?? inner ?? "";
    const o = op === "insert" ? "" : op === "equal" ? (oldAttr ?? text) : text;
    const n = op === "delete" ? "" : text;
    ops.push({
      op,
      o0: oldText.length,
      o1: oldText.length + o.length,
      n0: newText.length,
      n1: newText.length + n.length,
    });
    oldText += o;
    newText += n;
  }
  if (TAG.lastIndex !== marked.length && marked.length)
    throw new Error(`parseOps: cannot read ${JSON.stringify(marked)}`);
  return { oldText, newText, ops };
}

export function renderOps(ops: readonly Op[], oldText: string, newText: string): string {
  const steps = ops.map((op): Step => {
    const o = oldText.slice(op.o0, op.o1);
    const n = newText.slice(op.n0, op.n1);
    return op.op === "equal"
      ? { op: "equal", old: o, new: n }
      : op.op === "delete"
        ? { op: "delete", old: o }
        : { op: "insert", new: n };
  });
  return renderSteps(steps, { splitEquals: true });
}

/** Word boundaries as Intl.Segmenter (Chinese word granularity) finds them, both text ends included. */
export function wordBounds(text: string): WordBounds {
  const starts = new Set<number>([0, text.length]);
  for (const s of new Intl.Segmenter("zh", { granularity: "word" }).segment(text)) starts.add(s.index);
  return { at: (offset) => starts.has(offset) };
}

export function contextOf(oldText: string, newText: string): DiffContext {
  return { oldText, newText, oldBounds: wordBounds(oldText), newBounds: wordBounds(newText) };
}

/** Run one pass on an edit script written as a string; the result written the same way. */
export function runPass(pass: (ops: Op[], ctx: DiffContext) => Op[], marked: string): string {
  const { oldText, newText, ops } = parseOps(marked);
  return renderOps(pass(ops, contextOf(oldText, newText)), oldText, newText);
}
