/**
 * Where a new version's text comes from -> one prepared document (clean text, detected metadata,
 * content hash). Pasted text, an uploaded file or a URL all end up the same way, through lib/ingest.
 * Framework-free; no database.
 */
import {
  contentHash,
  ingestFile,
  ingestText,
  type IngestBytesOptions,
  type IngestFormat,
  type IngestResult,
  type IngestTextOptions,
} from "../ingest/index.ts";
import type { IngestWarning } from "../ingest/index.ts";
import { parseDate } from "../ingest/metadata.ts";
import { fetchDocument, type FetchOptions } from "../ingest/fetch.ts";
import { config } from "../config.ts";

export type DocumentSource =
  | { kind: "text"; text: string; format?: "text" | "markdown" | "html"; fileName?: string }
  | { kind: "file"; bytes: Uint8Array; fileName: string; contentType?: string }
  | { kind: "url"; url: string };

export interface PreparedDocument {
  text: string;
  format: IngestFormat;
  encoding: string;
  metadata: IngestResult["metadata"];
  warnings: IngestWarning[];
  contentHash: string;
  /** The URL fetched (after redirects), for a URL source. */
  sourceUrl: string | null;
  fileName: string | null;
  /** A date found in the file name (e.g. 2022-02-11.txt; for a URL, its Content-Disposition or last path segment). */
  fileNameDate: string | null;
}

/**
 * Who runs lib/ingest (decoding, HTML to text, .docx): in this thread by default; the app passes a
 * runner that uses a worker thread (lib/work `ingestInWorker`), so a pathological HTML page never
 * blocks the server.
 */
export interface IngestRunner {
  text(text: string, options: IngestTextOptions): Promise<IngestResult>;
  bytes(bytes: Uint8Array, options: IngestBytesOptions): Promise<IngestResult>;
}

export const ingestInProcess: IngestRunner = {
  text: (text, options) => Promise.resolve(ingestText(text, options)),
  bytes: (bytes, options) => ingestFile(bytes, options),
};

/** The first date written in a file name: 2022-02-11, 2022_02_11, 20220211, 2022.2.11. */
export function dateFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  for (const m of base.matchAll(/(?<!\d)(\d{4})[-_.]?(\d{1,2})[-_.]?(\d{1,2})(?!\d)/g)) {
    const date = parseDate(`${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`);
    if (date) return date;
  }
  return null;
}

/** Reads, decodes and cleans one document. Throws IngestError or FetchError with a readable message. */
export async function prepareDocument(
  source: DocumentSource,
  options: { fetch?: FetchOptions; ingest?: IngestRunner } = {},
): Promise<PreparedDocument> {
  const ingest = options.ingest ?? ingestInProcess;
  let result: IngestResult;
  let sourceUrl: string | null = null;
  let fileName: string | null = null;
  switch (source.kind) {
    case "text":
      result = await ingest.text(source.text, {
        ...(source.format ? { format: source.format } : {}),
        ...(source.fileName ? { fileName: source.fileName } : {}),
      });
      fileName = source.fileName ?? null;
      break;
    case "file":
      result = await ingest.bytes(source.bytes, {
        fileName: source.fileName,
        ...(source.contentType ? { contentType: source.contentType } : {}),
      });
      fileName = source.fileName;
      break;
    case "url": {
      const fetched = await fetchDocument(source.url, { allowHosts: config().fetchAllowHosts, ...options.fetch });
      // The server's content type decides the format (a URL's last segment is rarely a file name).
      result = await ingest.bytes(fetched.bytes, {
        contentType: fetched.charset ? `${fetched.mediaType}; charset=${fetched.charset}` : fetched.mediaType,
      });
      sourceUrl = fetched.finalUrl;
      fileName = fetched.filename ?? null; // for the date fallback only (e.g. .../2022-02-11.html)
      break;
    }
  }
  return {
    text: result.text,
    format: result.format,
    encoding: result.encoding,
    metadata: result.metadata,
    warnings: result.warnings,
    contentHash: contentHash(result.text),
    sourceUrl,
    fileName,
    fileNameDate: fileName ? dateFromFileName(fileName) : null,
  };
}
