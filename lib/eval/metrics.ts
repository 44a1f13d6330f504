/** Counts behind precision, recall and F1, and accuracy counts; summed (micro-averaged) across rows. */

export interface Counts {
  /** Predicted items that are in the reference. */
  tp: number;
  predicted: number;
  /** Items of the reference. */
  gold: number;
}

export interface Accuracy {
  correct: number;
  total: number;
}

export const noCounts = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });
export const noAccuracy = (): Accuracy => ({ correct: 0, total: 0 });

export function addCounts(into: Counts, c: Counts): Counts {
  into.tp += c.tp;
  into.predicted += c.predicted;
  into.gold += c.gold;
  return into;
}

export function addAccuracy(into: Accuracy, a: Accuracy): Accuracy {
  into.correct += a.correct;
  into.total += a.total;
  return into;
}

/** F1 = 2·tp / (predicted + gold); null when there is nothing on either side (not applicable). */
export function f1(c: Counts): number | null {
  const denominator = c.predicted + c.gold;
  return denominator === 0 ? null : (2 * c.tp) / denominator;
}

export function precision(c: Counts): number | null {
  return c.predicted === 0 ? null : c.tp / c.predicted;
}

export function recall(c: Counts): number | null {
  return c.gold === 0 ? null : c.tp / c.gold;
}

export function rate(a: Accuracy): number | null {
  return a.total === 0 ? null : a.correct / a.total;
}

/** Counts of a predicted set against a reference set (items compared as strings). */
export function setCounts(predicted: Iterable<string>, gold: Iterable<string>): Counts {
  const p = new Set(predicted);
  const g = new Set(gold);
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  return { tp, predicted: p.size, gold: g.size };
}
