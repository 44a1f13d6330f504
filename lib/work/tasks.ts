/**
 * The work done in worker threads (lib/work/worker.ts runs these; tests call them directly): every
 * step whose cost grows with the documents. Inputs and outputs are plain data (structured clone).
 *
 *   compare        two texts -> the model's JSON (parse, align, diff); refused when the JSON is too large
 *   comparePage    a model's JSON -> one part of the compare page (view model, rows and outline HTML)
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
import { parseDocument } from "../parse/index.ts";
import { buildCompareView } from "../view/build.ts";
import {
  documentPage,
  documentParts,
  plainDocumentParts,
  type DocumentPage,
  type DocumentParts,
} from "../view/document.ts";
import { comparePage, packRows, type ComparePage, type PackedRows } from "../view/parts.ts";
import type { CompareView, Layout } from "../view/types.ts";
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
  changesOnly: boolean;
  locale: Locale;
  /** 0-based. */
  part: number;
  query: string;
  partBytes: number;
  partRows: number;
  coarseShowChars: number;
}

/**
 * Models and their views by model key, with packed rows by layout, options and language (sized at
 * three times the model's JSON: the parsed model, the view and the rows).
 */
const views = new SizedLru<{ model: CompareModel; view: CompareView; packed: Map<string, PackedRows> }>(
  96 * 1024 * 1024,
);

function viewOf(key: string, json: string, coarseShowChars: number) {
  let entry = views.get(key);
  if (!entry) {
    const model = JSON.parse(json) as CompareModel;
    entry = { model, view: buildCompareView({ model, coarseShowChars }), packed: new Map() };
    views.set(key, entry, json.length * 3);
  }
  return entry;
}

export function comparePageTask(input: ComparePageInput): ComparePage {
  const entry = viewOf(input.key, input.json, input.coarseShowChars);
  const m = getMessages(input.locale).compare;
  const packKey = `${input.layout}|${input.changesOnly}|${input.locale}`;
  let packed = entry.packed.get(packKey);
  if (!packed) {
    packed = packRows(entry.view, m, input);
    entry.packed.set(packKey, packed);
  }
  return comparePage(entry.view, packed, m, input);
}

export interface DocumentPageInput {
  /** Names the text (its content hash and length): a thread reuses the parts it rendered from it. */
  key: string;
  text: string;
  locale: Locale;
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

const documents = new SizedLru<DocumentParts>(32 * 1024 * 1024);

export function documentPageTask(input: DocumentPageInput): DocumentPage {
  const cacheKey = `${input.key}|${input.locale}|${input.partBytes}`;
  let parts = documents.get(cacheKey);
  if (!parts) {
    const plain = input.text.length > input.plainTextChars || lineCountOver(input.text, input.plainTextLines);
    parts = plain
      ? plainDocumentParts(input.text, { partBytes: input.partBytes })
      : documentParts(parseDocument(input.text), {
          partBytes: input.partBytes,
          metadataLabel: getMessages(input.locale).version.metadata,
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
  const { model, view } = viewOf(input.key, input.json, input.coarseShowChars);
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
} satisfies Record<string, (input: never) => unknown>;

export type TaskKind = keyof typeof TASKS;
export type TaskInput<K extends TaskKind> = Parameters<(typeof TASKS)[K]>[0];
export type TaskOutput<K extends TaskKind> = Awaited<ReturnType<(typeof TASKS)[K]>>;
