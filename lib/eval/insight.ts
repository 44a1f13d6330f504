/**
 * Precision and recall of lib/insight's topics and key terms against the hand-checked gold in
 * lib/eval/insight-gold.json (ADR 0020). Key terms: the whole document's added and removed terms,
 * each "change category:term" (case and spaces ignored). Topics: per gold section (found by title,
 * new side first), the predicted topic set against the gold set, summed over sections (micro).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { allSectionPairs, compareTexts } from "../compare/index.ts";
import { analyzeChanges } from "../insight/index.ts";

interface GoldPair {
  name: string;
  old: string;
  new: string;
  added: string[];
  removed: string[];
  topics: { title: string; topics: string[] }[];
}

export interface PrCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface InsightPairResult {
  name: string;
  terms: PrCounts;
  topics: PrCounts;
  /** Gold items not found and found items not in gold, for --details. */
  missed: string[];
  extra: string[];
  /** Gold sections whose title matched no section pair. */
  unmatched: string[];
}

export interface InsightEval {
  pairs: InsightPairResult[];
  terms: PrCounts;
  topics: PrCounts;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, "");

function score(gold: Iterable<string>, found: Iterable<string>): PrCounts & { missed: string[]; extra: string[] } {
  const g = new Map([...gold].map((x) => [norm(x), x]));
  const f = new Map([...found].map((x) => [norm(x), x]));
  const missed = [...g].filter(([k]) => !f.has(k)).map(([, v]) => v);
  const extra = [...f].filter(([k]) => !g.has(k)).map(([, v]) => v);
  return { tp: g.size - missed.length, fp: extra.length, fn: missed.length, missed, extra };
}

const add = (a: PrCounts, b: PrCounts): PrCounts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

export function precision(c: PrCounts): number {
  return c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
}
export function recall(c: PrCounts): number {
  return c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
}

export function runInsightEval(root: string): InsightEval {
  const gold = JSON.parse(readFileSync(path.join(root, "lib/eval/insight-gold.json"), "utf8")) as { pairs: GoldPair[] };
  const pairs: InsightPairResult[] = [];
  for (const g of gold.pairs) {
    const read = (p: string) => readFileSync(path.join(root, p), "utf8");
    const model = analyzeChanges(compareTexts(read(g.old), read(g.new)));
    const terms = score(
      [...g.added.map((t) => `added ${t}`), ...g.removed.map((t) => `removed ${t}`)],
      model.keyTerms.map((k) => `${k.change} ${k.category}:${k.term}`),
    );
    const sections = allSectionPairs(model);
    let topics: PrCounts = { tp: 0, fp: 0, fn: 0 };
    const missed = [...terms.missed];
    const extra = [...terms.extra];
    const unmatched: string[] = [];
    for (const s of g.topics) {
      const pair =
        sections.find((p) => p.new?.title.trim() === s.title) ??
        sections.find((p) => p.old?.title.trim() === s.title) ??
        sections.find((p) => (p.new ?? p.old)?.title.includes(s.title));
      if (!pair) {
        unmatched.push(s.title);
        topics = add(topics, { tp: 0, fp: 0, fn: s.topics.length });
        continue;
      }
      const r = score(s.topics, pair.topics ?? []);
      topics = add(topics, r);
      missed.push(...r.missed.map((t) => `${s.title}: ${t}`));
      extra.push(...r.extra.map((t) => `${s.title}: ${t}`));
    }
    pairs.push({ name: g.name, terms, topics, missed, extra, unmatched });
  }
  const zero: PrCounts = { tp: 0, fp: 0, fn: 0 };
  return {
    pairs,
    terms: pairs.reduce((a, p) => add(a, p.terms), zero),
    topics: pairs.reduce((a, p) => add(a, p.topics), zero),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** The report's section: one row per gold pair, then the totals. */
export function formatInsightEval(r: InsightEval, withDetails = false): string {
  const row = (name: string, t: PrCounts, s: PrCounts) =>
    `| ${name} | ${pct(precision(t))} | ${pct(recall(t))} | ${t.tp}/${t.tp + t.fn} | ${pct(precision(s))} | ${pct(recall(s))} |`;
  const lines = [
    "## Change insight: key terms and topics (lib/eval/insight-gold.json)",
    "",
    "| pair | terms P | terms R | terms found | topics P | topics R |",
    "|---|---:|---:|---:|---:|---:|",
    ...r.pairs.map((p) => row(p.name, p.terms, p.topics)),
    row("**all**", r.terms, r.topics),
  ];
  if (withDetails)
    for (const p of r.pairs) {
      lines.push("", `### ${p.name}`);
      if (p.missed.length) lines.push(`missed: ${p.missed.join("; ")}`);
      if (p.extra.length) lines.push(`extra: ${p.extra.join("; ")}`);
      if (p.unmatched.length) lines.push(`sections not found: ${p.unmatched.join("; ")}`);
    }
  return lines.join("\n");
}
