/**
 * One evaluation run: the gold scoring and the metamorphic suite over a project's files, summed into
 * the figures that `npm run eval` prints and `pins.json` pins.
 */
import { ENGINE_VERSION } from "../compare/index.ts";
import { corpusPaths, DocumentCache, type EvalDocument, samplePaths } from "./documents.ts";
import { type GoldResult, runGold } from "./gold-run.ts";
import { type InsightEval, runInsightEval } from "./insight.ts";
import { type CaseResult, runMetamorphic } from "./metamorphic.ts";
import {
  type GoldFigures,
  goldFigures,
  goldRowFigures,
  groupBy,
  groupCases,
  type MetamorphicFigures,
  type MetamorphicGroup,
  metamorphicFigures,
} from "./summary.ts";

export interface EvalOptions {
  /** Project root (the folder holding lib/ and data/). */
  root: string;
  gold?: boolean;
  metamorphic?: boolean;
  /** Only these gold series. */
  series?: string[];
  /** Only these transformations. */
  transforms?: string[];
  /** Only documents whose path contains one of these strings (metamorphic suite). */
  documents?: string[];
}

export interface EvalReport {
  engineVersion: string;
  gold: (GoldResult & { figures: GoldFigures; rowFigures: GoldFigures[] }) | null;
  metamorphic: {
    documents: number;
    /** Documents without any section: no transformation applies. */
    noSections: string[];
    cases: CaseResult[];
    byTransform: Array<MetamorphicGroup & { group: string; figures: MetamorphicFigures }>;
    byKind: Array<MetamorphicGroup & { documents: number; figures: MetamorphicFigures }>;
    all: MetamorphicGroup & { figures: MetamorphicFigures };
  } | null;
  /** Topics and key terms against lib/eval/insight-gold.json (ADR 0020); run with the gold half. */
  insight: InsightEval | null;
  seconds: { gold: number; metamorphic: number };
}

/** Every sample, seed and corpus document, read once. */
export function allDocuments(cache: DocumentCache): EvalDocument[] {
  return [
    ...samplePaths(cache.root).map((p) => cache.get(p.path, p.source, p.series)),
    ...corpusPaths(cache.root).map((p) => cache.get(p.path, "corpus", p.series)),
  ];
}

export function runEval(options: EvalOptions): EvalReport {
  const cache = new DocumentCache(options.root);
  const report: EvalReport = {
    engineVersion: ENGINE_VERSION,
    gold: null,
    metamorphic: null,
    insight: null,
    seconds: { gold: 0, metamorphic: 0 },
  };
  if (options.gold !== false) {
    const t0 = performance.now();
    const gold = runGold(options.root, cache, { series: options.series });
    report.gold = { ...gold, figures: goldFigures(gold.totals), rowFigures: gold.rows.map(goldRowFigures) };
    if (!options.series) report.insight = runInsightEval(options.root);
    report.seconds.gold = (performance.now() - t0) / 1000;
  }
  if (options.metamorphic !== false) {
    const t0 = performance.now();
    const docs = allDocuments(cache).filter(
      (d) => !options.documents || options.documents.some((s) => d.path.includes(s)),
    );
    const cases = runMetamorphic(docs, { transforms: options.transforms });
    const withFigures = <G extends MetamorphicGroup>(g: G) => ({ ...g, figures: metamorphicFigures(g) });
    const groupOf = new Map(cases.map((c) => [c.transform, c.group]));
    const docsOfKind = (kind: string) => new Set(cases.filter((c) => c.kind === kind).map((c) => c.document)).size;
    report.metamorphic = {
      documents: docs.length,
      noSections: docs.filter((d) => d.tree.sections.length === 0).map((d) => d.path),
      cases,
      byTransform: groupBy(cases, (c) => c.transform).map((g) => ({ ...withFigures(g), group: groupOf.get(g.name)! })),
      byKind: groupBy(cases, (c) => c.kind)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((g) => ({ ...withFigures(g), documents: docsOfKind(g.name) })),
      all: withFigures(groupCases("all", cases)),
    };
    report.seconds.metamorphic = (performance.now() - t0) / 1000;
  }
  return report;
}
