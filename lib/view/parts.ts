/**
 * The compare page in parts: a comparison with thousands of sections, or megabytes of text, is shown
 * one part at a time (`?part=N`, 1-based in the URL), each part at most `partBytes` of row HTML and
 * `partRows` rows, so no page is larger than a couple of megabytes whatever the documents.
 *
 *   rows (shown by the filters) -> each row's HTML (lib/view/html.ts) -> packed into parts in order
 *   -> the requested part: its rows, its outline entries, its change stops, and the list of parts
 *
 * A link to a section in another part (moved from/to, same split) points at that part's URL. Small
 * comparisons have one part and pages look exactly as before. Framework-free; the HTML is SafeHtml,
 * handed over as TransferredHtml (it is made in a worker thread, lib/work).
 */
import type { Messages } from "../i18n/index.ts";
import { TOPIC_IDS } from "../insight/index.ts";
import { PREAMBLE_KEY, rowFilter, rowShown, visibleRows } from "./build.ts";
import { outlineEntryHtml, sectionRowHtml, type HistoryLinks, type TopicNames } from "./html.ts";
import { joinHtml, transferHtml, type SafeHtml, type TransferredHtml } from "./safe-html.ts";
import type { BlockRow, CompareView, Layout, RowFilter, SectionLink, SectionRow, ViewSummary } from "./types.ts";

type CompareMessages = Messages["compare"];

export interface PartInfo {
  /** Label of the part's first row. */
  label: string;
  /** Changed rows in the part. */
  changed: number;
}

export interface ComparePage {
  summary: ViewSummary;
  /** 0-based index of the part shown (the requested one, clamped). */
  part: number;
  parts: PartInfo[];
  rowsHtml: TransferredHtml;
  outlineHtml: TransferredHtml;
  /** Keys of the changed rows of this part, in order (the stops of next/previous change). */
  changeKeys: string[];
  /** Rows holding a section too large to compare word by word, in the whole comparison. */
  coarseRows: number;
  /** The change digest (lib/insight), when the model was annotated. */
  digest?: CompareView["digest"];
  /** The topics some row of the whole comparison is about, in TOPIC_IDS order (the topic filter's choices). */
  topics: (typeof TOPIC_IDS)[number][];
}

export interface PartOptions {
  layout: Layout;
  filter: RowFilter;
  /** Topic names for the rows' tags (lib/insight), in the UI language; none: no tags. */
  topicNames?: TopicNames;
  /** Where the rows' history links go (two versions of one policy); none: no links. */
  history?: HistoryLinks | null;
  /** 0-based. */
  part: number;
  /** The page's query without `part` ("" or "?…"), for links to other parts. */
  query: string;
  partBytes: number;
  partRows: number;
}

/** Rendered rows of one view, layout, filter and language, packed into parts (memoised by the caller). */
export interface PackedRows {
  rows: SectionRow[];
  html: SafeHtml[];
  /** Index of the first row of each part. */
  starts: number[];
}

function fold(row: SectionRow, f: RowFilter): boolean {
  return row.key === PREAMBLE_KEY || (!row.changed && !f.changesOnly);
}

/** Renders every shown row once and packs them into parts. */
export function packRows(view: CompareView, m: CompareMessages, o: Omit<PartOptions, "part" | "query">): PackedRows {
  const f = rowFilter(o.filter);
  const rows = visibleRows(view, f);
  const packed: PackedRows = { rows, html: [], starts: [] };
  let bytes = 0;
  rows.forEach((row, i) => {
    const h = sectionRowHtml(row, o.layout, fold(row, f), m, o.topicNames, o.history);
    const size = Buffer.byteLength(h.toString());
    const first = packed.starts[packed.starts.length - 1] ?? 0;
    if (!packed.starts.length || (bytes + size > o.partBytes && i > first) || i - first >= o.partRows) {
      packed.starts.push(i);
      bytes = 0;
    }
    bytes += size;
    packed.html.push(h);
  });
  if (!packed.starts.length) packed.starts.push(0);
  return packed;
}

/** The URL (query and fragment) of a row in part `part` (0-based). */
export function partHref(query: string, part: number, key?: string): string {
  const q = part > 0 ? `${query}${query ? "&" : "?"}part=${part + 1}` : query;
  return `${q || "?"}${key ? `#${key}` : ""}`;
}

/** A row whose links to rows of other parts carry those parts' URLs (null: no such link). */
function relinked(row: SectionRow, hrefOf: (key: string) => string | null): SectionRow | null {
  let changed = false;
  const link = <T extends SectionLink | null | undefined>(l: T): T => {
    const href = l ? hrefOf(l.key) : null;
    if (!l || !href) return l;
    changed = true;
    return { ...l, href };
  };
  const block = (b: BlockRow | null): BlockRow | null =>
    b && (b.movedFrom || b.movedTo) ? { ...b, movedFrom: link(b.movedFrom), movedTo: link(b.movedTo) } : b;
  const out: SectionRow = {
    ...row,
    movedFrom: link(row.movedFrom),
    movedAway: row.movedAway.map(link),
    related: row.related.map(link),
    heading: block(row.heading),
    blocks: row.blocks.map((b) => block(b)!),
  };
  return changed ? out : null;
}

/** One part of the page, from rows packed by `packRows`. */
export function comparePage(view: CompareView, packed: PackedRows, m: CompareMessages, o: PartOptions): ComparePage {
  const f = rowFilter(o.filter);
  const count = packed.starts.length;
  const part = Math.min(Math.max(0, o.part), count - 1);
  const from = packed.starts[part]!;
  const to = packed.starts[part + 1] ?? packed.rows.length;
  const partOf = new Map<string, number>();
  for (let p = 0; p < count; p++)
    for (let i = packed.starts[p]!; i < (packed.starts[p + 1] ?? packed.rows.length); i++)
      partOf.set(packed.rows[i]!.key, p);
  const hrefOf = (key: string) => {
    const p = partOf.get(key);
    return p === undefined || p === part ? null : partHref(o.query, p, key);
  };
  // Rows linking to rows of other parts are rendered again with those parts' URLs; the rest as packed.
  const rowsHtml: SafeHtml[] = [];
  for (let i = from; i < to; i++) {
    const row = count > 1 ? relinked(packed.rows[i]!, hrefOf) : null;
    rowsHtml.push(row ? sectionRowHtml(row, o.layout, fold(row, f), m, o.topicNames, o.history) : packed.html[i]!);
  }
  const keys = new Set(packed.rows.slice(from, to).map((r) => r.key));
  const entries = view.outline.filter((e) => keys.has(e.key) && rowShown(e, f));
  const parts: PartInfo[] = packed.starts.map((start, p) => {
    const end = packed.starts[p + 1] ?? packed.rows.length;
    let changed = 0;
    for (let i = start; i < end; i++) if (packed.rows[i]!.changed) changed++;
    const first = packed.rows[start];
    const label = !first
      ? ""
      : first.key === PREAMBLE_KEY
        ? m.preamble
        : (first.newLabel ?? first.oldLabel ?? first.key);
    return { label, changed };
  });
  const changeKeys: string[] = [];
  for (let i = from; i < to; i++) if (packed.rows[i]!.changed) changeKeys.push(packed.rows[i]!.key);
  return {
    summary: view.summary,
    part,
    parts,
    rowsHtml: transferHtml(joinHtml(rowsHtml)),
    outlineHtml: transferHtml(joinHtml(entries.map((e) => outlineEntryHtml(e, m)))),
    changeKeys,
    coarseRows: view.coarseRows,
    ...(view.digest ? { digest: view.digest } : {}),
    topics: TOPIC_IDS.filter((id) => view.rows.some((r) => r.topics.includes(id))),
  };
}
