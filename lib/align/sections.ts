/**
 * Section alignment: two DocumentTrees -> a tree of section matches.
 *
 *   1. `indexDocument`: per section, the normalized title without its number, and the bigram shingles of
 *      its subtree body (its own paragraphs, its children's titles and paragraphs); which blocks each
 *      section owns (blocks no section lists go to the section before them, or the preamble).
 *   2. `alignSiblings`: the top level is aligned with `alignSequences` (anchors on exact content, DP
 *      over scores for in-order matches, lone facing sections paired in place, moves); then splits and
 *      merges are detected among the leftovers; then children are aligned within each matched pair.
 *   3. `globalMovePass`: sections still added or removed anywhere in the tree are paired across parents
 *      (moved between chapters, or a level change) when their score reaches the move threshold.
 * Thresholds: ALIGN_CONFIG (lib/align/config.ts); method: docs/decisions/0002-alignment.md.
 */
import { ALIGN_CONFIG } from "./config.ts";
import type { DocumentTree, SectionNode } from "../parse/types.ts";
import { normalizeTitle, normalizeTitleWords } from "../text/normalize.ts";
import { blockFeatures, blockIds, createAlignCache, type AlignCache } from "./blocks.ts";
import { alignSequences } from "./sequence.ts";
import {
  bitsContainment,
  bitsDice,
  bitsOf,
  bitsUnion,
  dice,
  intersectionSize,
  isLatinText,
  onBigramScale,
  type BitSet,
  type Shingles,
} from "./similarity.ts";

export interface SectionFeatures {
  titleNorm: string;
  titleSh: Shingles;
  /** Body bigrams (blocks' and children's titles and bodies), computed on first use: see `bodyShingles`. */
  bodySh: BitSet | null;
  body: () => BitSet;
  /** Content length (normalized chars) of the subtree body. */
  bodyLen: number;
  /** Latin-script title; Latin-script body (most of its characters in Latin-script blocks and titles). */
  titleLatin: boolean;
  bodyLatin: boolean;
  /** Characters of the body in Latin-script blocks and titles. */
  latinLen: number;
  /** Interned id of title + body (exact-equality key). */
  exactKey: number;
  numberKey: string;
}

export interface DocIndex {
  tree: DocumentTree;
  /** Memo tables shared by both documents of one comparison. */
  cache: AlignCache;
  features: Map<SectionNode, SectionFeatures>;
  /** Features of sections as if childless, for wrappers lifted during alignment (filled on demand). */
  shallow: Map<SectionNode, SectionFeatures>;
  /** Body blocks of each section (its listed body blocks plus orphan blocks after it), sorted. */
  bodyBlocks: Map<SectionNode, number[]>;
  /** Blocks before the first section that belong to no section. */
  preambleBlocks: number[];
  parent: Map<SectionNode, SectionNode | null>;
}

export interface SectionMatch {
  old: SectionNode | null;
  new: SectionNode | null;
  score: number;
  moved: boolean;
  /**
   * Paired in place below sectionMatchMin (a lone old and a lone new section facing each other between
   * two matches, at gapPairMin or more): a plausible guess, not a finding.
   */
  lowConfidence?: boolean;
  /** Split (one old, several new) or merge (several old, one new): the members share `group.id`. */
  group?: { kind: "split" | "merged"; id: number };
  children: SectionMatch[];
}

function exactId(cache: AlignCache, s: string): number {
  let id = cache.exactIds.get(s);
  if (id === undefined) {
    id = cache.exactIds.size;
    cache.exactIds.set(s, id);
  }
  return id;
}

/**
 * Per-section features and block ownership of one document. Index both documents of a comparison
 * with the same `cache`.
 */
export function indexDocument(tree: DocumentTree, cache: AlignCache = createAlignCache()): DocIndex {
  const features = new Map<SectionNode, SectionFeatures>();
  const bodyBlocks = new Map<SectionNode, number[]>();
  const parent = new Map<SectionNode, SectionNode | null>();
  const owner = new Array<SectionNode | null | undefined>(tree.blocks.length).fill(undefined);
  const order: SectionNode[] = [];
  const visit = (node: SectionNode, up: SectionNode | null) => {
    parent.set(node, up);
    order.push(node);
    if (tree.blocks[node.headingBlock]) owner[node.headingBlock] = node;
    bodyBlocks.set(node, [...node.bodyBlocks]);
    for (const b of node.bodyBlocks) owner[b] = node;
    for (const c of node.children) visit(c, node);
  };
  for (const s of tree.sections) visit(s, null);
  const preamble = [...tree.preambleBlocks];
  for (const b of tree.preambleBlocks) owner[b] = null;
  // Orphans go to the section whose heading precedes them most closely.
  const headingAt = [...order].sort((x, y) => x.headingBlock - y.headingBlock);
  let h = -1;
  for (let b = 0; b < tree.blocks.length; b++) {
    while (h + 1 < headingAt.length && headingAt[h + 1]!.headingBlock <= b) h++;
    if (owner[b] !== undefined) continue;
    const sec = h >= 0 ? headingAt[h]! : null;
    if (sec) bodyBlocks.get(sec)!.push(b);
    else preamble.push(b);
  }
  for (const list of bodyBlocks.values()) list.sort((x, y) => x - y);
  preamble.sort((x, y) => x - y);

  // Features, deepest first: a section's body shingles are the union of its blocks' and its
  // children's (title + body), so no text is normalized or shingled twice.
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k]!;
    const kids = node.children.map((c) => features.get(c)!);
    features.set(node, buildFeatures(cache, tree, node, bodyBlocks.get(node)!, kids));
  }
  return { tree, cache, features, shallow: new Map(), bodyBlocks, preambleBlocks: preamble, parent };
}

/** Features of one section from its own blocks and its children's features (none for a shallow view). */
function buildFeatures(
  cache: AlignCache,
  tree: DocumentTree,
  node: SectionNode,
  ownBlocks: number[],
  kids: SectionFeatures[],
): SectionFeatures {
  // Letter case is style, not wording: "WHO WE ARE" restyled as "Who We Are" is the same title.
  const titleNorm = normalizeTitle(node.title).toLowerCase();
  const own = ownBlocks.map((b) => blockFeatures(cache, tree, b));
  const titleWords = normalizeTitleWords(node.title).toLowerCase(); // (words kept apart: English titles)
  let bodyLen = 0;
  let latinLen = 0;
  let exact = "";
  for (const f of own) {
    bodyLen += f.len;
    if (f.latin) latinLen += f.len;
    exact += f.key + ",";
  }
  for (const cf of kids) {
    bodyLen += cf.titleNorm.length + cf.bodyLen;
    latinLen += (cf.titleLatin ? cf.titleNorm.length : 0) + cf.latinLen;
    exact += "[" + cf.exactKey + "]";
  }
  return {
    titleNorm,
    titleSh: cache.shingles.shingles(titleWords),
    titleLatin: isLatinText(titleWords),
    bodyLatin: 2 * latinLen > bodyLen,
    latinLen,
    bodySh: null,
    body: () => {
      const ids = own.map((f) => blockIds(cache, f));
      for (const cf of kids) ids.push(cf.titleSh);
      const kidBodies = kids.map(bodyShingles);
      return bitsOf(cache.shingles.size, ids, kidBodies);
    },
    bodyLen,
    exactKey: exactId(cache, titleNorm + "\u0000" + exact),
    numberKey: node.numberPath.join("."),
  };
}

/** A section's heading and own body only, as if it had no children (a wrapper lifted away). */
function shallowFeatures(idx: DocIndex, node: SectionNode): SectionFeatures {
  let f = idx.shallow.get(node);
  if (!f) {
    f = buildFeatures(idx.cache, idx.tree, node, idx.bodyBlocks.get(node)!, []);
    idx.shallow.set(node, f);
  }
  return f;
}

/** A section's body bigrams (union of its blocks' and its children's titles and bodies), memoised. */
function bodyShingles(f: SectionFeatures): BitSet {
  return (f.bodySh ??= f.body());
}

/** Title similarity: 1 when equal after normalisation, else token Dice (on the bigram scale). */
function titleSim(a: SectionFeatures, b: SectionFeatures): number {
  if (a.titleNorm === b.titleNorm) return a.titleNorm.length || (a.bodyLen && b.bodyLen) ? 1 : 0;
  return onBigramScale(dice(a.titleSh, b.titleSh), a.titleLatin && b.titleLatin);
}

/** Body similarity: token Dice of the subtree bodies (on the bigram scale). */
function bodySim(a: SectionFeatures, b: SectionFeatures): number {
  return onBigramScale(bitsDice(bodyShingles(a), bodyShingles(b)), a.bodyLatin && b.bodyLatin);
}

/**
 * Match score of two sections in [0,1]:
 *   titleWeight * titleSim + (1 - titleWeight) * bodySim, where bodies are long enough to judge;
 *   titleSim alone where neither body is; at least bodySim when bodySim >= bodyAloneMin (renamed);
 *   + numberBonus when the number values agree.
 */
function sectionScore(a: SectionFeatures, b: SectionFeatures): number {
  const t = titleSim(a, b);
  const small = a.bodyLen < ALIGN_CONFIG.minBodyChars && b.bodyLen < ALIGN_CONFIG.minBodyChars;
  const body = bodySim(a, b);
  let s: number;
  if (small) s = a.titleNorm || b.titleNorm ? t : body;
  else if (!a.titleNorm && !b.titleNorm) s = body;
  else s = ALIGN_CONFIG.titleWeight * t + (1 - ALIGN_CONFIG.titleWeight) * body;
  if (!small && body >= ALIGN_CONFIG.bodyAloneMin) s = Math.max(s, body);
  if (a.numberKey && a.numberKey === b.numberKey) s += ALIGN_CONFIG.numberBonus;
  return Math.min(1, s);
}

/** In-place pairing score (reported): the better of title and body similarity. */
function placeScore(a: SectionFeatures, b: SectionFeatures): number {
  return Math.max(placeBody(a, b), a.titleNorm && b.titleNorm ? titleSim(a, b) : 0);
}

function placeBody(a: SectionFeatures, b: SectionFeatures): number {
  return a.bodyLen >= ALIGN_CONFIG.minBodyChars && b.bodyLen >= ALIGN_CONFIG.minBodyChars ? bodySim(a, b) : 0;
}

/** Whether to pair two lone facing sections in place: body or title (`placeTitleSim`) >= gapPairMin. */
function placeAccept(a: SectionFeatures, b: SectionFeatures, score: number): boolean {
  if (score >= ALIGN_CONFIG.gapPairMin) return true;
  return Boolean(a.titleNorm && b.titleNorm) && placeTitleSim(a, b) >= ALIGN_CONFIG.gapPairMin;
}

/**
 * Title similarity for in-place pairing: Dice, or, when the shorter title lies (almost) wholly inside
 * the longer one (at least ALIGN_CONFIG.titleContainMin of its bigrams), that share:
 *   隐私权政策摘要 / 摘要: Dice 0.29, contained 1.0 -> 1.0 (a qualifier dropped: same section);
 *   您如何管理您的信息 / 我们如何保存及保护您的个人信息: Dice 0.27, contained 0.375 -> 0.27 (different sections
 *   sharing 如何, 您的, 信息).
 */
function placeTitleSim(a: SectionFeatures, b: SectionFeatures): number {
  const t = titleSim(a, b);
  const [short, long] = a.titleSh.length <= b.titleSh.length ? [a.titleSh, b.titleSh] : [b.titleSh, a.titleSh];
  if (short.length === 0) return t;
  const contained = onBigramScale(intersectionSize(short, long) / short.length, a.titleLatin && b.titleLatin);
  return contained >= ALIGN_CONFIG.titleContainMin ? Math.max(t, contained) : t;
}

let groupIds = 0;

/** Align two lists of sibling sections, then their children (see the module comment). */
function alignSiblings(
  oldIdx: DocIndex,
  newIdx: DocIndex,
  oldList: SectionNode[],
  newList: SectionNode[],
): SectionMatch[] {
  const { olds, news, wrapperOf } = liftWrappers(oldIdx, newIdx, oldList, newList);
  const wrappers = new Set(wrapperOf.values());
  /** A section whose children were lifted to this level: it stands here with its own heading and body only. */
  const isWrapper = (n: SectionNode | null) => n !== null && wrappers.has(n);
  const featuresOf = (idx: DocIndex, n: SectionNode) => (isWrapper(n) ? shallowFeatures(idx, n) : idx.features.get(n)!);
  const fo = olds.map((s) => featuresOf(oldIdx, s));
  const fn = news.map((s) => featuresOf(newIdx, s));
  const cache = new Map<number, number>();
  const score = (i: number, j: number) => {
    const k = i * 100_003 + j;
    let s = cache.get(k);
    if (s === undefined) {
      s = sectionScore(fo[i]!, fn[j]!);
      cache.set(k, s);
    }
    return s;
  };
  const entries = alignSequences({
    oldCount: olds.length,
    newCount: news.length,
    score,
    matchMin: ALIGN_CONFIG.sectionMatchMin,
    moveMin: ALIGN_CONFIG.sectionMoveMin,
    oldKeys: fo.map((f) => f.exactKey),
    newKeys: fn.map((f) => f.exactKey),
    placeScore: (i, j) => placeScore(fo[i]!, fn[j]!),
    placeMin: ALIGN_CONFIG.gapPairMin,
    placeAccept: (i, j, s) => placeAccept(fo[i]!, fn[j]!, s),
  });

  const matches: SectionMatch[] = entries.map((e) => ({
    old: e.o === null ? null : olds[e.o]!,
    new: e.n === null ? null : news[e.n]!,
    score: e.score,
    moved: e.moved,
    ...(e.o !== null && e.n !== null && !e.moved && e.score < ALIGN_CONFIG.sectionMatchMin
      ? { lowConfidence: true }
      : {}),
    children: [],
  }));
  // A lifted section whose wrapper has no partner changed its parent: it moved (into or out of a new group).
  if (wrapperOf.size > 0) {
    const partnered = new Set(matches.flatMap((m) => (m.old && m.new ? [m.old, m.new] : [])));
    for (const m of matches) {
      const inner = (m.old && wrapperOf.get(m.old)) ?? (m.new && wrapperOf.get(m.new));
      if (m.old && m.new && inner && !partnered.has(inner)) m.moved = true;
    }
  }
  const grouped = detectSplitsAndMerges(oldIdx, newIdx, matches, isWrapper);

  const childrenOf = (n: SectionNode) => (isWrapper(n) ? [] : n.children);
  for (const m of grouped) {
    if (m.group) continue; // children of groups are filled by detectSplitsAndMerges
    if (m.old && m.new) m.children = alignSiblings(oldIdx, newIdx, childrenOf(m.old), childrenOf(m.new));
    else m.children = isWrapper(m.old ?? m.new) ? [] : oneSided(m.old ?? m.new!, m.old ? "old" : "new");
  }
  return grouped;
}

/**
 * Two versions of a document often nest the same sections differently: a title line or a part name
 * ("# 总则") set as a heading over the chapters in one version and as a plain line beside them in the
 * other; an intro heading restyled from a level-1 heading (everything nested under it) to a bold line;
 * a group heading inserted over existing sections. A section on one side whose children appear, by
 * title, among the sibling list on the other side is a wrapper here: its children are lifted into the
 * list after it (repeatedly, for wrappers inside wrappers) and aligned at this level, so the same
 * sections pair whatever the depth each parse gave them. Returns the lists and, for each lifted
 * section, the wrapper it came from.
 */
function liftWrappers(
  oldIdx: DocIndex,
  newIdx: DocIndex,
  olds: SectionNode[],
  news: SectionNode[],
): { olds: SectionNode[]; news: SectionNode[]; wrapperOf: Map<SectionNode, SectionNode> } {
  const wrapperOf = new Map<SectionNode, SectionNode>();
  if (olds.length === 0 || news.length === 0) return { olds, news, wrapperOf };
  const keyOf = (idx: DocIndex, n: SectionNode) => {
    const f = idx.features.get(n)!;
    return f.titleNorm ? f.titleNorm : f.numberKey ? "#" + f.numberKey : "";
  };
  const lift = (idx: DocIndex, list: SectionNode[], otherIdx: DocIndex, other: SectionNode[]): SectionNode[] => {
    const otherKeys = new Set(other.map((n) => keyOf(otherIdx, n)).filter((k) => k !== ""));
    const ownKeys = new Set(list.map((n) => keyOf(idx, n)));
    const out: SectionNode[] = [];
    const visit = (n: SectionNode, depth: number) => {
      out.push(n);
      if (depth >= ALIGN_CONFIG.liftMaxDepth || n.children.length < 2) return;
      const keys = n.children.map((c) => keyOf(idx, c)).filter((k) => k !== "" && otherKeys.has(k));
      // Titles found only there, not also at this level here (a "Contact Us" of a sub-part proves nothing).
      const telling = keys.filter((k) => !ownKeys.has(k)).length;
      if (telling < 2 || keys.length < ALIGN_CONFIG.liftMinShare * n.children.length) return;
      for (const c of n.children) {
        wrapperOf.set(c, n);
        visit(c, depth + 1);
      }
    };
    for (const n of list) visit(n, 0);
    return out.length === list.length ? list : out;
  };
  const liftedOlds = lift(oldIdx, olds, newIdx, news);
  const liftedNews = lift(newIdx, news, oldIdx, olds);
  return { olds: liftedOlds, news: liftedNews, wrapperOf };
}

/** The match subtree of a section present on one side only. */
function oneSided(node: SectionNode, side: "old" | "new"): SectionMatch[] {
  return node.children.map((c) => ({
    old: side === "old" ? c : null,
    new: side === "new" ? c : null,
    score: 0,
    moved: false,
    children: oneSided(c, side),
  }));
}

/**
 * Splits: an old section whose content is spread over two or more new siblings (each new piece has at
 * least splitContainMin of its content in the old one; together they cover at least splitCoverMin of
 * it). The pieces must be unmatched or matched to that old section. Merges: the same, sides swapped.
 *   old: 三、信息的使用与共享            new: 三、信息的使用 / 四、信息的共享   -> split (2 pairs)
 */
function detectSplitsAndMerges(
  oldIdx: DocIndex,
  newIdx: DocIndex,
  matches: SectionMatch[],
  isWrapper: (n: SectionNode | null) => boolean = () => false,
): SectionMatch[] {
  let result = matches;
  for (const side of ["old", "new"] as const) {
    const other = side === "old" ? "new" : "old";
    const wholeIdx = side === "old" ? oldIdx : newIdx;
    const pieceIdx = side === "old" ? newIdx : oldIdx;
    for (const m of [...result]) {
      const whole = m[side];
      if (!whole || m.group || m.moved || isWrapper(whole)) continue;
      const wf = wholeIdx.features.get(whole)!;
      if (wf.bodyLen < ALIGN_CONFIG.minBodyChars) continue;
      const pieces: SectionMatch[] = [];
      /** Share of each piece's content found in the whole: the evidence its member pair reports. */
      const contained = new Map<SectionMatch, number>();
      for (const p of result) {
        const piece = p[other];
        if (!piece || p.group || isWrapper(piece)) continue;
        if (p !== m && p[side]) continue; // matched elsewhere
        const pf = pieceIdx.features.get(piece)!;
        if (pf.bodyLen < ALIGN_CONFIG.minBodyChars) continue;
        const share = onBigramScale(bitsContainment(bodyShingles(pf), bodyShingles(wf)), pf.bodyLatin && wf.bodyLatin);
        // Each piece must also account for a real part of the whole: a small section that merely shares
        // vocabulary with a large one is no piece of it.
        const part = onBigramScale(bitsContainment(bodyShingles(wf), bodyShingles(pf)), pf.bodyLatin && wf.bodyLatin);
        if (share >= ALIGN_CONFIG.splitContainMin && part >= ALIGN_CONFIG.splitPieceMinCover) {
          pieces.push(p);
          contained.set(p, share);
        }
      }
      if (pieces.length < 2) continue;
      const union = bitsUnion(pieces.map((p) => bodyShingles(pieceIdx.features.get(p[other]!)!)));
      if (
        onBigramScale(bitsContainment(bodyShingles(wf), union), wf.bodyLatin) < ALIGN_CONFIG.splitCoverMin ||
        union.count > 1.6 * bodyShingles(wf).count
      )
        continue;
      const id = ++groupIds;
      const kind = side === "old" ? "split" : "merged";
      const members: SectionMatch[] = pieces.map((p) => ({
        old: side === "old" ? whole : p.old,
        new: side === "old" ? p.new : whole,
        score: contained.get(p)!,
        moved: false,
        group: { kind, id },
        children: [],
      }));
      // Children: align the whole's children against all pieces' children, then hand each child
      // match to the member owning its piece-side section (one-sided ones to the member before).
      const pieceChildren = pieces.flatMap((p) => p[other]!.children);
      const childMatches =
        side === "old"
          ? alignSiblings(oldIdx, newIdx, whole.children, pieceChildren)
          : alignSiblings(oldIdx, newIdx, pieceChildren, whole.children);
      let current = members[0]!;
      for (const cm of childMatches) {
        const pc = cm[other];
        if (pc) current = members.find((mm) => mm[other]!.children.includes(pc)) ?? current;
        current.children.push(cm);
      }
      // Replace: the whole's own entry (if one-sided) and the pieces' entries give way to the members,
      // placed where the first piece stood.
      const drop = new Set<SectionMatch>([...pieces, ...(m[other] ? [] : [m])]);
      const at = result.indexOf(pieces[0]!);
      const next: SectionMatch[] = [];
      result.forEach((r, k) => {
        if (k === at) for (const member of members) next.push(member);
        if (!drop.has(r)) next.push(r);
      });
      result = next;
    }
  }
  return result;
}

/**
 * Pair sections left added and removed anywhere in the match tree (moved across parents, or a level
 * change), best score first, when the score reaches sectionMoveMin. The added entry becomes the moved
 * pair (at its new place); the removed entry is dropped; children are aligned within the new pair.
 */
function globalMovePass(oldIdx: DocIndex, newIdx: DocIndex, roots: SectionMatch[]): SectionMatch[] {
  const added: SectionMatch[] = [];
  const removed: SectionMatch[] = [];
  const walk = (list: SectionMatch[]) => {
    for (const m of list) {
      if (!m.group && m.new && !m.old) added.push(m);
      if (!m.group && m.old && !m.new) removed.push(m);
      walk(m.children);
    }
  };
  walk(roots);
  if (!added.length || !removed.length) return roots;
  const cands: Array<[number, SectionMatch, SectionMatch]> = [];
  for (const r of removed) {
    const fr = oldIdx.features.get(r.old!)!;
    if (fr.bodyLen < ALIGN_CONFIG.minBodyChars && !fr.titleNorm) continue;
    for (const a of added) {
      const s = sectionScore(fr, newIdx.features.get(a.new!)!);
      if (s >= ALIGN_CONFIG.sectionMoveMin) cands.push([s, r, a]);
    }
  }
  if (!cands.length) return roots;
  cands.sort((x, y) => y[0] - x[0]);
  const consumed = new Set<SectionMatch>();
  const dropped = new Set<SectionMatch>();
  const mark = (m: SectionMatch) => {
    consumed.add(m);
    m.children.forEach(mark);
  };
  const anyConsumed = (m: SectionMatch): boolean => consumed.has(m) || m.children.some(anyConsumed);
  for (const [s, r, a] of cands) {
    if (anyConsumed(r) || anyConsumed(a)) continue;
    mark(r);
    mark(a);
    dropped.add(r);
    a.old = r.old;
    a.score = s;
    a.moved = true;
    a.children = alignSiblings(oldIdx, newIdx, r.old!.children, a.new!.children);
  }
  const prune = (list: SectionMatch[]): SectionMatch[] =>
    list.filter((m) => !dropped.has(m)).map((m) => ((m.children = prune(m.children)), m));
  return prune(roots);
}

/** The full section alignment of two indexed documents. */
export function alignSections(oldIdx: DocIndex, newIdx: DocIndex): SectionMatch[] {
  const roots = alignSiblings(oldIdx, newIdx, oldIdx.tree.sections, newIdx.tree.sections);
  return globalMovePass(oldIdx, newIdx, roots);
}
