/**
 * The compare view's rows and outline as HTML: the view model's formatter for the page
 * (components/diff/CompareScreen inserts them through HtmlBlock). The rows are the
 * bulk of the page (2,000+ elements, the two texts), and they never change for one model, layout and
 * language, so they are rendered once and memoised instead of being built, serialised into the RSC
 * payload and rendered again by React on every request. The page inserts the markup into one element
 * (React neither serialises nor hydrates the rows' elements; the payload carries one string).
 *
 * Document text is data: everything here is built with the escaping `html` template (./safe-html.ts),
 * which returns SafeHtml, so a policy's "<script>" is shown as those characters, never parsed as
 * markup (tested in html.test.ts). Class names and attributes that script looks for come from
 * ./compare-dom.ts. Framework-free: no React.
 */
import { format } from "../i18n/format.ts";
import type { Messages } from "../i18n/index.ts";
import { PREAMBLE_KEY, rowFilter, rowShown, visibleRows } from "./build.ts";
import { COPY_ATTR, FOLD_CLASS, ROW_CLASS } from "./compare-dom.ts";
import { formattedRunsHtml } from "./formatted.ts";
import { attrs, html, joinHtml, SafeHtml } from "./safe-html.ts";
import type {
  BlockRow,
  CompareView,
  Layout,
  OutlineEntry,
  RowFilter,
  SectionLink,
  SectionRow,
  TextRun,
} from "./types.ts";

export { escapeHtml } from "./safe-html.ts";

type CompareMessages = Messages["compare"];

/**
 * Marked text: equal runs as text, deletions in <del>, insertions in <ins>, with the document's
 * markup (headings, bold, links, lists, tables) read as structure around them (./formatted.ts).
 */
export function runsHtml(runs: TextRun[]): SafeHtml {
  return formattedRunsHtml(runs);
}

function linkHtml(l: SectionLink): SafeHtml {
  return html`<a${attrs({ href: l.href ?? `#${l.key}` })}>${l.label}</a>`;
}

/** "Moved from/to §…" before a paragraph that moved between sections (old side: to; new side: from). */
function blockMoveHtml(link: SectionLink | null | undefined, label: string): SafeHtml | null {
  return link ? html`<span class="cmp-blockmove">${label}${linkHtml(link)}</span>` : null;
}

function cellHtml(runs: TextRun[], side: "old" | "new", b: BlockRow, m: CompareMessages, kind?: string): SafeHtml {
  const move = side === "old" ? blockMoveHtml(b.movedTo, m.blockMovedTo) : blockMoveHtml(b.movedFrom, m.blockMovedFrom);
  return html`<div${attrs({ class: `cmp-cell cmp-${side}`, "data-kind": kind })}>${move}${runsHtml(runs)}</div>`;
}

const GAP = html`<div class="cmp-cell cmp-gap" aria-hidden="true"></div>`;

/** What a coarse block is (too large for a word diff) and how much of it is shown. */
function coarseNoteHtml(b: BlockRow, m: CompareMessages): SafeHtml | null {
  const c = b.coarse;
  if (!c) return null;
  const n = (x: number) => x.toLocaleString("en-US");
  const clipped = Math.max(c.oldChars, c.newChars) > c.shownChars;
  const note = format(m.coarseNote, { old: n(c.oldChars), new: n(c.newChars) });
  const more = clipped ? ` ${format(m.coarseClipped, { shown: n(c.shownChars) })}` : "";
  return html`<p class="cmp-coarse" data-testid="coarse-note">${note + more}</p>`;
}

/** One aligned block pair: old and new face each other; an absent side is a gap. */
function pairHtml(b: BlockRow, layout: Layout, m: CompareMessages): SafeHtml {
  // Explicit inline: one word-interleaved cell. Auto below a tablet's width stacks old over new (CSS).
  // A coarse block has no word diff to interleave: it stays side by side.
  const inline = layout === "inline" && b.status === "modified" && !b.coarse;
  const moves = html`${blockMoveHtml(b.movedTo, m.blockMovedTo)}${blockMoveHtml(b.movedFrom, m.blockMovedFrom)}`;
  const body = inline
    ? html`<div class="cmp-cell cmp-inline">${moves}${runsHtml(b.inline)}</div>`
    : html`${b.left ? cellHtml(b.left, "old", b, m) : GAP}${b.right ? cellHtml(b.right, "new", b, m) : GAP}`;
  const a = attrs({
    class: "cmp-pair",
    "data-s": b.status,
    "data-kind": b.kind === "paragraph" ? undefined : b.kind,
    "data-both": b.left && b.right ? "true" : undefined,
    "data-moved": b.movedFrom || b.movedTo ? "true" : undefined,
    "data-coarse": b.coarse ? "true" : undefined,
  });
  return html`${coarseNoteHtml(b, m)}<div${a}>${body}</div>`;
}

function notesHtml(row: SectionRow, m: CompareMessages): SafeHtml | null {
  const notes: SafeHtml[] = [];
  if (row.oldNumber !== row.newNumber && row.oldNumber && row.newNumber)
    notes.push(html`${format(m.renumbered, { from: row.oldNumber, to: row.newNumber })}`);
  if (row.oldTitle !== null && row.newTitle !== null && row.oldTitle !== row.newTitle)
    notes.push(html`${format(m.renamed, { from: row.oldTitle, to: row.newTitle })}`);
  if (row.movedFrom) notes.push(html`${m.movedFrom} ${linkHtml(row.movedFrom)}`);
  for (const away of row.movedAway) notes.push(html`${m.movedAway} ${linkHtml(away)}`);
  if (row.related.length) notes.push(html`${m.related} ${joinHtml(row.related.map(linkHtml), "、")}`);
  if (row.lowConfidence)
    notes.push(
      html`<span class="cmp-low-confidence">${format(m.lowConfidence, { similarity: row.similarity.toFixed(2) })}</span>`,
    );
  return notes.length ? html`<span class="cmp-note">${notes.map((n) => html`<span>${n}</span>`)}</span>` : null;
}

/** A whole section on one side: its blocks stacked, facing one labelled gap. */
function sectionGapHtml(row: SectionRow, pairs: BlockRow[], m: CompareMessages): SafeHtml {
  const added = row.status === "added";
  const side = added ? "new" : "old";
  const cells = pairs.map((b) => {
    const runs = added ? b.right : b.left;
    return runs ? cellHtml(runs, side, b, m, b.kind) : null;
  });
  const stack = html`<div class="cmp-stack">${pairs.map((b) => coarseNoteHtml(b, m))}${cells}</div>`;
  const gap = html`<div class="cmp-cell cmp-gap cmp-gap-label">${added ? m.gapAdded : m.gapRemoved}</div>`;
  const a = attrs({ class: "cmp-sectiongap", "data-s": row.status });
  return html`<div${a}>${added ? [gap, stack] : [stack, gap]}</div>`;
}

/**
 * Where a row's "history" link goes (docs/decisions/0019-history.md): the section history page of the
 * policy (`base`, e.g. /p/acme/history), looked up at the newer version when the section is there,
 * else at the older one. Only for two versions of one policy.
 */
export interface HistoryLinks {
  base: string;
  oldAt: string;
  newAt: string;
}

function historyLinkHtml(row: SectionRow, h: HistoryLinks | null | undefined, m: CompareMessages): SafeHtml | null {
  if (!h || row.key === PREAMBLE_KEY) return null;
  const at = row.newLabel !== null || row.status !== "removed" ? h.newAt : h.oldAt;
  const href = `${h.base}/${encodeURIComponent(row.key)}?at=${encodeURIComponent(at)}`;
  // The name starts with the visible word (speech users say what they see); the title explains it.
  const label = `${m.historyLink}: ${row.newLabel ?? row.oldLabel ?? row.key}`;
  const a = attrs({ href, class: "cmp-icon-btn cmp-history", "aria-label": label, title: m.historyLabel });
  return html`<a${a} data-testid="row-history">${m.historyLink}</a>`;
}

/** One aligned section pair: a row with its head (status, notes, history and copy links) and its block pairs. */
export function sectionRowHtml(
  row: SectionRow,
  layout: Layout,
  fold: boolean,
  m: CompareMessages,
  topicNames?: TopicNames,
  history?: HistoryLinks | null,
): SafeHtml {
  const pairs = [row.heading, ...row.blocks].filter((b): b is BlockRow => b !== null);
  const body =
    row.status === "added" || row.status === "removed"
      ? sectionGapHtml(row, pairs, m)
      : joinHtml(pairs.map((b) => pairHtml(b, layout, m)));
  const preamble = row.key === PREAMBLE_KEY ? m.preamble : null;
  const copyLabel = `${m.copyLink}: ${row.newLabel ?? row.oldLabel ?? preamble ?? row.key}`;
  const copy = attrs({
    type: "button",
    class: "cmp-icon-btn",
    [COPY_ATTR]: row.key,
    "aria-label": copyLabel,
  });
  const badgeText = preamble ? `${m.status[row.status]} · ${preamble}` : m.status[row.status];
  const badge = html`<span${attrs({ class: "cmp-badge", "data-s": row.status })}>${badgeText}</span>`;
  const tags = topicTagsHtml(row, topicNames);
  const tools = html`<span class="cmp-row-tools">${historyLinkHtml(row, history, m)}<button${copy}>${m.copyLink}</button></span>`;
  const head = html`<div class="cmp-row-head">${badge}${notesHtml(row, m)}${tags}${tools}</div>`;
  const hint = html`<span class="cmp-fold-hint">${row.changed ? m.foldedChanged : m.folded}</span>`;
  const [oldSide, newSide] = [row.oldLabel ?? preamble ?? "", row.newLabel ?? preamble ?? ""];
  const summary = html`<summary><span>${oldSide}</span><span>${newSide} · ${hint}</span></summary>`;
  const folded = fold ? html`<details${attrs({ class: FOLD_CLASS })}>${summary}${body}</details>` : body;
  const a = attrs({
    id: row.key,
    class: ROW_CLASS,
    "data-s": row.status,
    "data-changed": String(row.changed),
    "data-depth": Math.min(row.depth, 4),
    "data-kind": row.changeKind ?? undefined,
    "data-topics": row.topics.length ? row.topics.join(" ") : undefined,
  });
  return html`<section${a}>${head}${folded}</section>`;
}

/**
 * The rows to show: folded when unchanged (and the preamble), unless only changes are shown; the kind
 * and topic filters (ADR 0020) drop rows (lib/view/build.ts visibleRows).
 */
export function rowsHtml(
  view: CompareView,
  layout: Layout,
  filter: boolean | RowFilter,
  m: CompareMessages,
  topicNames?: TopicNames,
  history?: HistoryLinks | null,
): SafeHtml {
  const f = rowFilter(filter);
  return joinHtml(
    visibleRows(view, f).map((row) =>
      sectionRowHtml(row, layout, row.key === PREAMBLE_KEY || (!row.changed && !f.changesOnly), m, topicNames, history),
    ),
  );
}

/** Topic id -> its name in the UI language (Messages["insight"]["topics"]). */
export type TopicNames = Readonly<Record<string, string>>;

/** A row's topics as tags (lib/insight); nothing without names or topics. */
function topicTagsHtml(row: SectionRow, names: TopicNames | undefined): SafeHtml {
  if (!names || !row.topics.length) return joinHtml([]);
  const tags = row.topics.map((id) => html`<li${attrs({ "data-topic": id })}>${names[id] ?? id}</li>`);
  return html`<ul class="cmp-topic-tags">${joinHtml(tags)}</ul>`;
}

/**
 * The outline's list items: a marker per status (its word for screen readers, a glyph by CSS) and the
 * label, as plain fragment links (no script needed to jump).
 */
export function outlineHtml(view: CompareView, filter: boolean | RowFilter, m: CompareMessages): SafeHtml {
  const f = rowFilter(filter);
  const entries = view.outline.filter((e) => rowShown(e, f));
  return joinHtml(entries.map((e) => outlineEntryHtml(e, m)));
}

/** One entry of the outline (a list item). */
export function outlineEntryHtml(e: OutlineEntry, m: CompareMessages): SafeHtml {
  const li = attrs({
    "data-changed": String(e.changed),
    // Indented by compare.css, not a style attribute: the page's CSP allows no inline styles.
    "data-depth": e.depth > 1 ? String(Math.min(e.depth, 5)) : undefined,
  });
  const status = m.status[e.status];
  const mark = html`<span${attrs({ class: "cmp-mark", "data-s": e.status, title: status })}>${status}</span>`;
  return html`<li${li}><a${attrs({ href: `#${e.key}` })}>${mark}${e.label || m.preamble}</a></li>`;
}

/** Rendered parts by view, messages (language) and options. Views are memoised per model upstream. */
const memo = new WeakMap<CompareView, WeakMap<CompareMessages, Map<string, SafeHtml>>>();

function remembered(view: CompareView, m: CompareMessages, key: string, render: () => SafeHtml): SafeHtml {
  let byLang = memo.get(view);
  if (!byLang) memo.set(view, (byLang = new WeakMap()));
  let byKey = byLang.get(m);
  if (!byKey) byLang.set(m, (byKey = new Map<string, SafeHtml>()));
  let rendered = byKey.get(key);
  if (rendered === undefined) byKey.set(key, (rendered = render()));
  return rendered;
}

/** rowsHtml, memoised: one model, layout, option set and language is rendered once per process. */
export function memoRowsHtml(
  view: CompareView,
  layout: Layout,
  filter: boolean | RowFilter,
  m: CompareMessages,
  topicNames?: TopicNames,
  history?: HistoryLinks | null,
): SafeHtml {
  const f = rowFilter(filter);
  const h = history ? `${history.base}|${history.oldAt}|${history.newAt}` : "";
  const key = `rows|${layout}|${f.changesOnly}|${f.changes ?? "all"}|${f.topic ?? ""}|${topicNames ? "tags" : ""}|${h}`;
  return remembered(view, m, key, () => rowsHtml(view, layout, f, m, topicNames, history));
}

/** outlineHtml, memoised likewise. */
export function memoOutlineHtml(view: CompareView, filter: boolean | RowFilter, m: CompareMessages): SafeHtml {
  const f = rowFilter(filter);
  return remembered(view, m, `outline|${f.changesOnly}|${f.changes ?? "all"}|${f.topic ?? ""}`, () =>
    outlineHtml(view, f, m),
  );
}
