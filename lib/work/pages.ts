/**
 * The pages' share of the work: one part of a compare page from a model, one part of a version page
 * from a text, rendered in a worker thread and kept in this process's memory (bounded by size), so a
 * page seen before costs no thread at all, and a flood of uncached work never delays it.
 *
 *   comparePart(result, {layout, filter, locale, part, query})        // render lane
 *   analyzedModel(result, locale)                                     // render lane: the API's JSON
 *   documentPart(version, {locale, part}, requester)                  // render lane; large texts: large
 *                                                                     // lane, admission-controlled
 */
import type { Locale } from "../i18n/index.ts";
import type { DocumentHistory, DocumentPage } from "../view/document.ts";
import type { ComparePage } from "../view/parts.ts";
import type { HistoryLinks } from "../view/html.ts";
import type { Layout, RowFilter } from "../view/types.ts";
import { work, type Work } from "./index.ts";
import { processWide, SizedLru } from "./lru.ts";

export interface ComparePartRequest {
  layout: Layout;
  filter: RowFilter;
  /** Where the rows' history links go (two versions of one policy), or null. */
  history: HistoryLinks | null;
  locale: Locale;
  /** 0-based. */
  part: number;
  /** The page's query without `part` ("" or "?…"). */
  query: string;
}

/** Rendered parts (HTML strings) of recent pages, by model key or text and options. */
const compareParts = processWide("page-compare-parts", () => new SizedLru<ComparePage>(16 * 1024 * 1024));
const documentParts = processWide("page-document-parts", () => new SizedLru<DocumentPage>(16 * 1024 * 1024));
/** The API's annotated models (lib/insight), by model key and language. */
const analyzed = processWide("api-analyzed-models", () => new SizedLru<string>(16 * 1024 * 1024));
/** Renders under way, by the same keys: concurrent views of one part share one. */
const rendering = processWide("page-rendering", () => new Map<string, Promise<unknown>>());

function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  const pending = rendering.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const run = make().finally(() => rendering.delete(key));
  rendering.set(key, run);
  return run;
}

/** One part of the compare page for a model (`key` and `json` from lib/data/compare's getCompareModel). */
export async function comparePart(
  model: { key: string; json: string },
  o: ComparePartRequest,
  lanes: Work = work(),
): Promise<ComparePage> {
  const f = o.filter;
  const h = o.history ? `${o.history.base}|${o.history.oldAt}|${o.history.newAt}` : "";
  const key = `${model.key}|${o.layout}|${f.changesOnly}|${f.changes ?? "all"}|${f.topic ?? ""}|${h}|${o.locale}|${o.part}|${o.query}`;
  const hit = compareParts.get(key);
  if (hit) return hit;
  return once(key, async () => {
    const b = lanes.budgets;
    const page = await lanes.run("render", "comparePage", {
      key: model.key,
      json: model.json,
      ...o,
      partBytes: b.partBytes,
      partRows: b.partRows,
      coarseShowChars: b.coarseShowChars,
      insightMaxChars: b.insightMaxChars,
    });
    compareParts.set(key, page, page.rowsHtml.markup.length + page.outlineHtml.markup.length);
    return page;
  });
}

/** The model with lib/insight's annotations in one language, as the API sends it (JSON). */
export async function analyzedModel(
  model: { key: string; json: string },
  locale: Locale,
  lanes: Work = work(),
): Promise<string> {
  const key = `${model.key}|${locale}`;
  const hit = analyzed.get(key);
  if (hit !== undefined) return hit;
  return once(`analyze|${key}`, async () => {
    const json = await lanes.run(lanes.laneFor(model.json.length, "render"), "analyze", {
      key: model.key,
      json: model.json,
      locale,
      insightMaxChars: lanes.budgets.insightMaxChars,
    });
    analyzed.set(key, json, json.length);
    return json;
  });
}

export interface VersionText {
  id: string;
  contentHash: string;
  text: string;
}

/**
 * One part of a version's text as HTML. Texts from budgets.largeInputChars on are parsed in the large
 * lane, under admission (BusyError beyond it); others in the render lane.
 */
export async function documentPart(
  v: VersionText,
  o: { locale: Locale; part: number; history?: DocumentHistory },
  requester: string,
  lanes: Work = work(),
): Promise<DocumentPage> {
  const textKey = `${v.id}:${v.contentHash}:${v.text.length}`;
  const h = o.history;
  const key = `${textKey}|${o.locale}|${o.part}|${h ? `${h.label}|${h.title}|${JSON.stringify(h.hrefs)}` : ""}`;
  const hit = documentParts.get(key);
  if (hit) return hit;
  return once(key, async () => {
    const b = lanes.budgets;
    const input = {
      key: textKey,
      text: v.text,
      locale: o.locale,
      part: o.part,
      partBytes: b.partBytes,
      plainTextChars: b.plainTextChars,
      plainTextLines: b.plainTextLines,
      ...(h ? { history: h } : {}),
    };
    const lane = lanes.laneFor(v.text.length, "render");
    const page =
      lane === "render"
        ? await lanes.run("render", "documentPage", input)
        : await lanes.admission.run(lane, requester, () => lanes.run(lane, "documentPage", input));
    documentParts.set(key, page, page.html.markup.length);
    return page;
  });
}
