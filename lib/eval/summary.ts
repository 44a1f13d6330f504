/**
 * Figures of an evaluation run: the gold rows and totals, and the metamorphic cases summed per
 * transformation, per source kind and overall. Plain data (JSON output, pins, tables).
 */
import type { GoldResult } from "./gold-run.ts";
import type { CaseResult } from "./metamorphic.ts";
import { type Accuracy, addAccuracy, addCounts, type Counts, f1, noAccuracy, noCounts, rate } from "./metrics.ts";

/** Rounded figures of one gold row (or the total). Null: nothing to score at that level. */
export interface GoldFigures {
  outlineTop: number | null;
  outlineSecond: number | null;
  pairTop: number | null;
  pairSecond: number | null;
  status: number | null;
  baselineTop: number | null;
  baselineSecond: number | null;
}

export interface MetamorphicGroup {
  /** The transformation, source kind, or "all". */
  name: string;
  cases: number;
  outlineRecovered: Accuracy;
  pairs: Counts;
  status: Accuracy;
  /** Formatting-only cases only. */
  formattingCases: number;
  changedIgnoringNumbers: number;
  changedWeb: number;
  expectedWeb: number;
}

export interface MetamorphicFigures {
  outlineRecovered: number | null;
  pairF1: number | null;
  status: number | null;
  changedIgnoringNumbers: number;
  /** Sections reported changed with the web defaults beyond those whose number changed. */
  excessChangedWeb: number;
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function goldFigures(t: {
  outline: { top: Counts; second: Counts };
  pairs: { top: Counts; second: Counts };
  status: Accuracy;
  baseline: { top: Counts; second: Counts };
}): GoldFigures {
  return {
    outlineTop: round(f1(t.outline.top)),
    outlineSecond: round(f1(t.outline.second)),
    pairTop: round(f1(t.pairs.top)),
    pairSecond: round(f1(t.pairs.second)),
    status: round(rate(t.status)),
    baselineTop: round(f1(t.baseline.top)),
    baselineSecond: round(f1(t.baseline.second)),
  };
}

export function goldRowFigures(row: GoldResult["rows"][number]): GoldFigures {
  return goldFigures({
    outline: row.outline,
    pairs: row.score.pairs,
    status: row.score.status,
    baseline: row.score.baseline,
  });
}

export function groupCases(name: string, cases: CaseResult[]): MetamorphicGroup {
  const g: MetamorphicGroup = {
    name,
    cases: cases.length,
    outlineRecovered: noAccuracy(),
    pairs: noCounts(),
    status: noAccuracy(),
    formattingCases: 0,
    changedIgnoringNumbers: 0,
    changedWeb: 0,
    expectedWeb: 0,
  };
  for (const c of cases) {
    g.outlineRecovered.total++;
    if (c.outlineRecovered) g.outlineRecovered.correct++;
    addCounts(g.pairs, c.pairs);
    addAccuracy(g.status, c.status);
    if (c.formattingOnly) {
      g.formattingCases++;
      g.changedIgnoringNumbers += c.changedIgnoringNumbers ?? 0;
      g.changedWeb += c.changedWeb ?? 0;
      g.expectedWeb += c.expectedWeb ?? 0;
    }
  }
  return g;
}

export function metamorphicFigures(g: MetamorphicGroup): MetamorphicFigures {
  return {
    outlineRecovered: round(rate(g.outlineRecovered)),
    pairF1: round(f1(g.pairs)),
    status: round(rate(g.status)),
    changedIgnoringNumbers: g.changedIgnoringNumbers,
    excessChangedWeb: Math.max(0, g.changedWeb - g.expectedWeb),
  };
}

/** Cases grouped by a key, groups in first-seen order. */
export function groupBy(cases: CaseResult[], key: (c: CaseResult) => string): MetamorphicGroup[] {
  const groups = new Map<string, CaseResult[]>();
  for (const c of cases) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  return [...groups].map(([name, cs]) => groupCases(name, cs));
}
