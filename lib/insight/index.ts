/**
 * What kind of change, about what (docs/decisions/0020-change-insight.md). Reads a CompareModel
 * (nothing is diffed or parsed again: every block's text is in its segments) and returns it
 * annotated: `kind` and `topics` on changed section and block pairs, `topics` on every section pair,
 * and at the top level `keyTerms` (terms added or removed between the versions, each with the pairs
 * where it appears), `kinds` (sections per kind) and `digest` (one line per changed section, in the
 * UI language). The input model is not modified.
 */
import { allSectionPairs } from "../compare/index.ts";
import type { BlockPair, ChangeKind, CompareModel, SectionPair, SectionRef } from "../compare/types.ts";
import { format, getMessages, type Locale } from "../i18n/index.ts";
import { blockKind, sectionKind } from "./kind.ts";
import { KIND_RANK, TERM_CATEGORIES, TOPICS, type TermCategory, type TopicId } from "./lexicon.ts";
import { keyTermsOf, termKey, type FoundTerm } from "./terms.ts";
import { blockTopics, sectionTopics } from "./topics.ts";
import { newSide, oldSide } from "./text.ts";

export { blockKind, kindOfTexts, sectionKind, withoutDates } from "./kind.ts";
export { keyTermsOf, type FoundTerm } from "./terms.ts";
export { blockTopics, sectionTopics } from "./topics.ts";
export { TOPIC_IDS, TOPICS, TERM_CATEGORIES, type ChangeKind, type TermCategory, type TopicId } from "./lexicon.ts";

/** A key term present in only one of the versions. */
export interface KeyTermChange {
  category: TermCategory;
  term: string;
  change: "added" | "removed";
  /** Keys of the section pairs where it appears (on the side that has it); "preamble" for the preamble. */
  keys: string[];
}

/** One changed section in the digest. */
export interface DigestEntry {
  key: string;
  label: string;
  status: SectionPair["status"];
  kind: ChangeKind;
  topics: TopicId[];
  /** Key terms on this section's new side and not its old side, and the reverse. */
  addedTerms: FoundTerm[];
  removedTerms: FoundTerm[];
  /** The line in the digest's language. */
  line: string;
}

export interface DigestGroup {
  /** The topic the group is about; null for sections with none. */
  topic: TopicId | null;
  title: string;
  entries: DigestEntry[];
}

export interface ChangeDigest {
  locale: Locale;
  title: string;
  /** Substantive changes grouped by topic (the lexicon's order), then date-only changes. */
  groups: DigestGroup[];
  /** Sections changed in layout only / dates only (listed in `groups` only for dates). */
  counts: Record<ChangeKind, number>;
  markdown: string;
  text: string;
}

export interface InsightModel extends CompareModel {
  keyTerms: KeyTermChange[];
  digest: ChangeDigest;
}

/** Own text of a section pair (heading + own blocks) on one side. */
function sideText(p: SectionPair, side: "old" | "new"): string {
  const pick = side === "old" ? oldSide : newSide;
  return [p.heading, ...p.blocks]
    .filter((b): b is BlockPair => b !== null)
    .map(pick)
    .filter((t): t is string => t !== null)
    .join("\n");
}

function annotateBlock(bp: BlockPair, heading = false): BlockPair {
  const kind = blockKind(bp, heading);
  const text = newSide(bp) ?? oldSide(bp) ?? "";
  return { ...bp, ...(kind ? { changeKind: kind } : {}), topics: blockTopics(text) };
}

function annotateSection(p: SectionPair): SectionPair {
  const kind = sectionKind(p);
  const ref = p.new ?? p.old;
  const body = p.blocks.map((b) => newSide(b) ?? oldSide(b) ?? "").join("\n");
  return {
    ...p,
    ...(kind ? { changeKind: kind } : {}),
    topics: sectionTopics(ref?.title ?? "", body),
    heading: p.heading ? annotateBlock(p.heading, true) : null,
    blocks: p.blocks.map((b) => annotateBlock(b)),
    children: p.children.map(annotateSection),
  };
}

const refLabel = (r: SectionRef | null): string => (r ? [r.number, r.title].filter(Boolean).join(" ") : "");

function termSets(texts: string): Map<string, FoundTerm> {
  return new Map(keyTermsOf(texts).map((t) => [termKey(t), t]));
}

/** Key terms of the whole document on each side, each with the pairs that hold it. */
function keyTermChanges(model: CompareModel): KeyTermChange[] {
  const where = { old: new Map<string, string[]>(), new: new Map<string, string[]>() };
  const terms = new Map<string, FoundTerm>();
  const collect = (key: string, oldText: string, newText: string) => {
    for (const [side, text] of [
      ["old", oldText],
      ["new", newText],
    ] as const)
      for (const [k, t] of termSets(text)) {
        terms.set(k, t);
        const list = where[side].get(k) ?? [];
        if (!list.includes(key)) list.push(key);
        where[side].set(k, list);
      }
  };
  collect(
    "preamble",
    model.preamble.map((b) => oldSide(b) ?? "").join("\n"),
    model.preamble.map((b) => newSide(b) ?? "").join("\n"),
  );
  for (const p of allSectionPairs(model)) collect(p.key, sideText(p, "old"), sideText(p, "new"));
  const out: KeyTermChange[] = [];
  for (const [k, t] of terms) {
    const inOld = where.old.get(k);
    const inNew = where.new.get(k);
    if (inNew && !inOld) out.push({ ...t, change: "added", keys: inNew });
    else if (inOld && !inNew) out.push({ ...t, change: "removed", keys: inOld });
  }
  const cat = (c: TermCategory) => TERM_CATEGORIES.indexOf(c);
  return out.sort((a, b) =>
    a.change === b.change ? cat(a.category) - cat(b.category) : a.change === "added" ? -1 : 1,
  );
}

function digestLine(e: Omit<DigestEntry, "line">, locale: Locale): string {
  const t = getMessages(locale);
  const parts = [t.compare.status[e.status]];
  if (e.kind !== "substantive") parts.push(t.insight.kinds[e.kind]);
  if (e.topics.length)
    parts.push(
      format(t.insight.involves, { topics: e.topics.map((id) => t.insight.topics[id]).join(t.insight.listSeparator) }),
    );
  for (const [list, message] of [
    [e.addedTerms, t.insight.addedTerms],
    [e.removedTerms, t.insight.removedTerms],
  ] as const)
    for (const category of TERM_CATEGORIES) {
      const terms = list.filter((x) => x.category === category).map((x) => x.term);
      if (terms.length)
        parts.push(
          format(message, { category: t.insight.categories[category], terms: terms.join(t.insight.listSeparator) }),
        );
    }
  return `${e.label || t.insight.untitled}${t.insight.labelSeparator}${parts.join(t.insight.lineSeparator)}`;
}

/** The digest of an annotated model's changed sections. */
export function buildDigest(sections: SectionPair[], locale: Locale): ChangeDigest {
  const t = getMessages(locale);
  const counts: Record<ChangeKind, number> = { cosmetic: 0, date: 0, substantive: 0 };
  const entries: DigestEntry[] = [];
  const walk = (list: SectionPair[]) => {
    for (const p of list) {
      if (p.changeKind) {
        counts[p.changeKind]++;
        if (p.changeKind !== "cosmetic") {
          const before = termSets(sideText(p, "old"));
          const after = termSets(sideText(p, "new"));
          const base = {
            key: p.key,
            label: refLabel(p.new ?? p.old),
            status: p.status,
            kind: p.changeKind,
            topics: (p.topics ?? []) as TopicId[],
            addedTerms: [...after].filter(([k]) => !before.has(k)).map(([, v]) => v),
            removedTerms: [...before].filter(([k]) => !after.has(k)).map(([, v]) => v),
          };
          entries.push({ ...base, line: digestLine(base, locale) });
        }
      }
      walk(p.children);
    }
  };
  walk(sections);

  const groups: DigestGroup[] = [];
  const substantive = entries.filter((e) => e.kind === "substantive");
  for (const topic of [...TOPICS.map((x) => x.id), null]) {
    const inGroup = substantive.filter((e) => (e.topics[0] ?? null) === topic);
    if (inGroup.length)
      groups.push({ topic, title: topic ? t.insight.topics[topic] : t.insight.otherTopic, entries: inGroup });
  }
  const dates = entries.filter((e) => e.kind === "date");
  if (dates.length) groups.push({ topic: null, title: t.insight.kinds.date, entries: dates });

  const footer = [counts.cosmetic ? format(t.insight.onlyCosmetic, { n: counts.cosmetic }) : null].filter(
    (x): x is string => x !== null,
  );
  const md = [`## ${t.insight.digestTitle}`, ""];
  const txt = [t.insight.digestTitle, ""];
  if (!groups.length) {
    md.push(t.insight.noChanges, "");
    txt.push(t.insight.noChanges, "");
  }
  for (const g of groups) {
    md.push(`### ${g.title}`, "", ...g.entries.map((e) => `- ${e.line}`), "");
    txt.push(`${g.title}`, ...g.entries.map((e) => `  ${e.line}`), "");
  }
  md.push(...footer.map((f) => `_${f}_`));
  txt.push(...footer);
  return {
    locale,
    title: t.insight.digestTitle,
    groups,
    counts,
    markdown: md.join("\n").trim() + "\n",
    text: txt.join("\n").trim() + "\n",
  };
}

/** The model with kinds, topics, key terms and the digest. */
export function analyzeChanges(model: CompareModel, locale: Locale = "zh"): InsightModel {
  const sections = model.sections.map(annotateSection);
  return {
    ...model,
    preamble: model.preamble.map((b) => annotateBlock(b)),
    sections,
    keyTerms: keyTermChanges(model),
    digest: buildDigest(sections, locale),
  };
}

/** Highest kind first: for sorting. */
export const kindRank = (k: ChangeKind | undefined): number => (k ? KIND_RANK[k] : -1);
