/**
 * What the formats share: which rows an export lists, each row's label, status notes, ancestors,
 * its text as lines of marked runs, its changed share and short excerpts; the header lines (versions,
 * options, scope). All of it is read from the view model (lib/view/types.ts): nothing is diffed again.
 */
import { normalizeIgnore } from "../compare/options.ts";
import type { SectionStatus } from "../compare/types.ts";
import { format, formatDate, getMessages, type Messages } from "../i18n/index.ts";
import { PREAMBLE_KEY, visibleRows } from "../view/build.ts";
import type { BlockRow, CompareView, SectionRow, TextRun } from "../view/types.ts";
import type { ExportInput, ExportSide } from "./types.ts";

export type CompareMessages = Messages["compare"];
export type ExportMessages = CompareMessages["export"];

/** The site's name in the export's language (documents' creator, the closing note). */
export function siteName(locale: ExportInput["locale"]): string {
  return getMessages(locale).meta.siteName;
}

export function messagesFor(input: Pick<ExportInput, "locale">): CompareMessages {
  return getMessages(input.locale).compare;
}

/** The rows an export lists: the changed ones, or all of them (in document order). */
export function exportRows(view: CompareView, scope: ExportInput["scope"]): SectionRow[] {
  return visibleRows(view, scope === "changes");
}

/** "number title" of the row (new side, else old); the preamble's name for the preamble row. */
export function rowLabel(row: SectionRow, m: CompareMessages): string {
  if (row.key === PREAMBLE_KEY) return m.preamble;
  return row.newLabel ?? row.oldLabel ?? row.key;
}

/** The status as a word; the preamble row says modified/unchanged like any row. */
export function statusLabel(status: SectionStatus, m: CompareMessages): string {
  return m.status[status];
}

/** Notes under a row's label: number and title changes, where a moved section stood, split/merge partners. */
export function statusNotes(row: SectionRow, m: CompareMessages): string[] {
  const notes: string[] = [];
  if (row.oldNumber && row.newNumber && row.oldNumber !== row.newNumber)
    notes.push(format(m.renumbered, { from: row.oldNumber, to: row.newNumber }));
  if (row.oldTitle && row.newTitle && row.oldTitle.trim() !== row.newTitle.trim())
    notes.push(format(m.renamed, { from: row.oldTitle, to: row.newTitle }));
  if (row.status === "moved" && row.movedFrom) notes.push(format(m.export.movedNote, { label: row.movedFrom.label }));
  if (row.related.length) notes.push(`${m.related} ${row.related.map((r) => r.label).join(m.export.listSeparator)}`);
  return notes;
}

/** Each row's enclosing sections' labels, outermost first (rows are depth-first with depths). */
export function ancestorLabels(view: CompareView, m: CompareMessages): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stack: SectionRow[] = [];
  for (const row of view.rows) {
    while (stack.length && stack[stack.length - 1]!.depth >= row.depth) stack.pop();
    out.set(
      row.key,
      stack.map((r) => rowLabel(r, m)),
    );
    if (row.key !== PREAMBLE_KEY) stack.push(row);
  }
  return out;
}

/** Splits marked runs into lines (at line breaks), dropping empty lines; marks are kept per piece. */
export function splitLines(runs: readonly TextRun[]): TextRun[][] {
  const lines: TextRun[][] = [[]];
  for (const r of runs) {
    const parts = r.t.split(/\r?\n/);
    parts.forEach((t, i) => {
      if (i > 0) lines.push([]);
      if (t) lines[lines.length - 1]!.push({ t, m: r.m });
    });
  }
  return lines.filter((l) => l.some((r) => r.t.trim()));
}

export interface SideBlock {
  /** The block's lines on this side. */
  lines: TextRun[][];
  /** A paragraph that moved between sections: the other section's label. */
  movedTo?: string;
  movedFrom?: string;
  kind: BlockRow["kind"] | "heading";
  /** Stands for one or more unchanged paragraphs left out (`lines` is empty). */
  elided?: true;
}

/**
 * One side of a row as blocks of lines: the heading line first when it changed (so a new number or
 * title shows with its marks), then every block present on that side. With `elideUnchanged`, each run
 * of unchanged paragraphs becomes one `elided` block (on both sides alike, so they stay level).
 */
export function sideBlocks(row: SectionRow, side: "old" | "new", elideUnchanged = false): SideBlock[] {
  const pick = (b: BlockRow) => (side === "old" ? b.left : b.right);
  const out: SideBlock[] = [];
  if (row.heading && row.heading.status !== "unchanged") {
    const runs = pick(row.heading);
    if (runs) out.push({ lines: splitLines(runs), kind: "heading" });
  }
  for (const b of row.blocks) {
    if (elideUnchanged && b.status === "unchanged") {
      if (!out[out.length - 1]?.elided) out.push({ lines: [], kind: b.kind, elided: true });
      continue;
    }
    const runs = pick(b);
    if (!runs) continue;
    const block: SideBlock = { lines: splitLines(runs), kind: b.kind };
    if (side === "old" && b.movedTo) block.movedTo = b.movedTo.label;
    if (side === "new" && b.movedFrom) block.movedFrom = b.movedFrom.label;
    if (block.lines.length) out.push(block);
  }
  return out;
}

/**
 * All of a row's runs on one side, blocks apart by a line break (`sep`); the heading line only when it
 * changed (its number and title are in their own columns otherwise).
 */
function sideRuns(row: SectionRow, side: "old" | "new"): (TextRun & { sep?: true })[] {
  const runs: (TextRun & { sep?: true })[] = [];
  const add = (b: BlockRow | null) => {
    const r = b && (side === "old" ? b.left : b.right);
    if (!r) return;
    if (runs.length) runs.push({ t: "\n", m: "eq", sep: true });
    runs.push(...r);
  };
  if (row.heading && row.heading.status !== "unchanged") add(row.heading);
  row.blocks.forEach(add);
  return runs;
}

/** Share of the row's text that changed: (deleted + inserted) / (old + new), like the engine's changedRatio. */
export function rowChangedRatio(row: SectionRow): number {
  let total = 0;
  let changed = 0;
  for (const side of ["old", "new"] as const)
    for (const r of sideRuns(row, side)) {
      if (r.sep) continue;
      total += r.t.length;
      if (r.m !== "eq") changed += r.t.length;
    }
  return total ? changed / total : 0;
}

export const EXCERPT = {
  /** Characters of unchanged text kept on each side of a change. */
  context: 20,
  /** Longest excerpt, in characters (an ellipsis marks the cut). */
  max: 240,
} as const;

/**
 * A short plain-text excerpt of one side around the row's changes: the changed text of that side with
 * EXCERPT.context characters around it, and for changes only on the other side (an insertion seen from
 * the old side) the text around the place where they happened. Pieces are joined with " … ".
 * Line breaks become spaces. An unchanged row gives its first EXCERPT.max characters.
 */
export function excerpt(row: SectionRow, side: "old" | "new"): string {
  const mine = sideRuns(row, side);
  const other = sideRuns(row, side === "old" ? "new" : "old");
  const text = mine.map((r) => r.t).join("");
  // Change anchors counted in equal characters, which both sides share.
  const anchors = (runs: TextRun[]): number[] => {
    const out: number[] = [];
    let eq = 0;
    for (const r of runs) {
      if (r.m === "eq") eq += r.t.length;
      else out.push(eq);
    }
    return out;
  };
  const spans: [number, number][] = [];
  let pos = 0;
  for (const r of mine) {
    if (r.m !== "eq") spans.push([pos, pos + r.t.length]);
    pos += r.t.length;
  }
  // The other side's changes, placed after the same number of equal characters on this side.
  for (const eqAt of anchors(other)) {
    let eq = 0;
    let at = 0;
    for (const r of mine) {
      if (r.m === "eq" && eq + r.t.length >= eqAt) {
        at += eqAt - eq;
        break;
      }
      if (r.m === "eq") eq += r.t.length;
      at += r.t.length;
    }
    spans.push([at, at]);
  }
  const flat = (s: string) => s.replace(/\s*\r?\n\s*/g, " ");
  if (!spans.length) return cut(flat(text.trim()), EXCERPT.max);
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const windows: [number, number][] = [];
  for (const [a, b] of spans) {
    const w: [number, number] = [Math.max(0, a - EXCERPT.context), Math.min(text.length, b + EXCERPT.context)];
    const last = windows[windows.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else windows.push(w);
  }
  const pieces = windows.map(([a, b]) => flat(text.slice(a, b)).trim()).filter(Boolean);
  if (!pieces.length) return "";
  const lead = windows[0]![0] > 0 ? "… " : "";
  const tail = windows[windows.length - 1]![1] < text.length ? " …" : "";
  return cut(lead + pieces.join(" … ") + tail, EXCERPT.max);
}

function cut(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max - 1).join("") + "…";
}

/** A version's date as the labels show it: "2021年8月25日" / "Aug 25, 2021", or "undated". */
export function sideDate(side: ExportSide, input: Pick<ExportInput, "locale">): string {
  const m = messagesFor(input);
  if (!side.publishedAt) return m.undated;
  const date = formatDate(side.publishedAt, input.locale);
  // A second version on one day has key "2021-08-25-2": say so.
  return side.key.startsWith(side.publishedAt) && side.key !== side.publishedAt ? `${date} (${side.key})` : date;
}

/** "基准版本：学习强国隐私权政策，2021年8月25日" */
export function versionLine(side: ExportSide, role: "from" | "to", input: Pick<ExportInput, "locale">): string {
  const m = messagesFor(input);
  return format(m.export.versionLine, {
    role: role === "from" ? m.base : m.compared,
    policy: side.policyName,
    date: sideDate(side, input),
  });
}

/** The ignore options in force, as words ("忽略空白、忽略全角/半角" or "不忽略任何差异"). */
export function optionsLine(input: Pick<ExportInput, "locale" | "ignore">): string {
  const m = messagesFor(input);
  const names = { whitespace: m.ignoreWhitespace, width: m.ignoreWidth, numbering: m.ignoreNumbering };
  const on = normalizeIgnore(input.ignore);
  return on.length ? on.map((o) => names[o]).join(m.export.listSeparator) : m.export.ignoreNone;
}

/** "仅列出有变化的条款（22 / 47）" or "列出全部条款（47），其中 22 条有变化". */
export function scopeLine(input: Pick<ExportInput, "locale" | "scope" | "view">): string {
  const m = messagesFor(input);
  const s = input.view.summary;
  return format(input.scope === "changes" ? m.export.scopeChanges : m.export.scopeAll, {
    n: s.changedRows,
    total: s.totalRows,
  });
}

/** The title of the pair: "学习强国隐私权政策 2021-08-25 → 2021-12-23" (policy names twice across policies). */
export function pairTitle(input: Pick<ExportInput, "from" | "to">): string {
  const { from, to } = input;
  return from.slug === to.slug
    ? `${from.policyName} ${from.key} → ${to.key}`
    : `${from.policyName} ${from.key} → ${to.policyName} ${to.key}`;
}

/** The view's URL with a section in focus. */
export function sectionUrl(input: Pick<ExportInput, "compareUrl">, key: string): string {
  return `${input.compareUrl}#${encodeURIComponent(key)}`;
}
