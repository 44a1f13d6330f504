/**
 * The engine's outline as the evaluation sees it, and its mapping onto a reference outline (gold, or
 * the outline a metamorphic transformation built).
 *
 * Levels: level 1 is the outermost level of sections under the document title. When the engine's tree
 * has exactly one top-level section, with children, that matches no top-level node of the reference
 * (the document title, or a wrapper such as "## 正文" or "# 总则" read as a section), the evaluation
 * descends into it: its children are level 1. The wrapper itself is then outside the outline, like
 * the title in the gold; this is reported (`descended`) so that it stays visible.
 *
 * Mapping: reference nodes and engine nodes, both in document order, are aligned by a maximum-weight
 * order-preserving matching (a weighted LCS) on `matchScore`: the printed number and title together,
 * else the title without number, else the number of an untitled node (law articles); the first words
 * of the own body add to the score, which tells repeated titles apart.
 */
import type { DocumentTree, SectionNode } from "../parse/index.ts";
import { canon, headingKey, numberKey, stripMarkup, titleKey } from "./text.ts";

/** A section reduced to what matching needs. */
export interface OutlineNode {
  /** Gold id, construction id, or the engine's tree id. */
  id: string;
  number: string | null;
  title: string;
  /** The first characters of the own body, when known (gold: optional). */
  start?: string;
  /** 1 = top level, after descending into a wrapper. */
  level: number;
}

/** An engine section for matching: its own body text is kept for the `start` test. */
export interface EngineNode extends OutlineNode {
  body: string;
}

/** The own body text of a section: its body blocks (blank blocks skipped). */
export function ownBody(tree: DocumentTree, node: SectionNode): string {
  return node.bodyBlocks
    .map((b) => tree.blocks[b]!)
    .filter((b) => b.kind !== "blank")
    .map((b) => b.text)
    .join("");
}

/** Preorder walk of a forest down to `maxLevel` (relative levels from 1). */
export function engineNodes(tree: DocumentTree, roots: SectionNode[], maxLevel: number): EngineNode[] {
  const out: EngineNode[] = [];
  const walk = (nodes: SectionNode[], level: number) => {
    if (level > maxLevel) return;
    for (const n of nodes) {
      out.push({ id: n.id, number: n.number, title: n.title, level, body: ownBody(tree, n) });
      walk(n.children, level + 1);
    }
  };
  walk(roots, 1);
  return out;
}

const START_PROBE = 12;

/** Does the engine section's own body (or title + body, for a sentence read as title) begin with `start`? */
export function startMatches(start: string, node: EngineNode): boolean {
  return startKeyMatches(canon(start).slice(0, START_PROBE), keysOfEngine(node));
}

function startKeyMatches(want: string, node: EngineKeys): boolean {
  if (want === "") return node.body === "";
  const window = START_PROBE + 8;
  return node.body.slice(0, window).includes(want) || node.titleBody.slice(0, window).includes(want);
}

/** Matching keys of a reference node, computed once. */
interface RefKeys {
  heading: string;
  title: string;
  number: string;
  hasNumber: boolean;
  start: string | null;
}

/** Matching keys of an engine node, computed once. */
interface EngineKeys {
  heading: string;
  title: string;
  number: string;
  body: string;
  titleBody: string;
}

function keysOfRef(ref: OutlineNode): RefKeys {
  return {
    heading: headingKey(ref.number, ref.title),
    title: titleKey(ref.title),
    number: numberKey(ref.number),
    hasNumber: ref.number !== null,
    start: ref.start === undefined ? null : canon(ref.start).slice(0, START_PROBE),
  };
}

function keysOfEngine(node: EngineNode): EngineKeys {
  const body = canon(node.body.slice(0, 400));
  return {
    heading: headingKey(node.number, node.title),
    title: titleKey(node.title),
    number: numberKey(node.number),
    body,
    titleBody: canon(`${node.title} ${node.body.slice(0, 400)}`),
  };
}

function keyedScore(ref: RefKeys, node: EngineKeys): number {
  let score = 0;
  if (ref.heading !== "" && ref.heading === node.heading) score = 4;
  else if (ref.title !== "" && ref.title === node.title) score = 3;
  else if (ref.title === "" && ref.hasNumber && ref.number === node.number) score = 2;
  if (score === 0) return 0;
  if (ref.start !== null && startKeyMatches(ref.start, node)) score += 1;
  return score;
}

/**
 * How well an engine node matches a reference node (0 = not at all): 4 number and title as printed,
 * 3 the title without numbers, 2 the number of an untitled reference node; +1 when the reference's
 * `start` is found at the start of the engine node's own body.
 */
export function matchScore(ref: OutlineNode, node: EngineNode): number {
  return keyedScore(keysOfRef(ref), keysOfEngine(node));
}

/**
 * Maximum-total-score order-preserving matching of `a` against `b` (only pairs with score > 0).
 * Returns index pairs [i, j], increasing in both.
 */
export function alignInOrder<A, B>(a: A[], b: B[], score: (x: A, y: B) => number): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const pairScore = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) pairScore[i * m + j] = score(a[i]!, b[j]!);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = pairScore[i * m + j]!;
      const take = s > 0 ? s + best[(i + 1) * width + j + 1]! : 0;
      best[i * width + j] = Math.max(take, best[(i + 1) * width + j]!, best[i * width + j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = pairScore[i * m + j]!;
    const here = best[i * width + j]!;
    if (s > 0 && here === s + best[(i + 1) * width + j + 1]!) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (here === best[(i + 1) * width + j]!) i++;
    else j++;
  }
  return pairs;
}

export interface EngineOutline {
  /** Levels 1..maxLevel after descending, in document order. */
  nodes: EngineNode[];
  /** Titles of the wrapper sections descended into (outermost first); empty when none. */
  descended: string[];
}

/**
 * The engine's outline of a parsed document. `isReferenceTop(node)` says whether a lone top-level
 * section is one of the reference's top-level nodes (then it is kept, not descended into).
 */
export function engineOutline(
  tree: DocumentTree,
  maxLevel: number,
  isReferenceTop: (node: EngineNode) => boolean,
): EngineOutline {
  let roots = tree.sections;
  const descended: string[] = [];
  while (roots.length === 1 && roots[0]!.children.length > 0) {
    const only = roots[0]!;
    const asNode: EngineNode = {
      id: only.id,
      number: only.number,
      title: only.title,
      level: 1,
      body: ownBody(tree, only),
    };
    if (isReferenceTop(asNode)) break;
    descended.push(stripMarkup([only.number, only.title].filter(Boolean).join(" ")));
    roots = only.children;
  }
  return { nodes: engineNodes(tree, roots, maxLevel), descended };
}

/** Reference id -> engine node id (and back) from `alignInOrder` over `matchScore`. */
export interface OutlineMapping {
  refToEngine: Map<string, string>;
  engineToRef: Map<string, string>;
}

export function mapOutline(ref: OutlineNode[], engine: EngineNode[]): OutlineMapping {
  const refToEngine = new Map<string, string>();
  const engineToRef = new Map<string, string>();
  for (const [i, j] of alignInOrder(ref.map(keysOfRef), engine.map(keysOfEngine), keyedScore)) {
    refToEngine.set(ref[i]!.id, engine[j]!.id);
    engineToRef.set(engine[j]!.id, ref[i]!.id);
  }
  return { refToEngine, engineToRef };
}
