/**
 * Runs the gold scoring over every gold file of a project: each gold document is read from the corpus
 * and parsed, each gold pair compared with the web defaults (ignore whitespace and width).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { compareDocuments, type IgnoreOption } from "../compare/index.ts";
import type { DocumentTree } from "../parse/index.ts";
import { CORPUS_DIR, DocumentCache, GOLD_DIR } from "./documents.ts";
import { type GoldSeries, loadGold } from "./gold.ts";
import { type Accuracy, addAccuracy, addCounts, type Counts, noAccuracy, noCounts } from "./metrics.ts";
import { type OutlineScore, type PairScore, scoreOutline, scorePair } from "./score.ts";

/** What the web view and /api/compare ignore by default (docs/decisions/0007-compare-urls.md). */
export const WEB_DEFAULTS: IgnoreOption[] = ["whitespace", "width"];

export interface GoldPairRow {
  series: string;
  old: string;
  new: string;
  /** Outline of both documents together. */
  outline: { top: Counts; second: Counts };
  score: PairScore;
  /** Outline details of the two documents. */
  documents: Array<{ file: string; descended: string[]; missed: string[]; spurious: string[] }>;
}

export interface GoldTotals {
  /** Each document counted once, however many pairs it is in. */
  outline: { top: Counts; second: Counts };
  pairs: { top: Counts; second: Counts };
  status: Accuracy;
  baseline: { top: Counts; second: Counts };
}

export interface GoldResult {
  rows: GoldPairRow[];
  totals: GoldTotals;
  problems: string[];
}

export function emptyTotals(): GoldTotals {
  return {
    outline: { top: noCounts(), second: noCounts() },
    pairs: { top: noCounts(), second: noCounts() },
    status: noAccuracy(),
    baseline: { top: noCounts(), second: noCounts() },
  };
}

export interface GoldRunOptions {
  /** Only these series (all when absent). */
  series?: string[];
  /** Folders relative to the root (default lib/eval/gold and lib/eval/corpus). */
  goldDir?: string;
  corpusDir?: string;
}

export function runGold(root: string, cache: DocumentCache, options: GoldRunOptions = {}): GoldResult {
  const load = loadGold(join(root, options.goldDir ?? GOLD_DIR));
  const problems = [...load.problems];
  const rows: GoldPairRow[] = [];
  const totals = emptyTotals();
  const chosen = load.series.filter((s) => !options.series || options.series.includes(s.series));
  for (const series of chosen) {
    const outlines = scoreSeriesOutlines(root, options.corpusDir ?? CORPUS_DIR, cache, series, problems);
    for (const o of outlines.values()) {
      addCounts(totals.outline.top, o.score.top);
      addCounts(totals.outline.second, o.score.second);
    }
    for (const pair of series.pairs) {
      const oldO = outlines.get(pair.old);
      const newO = outlines.get(pair.new);
      if (!oldO || !newO) continue;
      const model = compareDocuments(oldO.tree, newO.tree, { ignore: WEB_DEFAULTS });
      const score = scorePair(
        pair,
        series.documents.get(pair.old)!,
        series.documents.get(pair.new)!,
        oldO.score.mapping,
        newO.score.mapping,
        model,
      );
      addCounts(totals.pairs.top, score.pairs.top);
      addCounts(totals.pairs.second, score.pairs.second);
      addAccuracy(totals.status, score.status);
      addCounts(totals.baseline.top, score.baseline.top);
      addCounts(totals.baseline.second, score.baseline.second);
      rows.push({
        series: series.series,
        old: pair.old,
        new: pair.new,
        outline: {
          top: addCounts(addCounts(noCounts(), oldO.score.top), newO.score.top),
          second: addCounts(addCounts(noCounts(), oldO.score.second), newO.score.second),
        },
        score,
        documents: [pair.old, pair.new].map((file) => {
          const s = outlines.get(file)!.score;
          return { file, descended: s.descended, missed: s.missed, spurious: s.spurious };
        }),
      });
    }
  }
  return { rows, totals, problems };
}

function scoreSeriesOutlines(
  root: string,
  corpusDir: string,
  cache: DocumentCache,
  series: GoldSeries,
  problems: string[],
): Map<string, { tree: DocumentTree; score: OutlineScore }> {
  const out = new Map<string, { tree: DocumentTree; score: OutlineScore }>();
  for (const [file, gold] of series.documents) {
    const path = `${corpusDir}/${series.series}/${file}`;
    if (!existsSync(join(root, path))) {
      problems.push(`${series.series}.json: ${file} is not in ${corpusDir}/${series.series}/`);
      continue;
    }
    const doc = cache.get(path, "corpus", series.series);
    out.set(file, { tree: doc.tree, score: scoreOutline(gold, doc.tree) });
  }
  return out;
}
