/**
 * The metamorphic suite: every document (corpus, samples, seeds) is parsed by the engine, written
 * again under each transformation (transforms.ts), and compared with its transformed self. The right
 * answer is known by construction, so no gold is needed.
 *
 * Per case (document × transformation):
 * - outline recovered: the transformed text parses to the same top-level and second-level sections,
 *   in order, with the same titles (numbers stripped), as the transformation wrote (lone wrapper
 *   sections are descended into on both sides);
 * - pair F1: the engine's section pairs (every depth; the transformed side mapped onto the written
 *   sections by number, title and first body words, outline.ts) against the known pairs;
 * - status accuracy: over correctly paired two-sided pairs, the engine's status is one the
 *   transformation accepts;
 * - for formatting-only transformations: how many sections the engine reports changed with
 *   ignore=whitespace,width,numbering (target 0) and with the web defaults (target: the sections whose
 *   printed number changed).
 * The original is compared with the web defaults for pairs and statuses, like the gold scoring.
 */
import { allSectionPairs, compareDocuments, type CompareModel } from "../compare/index.ts";
import { ingestText } from "../ingest/index.ts";
import { type DocumentTree, parseDocument } from "../parse/index.ts";
import type { EvalDocument, SourceKind } from "./documents.ts";
import { WEB_DEFAULTS } from "./gold-run.ts";
import { type Accuracy, type Counts, noAccuracy, setCounts } from "./metrics.ts";
import { engineNodes, engineOutline, mapOutline, type OutlineNode } from "./outline.ts";
import type { OutNode } from "./render.ts";
import { pairKey } from "./score.ts";
import { preorder, type Skeleton, skeletonOf, topLevel } from "./skeleton.ts";
import { canon, titleKey } from "./text.ts";
import { TRANSFORMATIONS, type Transformation, type Transformed, type TransformGroup } from "./transforms.ts";

export interface CaseResult {
  document: string;
  source: SourceKind;
  /** Source kind and format, e.g. "corpus/html". */
  kind: string;
  transform: string;
  group: TransformGroup;
  formattingOnly: boolean;
  outlineRecovered: boolean;
  pairs: Counts;
  status: Accuracy;
  /** Formatting-only: sections reported changed with ignore=whitespace,width,numbering (target 0). */
  changedIgnoringNumbers?: number;
  /** Formatting-only: sections reported changed with the web defaults, and how many should be. */
  changedWeb?: number;
  expectedWeb?: number;
  /** What went wrong, briefly (a few examples per kind of error). */
  failures: string[];
}

export const ALL_IGNORED = ["whitespace", "width", "numbering"] as const;

const EXAMPLES = 3;

/** The reference nodes of a transformed document: every written section, in order. */
function writtenNodes(sections: OutNode[]): OutlineNode[] {
  return preorder(sections).map((n) => {
    const body = n.body
      .filter((b) => b.kind !== "blank")
      .map((b) => b.text)
      .join("")
      .slice(0, 200);
    return { id: n.cid, number: n.printed, title: n.title, start: canon(body).slice(0, 20), level: n.level };
  });
}

/** Top and second level titles (numbers stripped) of the written document. */
function writtenOutline(sections: OutNode[]): string[] {
  return topLevel(sections).flatMap((n) => [
    `1 ${titleKey(n.title)}`,
    ...n.children.map((c) => `2 ${titleKey(c.title)}`),
  ]);
}

function parsedOutline(tree: DocumentTree): string[] {
  return engineOutline(tree, 2, () => false).nodes.map((n) => `${n.level} ${titleKey(n.title)}`);
}

function outlineDifference(want: string[], got: string[]): string {
  const count = (xs: string[], level: string) => xs.filter((x) => x.startsWith(level)).length;
  let i = 0;
  while (i < want.length && want[i] === got[i]) i++;
  return (
    `outline: top ${count(want, "1 ")}→${count(got, "1 ")}, second ${count(want, "2 ")}→${count(got, "2 ")}; ` +
    `first difference at #${i + 1}: wrote "${want[i] ?? "(end)"}", parsed "${got[i] ?? "(end)"}"`
  );
}

const changedCount = (model: CompareModel) => allSectionPairs(model).filter((p) => p.status !== "unchanged").length;

/** Runs one transformation on one document (null when it does not apply). */
export function runCase(doc: EvalDocument, skeleton: Skeleton, t: Transformation): CaseResult | null {
  const transformed: Transformed | null = t.apply(skeleton);
  if (!transformed) return null;
  const base = {
    document: doc.path,
    source: doc.source,
    kind: `${doc.source}/${doc.format}`,
    transform: t.name,
    group: t.group,
    formattingOnly: t.formattingOnly,
  };
  let tree: DocumentTree;
  let model: CompareModel;
  try {
    tree = parseDocument(ingestText(transformed.text, { format: transformed.format }).text);
    model = compareDocuments(doc.tree, tree, { ignore: WEB_DEFAULTS });
  } catch (error) {
    return {
      ...base,
      outlineRecovered: false,
      pairs: { tp: 0, predicted: 0, gold: transformed.pairs.length },
      status: noAccuracy(),
      failures: [`error: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const failures: string[] = [];
  const want = writtenOutline(transformed.doc.sections);
  const got = parsedOutline(tree);
  const outlineRecovered = want.length === got.length && want.every((w, i) => w === got[i]);
  if (!outlineRecovered) failures.push(outlineDifference(want, got));

  const written = writtenNodes(transformed.doc.sections);
  const mapping = mapOutline(written, engineNodes(tree, tree.sections, Infinity));
  const predicted = new Map<string, string>();
  for (const p of allSectionPairs(model)) {
    const old = p.old?.id ?? null;
    const neu = p.new ? (mapping.engineToRef.get(p.new.id) ?? `?${p.new.id}`) : null;
    const key = pairKey(old, neu);
    if (!predicted.has(key)) predicted.set(key, p.status);
  }
  const expected = new Map(transformed.pairs.map((p) => [pairKey(p.old, p.new), p]));
  const pairs = setCounts(predicted.keys(), expected.keys());
  const status = noAccuracy();
  const titles = new Map(written.map((n) => [n.id, n.title || n.number || n.id]));
  const oldTitles = new Map(preorder(skeleton.sections).map((n) => [n.id, n.title || n.printed || n.id]));
  const describe = (key: string) => {
    const [o, n] = key.split("→");
    return `${o === "∅" ? "∅" : `"${oldTitles.get(o!) ?? o}"`} → ${n === "∅" ? "∅" : `"${titles.get(n!) ?? n}"`}`;
  };
  const missing = [...expected.keys()].filter((k) => !predicted.has(k));
  const extra = [...predicted.keys()].filter((k) => !expected.has(k));
  if (missing.length > 0)
    failures.push(`${missing.length} pairs missed, e.g. ${missing.slice(0, EXAMPLES).map(describe).join("; ")}`);
  if (extra.length > 0)
    failures.push(`${extra.length} unexpected pairs, e.g. ${extra.slice(0, EXAMPLES).map(describe).join("; ")}`);
  const wrongStatus: string[] = [];
  for (const [key, engineStatus] of predicted) {
    const e = expected.get(key);
    if (!e || e.old === null || e.new === null) continue;
    status.total++;
    if (e.statuses.includes(engineStatus as (typeof e.statuses)[number])) status.correct++;
    else wrongStatus.push(`${describe(key)} ${e.statuses.join("|")}≠${engineStatus}`);
  }
  if (wrongStatus.length > 0)
    failures.push(`${wrongStatus.length} wrong statuses, e.g. ${wrongStatus.slice(0, EXAMPLES).join("; ")}`);

  const result: CaseResult = { ...base, outlineRecovered, pairs, status, failures };
  if (t.formattingOnly) {
    const ignoringNumbers = compareDocuments(doc.tree, tree, { ignore: [...ALL_IGNORED] });
    result.changedIgnoringNumbers = changedCount(ignoringNumbers);
    result.changedWeb = changedCount(model);
    result.expectedWeb = transformed.pairs.filter((p) => !p.statuses.includes("unchanged")).length;
  }
  return result;
}

export interface MetamorphicOptions {
  /** Only these transformations (all when absent). */
  transforms?: string[];
}

/** Every applicable transformation of every document. */
export function runMetamorphic(docs: EvalDocument[], options: MetamorphicOptions = {}): CaseResult[] {
  const chosen = TRANSFORMATIONS.filter((t) => !options.transforms || options.transforms.includes(t.name));
  const results: CaseResult[] = [];
  for (const doc of docs) {
    const skeleton = skeletonOf(doc.tree);
    for (const t of chosen) {
      const r = runCase(doc, skeleton, t);
      if (r) results.push(r);
    }
  }
  return results;
}
