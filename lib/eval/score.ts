/**
 * Scoring the engine against gold (lib/eval/gold/README.md).
 *
 * Outline: the engine's sections at levels 1 and 2 (see outline.ts for the level rule) are mapped to
 * the gold nodes; a gold node is found at level L when it is mapped to an engine node that the engine
 * also puts at level L. F1 per level over nodes.
 *
 * Section pairs: a pair is (old gold id | null, new gold id | null). The engine's pairs (every depth of
 * the compare model) go through the outline mappings; an engine section outside the gold outline
 * (deeper level, or not a section for the reader) counts as absent, the same convention as the gold,
 * whose nodes are listed as added when their counterpart is below level 2. A pair belongs to level L
 * when one of its sections is a gold node of level L (a cross-level pair belongs to both). F1 per
 * level over pairs.
 *
 * Status accuracy: over the correctly predicted pairs that have both sections (for an added or removed
 * pair the status follows from the pairing), the engine's status equals the gold status.
 *
 * Baseline: pairing by exact title with numbers stripped, on the gold outlines themselves: nodes of
 * the same level whose title keys are equal, non-empty and unique on both sides pair; every other node
 * is added or removed. Scored like the engine's pairs.
 */
import { allSectionPairs, type CompareModel, type SectionStatus } from "../compare/index.ts";
import type { DocumentTree } from "../parse/index.ts";
import type { GoldDocument, GoldNode, GoldPair } from "./gold.ts";
import { type Accuracy, type Counts, noAccuracy, setCounts } from "./metrics.ts";
import { engineOutline, type EngineNode, mapOutline, matchScore, type OutlineMapping } from "./outline.ts";
import { titleKey } from "./text.ts";

export interface OutlineScore {
  top: Counts;
  second: Counts;
  /** Wrapper sections the evaluation descended into (see outline.ts). */
  descended: string[];
  mapping: OutlineMapping;
  /** Gold nodes not found at their level, as "id number title". */
  missed: string[];
  /** Engine sections at levels 1-2 that are no gold node at that level, as "level: number title". */
  spurious: string[];
}

const label = (n: { number: string | null; title: string }) => [n.number, n.title].filter(Boolean).join(" ");

export function scoreOutline(gold: GoldDocument, tree: DocumentTree): OutlineScore {
  const goldTop = gold.nodes.filter((n) => n.level === 1);
  const outline = engineOutline(tree, 2, (node) => goldTop.some((g) => matchScore(g, node) > 0));
  const mapping = mapOutline(gold.nodes, outline.nodes);
  const engineById = new Map(outline.nodes.map((n) => [n.id, n]));
  const goldById = new Map(gold.nodes.map((n) => [n.id, n]));
  const counts = (level: number): Counts => {
    let tp = 0;
    for (const [goldId, engineId] of mapping.refToEngine)
      if (goldById.get(goldId)!.level === level && engineById.get(engineId)!.level === level) tp++;
    return {
      tp,
      predicted: outline.nodes.filter((n) => n.level === level).length,
      gold: gold.nodes.filter((n) => n.level === level).length,
    };
  };
  const foundAtLevel = (g: GoldNode) => {
    const e = mapping.refToEngine.get(g.id);
    return e !== undefined && engineById.get(e)!.level === g.level;
  };
  const isGoldAtLevel = (e: EngineNode) => {
    const g = mapping.engineToRef.get(e.id);
    return g !== undefined && goldById.get(g)!.level === e.level;
  };
  return {
    top: counts(1),
    second: counts(2),
    descended: outline.descended,
    mapping,
    missed: gold.nodes.filter((g) => !foundAtLevel(g)).map((g) => `${g.id} ${label(g)}`.trim()),
    spurious: outline.nodes.filter((e) => !isGoldAtLevel(e)).map((e) => `L${e.level}: ${label(e)}`),
  };
}

/** "old→new" with ∅ for a missing side. */
export const pairKey = (old: string | null, neu: string | null) => `${old ?? "∅"}→${neu ?? "∅"}`;

interface LevelledPair {
  key: string;
  levels: Set<number>;
}

function levelled(
  pairs: Array<{ old: string | null; new: string | null }>,
  oldDoc: GoldDocument,
  newDoc: GoldDocument,
): LevelledPair[] {
  const oldLevel = new Map(oldDoc.nodes.map((n) => [n.id, n.level]));
  const newLevel = new Map(newDoc.nodes.map((n) => [n.id, n.level]));
  return pairs.map((p) => {
    const levels = new Set<number>();
    if (p.old !== null) levels.add(oldLevel.get(p.old) ?? 0);
    if (p.new !== null) levels.add(newLevel.get(p.new) ?? 0);
    return { key: pairKey(p.old, p.new), levels };
  });
}

function levelCounts(predicted: LevelledPair[], gold: LevelledPair[], level: number): Counts {
  const at = (ps: LevelledPair[]) => ps.filter((p) => p.levels.has(level)).map((p) => p.key);
  return setCounts(at(predicted), at(gold));
}

/** The engine's section pairs in gold ids, with the engine's status (first occurrence of each pair). */
export function predictedPairs(
  model: CompareModel,
  oldMap: OutlineMapping,
  newMap: OutlineMapping,
): Array<{ old: string | null; new: string | null; status: SectionStatus }> {
  const out = new Map<string, { old: string | null; new: string | null; status: SectionStatus }>();
  for (const p of allSectionPairs(model)) {
    const old = p.old ? (oldMap.engineToRef.get(p.old.id) ?? null) : null;
    const neu = p.new ? (newMap.engineToRef.get(p.new.id) ?? null) : null;
    if (old === null && neu === null) continue;
    const key = pairKey(old, neu);
    if (!out.has(key)) out.set(key, { old, new: neu, status: p.status });
  }
  return [...out.values()];
}

/** The baseline's pairs: exact title (numbers stripped), same level, unique on both sides. */
export function baselinePairs(
  oldDoc: GoldDocument,
  newDoc: GoldDocument,
): Array<{ old: string | null; new: string | null }> {
  const pairs: Array<{ old: string | null; new: string | null }> = [];
  const unique = (nodes: GoldNode[]) => {
    const byKey = new Map<string, GoldNode[]>();
    for (const n of nodes) {
      const k = titleKey(n.title);
      if (k !== "") byKey.set(k, [...(byKey.get(k) ?? []), n]);
    }
    return byKey;
  };
  for (const level of [1, 2]) {
    const olds = oldDoc.nodes.filter((n) => n.level === level);
    const news = newDoc.nodes.filter((n) => n.level === level);
    const oldKeys = unique(olds);
    const newKeys = unique(news);
    const paired = new Set<string>();
    for (const [k, os] of oldKeys) {
      const ns = newKeys.get(k);
      if (os.length === 1 && ns?.length === 1) {
        pairs.push({ old: os[0]!.id, new: ns[0]!.id });
        paired.add(`o${os[0]!.id}`).add(`n${ns[0]!.id}`);
      }
    }
    for (const o of olds) if (!paired.has(`o${o.id}`)) pairs.push({ old: o.id, new: null });
    for (const n of news) if (!paired.has(`n${n.id}`)) pairs.push({ old: null, new: n.id });
  }
  return pairs;
}

export interface PairScore {
  pairs: { top: Counts; second: Counts };
  status: Accuracy;
  baseline: { top: Counts; second: Counts };
  /** Gold pairs the engine did not produce. */
  missing: string[];
  /** Engine pairs that are not in the gold. */
  extra: string[];
  /** Correct pairs with the wrong status, as "old→new gold≠engine". */
  statusErrors: string[];
  /** Gold status -> engine status -> count, over the correct two-sided pairs. */
  confusion: Record<string, Record<string, number>>;
}

export function scorePair(
  gold: GoldPair,
  oldDoc: GoldDocument,
  newDoc: GoldDocument,
  oldMap: OutlineMapping,
  newMap: OutlineMapping,
  model: CompareModel,
): PairScore {
  const predicted = predictedPairs(model, oldMap, newMap);
  const goldPairs = levelled(gold.sections, oldDoc, newDoc);
  const predictedLevelled = levelled(predicted, oldDoc, newDoc);
  const baseline = levelled(baselinePairs(oldDoc, newDoc), oldDoc, newDoc);
  const goldStatus = new Map(gold.sections.map((s) => [pairKey(s.old, s.new), s.status]));
  const predictedKeys = new Set(predicted.map((p) => pairKey(p.old, p.new)));
  const status = noAccuracy();
  const statusErrors: string[] = [];
  const confusion: Record<string, Record<string, number>> = {};
  for (const p of predicted) {
    const want = goldStatus.get(pairKey(p.old, p.new));
    if (want === undefined || p.old === null || p.new === null) continue;
    status.total++;
    const row = (confusion[want] ??= {});
    row[p.status] = (row[p.status] ?? 0) + 1;
    if (want === p.status) status.correct++;
    else statusErrors.push(`${pairKey(p.old, p.new)} ${want}≠${p.status}`);
  }
  return {
    pairs: { top: levelCounts(predictedLevelled, goldPairs, 1), second: levelCounts(predictedLevelled, goldPairs, 2) },
    status,
    baseline: { top: levelCounts(baseline, goldPairs, 1), second: levelCounts(baseline, goldPairs, 2) },
    missing: [...goldStatus.keys()].filter((k) => !predictedKeys.has(k)),
    extra: [...predictedKeys].filter((k) => !goldStatus.has(k)),
    statusErrors,
    confusion,
  };
}
