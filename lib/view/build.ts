/**
 * CompareModel (+ both document trees) -> the rows, outline, summary and change stops of the
 * compare screen. A pure reshaping of the engine's model: no text is diffed here.
 *
 * Example: a modified paragraph whose segments are
 *   [{equal "我们"}, {delete "收集"}, {insert "使用"}, {equal "您的信息"}]
 * becomes left  = 我们 <del>收集</del> 您的信息
 *        right = 我们 <ins>使用</ins> 您的信息
 *        inline = 我们 <del>收集</del><ins>使用</ins> 您的信息
 */
import type { BlockPair, CompareModel, SectionPair, SectionStatus, Segment } from "../compare/types.ts";
import type { DocumentTree } from "../parse/types.ts";
import { withoutControlChars } from "../text/chars.ts";
import type { ChangeDigest, KeyTermChange, TopicId } from "../insight/index.ts";
import type {
  BlockRow,
  CompareView,
  OutlineEntry,
  RowFilter,
  SectionLink,
  SectionRow,
  TextRun,
  ViewSummary,
} from "./types.ts";

export const PREAMBLE_KEY = "preamble";

export interface BuildInput {
  /** The engine's model, or lib/insight's annotated one (then rows carry kinds and topics, and the view the digest). */
  model: CompareModel & { digest?: ChangeDigest; keyTerms?: KeyTermChange[] };
  /** Characters shown of each side of a coarse block (default 20,000): its whole text can be megabytes. */
  coarseShowChars?: number;
  /** Used only to fill in a block's text when the engine sent no segments for it. */
  oldTree?: DocumentTree | null;
  newTree?: DocumentTree | null;
}

/**
 * A block pair as the engine may send it: paragraphs that moved between sections name the section
 * they came from / went to (pair keys). Optional, so models without them still read.
 */
type MovableBlockPair = BlockPair & { movedFrom?: string | null; movedTo?: string | null };

/** Section pair key -> its label ("number title" of the new side, else the old), for cross-links. */
type SectionLabels = Map<string, string>;

/** Appends a run, merging it into the previous run when the marks agree (fewer DOM nodes). */
function push(runs: TextRun[], t: string, m: TextRun["m"]): void {
  if (!t) return;
  const last = runs[runs.length - 1];
  if (last && last.m === m) last.t += t;
  else runs.push({ t, m });
}

/**
 * Drops the blank lines around a block and squeezes runs of blank lines inside it: rows lay blocks
 * out themselves. Only line breaks are touched; the characters shown are otherwise the originals.
 */
function trimBlankLines(runs: TextRun[]): TextRun[] {
  while (runs.length) {
    const first = runs[0]!;
    const trimmed = first.t.replace(/^(?:[ \t\u3000]*\r?\n)+/, "");
    if (trimmed) {
      first.t = trimmed;
      break;
    }
    runs.shift();
  }
  for (const r of runs) r.t = r.t.replace(/(\r?\n[ \t\u3000]*){3,}/g, "\n\n");
  while (runs.length) {
    const last = runs[runs.length - 1]!;
    const trimmed = last.t.replace(/(?:\r?\n[ \t\u3000]*)+$/, "");
    if (trimmed) {
      last.t = trimmed;
      break;
    }
    runs.pop();
  }
  return runs;
}

function isBlank(runs: TextRun[] | null): boolean {
  return !runs || runs.every((r) => !r.t.trim());
}

function sideRuns(segments: Segment[], side: "old" | "new"): TextRun[] {
  const runs: TextRun[] = [];
  for (const s of segments) {
    if (s.op === "equal") push(runs, side === "old" ? s.old : s.new, "eq");
    else if (s.op === "delete" && side === "old") push(runs, s.old, "del");
    else if (s.op === "insert" && side === "new") push(runs, s.new, "ins");
  }
  return trimBlankLines(runs);
}

function inlineRuns(segments: Segment[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const s of segments) {
    if (s.op === "equal") push(runs, s.new, "eq");
    else if (s.op === "delete") push(runs, s.old, "del");
    else push(runs, s.new, "ins");
  }
  return trimBlankLines(runs);
}

/** Segments for a pair that came without any (falls back to the trees' block text). */
function fallbackSegments(pair: BlockPair, input: BuildInput): Segment[] {
  const oldText = pair.oldBlock !== null ? (input.oldTree?.blocks[pair.oldBlock]?.text ?? "") : "";
  const newText = pair.newBlock !== null ? (input.newTree?.blocks[pair.newBlock]?.text ?? "") : "";
  if (pair.oldBlock !== null && pair.newBlock !== null && oldText === newText)
    return [{ op: "equal", old: oldText, new: newText, oldStart: 0, newStart: 0 }];
  const out: Segment[] = [];
  if (pair.oldBlock !== null) out.push({ op: "delete", old: oldText, oldStart: 0 });
  if (pair.newBlock !== null) out.push({ op: "insert", new: newText, newStart: 0 });
  return out;
}

/** The first `max` characters of some runs (the runs themselves when shorter). */
function clipRuns(runs: TextRun[], max: number): TextRun[] {
  const out: TextRun[] = [];
  let left = max;
  for (const r of runs) {
    if (left <= 0) break;
    out.push(r.t.length <= left ? r : { t: r.t.slice(0, left), m: r.m });
    left -= r.t.length;
  }
  return out;
}

const runsLength = (runs: TextRun[] | null) => (runs ?? []).reduce((n, r) => n + r.t.length, 0);

/** One block pair as a row; null for whitespace-only blocks (kept by the engine only for the round trip). */
export function buildBlockRow(
  pair: MovableBlockPair,
  input: BuildInput,
  labels: SectionLabels = new Map(),
): BlockRow | null {
  if (pair.kind === "blank") return null;
  const segments = pair.segments.length ? pair.segments : fallbackSegments(pair, input);
  const left = pair.oldBlock !== null ? sideRuns(segments, "old") : null;
  const right = pair.newBlock !== null ? sideRuns(segments, "new") : null;
  if (isBlank(left) && isBlank(right)) return null;
  if (pair.coarse) {
    const shownChars = input.coarseShowChars ?? 20_000;
    const coarse = { ...pair.coarse, oldChars: runsLength(left), newChars: runsLength(right), shownChars };
    const clip = (runs: TextRun[] | null) => runs && clipRuns(runs, shownChars);
    return { status: pair.status, kind: pair.kind, left: clip(left), right: clip(right), inline: [], coarse };
  }
  const row: BlockRow = { status: pair.status, kind: pair.kind, left, right, inline: inlineRuns(segments) };
  const link = (key: string | null | undefined): SectionLink | null =>
    key ? { key, label: labels.get(key) ?? key } : null;
  if (pair.movedFrom) row.movedFrom = link(pair.movedFrom);
  if (pair.movedTo) row.movedTo = link(pair.movedTo);
  return row;
}

/**
 * Merges runs of consecutive one-sided blocks (all added, or all removed, of one kind) into one row,
 * so a deleted passage of five paragraphs faces one gap instead of five. Paragraphs stay apart by a
 * blank line. Example: [removed "a", removed "b", modified "c"] -> [removed "a\n\nb", modified "c"].
 */
export function groupOneSided(rows: BlockRow[]): BlockRow[] {
  const out: BlockRow[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    // A paragraph moved between sections keeps its own row (and its link).
    const oneSided = (row.status === "added" || row.status === "removed") && !row.movedFrom && !row.movedTo;
    if (prev && oneSided && prev.status === row.status && prev.kind === row.kind && !prev.movedFrom && !prev.movedTo) {
      const sep = row.kind === "meta" || row.kind === "toc" ? "\n" : "\n\n";
      const side = row.status === "added" ? "right" : "left";
      prev[side] = [...(prev[side] ?? []), { t: sep, m: "eq" }, ...(row[side] ?? [])];
      prev.inline = [...prev.inline, { t: sep, m: "eq" }, ...row.inline];
    } else
      out.push(
        oneSided
          ? { ...row, left: row.left && [...row.left], right: row.right && [...row.right], inline: [...row.inline] }
          : row,
      );
  }
  return out;
}

function label(ref: { number: string | null; title: string } | null): string | null {
  if (!ref) return null;
  return withoutControlChars([ref.number, ref.title].filter((s) => s && s.trim()).join(" ")) || null;
}

function rowLabel(row: Pick<SectionRow, "newLabel" | "oldLabel" | "key">): string {
  return row.newLabel ?? row.oldLabel ?? row.key;
}

function hasChange(b: BlockRow | null): boolean {
  return !!b && b.status !== "unchanged";
}

/** Builds the whole view. Rows follow the model's order (depth-first), one per section pair. */
export function buildCompareView(input: BuildInput): CompareView {
  const { model } = input;
  const rows: SectionRow[] = [];
  const labels: SectionLabels = new Map();
  const collect = (pair: SectionPair): void => {
    labels.set(pair.key, label(pair.new) ?? label(pair.old) ?? pair.key);
    pair.children.forEach(collect);
  };
  model.sections.forEach(collect);
  const blockRows = (pairs: BlockPair[]): BlockRow[] =>
    groupOneSided(pairs.map((p) => buildBlockRow(p, input, labels)).filter((b): b is BlockRow => b !== null));

  const preambleBlocks = blockRows(model.preamble);
  if (preambleBlocks.length) {
    const changed = preambleBlocks.some(hasChange);
    rows.push({
      key: PREAMBLE_KEY,
      status: changed ? "modified" : "unchanged",
      depth: 1,
      oldLabel: null,
      newLabel: null,
      oldNumber: null,
      newNumber: null,
      oldTitle: null,
      newTitle: null,
      heading: null,
      blocks: preambleBlocks,
      changed,
      similarity: changed ? 0 : 1,
      lowConfidence: false,
      movedFrom: null,
      movedAway: [],
      related: [],
      changeKind: maxKind(model.preamble.map((b) => b.changeKind)),
      topics: [],
    });
  }

  const pending: { row: SectionRow; pair: SectionPair }[] = [];
  const visit = (pair: SectionPair, depth: number): void => {
    const heading = pair.heading ? buildBlockRow(pair.heading, input, labels) : null;
    const blocks = blockRows(pair.blocks);
    const row: SectionRow = {
      key: pair.key,
      status: pair.status,
      depth,
      oldLabel: label(pair.old),
      newLabel: label(pair.new),
      oldNumber: pair.old?.number ?? null,
      newNumber: pair.new?.number ?? null,
      oldTitle: pair.old?.title ?? null,
      newTitle: pair.new?.title ?? null,
      heading,
      blocks,
      changed: pair.status !== "unchanged" || hasChange(heading) || blocks.some(hasChange),
      similarity: pair.similarity,
      lowConfidence: pair.confidence === "low",
      movedFrom: null,
      movedAway: [],
      related: [],
      changeKind: pair.changeKind ?? null,
      topics: (pair.topics ?? []) as TopicId[],
    };
    rows.push(row);
    pending.push({ row, pair });
    for (const child of pair.children) visit(child, depth + 1);
  };
  for (const pair of model.sections) visit(pair, 1);

  // Cross-links need every row's label first.
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const link = (key: string): SectionLink | null => {
    const r = byKey.get(key);
    return r ? { key, label: rowLabel(r) } : null;
  };
  for (const { row, pair } of pending) {
    if (pair.movedFrom) {
      row.movedFrom = link(pair.movedFrom);
      const origin = byKey.get(pair.movedFrom);
      if (origin && origin !== row) origin.movedAway.push({ key: row.key, label: rowLabel(row) });
    }
    row.related = (pair.related ?? []).map(link).filter((l): l is SectionLink => l !== null);
  }

  const outline: OutlineEntry[] = rows.map((r) => ({
    key: r.key,
    depth: r.depth,
    status: r.status,
    label: r.key === PREAMBLE_KEY ? "" : rowLabel(r),
    changed: r.changed,
    changeKind: r.changeKind,
    topics: r.topics,
  }));

  return {
    rows,
    outline,
    summary: summarize(model, rows),
    changeKeys: rows.filter((r) => r.changed).map((r) => r.key),
    ...(model.digest ? { digest: displayable(model.digest) } : {}),
    ...(model.keyTerms ? { keyTerms: displayable(model.keyTerms) } : {}),
    coarseRows: rows.filter((r) => r.blocks.some((b) => b.coarse)).length,
  };
}

/** Plain data with every string in it free of control characters: the digest's labels and lines are page text. */
function displayable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === "string" ? withoutControlChars(v) : v,
  ) as T;
}

export function summarize(model: CompareModel, rows: SectionRow[]): ViewSummary {
  const s = model.stats.sections;
  const n = (k: SectionStatus): number => s[k] ?? 0;
  return {
    added: n("added"),
    removed: n("removed"),
    modified: n("modified"),
    moved: n("moved"),
    renamed: n("renamed"),
    renumbered: n("renumbered"),
    split: n("split"),
    merged: n("merged"),
    unchanged: n("unchanged"),
    changedRatio: model.stats.changedRatio,
    insertedChars: model.stats.insertedChars,
    deletedChars: model.stats.deletedChars,
    oldChars: model.stats.oldChars,
    newChars: model.stats.newChars,
    changedRows: rows.filter((r) => r.changed).length,
    totalRows: rows.length,
  };
}

const KIND_ORDER = { cosmetic: 0, date: 1, substantive: 2 } as const;
function maxKind(kinds: Array<SectionRow["changeKind"] | undefined>): SectionRow["changeKind"] {
  let best: SectionRow["changeKind"] = null;
  for (const k of kinds) if (k && (!best || KIND_ORDER[k] > KIND_ORDER[best])) best = k;
  return best;
}

/** A filter from the "changes only" flag alone (the older signature). */
export function rowFilter(f: boolean | RowFilter): RowFilter {
  return typeof f === "boolean" ? { changesOnly: f, changes: "all", topic: null } : f;
}

/** Whether a row passes the kind and topic filters (`changes=substantive`, `topic=...`). */
export function rowShown(row: Pick<SectionRow, "changed" | "changeKind" | "topics" | "key">, f: RowFilter): boolean {
  if (f.changesOnly && !row.changed) return false;
  // Cosmetic and date-only changes are hidden; unchanged rows stay (folded) unless only changes are shown.
  if (f.changes === "substantive" && row.changed && row.changeKind && row.changeKind !== "substantive") return false;
  if (f.topic && !row.topics.includes(f.topic)) return false;
  return true;
}

/**
 * Rows to render: with "changes only", changed rows only; with `changes=substantive`, no row whose
 * change is layout or dates only; with a topic, only rows about it.
 */
export function visibleRows(view: CompareView, filter: boolean | RowFilter): SectionRow[] {
  const f = rowFilter(filter);
  return view.rows.filter((r) => rowShown(r, f));
}
