/**
 * The work done in worker threads (lib/work/worker.ts runs these; tests call them directly): every
 * step whose cost grows with the documents. Inputs and outputs are plain data (structured clone).
 *
 *   compare        two texts -> the model's JSON (parse, align, diff); refused when the JSON is too large
 *   comparePage    a model's JSON -> one part of the compare page (lib/insight's annotations, view
 *                  model, rows and outline HTML)
 *   analyze        a model's JSON -> the API's answer: the model with lib/insight's annotations, as JSON
 *   feedEntry      a model's JSON -> what a feed entry says of it (counts, changed sections, excerpts)
 *   stepSummary    a model's JSON -> a history step's summary (lib/data/step-summary.ts), as JSON
 *   sectionRows    a model's JSON -> some of its rows as the compare view renders them (section history)
 *   documentPage   a text -> one part of the version page's HTML (parse, render)
 *   ingest         bytes or text -> clean text + metadata (decode, HTML to text, .docx)
 *   export         a model's JSON -> one export file (Word table, redline, CSV, Markdown) as bytes
 *
 * Each thread keeps the last few views and documents it built, so reading a long comparison part by
 * part parses its model once.
 */
import { compareDocuments } from "../compare/index.ts";
import type { CompareLimits, CompareModel, IgnoreOption } from "../compare/types.ts";
import { renderExport, type ExportFormat, type ExportScope, type ExportSide } from "../export/index.ts";
import { getMessages, type Locale } from "../i18n/index.ts";
import {
  ingestFile,
  ingestText,
  type IngestBytesOptions,
  type IngestResult,
  type IngestTextOptions,
} from "../ingest/index.ts";
import { summariseModel } from "../data/step-summary.ts";
import { feedChanges } from "../feed/changes.ts";
import { analyzeChanges, type InsightModel } from "../insight/index.ts";
import { parseDocument } from "../parse/index.ts";
import type { SectionNode } from "../parse/types.ts";
import { buildCompareView } from "../view/build.ts";
import {
  documentPage,
  documentParts,
  plainDocumentParts,
  type DocumentHistory,
  type DocumentPage,
  type DocumentParts,
} from "../view/document.ts";
import { sectionRowHtml, type HistoryLinks } from "../view/html.ts";
import { comparePage, packRows, type ComparePage, type PackedRows } from "../view/parts.ts";
import { joinHtml, transferHtml, type TransferredHtml } from "../view/safe-html.ts";
import type { CompareView, Layout, RowFilter } from "../view/types.ts";
import { SizedLru } from "./lru.ts";

/** The model would be larger than the server accepts for one comparison. */
export class CompareTooLargeError extends Error {
  readonly code = "too_large";
  constructor(message: string) {
    super(message);
    this.name = "CompareTooLargeError";
  }
}

export interface CompareInput {
  oldText: string;
  newText: string;
  ignore: IgnoreOption[];
  limits: CompareLimits;
  maxModelChars: number;
}

export function compareTask(input: CompareInput): { json: string } {
  const model = compareDocuments(parseDocument(input.oldText), parseDocument(input.newText), {
    ignore: input.ignore,
    limits: input.limits,
  });
  const json = JSON.stringify(model);
  if (json.length > input.maxModelChars)
    throw new CompareTooLargeError(
      `The comparison's model has ${json.length} characters; the limit is ${input.maxModelChars}.`,
    );
  return { json };
}

export interface ComparePageInput {
  /** The model's cache key: names the model, so a thread can reuse what it built from it. */
  key: string;
  json: string;
  layout: Layout;
  filter: RowFilter;
  /** Where the rows' history links go (two versions of one policy), or null. */
  history: HistoryLinks | null;
  locale: Locale;
  /** 0-based. */
  part: number;
  query: string;
  partBytes: number;
  partRows: number;
  coarseShowChars: number;
  /** Models larger than this (JSON characters) are not annotated by lib/insight. */
  insightMaxChars: number;
}

/**
 * Models, annotated by lib/insight in one language (its digest is worded in it), and their views, by
 * model key and language, with packed rows by layout and filter: the last few, so that reading a long
 * comparison part by part parses it once (sized at three times the model's JSON, at most 8; a parsed
 * model and its rows take several times their JSON, and the thread's heap is bounded).
 */
const views = new SizedLru<{
  model: CompareModel | InsightModel;
  view: CompareView;
  packed: Map<string, PackedRows>;
}>(32 * 1024 * 1024, 8);

/** The model (annotated in `locale`, or as the engine made it when null) and its view. */
function viewOf(key: string, json: string, wanted: Locale | null, coarseShowChars: number, insightMaxChars = Infinity) {
  const locale = json.length <= insightMaxChars ? wanted : null;
  const cacheKey = `${key}|${locale ?? "plain"}`;
  let entry = views.get(cacheKey);
  if (!entry) {
    const plain = JSON.parse(json) as CompareModel;
    const model = locale ? analyzeChanges(plain, locale) : plain;
    entry = { model, view: buildCompareView({ model, coarseShowChars }), packed: new Map() };
    views.set(cacheKey, entry, json.length * 3);
  }
  return entry;
}

export function comparePageTask(input: ComparePageInput): ComparePage {
  const entry = viewOf(input.key, input.json, input.locale, input.coarseShowChars, input.insightMaxChars);
  const messages = getMessages(input.locale);
  const m = messages.compare;
  const f = input.filter;
  const h = input.history;
  const packKey = `${input.layout}|${f.changesOnly}|${f.changes ?? "all"}|${f.topic ?? ""}|${h ? `${h.base}|${h.oldAt}|${h.newAt}` : ""}`;
  let packed = entry.packed.get(packKey);
  const o = { ...input, topicNames: messages.insight.topics };
  if (!packed) {
    packed = packRows(entry.view, m, o);
    entry.packed.set(packKey, packed);
  }
  return comparePage(entry.view, packed, m, o);
}

/** The API's answer for a model: lib/insight's annotations added (ADR 0020), as JSON; a model over the size bound as it is. */
export function analyzeTask(input: { key: string; json: string; locale: Locale; insightMaxChars: number }): string {
  if (input.json.length > input.insightMaxChars) return input.json;
  return JSON.stringify(analyzeChanges(JSON.parse(input.json) as CompareModel, input.locale));
}

/** What a feed entry says of a model (lib/feed): the counts and the first changed sections with excerpts. */
export function feedEntryTask(input: { key: string; json: string; sections: number; excerptChars: number }) {
  const view = buildCompareView({ model: JSON.parse(input.json) as CompareModel });
  return feedChanges(view, input.sections, input.excerptChars);
}

/** Some rows of a model (by section pair key), as the compare view renders them, side by side and open. */
export function sectionRowsTask(input: { key: string; json: string; keys: string[]; locale: Locale }): TransferredHtml {
  const { view } = viewOf(input.key, input.json, null, 20_000);
  const m = getMessages(input.locale).compare;
  const rows = view.rows.filter((r) => input.keys.includes(r.key));
  return transferHtml(joinHtml(rows.map((r) => sectionRowHtml(r, "split", false, m))));
}

/** A history step's summary of a model, as JSON (lib/data/steps.ts stores it). */
export function stepSummaryTask(input: { json: string; engine: string }): string {
  return JSON.stringify(summariseModel(JSON.parse(input.json) as CompareModel, input.engine));
}

/** Sections of a text, all levels (a feed's first entry, when the stored count is missing). */
export function sectionCountTask(input: { text: string }): number {
  const count = (list: readonly SectionNode[]): number => list.reduce((n, s) => n + 1 + count(s.children), 0);
  return count(parseDocument(input.text).sections);
}

export interface DocumentPageInput {
  /** Names the text (its content hash and length): a thread reuses the parts it rendered from it. */
  key: string;
  text: string;
  locale: Locale;
  /** A "history" link after each section heading (docs/decisions/0019-history.md), hrefs by section id. */
  history?: DocumentHistory;
  /** 0-based. */
  part: number;
  partBytes: number;
  /** Above either, the text is shown as plain paragraphs, without the parser. */
  plainTextChars: number;
  plainTextLines: number;
}

function lineCountOver(text: string, max: number): boolean {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) if (++n > max) return true;
  return false;
}

const documents = new SizedLru<DocumentParts>(16 * 1024 * 1024, 8);

export function documentPageTask(input: DocumentPageInput): DocumentPage {
  const h = input.history;
  const historyKey = h ? `${h.label}|${h.title}|${JSON.stringify(h.hrefs)}` : "";
  const cacheKey = `${input.key}|${input.locale}|${input.partBytes}|${historyKey}`;
  let parts = documents.get(cacheKey);
  if (!parts) {
    const plain = input.text.length > input.plainTextChars || lineCountOver(input.text, input.plainTextLines);
    parts = plain
      ? plainDocumentParts(input.text, { partBytes: input.partBytes })
      : documentParts(parseDocument(input.text), {
          partBytes: input.partBytes,
          metadataLabel: getMessages(input.locale).version.metadata,
          ...(h ? { history: h } : {}),
        });
    documents.set(cacheKey, parts, input.text.length * 2);
  }
  return documentPage(parts, input.part);
}

export interface ExportTaskInput {
  /** The model's cache key and JSON, as for comparePage. */
  key: string;
  json: string;
  format: ExportFormat;
  from: ExportSide;
  to: ExportSide;
  ignore: IgnoreOption[];
  scope: ExportScope;
  locale: Locale;
  compareUrl: string;
  coarseShowChars: number;
}

export interface ExportTaskOutput {
  contentType: string;
  filename: string;
  asciiFilename: string;
  bytes: Uint8Array;
}

/** Every chunk of a stream, as one array. */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks.push(r.value);
    size += r.value.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** One export of a model (lib/export), whole: a stream cannot cross the thread boundary. */
export async function exportTask(input: ExportTaskInput): Promise<ExportTaskOutput> {
  // As the exports were made before (ADR 0015): from the engine's model, without lib/insight's notes.
  const { model, view } = viewOf(input.key, input.json, null, input.coarseShowChars);
  const { format, from, to, ignore, scope, locale, compareUrl } = input;
  const file = await renderExport(format, { model, view, from, to, ignore, scope, locale, compareUrl });
  const bytes = file.body instanceof Uint8Array ? file.body : await readAll(file.body);
  return { contentType: file.contentType, filename: file.filename, asciiFilename: file.asciiFilename, bytes };
}

export type IngestInput =
  | { kind: "text"; text: string; options: IngestTextOptions }
  | { kind: "bytes"; bytes: Uint8Array; options: IngestBytesOptions };

export function ingestTask(input: IngestInput): Promise<IngestResult> {
  return input.kind === "text"
    ? Promise.resolve(ingestText(input.text, input.options))
    : ingestFile(input.bytes, input.options);
}

/** The tasks by name (lib/work/worker.ts dispatches on it). */
export const TASKS = {
  compare: compareTask,
  comparePage: comparePageTask,
  documentPage: documentPageTask,
  ingest: ingestTask,
  export: exportTask,
  analyze: analyzeTask,
  feedEntry: feedEntryTask,
  sectionCount: sectionCountTask,
  stepSummary: stepSummaryTask,
  sectionRows: sectionRowsTask,
} satisfies Record<string, (input: never) => unknown>;

export type TaskKind = keyof typeof TASKS;
export type TaskInput<K extends TaskKind> = Parameters<(typeof TASKS)[K]>[0];
export type TaskOutput<K extends TaskKind> = Awaited<ReturnType<(typeof TASKS)[K]>>;
