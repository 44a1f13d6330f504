/**
 * The compare view's rows and outline as HTML strings: the view model's formatter for the page
 * (components/diff/CompareScreen inserts them). The rows are the
 * bulk of the page (2,000+ elements, the two texts), and they never change for one model, layout and
 * language, so they are rendered once and memoised instead of being built, serialised into the RSC
 * payload and rendered again by React on every request. The page inserts the string into one element
 * (React neither serialises nor hydrates the rows' elements; the payload carries one string).
 *
 * Document text is data: every text and attribute value goes through `escapeHtml`, so a policy's
 * "<script>" is shown as those characters, never parsed as markup (tested in html.test.ts).
 * Framework-free: plain strings, no React.
 */
import { format } from "../i18n/format.ts";
import type { Messages } from "../i18n/index.ts";
import { PREAMBLE_KEY, visibleRows } from "./build.ts";
import type { BlockRow, CompareView, Layout, SectionLink, SectionRow, TextRun } from "./types.ts";

type CompareMessages = Messages["compare"];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value as HTML: & < > " ' escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `name="value"` pairs; null/undefined/false values are left out (like React's attributes). */
function attrs(list: Record<string, string | number | boolean | null | undefined>): string {
  let out = "";
  for (const [name, value] of Object.entries(list))
    if (value !== null && value !== undefined && value !== false) out += ` ${name}="${escapeHtml(String(value))}"`;
  return out;
}

/** Marked text: equal runs as text, deletions in <del>, insertions in <ins>. */
export function runsHtml(runs: TextRun[]): string {
  let out = "";
  for (const r of runs) out += r.m === "eq" ? escapeHtml(r.t) : `<${r.m}>${escapeHtml(r.t)}</${r.m}>`;
  return out;
}

function linkHtml(l: SectionLink): string {
  return `<a${attrs({ href: `#${l.key}` })}>${escapeHtml(l.label)}</a>`;
}

/** "Moved from/to §…" before a paragraph that moved between sections (old side: to; new side: from). */
function blockMoveHtml(link: SectionLink | null | undefined, label: string): string {
  return link ? `<span class="cmp-blockmove">${escapeHtml(label)}${linkHtml(link)}</span>` : "";
}

function cellHtml(runs: TextRun[], side: "old" | "new", b: BlockRow, m: CompareMessages, kind?: string): string {
  const move = side === "old" ? blockMoveHtml(b.movedTo, m.blockMovedTo) : blockMoveHtml(b.movedFrom, m.blockMovedFrom);
  return `<p${attrs({ class: `cmp-cell cmp-${side}`, "data-kind": kind })}>${move}${runsHtml(runs)}</p>`;
}

const GAP = '<div class="cmp-cell cmp-gap" aria-hidden="true"></div>';

/** One aligned block pair: old and new face each other; an absent side is a gap. */
function pairHtml(b: BlockRow, layout: Layout, m: CompareMessages): string {
  // Explicit inline: one word-interleaved cell. Auto below a tablet's width stacks old over new (CSS).
  const inline = layout === "inline" && b.status === "modified";
  const body = inline
    ? `<p class="cmp-cell cmp-inline">${blockMoveHtml(b.movedTo, m.blockMovedTo)}${blockMoveHtml(b.movedFrom, m.blockMovedFrom)}${runsHtml(b.inline)}</p>`
    : (b.left ? cellHtml(b.left, "old", b, m) : GAP) + (b.right ? cellHtml(b.right, "new", b, m) : GAP);
  const a = attrs({
    class: "cmp-pair",
    "data-s": b.status,
    "data-kind": b.kind === "paragraph" ? undefined : b.kind,
    "data-both": b.left && b.right ? "true" : undefined,
    "data-moved": b.movedFrom || b.movedTo ? "true" : undefined,
  });
  return `<div${a}>${body}</div>`;
}

function notesHtml(row: SectionRow, m: CompareMessages): string {
  const notes: string[] = [];
  if (row.oldNumber !== row.newNumber && row.oldNumber && row.newNumber)
    notes.push(escapeHtml(format(m.renumbered, { from: row.oldNumber, to: row.newNumber })));
  if (row.oldTitle !== null && row.newTitle !== null && row.oldTitle !== row.newTitle)
    notes.push(escapeHtml(format(m.renamed, { from: row.oldTitle, to: row.newTitle })));
  if (row.movedFrom) notes.push(`${escapeHtml(m.movedFrom)} ${linkHtml(row.movedFrom)}`);
  for (const away of row.movedAway) notes.push(`${escapeHtml(m.movedAway)} ${linkHtml(away)}`);
  if (row.related.length) notes.push(`${escapeHtml(m.related)} ${row.related.map(linkHtml).join("、")}`);
  return notes.length ? `<span class="cmp-note">${notes.map((n) => `<span>${n}</span>`).join("")}</span>` : "";
}

/** A whole section on one side: its blocks stacked, facing one labelled gap. */
function sectionGapHtml(row: SectionRow, pairs: BlockRow[], m: CompareMessages): string {
  const added = row.status === "added";
  const side = added ? "new" : "old";
  const cells = pairs
    .map((b) => (added ? b.right : b.left))
    .map((runs, i) => (runs ? cellHtml(runs, side, pairs[i]!, m, pairs[i]!.kind) : ""))
    .join("");
  const stack = `<div class="cmp-stack">${cells}</div>`;
  const gap = `<div class="cmp-cell cmp-gap cmp-gap-label">${escapeHtml(added ? m.gapAdded : m.gapRemoved)}</div>`;
  return `<div${attrs({ class: "cmp-sectiongap", "data-s": row.status })}>${added ? gap + stack : stack + gap}</div>`;
}

/** One aligned section pair: a row with its head (status, notes, copy link) and its block pairs. */
export function sectionRowHtml(row: SectionRow, layout: Layout, fold: boolean, m: CompareMessages): string {
  const pairs = [row.heading, ...row.blocks].filter((b): b is BlockRow => b !== null);
  const body =
    row.status === "added" || row.status === "removed"
      ? sectionGapHtml(row, pairs, m)
      : pairs.map((b) => pairHtml(b, layout, m)).join("");
  const preamble = row.key === PREAMBLE_KEY ? m.preamble : null;
  const copyLabel = `${m.copySection}: ${row.newLabel ?? row.oldLabel ?? preamble ?? row.key}`;
  const head =
    `<div class="cmp-row-head"><span${attrs({ class: "cmp-badge", "data-s": row.status })}>${escapeHtml(m.status[row.status])}` +
    `${preamble ? ` · ${escapeHtml(preamble)}` : ""}</span>${notesHtml(row, m)}` +
    `<button${attrs({ type: "button", class: "cmp-icon-btn cmp-row-tools", "data-copy": row.key, "aria-label": copyLabel })}>${escapeHtml(m.copyLink)}</button></div>`;
  const folded = fold
    ? `<details class="cmp-fold"><summary><span>${escapeHtml(row.oldLabel ?? preamble ?? "")}</span>` +
      `<span>${escapeHtml(row.newLabel ?? preamble ?? "")} · <span class="cmp-fold-hint">${escapeHtml(row.changed ? m.foldedChanged : m.folded)}</span></span></summary>${body}</details>`
    : body;
  const a = attrs({
    id: row.key,
    class: "cmp-row",
    "data-s": row.status,
    "data-changed": String(row.changed),
    "data-depth": Math.min(row.depth, 4),
  });
  return `<section${a}>${head}${folded}</section>`;
}

/** The rows to show, as HTML: folded when unchanged (and the preamble), unless only changes are shown. */
export function rowsHtml(view: CompareView, layout: Layout, changesOnly: boolean, m: CompareMessages): string {
  return visibleRows(view, changesOnly)
    .map((row) => sectionRowHtml(row, layout, row.key === PREAMBLE_KEY || (!row.changed && !changesOnly), m))
    .join("");
}

/**
 * The outline's list items: a marker per status (its word for screen readers, a glyph by CSS) and the
 * label, as plain fragment links (no script needed to jump).
 */
export function outlineHtml(view: CompareView, changesOnly: boolean, m: CompareMessages): string {
  const entries = changesOnly ? view.outline.filter((e) => e.changed) : view.outline;
  return entries
    .map((e) => {
      const li = attrs({
        "data-changed": String(e.changed),
        // Indented by compare.css, not a style attribute: the page's CSP allows no inline styles.
        "data-depth": e.depth > 1 ? String(Math.min(e.depth, 5)) : undefined,
      });
      const mark = `<span${attrs({ class: "cmp-mark", "data-s": e.status, title: m.status[e.status] })}>${escapeHtml(m.status[e.status])}</span>`;
      return `<li${li}><a${attrs({ href: `#${e.key}` })}>${mark}${escapeHtml(e.label || m.preamble)}</a></li>`;
    })
    .join("");
}

/** Rendered parts by view, messages (language) and options. Views are memoised per model upstream. */
const memo = new WeakMap<CompareView, WeakMap<CompareMessages, Map<string, string>>>();

function remembered(view: CompareView, m: CompareMessages, key: string, render: () => string): string {
  let byLang = memo.get(view);
  if (!byLang) memo.set(view, (byLang = new WeakMap()));
  let byKey = byLang.get(m);
  if (!byKey) byLang.set(m, (byKey = new Map<string, string>()));
  let html = byKey.get(key);
  if (html === undefined) byKey.set(key, (html = render()));
  return html;
}

/** rowsHtml, memoised: one model, layout, option set and language is rendered once per process. */
export function memoRowsHtml(view: CompareView, layout: Layout, changesOnly: boolean, m: CompareMessages): string {
  return remembered(view, m, `rows|${layout}|${changesOnly}`, () => rowsHtml(view, layout, changesOnly, m));
}

/** outlineHtml, memoised likewise. */
export function memoOutlineHtml(view: CompareView, changesOnly: boolean, m: CompareMessages): string {
  return remembered(view, m, `outline|${changesOnly}`, () => outlineHtml(view, changesOnly, m));
}
