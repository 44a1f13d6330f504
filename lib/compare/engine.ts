/**
 * The comparison engine: two DocumentTrees -> one CompareModel (lib/compare/types.ts).
 *
 * Pipeline (`compareDocuments`):
 *   1. index both documents (lib/align/sections.ts `indexDocument`);
 *   2. align sections (`alignSections`: siblings by DP + moves, splits/merges, children, global moves);
 *   3. per section pair, align body blocks (lib/align/blocks.ts) and word-diff each block pair
 *      (lib/diff); identical blocks skip the diff;
 *   4. statuses (`sectionStatus`), stable keys (`assignKeys`), moved-from and related keys;
 *   5. paragraphs moved between sections (`linkParagraphMoves`);
 *   6. statistics (`computeStats`).
 * `rebuildTexts` proves the model is lossless: it rebuilds both inputs from the segments alone.
 */
import { alignBlocks, blockFeatures, createAlignCache, moveScore } from "../align/blocks.ts";
import { ALIGN_CONFIG } from "../align/config.ts";
import { alignSections, indexDocument, type DocIndex, type SectionMatch } from "../align/sections.ts";
import { clearSimilarityCaches } from "../align/similarity.ts";
import { diffBlockTexts } from "../diff/index.ts";
import { createTokenCache, type TokenCache } from "../diff/tokenize.ts";
import type { DocumentTree, SectionNode } from "../parse/types.ts";
import { isFurnitureLine } from "../parse/index.ts";
import { sameVisibleText } from "../text/markup.ts";
import { clearFoldCache, normalizeTitle, ZERO_WIDTH_CHARS } from "../text/normalize.ts";
import { COMPARE_CONFIG } from "./config.ts";
import { assignTreeKeys } from "./keys.ts";
import { normalizeIgnore } from "./options.ts";
import type {
  BlockPair,
  CompareLimits,
  CompareModel,
  CompareOptions,
  CompareStats,
  IgnoreOption,
  Segment,
  SectionPair,
  SectionRef,
  SectionStatus,
} from "./types.ts";

/** Bump whenever the output for the same input changes (caches key on it). */
export const ENGINE_VERSION = "compare-1.5.1";

const STATUSES: SectionStatus[] = [
  "unchanged",
  "modified",
  "renumbered",
  "renamed",
  "moved",
  "added",
  "removed",
  "split",
  "merged",
];

interface Ctx {
  oldIdx: DocIndex;
  newIdx: DocIndex;
  ignore: readonly IgnoreOption[];
  /** Segmentations and token keys, shared by the block diffs of this comparison only. */
  tokens: TokenCache;
  /** Section bodies above these are compared whole (`coarsePair`); null: no bound. */
  limits: CompareLimits | null;
}

/**
 * Memoised work lives for one comparison (lib/align/blocks.ts AlignCache, lib/diff/tokenize.ts
 * TokenCache), so nothing carries over from one comparison to the next but two per-code-point tables
 * (character folds, letter-or-digit tests). This drops those too, so a benchmark run is fully cold.
 */
export function clearEngineCaches(): void {
  clearFoldCache();
  clearSimilarityCaches();
}

/** Compare two parsed documents. */
export function compareDocuments(
  oldTree: DocumentTree,
  newTree: DocumentTree,
  options?: Partial<CompareOptions>,
): CompareModel {
  const ignore = normalizeIgnore(options?.ignore);
  const cache = createAlignCache();
  const ctx: Ctx = {
    oldIdx: indexDocument(oldTree, cache),
    newIdx: indexDocument(newTree, cache),
    ignore,
    tokens: createTokenCache(),
    limits: options?.limits ?? null,
  };
  const matches = alignSections(ctx.oldIdx, ctx.newIdx);
  const preamble = pairBlocks(ctx, ctx.oldIdx.preambleBlocks, ctx.newIdx.preambleBlocks);
  const sections = buildPairs(ctx, matches);
  assignKeys(sections);
  linkMovesAndGroups(ctx, sections);
  linkParagraphMoves(ctx, sections);
  const model: CompareModel = {
    engineVersion: ENGINE_VERSION,
    options: ctx.limits ? { ignore: [...ignore], limits: { ...ctx.limits } } : { ignore: [...ignore] },
    stats: emptyStats(),
    preamble,
    sections,
  };
  model.stats = computeStats(model, oldTree.text.length, newTree.text.length);
  return model;
}

// ---------------------------------------------------------------------------------------------
// Block pairs

function blockPair(
  ctx: Ctx,
  o: number | null,
  n: number | null,
  moved: boolean,
  numbers?: [string | null, string | null],
): BlockPair {
  const oldTree = ctx.oldIdx.tree;
  const newTree = ctx.newIdx.tree;
  const ob = o === null ? null : oldTree.blocks[o]!;
  const nb = n === null ? null : newTree.blocks[n]!;
  const kind = (nb ?? ob)!.kind;
  if (ob && nb) {
    const segments = diffBlockTexts(ob.text, nb.text, {
      ignore: ctx.ignore,
      oldBase: ob.span.start,
      newBase: nb.span.start,
      oldNumber: numbers?.[0],
      newNumber: numbers?.[1],
      cache: ctx.tokens,
    });
    const changed = segments.some((s) => s.op !== "equal");
    if (changed && layoutOnly(ctx, ob.text, nb.text, kind === "heading")) {
      // Only markup differs (heading marks, emphasis, link targets, bullets): one equal run, as for whitespace.
      const same: Segment[] = [
        { op: "equal", old: ob.text, new: nb.text, oldStart: ob.span.start, newStart: nb.span.start },
      ];
      return { status: moved ? "moved" : "unchanged", kind, oldBlock: o, newBlock: n, segments: same };
    }
    return { status: moved ? "moved" : changed ? "modified" : "unchanged", kind, oldBlock: o, newBlock: n, segments };
  }
  if (ob) {
    const segments: Segment[] = ob.text ? [{ op: "delete", old: ob.text, oldStart: ob.span.start }] : [];
    return { status: "removed", kind, oldBlock: o, newBlock: null, segments };
  }
  const segments: Segment[] = nb!.text ? [{ op: "insert", new: nb!.text, newStart: nb!.span.start }] : [];
  return { status: "added", kind, oldBlock: null, newBlock: n, segments };
}

/**
 * With whitespace ignored, layout markup is ignored too (lib/text/markup.ts): two blocks whose visible
 * text is the same under the options are unchanged ("### 1\\. Privacy" restyled as "##### 1\\. Privacy").
 */
function layoutOnly(ctx: Ctx, oldText: string, newText: string, heading: boolean): boolean {
  if (!ctx.ignore.includes("whitespace")) return false;
  return sameVisibleText(oldText, newText, {
    ignoreWhitespace: true,
    ignoreWidth: ctx.ignore.includes("width"),
    ignoreNumbering: ctx.ignore.includes("numbering"),
    heading,
  });
}

function pairBlocks(ctx: Ctx, olds: number[], news: number[]): BlockPair[] {
  if (ctx.limits && (overLimits(ctx.limits, ctx.oldIdx.tree, olds) || overLimits(ctx.limits, ctx.newIdx.tree, news)))
    return [coarsePair(ctx, olds, news)];
  return alignBlocks(ctx.oldIdx.cache, ctx.oldIdx.tree, ctx.newIdx.tree, olds, news).map((e) =>
    blockPair(ctx, e.o === null ? null : olds[e.o]!, e.n === null ? null : news[e.n]!, e.moved),
  );
}

/** A character a reader sees: not whitespace, not a zero-width character. */
const VISIBLE = new RegExp(`[^\\s${ZERO_WIDTH_CHARS}]`);

function overLimits(limits: CompareLimits, tree: DocumentTree, blocks: number[]): boolean {
  if (blocks.length > limits.sectionBlocks) return true;
  let chars = 0;
  for (const b of blocks) if ((chars += tree.blocks[b]!.text.length) > limits.sectionChars) return true;
  return false;
}

/** A body's blocks as runs of adjacent text (blocks partition the text, so a body is usually one run). */
function textRuns(tree: DocumentTree, blocks: number[]): { start: number; text: string }[] {
  const runs: { start: number; end: number }[] = [];
  for (const b of blocks) {
    const { start, end } = tree.blocks[b]!.span;
    const last = runs[runs.length - 1];
    if (last && last.end === start) last.end = end;
    else runs.push({ start, end });
  }
  return runs.map((r) => ({ start: r.start, text: tree.text.slice(r.start, r.end) }));
}

/**
 * A section body over the limits, as one pair: identical bodies are one equal segment per run;
 * otherwise the old body is deleted and the new one inserted. Lossless like any pair.
 *   before (limits hit): 300,000 block pairs, each aligned and word-diffed
 *   after:  { status: "modified", coarse: {oldBlocks: 300000, newBlocks: 300000}, segments: [delete, insert] }
 */
function coarsePair(ctx: Ctx, olds: number[], news: number[]): BlockPair {
  const oldRuns = textRuns(ctx.oldIdx.tree, olds);
  const newRuns = textRuns(ctx.newIdx.tree, news);
  const coarse = { oldBlocks: olds.length, newBlocks: news.length };
  const base = { kind: "paragraph" as const, oldBlock: olds[0] ?? null, newBlock: news[0] ?? null, coarse };
  const same =
    oldRuns.length > 0 && oldRuns.length === newRuns.length && oldRuns.every((r, i) => r.text === newRuns[i]!.text);
  if (same) {
    const segments: Segment[] = oldRuns.map((r, i) => ({
      op: "equal",
      old: r.text,
      new: newRuns[i]!.text,
      oldStart: r.start,
      newStart: newRuns[i]!.start,
    }));
    return { ...base, status: "unchanged", segments };
  }
  const segments: Segment[] = [
    ...oldRuns.map((r): Segment => ({ op: "delete", old: r.text, oldStart: r.start })),
    ...newRuns.map((r): Segment => ({ op: "insert", new: r.text, newStart: r.start })),
  ];
  const status = !olds.length ? "added" : !news.length ? "removed" : "modified";
  return { ...base, status, segments };
}

/** True when a block pair holds a change that counts (whitespace-only changes don't, if ignored). */
function counts(ctx: Ctx, pair: BlockPair): boolean {
  if (pair.status === "unchanged") return false;
  if (pair.kind === "meta" && isFurniture(ctx, pair)) return false; // a "back to top" link is no change of a section
  if (!ctx.ignore.includes("whitespace")) return true;
  return pair.segments.some((s) => s.op !== "equal" && VISIBLE.test(s.op === "delete" ? s.old : s.new));
}

/** Both sides of a metadata block pair (where present) are page furniture (lib/parse/blocks.ts). */
function isFurniture(ctx: Ctx, pair: BlockPair): boolean {
  const side = (idx: DocIndex, b: number | null) => b === null || isFurnitureLine(idx.tree.blocks[b]!.text);
  return side(ctx.oldIdx, pair.oldBlock) && side(ctx.newIdx, pair.newBlock);
}

// ---------------------------------------------------------------------------------------------
// Section pairs

function ref(node: SectionNode | null): SectionRef | null {
  return node ? { id: node.id, number: node.number, title: node.title, level: node.level } : null;
}

function buildPairs(ctx: Ctx, matches: SectionMatch[]): SectionPair[] {
  const out: SectionPair[] = [];
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    if (m.group) {
      const members: SectionMatch[] = [];
      while (i < matches.length && matches[i]!.group?.id === m.group.id) members.push(matches[i++]!);
      i--;
      for (const pair of buildGroup(ctx, members)) out.push(pair);
      continue;
    }
    const heading = headingPair(ctx, m.old, m.new);
    const blocks = pairBlocks(
      ctx,
      m.old ? ctx.oldIdx.bodyBlocks.get(m.old)! : [],
      m.new ? ctx.newIdx.bodyBlocks.get(m.new)! : [],
    );
    out.push(finishPair(ctx, m, heading, blocks, buildPairs(ctx, m.children)));
  }
  return out;
}

function headingPair(ctx: Ctx, o: SectionNode | null, n: SectionNode | null): BlockPair | null {
  const ob = o && ctx.oldIdx.tree.blocks[o.headingBlock] ? o.headingBlock : null;
  const nb = n && ctx.newIdx.tree.blocks[n.headingBlock] ? n.headingBlock : null;
  if (ob === null && nb === null) return null;
  return blockPair(ctx, ob, nb, false, [o?.number ?? null, n?.number ?? null]);
}

/**
 * A split (one old, several new) or merge (several old, one new): the whole's blocks are aligned with
 * the pieces' blocks together, and each block pair goes to the member owning its piece-side block
 * (one-sided ones to the member before them). The whole's heading faces the first piece's heading.
 */
function buildGroup(ctx: Ctx, members: SectionMatch[]): SectionPair[] {
  const split = members[0]!.group!.kind === "split";
  const wholeSide = split ? "old" : "new";
  const pieceSide = split ? "new" : "old";
  const wholeIdx = split ? ctx.oldIdx : ctx.newIdx;
  const pieceIdx = split ? ctx.newIdx : ctx.oldIdx;
  const whole = members[0]![wholeSide]!;
  const wholeBlocks = wholeIdx.bodyBlocks.get(whole)!;
  const owner = new Map<number, number>();
  const pieceBlocks: number[] = [];
  members.forEach((m, k) => {
    for (const b of pieceIdx.bodyBlocks.get(m[pieceSide]!)!) {
      owner.set(b, k);
      pieceBlocks.push(b);
    }
  });
  const pairs = split ? pairBlocks(ctx, wholeBlocks, pieceBlocks) : pairBlocks(ctx, pieceBlocks, wholeBlocks);
  const perMember: BlockPair[][] = members.map(() => []);
  let current = 0;
  for (const p of pairs) {
    const pb = split ? p.newBlock : p.oldBlock;
    if (pb !== null) current = owner.get(pb) ?? current;
    perMember[current]!.push(p);
  }
  return members.map((m, k) => {
    const heading =
      k === 0 ? headingPair(ctx, m.old, m.new) : split ? headingPair(ctx, null, m.new) : headingPair(ctx, m.old, null);
    return finishPair(ctx, m, heading, perMember[k]!, buildPairs(ctx, m.children));
  });
}

function finishPair(
  ctx: Ctx,
  m: SectionMatch,
  heading: BlockPair | null,
  blocks: BlockPair[],
  children: SectionPair[],
): SectionPair {
  const pair: SectionPair = {
    key: "",
    status: "unchanged",
    old: ref(m.old),
    new: ref(m.new),
    similarity: m.old && m.new ? round(m.score) : 0,
    ...(m.lowConfidence ? { confidence: "low" as const } : {}),
    heading,
    blocks,
    children,
  };
  pair.status = sectionStatus(ctx, m, pair);
  if (m.old && m.new && pair.status === "unchanged" && pair.similarity < 1) pair.similarity = 1;
  pair.changedWithin = children.some((c) => c.status !== "unchanged" || c.changedWithin);
  return pair;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The status of a section pair, from its own heading and body (children have their own):
 * split/merged (group) > added/removed > moved > renamed (title differs after normalisation and
 * number stripping) > modified (a body block changed, or the heading changed only in form) >
 * renumbered (only the number value changed; never with "numbering" ignored) > unchanged.
 */
function sectionStatus(ctx: Ctx, m: SectionMatch, pair: SectionPair): SectionStatus {
  if (m.group) return m.group.kind;
  if (!m.old) return "added";
  if (!m.new) return "removed";
  if (m.moved) return "moved";
  if (ctx.oldIdx.features.get(m.old)!.titleNorm !== ctx.newIdx.features.get(m.new)!.titleNorm) return "renamed";
  if (pair.blocks.some((b) => counts(ctx, b))) return "modified";
  const numberChanged =
    !ctx.ignore.includes("numbering") &&
    (m.old.numberPath.join(".") !== m.new.numberPath.join(".") || (m.old.number === null) !== (m.new.number === null));
  if (numberChanged) return "renumbered";
  if (pair.heading && counts(ctx, pair.heading)) {
    // The heading changed only in form (width, spacing) or in the printed number's style.
    return m.old.numberPath.join(".") === m.new.numberPath.join(".") &&
      normalizeTitle(m.old.number ?? "") !== normalizeTitle(m.new.number ?? "") &&
      !ctx.ignore.includes("numbering")
      ? "renumbered"
      : "modified";
  }
  return "unchanged";
}

// ---------------------------------------------------------------------------------------------
// Keys and links

/**
 * Stable keys (./keys.ts): "s-" + hash of the pair's own normalized title (new side, else old; the
 * number when untitled), qualified by the parent's title or a counter when taken. The same rule names
 * one document's sections (`documentSectionKeys`), so version pages and search hits share anchors.
 */
function assignKeys(roots: SectionPair[]): void {
  assignTreeKeys(
    roots,
    (p) => (p.new ?? p.old)!,
    (p) => p.children,
    (p, key) => (p.key = key),
  );
}

/** movedFrom: the key of the pair holding the old section's previous sibling (or its parent). related: group members. */
function linkMovesAndGroups(ctx: Ctx, roots: SectionPair[]): void {
  const byOldId = new Map<string, SectionPair>();
  const all: SectionPair[] = [];
  const walk = (list: SectionPair[]) => {
    for (const p of list) {
      all.push(p);
      if (p.old && !byOldId.has(p.old.id)) byOldId.set(p.old.id, p);
      walk(p.children);
    }
  };
  walk(roots);
  const oldNodes = new Map<string, SectionNode>();
  for (const node of ctx.oldIdx.features.keys()) oldNodes.set(node.id, node);
  for (const p of all) {
    if (p.status !== "moved" || !p.old) continue;
    const node = oldNodes.get(p.old.id)!;
    const parent = ctx.oldIdx.parent.get(node) ?? null;
    const siblings = parent ? parent.children : ctx.oldIdx.tree.sections;
    const at = siblings.indexOf(node);
    const anchor = at > 0 ? siblings[at - 1]! : parent;
    p.movedFrom = anchor ? (byOldId.get(anchor.id)?.key ?? null) : null;
  }
  const groups = new Map<string, SectionPair[]>();
  for (const p of all) {
    if (p.status !== "split" && p.status !== "merged") continue;
    const whole = p.status === "split" ? "o:" + p.old!.id : "n:" + p.new!.id;
    groups.set(whole, [...(groups.get(whole) ?? []), p]);
  }
  for (const members of groups.values())
    for (const p of members) p.related = members.filter((q) => q !== p).map((q) => q.key);
}

/**
 * Paragraphs moved between sections. Section alignment pairs paragraphs only inside a section pair,
 * so a paragraph that left one section for another is first a removed block there and an added block
 * here. Across the whole tree (preamble aside), removed and added paragraphs are paired best first
 * when their similarity reaches ALIGN_CONFIG.blockMoveMin (both at least blockMoveMinChars long, unless
 * identical; not within one section pair, which its own alignment already judged). Both blocks stay
 * where they are, marked "moved": the old one names the pair it went to (`movedTo`), the new one the
 * pair it came from (`movedFrom`).
 *   before: 三 { removed "我们会采取加密…" }   五 { added "我们会采取加密…" }
 *   after:  三 { moved, movedTo: <五's key> }  五 { moved, movedFrom: <三's key> }
 * At most COMPARE_CONFIG.crossMoveMaxPairs candidates are scored, the longest paragraphs first.
 */
function linkParagraphMoves(ctx: Ctx, roots: SectionPair[]): void {
  interface Loose {
    pair: BlockPair;
    section: SectionPair;
    block: number;
    len: number;
  }
  const removed: Loose[] = [];
  const added: Loose[] = [];
  const { cache, tree: oldTree } = ctx.oldIdx;
  const newTree = ctx.newIdx.tree;
  for (const section of allPairsOf(roots)) {
    for (const pair of section.blocks) {
      if (pair.kind !== "paragraph" || pair.coarse) continue;
      if (pair.status === "removed" && pair.oldBlock !== null)
        removed.push({ pair, section, block: pair.oldBlock, len: blockFeatures(cache, oldTree, pair.oldBlock).len });
      if (pair.status === "added" && pair.newBlock !== null)
        added.push({ pair, section, block: pair.newBlock, len: blockFeatures(cache, newTree, pair.newBlock).len });
    }
  }
  if (!removed.length || !added.length) return;
  // Within the bound, the longest paragraphs of each side (a short line is weak evidence anyway).
  const longest = (list: Loose[], keep: number) =>
    list.length <= keep ? list : [...list].sort((a, b) => b.len - a.len).slice(0, keep);
  const even = Math.floor(Math.sqrt(COMPARE_CONFIG.crossMoveMaxPairs));
  const olds = longest(removed, Math.max(even, Math.floor(COMPARE_CONFIG.crossMoveMaxPairs / added.length)));
  const news = longest(added, Math.floor(COMPARE_CONFIG.crossMoveMaxPairs / olds.length));
  const cands: Array<[number, number, number]> = [];
  olds.forEach((r, i) =>
    news.forEach((a, j) => {
      if (r.section === a.section) return;
      const s = moveScore(cache, oldTree, newTree, r.block, a.block);
      if (s >= ALIGN_CONFIG.blockMoveMin) cands.push([s, i, j]);
    }),
  );
  cands.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  for (const [, i, j] of cands) {
    if (usedOld.has(i) || usedNew.has(j)) continue;
    usedOld.add(i);
    usedNew.add(j);
    const r = olds[i]!;
    const a = news[j]!;
    r.pair.status = "moved";
    r.pair.movedTo = a.section.key;
    a.pair.status = "moved";
    a.pair.movedFrom = r.section.key;
  }
}

function allPairsOf(roots: SectionPair[]): SectionPair[] {
  const out: SectionPair[] = [];
  const walk = (list: SectionPair[]) => list.forEach((p) => (out.push(p), walk(p.children)));
  walk(roots);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Statistics and round trip

function emptyStats(): CompareStats {
  return {
    sections: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<SectionStatus, number>,
    oldChars: 0,
    newChars: 0,
    insertedChars: 0,
    deletedChars: 0,
    changedRatio: 0,
    changeSpans: 0,
  };
}

/** Every block pair of the model, preamble first, then sections in display order (heading, body, children). */
export function allBlockPairs(model: CompareModel): BlockPair[] {
  const out: BlockPair[] = [...model.preamble];
  const walk = (list: SectionPair[]) => {
    for (const p of list) {
      if (p.heading) out.push(p.heading);
      for (const b of p.blocks) out.push(b);
      walk(p.children);
    }
  };
  walk(model.sections);
  return out;
}

/** Every section pair of the model in display order. */
export function allSectionPairs(model: CompareModel): SectionPair[] {
  return allPairsOf(model.sections);
}

/**
 * Sections per status; characters inserted and deleted (whitespace-only runs not counted when
 * whitespace is ignored); changedRatio = (inserted + deleted) / (oldChars + newChars); changeSpans =
 * maximal runs of deletions/insertions within a block pair.
 */
export function computeStats(model: CompareModel, oldChars: number, newChars: number): CompareStats {
  const stats = emptyStats();
  stats.oldChars = oldChars;
  stats.newChars = newChars;
  const ignoreWs = model.options.ignore.includes("whitespace");
  for (const p of allSectionPairs(model)) stats.sections[p.status]++;
  for (const bp of allBlockPairs(model)) {
    let inRun = false;
    for (const s of bp.segments) {
      if (s.op === "equal") {
        inRun = false;
        continue;
      }
      const text = s.op === "delete" ? s.old : s.new;
      if (ignoreWs && !/\S/.test(text)) continue;
      if (s.op === "delete") stats.deletedChars += text.length;
      else stats.insertedChars += text.length;
      if (!inRun) stats.changeSpans++;
      inRun = true;
    }
  }
  const total = oldChars + newChars;
  stats.changedRatio = total ? round((stats.insertedChars + stats.deletedChars) / total) : 0;
  return stats;
}

/**
 * Rebuild both input texts from the model's segments alone (old side: equal + delete segments by
 * oldStart; new side: equal + insert by newStart). Equal to the inputs for every valid model.
 */
export function rebuildTexts(model: CompareModel): { old: string; new: string } {
  const olds: Array<[number, string]> = [];
  const news: Array<[number, string]> = [];
  for (const bp of allBlockPairs(model)) {
    for (const s of bp.segments) {
      if (s.op !== "insert") olds.push([s.oldStart, s.old]);
      if (s.op !== "delete") news.push([s.newStart, s.new]);
    }
  }
  const join = (parts: Array<[number, string]>) =>
    parts
      .sort((a, b) => a[0] - b[0])
      .map((p) => p[1])
      .join("");
  return { old: join(olds), new: join(news) };
}
