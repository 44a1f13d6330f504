/**
 * Metamorphic transformations: a parsed document (skeleton.ts) written again with a known change,
 * together with the answer known by construction: which original section becomes which section of the
 * transformed document, and the status the engine should give each pair.
 *
 * Groups:
 * - control: `identity` writes the document back unchanged (the text equals the original exactly).
 * - restyle: every heading in another markup (render.ts styles), numbers and titles as printed.
 *   Identity pairing; a section is `renumbered` only where its printed number changed (never here).
 * - numbering: numbers removed, replaced (1./1.1, 一、/（一）), or written as markdown ordered-list
 *   markers (1., 2., 3. / 1., 3., 5. / marker plus literal `1\.`). Identity pairing; `renumbered`
 *   where the printed number changed.
 * - structure: a section inserted (top level, second level), deleted (top, second), two top-level
 *   sections swapped, a title renamed, a section split in two, two sections merged. Headings keep their
 *   original markup; numbers of the following siblings are rewritten (renumbering) when the original
 *   numbers ran consecutively (law articles: through the whole document).
 * - furniture: crawler furniture around the text (title:/url:/date: header, `------` separators,
 *   "返回顶部"/"Back to top" link, `[](javascript:void(0))`).
 *
 * "Top level" and "second level" mean the outline's levels (a lone wrapper section is descended into,
 * as in outline.ts). A transformation that does not apply to a document (nothing to split, one
 * top-level section only, …) returns null.
 */
import type { SectionStatus } from "../compare/index.ts";
import { renumber } from "./numerals.ts";
import { type OutDocument, type OutNode, render, type Rendered, type Style } from "./render.ts";
import { type BodyBlock, type HeadingParts, preorder, type Skeleton, type SkeletonNode, topLevel } from "./skeleton.ts";
import { numberKey } from "./text.ts";

export interface ExpectedPair {
  old: string | null;
  new: string | null;
  /** Statuses accepted for this pair (the first is the one expected; others are equally right). */
  statuses: SectionStatus[];
}

export interface Transformed extends Rendered {
  doc: OutDocument;
  /** Construction ids of the outline's top level in the transformed document. */
  topIds: Set<string>;
  pairs: ExpectedPair[];
}

export type TransformGroup = "control" | "restyle" | "numbering" | "structure" | "furniture";

export interface Transformation {
  name: string;
  group: TransformGroup;
  /** Only markup or numbers change: with ignore=numbering nothing should be reported changed. */
  formattingOnly: boolean;
  apply(skeleton: Skeleton): Transformed | null;
}

/** A section while a transformation edits the tree. */
interface WorkNode {
  cid: string;
  orig: SkeletonNode | null;
  level: number;
  scheme: string;
  origPath: number[];
  /** New last component of the number path, set by renumbering. */
  value: number | null;
  newPath: number[];
  printed: string | null;
  title: string;
  parts: HeadingParts | null;
  body: BodyBlock[];
  children: WorkNode[];
  /**
   * What decides the expected status besides the number: a rename, a swap (moved), or a split/merge
   * part, whose pairs the edit lists itself.
   */
  role?: "renamed" | "swapped" | "composite";
  /** A new node whose siblings were not consecutively numbered: printed without number. */
  unnumbered?: boolean;
}

const lastOf = (path: number[]) => path[path.length - 1]!;
const samePath = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function work(node: SkeletonNode): WorkNode {
  return {
    cid: node.id,
    orig: node,
    level: node.level,
    scheme: node.scheme,
    origPath: node.path,
    value: null,
    newPath: node.path,
    printed: node.printed,
    title: node.title,
    parts: node.parts,
    body: node.body,
    children: node.children.map(work),
  };
}

/**
 * For each original section, where its number group started when the group ran consecutively
 * (siblings of one scheme; law articles across the document), else null.
 */
function groupStarts(skeleton: Skeleton): Map<string, number | null> {
  const starts = new Map<string, number | null>();
  const setGroup = (group: SkeletonNode[]) => {
    const values = group.map((n) => lastOf(n.path));
    const consecutive = values.every((v, i) => i === 0 || v === values[i - 1]! + 1);
    for (const n of group) starts.set(n.id, consecutive ? values[0]! : null);
  };
  const visit = (siblings: SkeletonNode[]) => {
    const byScheme = new Map<string, SkeletonNode[]>();
    for (const n of siblings)
      if (n.path.length > 0 && n.scheme !== "article") byScheme.set(n.scheme, [...(byScheme.get(n.scheme) ?? []), n]);
    for (const g of byScheme.values()) setGroup(g);
    for (const n of siblings) visit(n.children);
  };
  visit(skeleton.sections);
  setGroup(preorder(skeleton.sections).filter((n) => n.scheme === "article" && n.path.length > 0));
  return starts;
}

/** Renumber every number group of the edited tree by position, where the original ran consecutively. */
function renumberTree(roots: WorkNode[], starts: Map<string, number | null>): void {
  const groups: WorkNode[][] = [];
  const visit = (siblings: WorkNode[]) => {
    const byScheme = new Map<string, WorkNode[]>();
    for (const n of siblings)
      if (n.origPath.length > 0 && n.scheme !== "article")
        byScheme.set(n.scheme, [...(byScheme.get(n.scheme) ?? []), n]);
    groups.push(...byScheme.values());
    for (const n of siblings) visit(n.children);
  };
  visit(roots);
  groups.push(preorder(roots).filter((n) => n.scheme === "article" && n.origPath.length > 0));
  for (const group of groups) {
    const known = group.filter((n) => n.orig);
    const start = known.length > 0 ? starts.get(known[0]!.orig!.id) : null;
    if (start === null || start === undefined || known.some((n) => starts.get(n.orig!.id) === null)) {
      for (const n of group) if (!n.orig) n.unnumbered = true;
      continue;
    }
    group.forEach((n, i) => (n.value = start + i));
  }
  const paths = (nodes: WorkNode[], parent: WorkNode | null) => {
    for (const n of nodes) {
      if (n.origPath.length > 0) {
        const own = n.value ?? lastOf(n.origPath);
        let prefix = n.origPath.slice(0, -1);
        const p = parent?.origPath ?? [];
        if (parent && p.length > 0 && n.origPath.length > p.length && samePath(n.origPath.slice(0, p.length), p))
          prefix = [...parent.newPath, ...n.origPath.slice(p.length, -1)];
        n.newPath = [...prefix, own];
      }
      paths(n.children, n);
    }
  };
  paths(roots, null);
}

/** Work tree -> OutNode tree: numbers and headings rewritten where the path or title changed. */
function toOut(nodes: WorkNode[]): OutNode[] {
  return nodes.map((n) => {
    const renumbered = !n.orig || !samePath(n.newPath, n.origPath);
    let printed = n.printed;
    let prefix = n.parts?.prefix ?? null;
    if (n.unnumbered) {
      printed = null;
      prefix = null;
    } else if (renumbered && n.newPath.length > 0) {
      printed = printed !== null ? (renumber(printed, n.newPath, n.scheme) ?? printed) : null;
      prefix = prefix !== null ? (renumber(prefix, n.newPath, n.scheme) ?? prefix) : null;
    }
    const retitled = !n.orig || n.title !== n.orig.title;
    let source: string | null = null;
    if (n.parts && prefix !== null) source = prefix + (retitled ? n.title : n.parts.title) + n.parts.suffix;
    else if (n.orig && !renumbered && !retitled) source = n.orig.heading;
    return {
      cid: n.cid,
      level: n.level,
      printed,
      title: n.title,
      source,
      body: n.body,
      children: toOut(n.children),
    };
  });
}

/** Expected pairs of the edited tree: identity for surviving sections, by role and number. */
function expectations(roots: WorkNode[], out: OutNode[], removed: SkeletonNode[]): ExpectedPair[] {
  const outById = new Map(preorder(out).map((o) => [o.cid, o]));
  const pairs: ExpectedPair[] = [];
  for (const n of preorder(roots)) {
    if (n.role === "composite") continue;
    if (!n.orig) {
      pairs.push({ old: null, new: n.cid, statuses: ["added"] });
      continue;
    }
    const numberChanged = numberKey(outById.get(n.cid)!.printed) !== numberKey(n.orig.printed);
    const byNumber: SectionStatus = numberChanged ? "renumbered" : "unchanged";
    const statuses: SectionStatus[] =
      n.role === "renamed" ? ["renamed"] : n.role === "swapped" ? ["moved", byNumber] : [byNumber];
    pairs.push({ old: n.orig.id, new: n.cid, statuses });
  }
  for (const r of removed) for (const n of preorder([r])) pairs.push({ old: n.id, new: null, statuses: ["removed"] });
  return pairs;
}

/** Wording of inserted sections, in the document's language. */
function words(skeleton: Skeleton) {
  return skeleton.chinese
    ? {
        title: "评测插入的新章节",
        body: "本节由评测程序插入，用于检验比较引擎能否识别新增的一节。其内容与文中其他部分无关，仅作测试之用。",
        renamed: "经评测改名的标题",
        continued: "（续）",
      }
    : {
        title: "Section Inserted by the Evaluation",
        body: "This section was inserted by the evaluation to check that the comparison engine reports an added section. Its wording has nothing to do with the rest of the document.",
        renamed: "Heading Renamed by the Evaluation",
        continued: " (continued)",
      };
}

interface Edited {
  roots: WorkNode[];
  removed: SkeletonNode[];
  /** Pairs the edit decides itself (split, merge), added to the identity ones. */
  extra?: ExpectedPair[];
}

/** The outline's top level of a work tree (lone wrapper descended into) and its parent list. */
function topList(roots: WorkNode[]): WorkNode[] {
  return topLevel(roots);
}

function structural(name: string, edit: (roots: WorkNode[], skeleton: Skeleton) => Edited | null): Transformation {
  return {
    name,
    group: "structure",
    formattingOnly: false,
    apply(skeleton) {
      if (skeleton.sections.length === 0) return null;
      const roots = skeleton.sections.map(work);
      const edited = edit(roots, skeleton);
      if (!edited) return null;
      renumberTree(edited.roots, groupStarts(skeleton));
      const sections = toOut(edited.roots);
      const doc: OutDocument = { preamble: skeleton.preamble, sections };
      const pairs = [...expectations(edited.roots, sections, edited.removed), ...(edited.extra ?? [])];
      const topIds = new Set(topLevel(sections).map((n) => n.cid));
      return { ...render(doc, "source"), doc, topIds, pairs };
    },
  };
}

/** A new section modelled on `template` (same level, scheme and heading markup). */
function newNode(cid: string, template: WorkNode, title: string, body: BodyBlock[]): WorkNode {
  return {
    cid,
    orig: null,
    level: template.level,
    scheme: template.scheme,
    origPath: template.origPath,
    value: null,
    newPath: template.origPath,
    printed: template.printed,
    title: template.parts?.title === "" ? "" : title,
    parts: template.parts,
    body,
    children: [],
  };
}

function insertedBody(template: WorkNode, text: string): BodyBlock[] {
  const own: BodyBlock[] = [
    { kind: "paragraph", text: `${text}\n` },
    { kind: "blank", text: "\n" },
  ];
  const inline =
    template.parts !== null && !(template.parts.prefix + template.parts.title + template.parts.suffix).endsWith("\n");
  return inline ? own : [{ kind: "blank", text: "\n" }, ...own];
}

const nonBlank = (body: BodyBlock[]) => body.filter((b) => b.kind !== "blank" && b.text.trim() !== "");

function insertAt(siblings: WorkNode[], index: number, skeleton: Skeleton): WorkNode {
  const template = siblings[Math.min(index, siblings.length - 1)]!;
  const w = words(skeleton);
  const node = newNode("new-1", template, w.title, insertedBody(template, w.body));
  siblings.splice(index, 0, node);
  return node;
}

/** The first top-level section with at least `min` children. */
const parentWith = (roots: WorkNode[], min: number) => topList(roots).find((n) => n.children.length >= min);

const STRUCTURAL: Transformation[] = [
  structural("insert-top", (roots, skeleton) => {
    const top = topList(roots);
    insertAt(top, Math.min(1, top.length), skeleton);
    return { roots, removed: [] };
  }),
  structural("insert-second", (roots, skeleton) => {
    const parent = parentWith(roots, 2) ?? parentWith(roots, 1);
    if (!parent) return null;
    insertAt(parent.children, 1, skeleton);
    return { roots, removed: [] };
  }),
  structural("delete-top", (roots) => {
    const top = topList(roots);
    if (top.length < 2) return null;
    const [gone] = top.splice(1, 1);
    return { roots, removed: [gone!.orig!] };
  }),
  structural("delete-second", (roots) => {
    const parent = parentWith(roots, 2);
    if (!parent) return null;
    const [gone] = parent.children.splice(1, 1);
    return { roots, removed: [gone!.orig!] };
  }),
  structural("swap-top", (roots) => {
    const top = topList(roots);
    if (top.length < 2) return null;
    const i = top.length >= 3 ? 1 : 0;
    const [a, b] = [top[i]!, top[i + 1]!];
    top.splice(i, 2, b, a);
    a.role = b.role = "swapped";
    return { roots, removed: [] };
  }),
  structural("rename", (roots, skeleton) => {
    const candidates = (nodes: WorkNode[]) =>
      nodes
        .filter((n) => n.title !== "" && n.parts !== null && bodyLength(n) >= 20)
        .sort((a, b) => bodyLength(b) - bodyLength(a));
    const top = topList(roots);
    const pick = candidates(top)[0] ?? candidates(top.flatMap((n) => n.children))[0];
    if (!pick) return null;
    pick.title = words(skeleton).renamed;
    pick.role = "renamed";
    return { roots, removed: [] };
  }),
  structural("split", (roots, skeleton) => {
    const leaves = (nodes: WorkNode[]) =>
      nodes
        .filter((n) => n.children.length === 0 && n.parts !== null && nonBlank(n.body).length >= 2)
        .sort((a, b) => nonBlank(b.body).length - nonBlank(a.body).length);
    const top = topList(roots);
    const pick = leaves(top)[0] ?? leaves(top.flatMap((n) => n.children))[0];
    if (!pick) return null;
    const siblings = top.includes(pick) ? top : top.find((n) => n.children.includes(pick))!.children;
    const blocks = pick.body;
    const paragraphs = blocks
      .map((b, i) => (b.kind !== "blank" && b.text.trim() !== "" ? i : -1))
      .filter((i) => i >= 0);
    const cut = paragraphs[Math.floor(paragraphs.length / 2)]!;
    const second = newNode("new-split", pick, `${pick.title}${words(skeleton).continued}`, blocks.slice(cut));
    const inline = !(pick.parts!.prefix + pick.parts!.title + pick.parts!.suffix).endsWith("\n");
    if (!inline) second.body = [{ kind: "blank", text: "\n" }, ...second.body];
    pick.body = blocks.slice(0, cut);
    siblings.splice(siblings.indexOf(pick) + 1, 0, second);
    pick.role = second.role = "composite";
    return {
      roots,
      removed: [],
      extra: [
        { old: pick.orig!.id, new: pick.cid, statuses: ["split"] },
        { old: pick.orig!.id, new: second.cid, statuses: ["split"] },
      ],
    };
  }),
  structural("merge", (roots) => {
    const mergeable = (siblings: WorkNode[]) => {
      for (let i = 0; i + 1 < siblings.length; i++) {
        const [a, b] = [siblings[i]!, siblings[i + 1]!];
        if (
          a.children.length === 0 &&
          b.children.length === 0 &&
          nonBlank(a.body).length > 0 &&
          nonBlank(b.body).length > 0
        )
          return { siblings, i };
      }
      return null;
    };
    const top = topList(roots);
    const found = mergeable(top) ?? top.map((n) => mergeable(n.children)).find((m) => m !== null);
    if (!found) return null;
    const [a, b] = [found.siblings[found.i]!, found.siblings[found.i + 1]!];
    a.body = [
      ...a.body,
      ...(a.body.at(-1)?.text.endsWith("\n\n") ? [] : [{ kind: "blank" as const, text: "\n" }]),
      ...b.body,
    ];
    found.siblings.splice(found.i + 1, 1);
    a.role = "composite";
    return {
      roots,
      removed: [],
      extra: [
        { old: a.orig!.id, new: a.cid, statuses: ["merged"] },
        { old: b.orig!.id, new: a.cid, statuses: ["merged"] },
      ],
    };
  }),
];

function bodyLength(n: WorkNode): number {
  return nonBlank(n.body).reduce((sum, b) => sum + b.text.trim().length, 0);
}

/** The original's sections as they are, for the formatting transformations. */
function outOf(nodes: SkeletonNode[]): OutNode[] {
  return nodes.map((n) => ({
    cid: n.id,
    level: n.level,
    printed: n.printed,
    title: n.title,
    source: n.heading,
    body: n.body,
    children: outOf(n.children),
  }));
}

/**
 * A transformation that changes only markup or printed numbers: identity pairing, `renumbered` where
 * the printed number changed. `number(node, indexAmongSiblings, isTop)` gives the new printed number.
 */
function formatting(
  name: string,
  group: TransformGroup,
  style: Style,
  number?: (node: OutNode, index: number, isTop: boolean) => string | null,
): Transformation {
  return {
    name,
    group,
    formattingOnly: true,
    apply(skeleton) {
      if (skeleton.sections.length === 0) return null;
      const sections = outOf(skeleton.sections);
      const topIds = new Set(topLevel(sections).map((n) => n.cid));
      if (number) {
        const visit = (nodes: OutNode[]) =>
          nodes.forEach((n, i) => {
            n.printed = number(n, i, topIds.has(n.cid));
            visit(n.children);
          });
        visit(sections);
      }
      const doc: OutDocument = { preamble: skeleton.preamble, sections };
      const original = new Map(preorder(skeleton.sections).map((n) => [n.id, n]));
      const pairs: ExpectedPair[] = preorder(sections).map((n) => ({
        old: n.cid,
        new: n.cid,
        statuses: [numberKey(n.printed) === numberKey(original.get(n.cid)!.printed) ? "unchanged" : "renumbered"],
      }));
      return { ...render(doc, style, topIds), doc, topIds, pairs };
    },
  };
}

/** 1., 1.1, 1.1.1 from the position in the tree (levels relative to the outline's top). */
function decimalNumbers(skeleton: Skeleton): (node: OutNode, index: number) => string | null {
  const path = new Map<string, number[]>();
  const visit = (nodes: SkeletonNode[], prefix: number[]) =>
    nodes.forEach((n, i) => {
      path.set(n.id, [...prefix, i + 1]);
      visit(n.children, [...prefix, i + 1]);
    });
  const top = topLevel(skeleton.sections);
  visit(top, []);
  return (node) => {
    const p = path.get(node.cid);
    if (!p) return null; // a wrapper above the top level
    return p.length === 1 ? `${p[0]}.` : p.join(".");
  };
}

const CN_ORDINAL = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const cnOrdinal = (i: number) => (i < 10 ? CN_ORDINAL[i]! : i < 19 ? `十${CN_ORDINAL[i - 10]}` : String(i + 1));

/** 一、 / （一） / 1. / （1） by depth below the outline's top. */
function chineseNumbers(skeleton: Skeleton): (node: OutNode, index: number) => string | null {
  const depth = new Map<string, number>();
  const visit = (nodes: SkeletonNode[], d: number) =>
    nodes.forEach((n) => {
      depth.set(n.id, d);
      visit(n.children, d + 1);
    });
  visit(topLevel(skeleton.sections), 1);
  return (node, i) => {
    const d = depth.get(node.cid);
    if (d === undefined) return null;
    if (d === 1) return `${cnOrdinal(i)}、`;
    if (d === 2) return `（${cnOrdinal(i)}）`;
    if (d === 3) return `${i + 1}.`;
    return `（${i + 1}）`;
  };
}

/** Applies `factory(skeleton)` per document (numberings that depend on the whole tree). */
function perDocument(
  name: string,
  style: Style,
  factory: (skeleton: Skeleton) => (node: OutNode, index: number, isTop: boolean) => string | null,
): Transformation {
  return {
    name,
    group: "numbering",
    formattingOnly: true,
    apply: (skeleton) => formatting(name, "numbering", style, factory(skeleton)).apply(skeleton),
  };
}

const listMarker =
  (step: number) =>
  (node: OutNode, index: number, isTop: boolean): string | null =>
    isTop ? `${1 + step * index}.` : node.printed;

/**
 * Crawler furniture around the text: a metadata header (after a YAML front matter, which must stay
 * first), separators, a "back to top" link and empty javascript links at the end.
 */
const furniture: Transformation = {
  name: "furniture",
  group: "furniture",
  formattingOnly: false,
  apply(skeleton) {
    const base = formatting("identity", "control", "source").apply(skeleton);
    if (!base) return null;
    const title = skeleton.title ?? (skeleton.chinese ? "隐私政策" : "Privacy Policy");
    const header = [
      `title: ${title}`,
      "url: https://example.com/policy",
      "date: 2024-01-01",
      "",
      "------",
      "",
      "[](javascript:void(0))",
      "",
      "",
    ].join("\n");
    const back = skeleton.chinese ? "[返回顶部](#top)" : "[Back to top](#top)";
    const footer = ["", "------", "", back, "", "[](javascript:void(0))", ""].join("\n");
    const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(base.text)?.[0] ?? "";
    const text = `${frontMatter}${header}${base.text.slice(frontMatter.length).replace(/\n*$/, "\n")}${footer}`;
    const last = preorder(base.doc.sections).at(-1)!.cid;
    const pairs = base.pairs.map((p) =>
      p.new === last ? { ...p, statuses: ["unchanged", "modified"] as SectionStatus[] } : p,
    );
    return { ...base, text, pairs };
  },
};

/** Every transformation, in report order. */
export const TRANSFORMATIONS: Transformation[] = [
  formatting("identity", "control", "source"),
  formatting("atx", "restyle", "atx"),
  formatting("setext", "restyle", "setext"),
  formatting("bold", "restyle", "bold"),
  formatting("bold-split", "restyle", "bold-split"),
  formatting("plain", "restyle", "plain"),
  formatting("html-h", "restyle", "html-h"),
  formatting("html-b", "restyle", "html-b"),
  formatting("html-p", "restyle", "html-p"),
  formatting("html-pre", "restyle", "html-pre"),
  formatting("numbers-none", "numbering", "atx", () => null),
  perDocument("numbers-decimal", "atx", decimalNumbers),
  perDocument("numbers-cn", "atx", chineseNumbers),
  formatting("list-markers", "numbering", "list", listMarker(1)),
  formatting("list-markers-odd", "numbering", "list", listMarker(2)),
  formatting("list-literal", "numbering", "list-literal", listMarker(1)),
  ...STRUCTURAL,
  furniture,
];
