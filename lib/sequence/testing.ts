/**
 * Test helper: diffs written as readable strings, in jsdiff's style. Kept text is written as it is,
 * deleted text as <del>…</del>, inserted text as <ins>…</ins>; two more marks for what a plain diff
 * lacks: a kept run whose two sides differ (a difference the caller ignores) as <eq old="…">new</eq>,
 * and an item paired out of order (a move, at its new place) as <mov>…</mov>.
 *   renderSteps([{ op: "equal", old: "a", new: "a" }, { op: "delete", old: "b" }, { op: "insert", new: "c" }])
 *     === "a<del>b</del><ins>c</ins>"
 * Every step renders on its own: two deletions in a row are "<del>a</del><del>b</del>", which is how
 * a test sees that they were not merged.
 */
import type { EditRun } from "./diff.ts";
import type { WeightedPair } from "./lcs.ts";

export type Step =
  | { op: "equal"; old: string; new: string }
  | { op: "delete"; old: string }
  | { op: "insert"; new: string }
  | { op: "move"; old: string; new: string };

/**
 * Render steps. With `splitEquals`, a kept step right after another kept step is written <eq>…</eq>,
 * so that a test sees two runs that were not merged (kept items of an alignment read better joined).
 */
export function renderSteps(steps: readonly Step[], { splitEquals = false } = {}): string {
  return steps
    .map((s, k) => {
      switch (s.op) {
        case "equal":
          if (s.old !== s.new) return `<eq old="${s.old}">${s.new}</eq>`;
          return splitEquals && steps[k - 1]?.op === "equal" ? `<eq>${s.new}</eq>` : s.new;
        case "delete":
          return `<del>${s.old}</del>`;
        case "insert":
          return `<ins>${s.new}</ins>`;
        case "move":
          return s.old === s.new ? `<mov>${s.new}</mov>` : `<mov old="${s.old}">${s.new}</mov>`;
      }
    })
    .join("");
}

/** A string's characters as integer keys (one per UTF-16 unit), to diff strings as key sequences. */
export function keysOf(s: string): number[] {
  return Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
}

/** An edit script over the characters of `a` and `b`, rendered. */
export function renderRuns(runs: readonly EditRun[], a: string, b: string): string {
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  for (const run of runs) {
    if (run.op === "equal") steps.push({ op: "equal", old: a.slice(i, i + run.count), new: b.slice(j, j + run.count) });
    else if (run.op === "delete") steps.push({ op: "delete", old: a.slice(i, i + run.count) });
    else steps.push({ op: "insert", new: b.slice(j, j + run.count) });
    if (run.op !== "insert") i += run.count;
    if (run.op !== "delete") j += run.count;
  }
  return renderSteps(steps);
}

/**
 * Matched pairs over the characters of `a` and `b`, rendered as an alignment: the characters between
 * two pairs as one deletion then one insertion, each pair as a kept character.
 */
export function renderPairs(pairs: readonly WeightedPair[], a: string, b: string): string {
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  const gap = (toI: number, toJ: number) => {
    if (toI > i) steps.push({ op: "delete", old: a.slice(i, toI) });
    if (toJ > j) steps.push({ op: "insert", new: b.slice(j, toJ) });
  };
  for (const [pi, pj] of pairs) {
    gap(pi, pj);
    steps.push({ op: "equal", old: a[pi]!, new: b[pj]! });
    i = pi + 1;
    j = pj + 1;
  }
  gap(a.length, b.length);
  return renderSteps(steps);
}
