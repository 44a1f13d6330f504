/**
 * Ingest: bytes or pasted text -> clean text + metadata, ready for lib/parse.
 *
 *   ingestBytes(bytes, {fileName, contentType})   decode (UTF-8/UTF-16/GB18030), convert HTML, detect metadata
 *   ingestText(text, {fileName, format})          the same from a string (pasted text)
 *   ingestFile(bytes, opts)                       async; also reads .docx (mammoth)
 *
 * The returned text is what gets stored and parsed: line breaks are "\n", a BOM is removed, HTML and
 * .docx are converted to text (see html.ts for the rules). Markdown and plain text keep every other
 * character, front matter and archive blocks included (the parser marks them as `meta`).
 * Refusals throw IngestError with a code and a message meant for a person.
 */
import type { DocumentMetadata } from "./types.ts";
import { INGEST_CONFIG } from "./config.ts";
import { decodeBytes, isZip, sniffBinaryFormat } from "./decode.ts";
import { IngestError } from "./errors.ts";
import { htmlToText } from "./html.ts";
import { extractMetadata } from "./metadata.ts";

export { IngestError, type IngestErrorCode } from "./errors.ts";
export { extractMetadata, scanMetadata, parseDate, titleWithoutDate } from "./metadata.ts";
export { contentHash } from "./hash.ts";
export { htmlToText } from "./html.ts";
export { INGEST_CONFIG } from "./config.ts";

export type IngestFormat = "text" | "markdown" | "html" | "docx";

export interface IngestResult {
  text: string;
  format: IngestFormat;
  /** The encoding the bytes were decoded from ("utf-8", "utf-16le", "utf-16be", "gb18030", ...). */
  encoding: string;
  metadata: DocumentMetadata;
  /** Things a person may want to know (e.g. "decoded as GB18030"); never fatal. */
  warnings: IngestWarning[];
}

/**
 * A note on how a document was read, as a code and its values: the UI says it in the reader's
 * language (lib/i18n importer.warnings), the engine in none.
 */
export type IngestWarning =
  /** Bytes that were not UTF-8, decoded from `encoding` (upper case, e.g. GB18030). */
  | { code: "decoded_as"; encoding: string }
  /** A file type not recognised (`declared`: its name or content type), read as `format`. */
  | { code: "unknown_type"; declared: string; format: string }
  /** Part of a .docx that could not be converted. */
  | { code: "docx_unconverted" };

export interface IngestBytesOptions {
  fileName?: string;
  contentType?: string;
  /** Size limit in bytes; default INGEST_CONFIG.maxBytes (5 MB). */
  maxBytes?: number;
}

export interface IngestTextOptions {
  fileName?: string;
  format?: "text" | "markdown" | "html";
  /** Size limit in UTF-8 bytes; default INGEST_CONFIG.maxBytes (5 MB). */
  maxBytes?: number;
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function extension(fileName: string | undefined): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName ?? "");
  return (m?.[1] ?? "").toLowerCase();
}

function declaredFormat(fileName?: string, contentType?: string): IngestFormat | "other" | null {
  const ext = extension(fileName);
  if (ext === "html" || ext === "htm" || ext === "xhtml") return "html";
  if (ext === "md" || ext === "markdown") return "markdown";
  if (ext === "txt" || ext === "text") return "text";
  if (ext === "docx") return "docx";
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/markdown" || type === "text/x-markdown") return "markdown";
  if (type === "text/plain") return "text";
  if (type === DOCX_TYPE) return "docx";
  if (ext || type) return "other";
  return null;
}

/** HTML or markdown by content when nothing says which. */
function sniffFormat(text: string): "text" | "markdown" | "html" {
  const head = text.slice(0, 4096);
  if (/^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(head)) return "html";
  const tags = head.match(
    /<\/?(?:p|div|br|span|h[1-6]|li|ul|ol|table|tr|td|strong|b|body|head|meta|section)\b[^>]*>/gi,
  );
  if (tags && tags.length >= 3) return "html";
  if (/^---\s*\n[\s\S]*?\n---\s*$/m.test(head) && head.trimStart().startsWith("---")) return "markdown";
  if (/^#{1,6}\s+\S/m.test(head) || /^\S.*\n(?:={3,}|-{3,})\s*$/m.test(head) || /^!!!\s+\w+/m.test(head))
    return "markdown";
  return "text";
}

function cleanLineBreaks(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

function assertSize(size: number, maxBytes: number): void {
  if (size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new IngestError("too-large", `The document is ${mb(size)}; the limit is ${mb(maxBytes)}.`);
  }
}

function assertNotEmpty(text: string, what: string): void {
  if (text.replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]/g, "") === "") {
    throw new IngestError("empty", `${what} is empty: there is no text to read.`);
  }
}

/** Text (already decoded) -> IngestResult. */
function fromText(
  raw: string,
  format: "text" | "markdown" | "html",
  encoding: string,
  warnings: IngestWarning[],
): IngestResult {
  let text = cleanLineBreaks(raw);
  let htmlTitle: string | null = null;
  if (format === "html") {
    const converted = htmlToText(text);
    text = converted.text;
    htmlTitle = converted.title;
    assertNotEmpty(text, "The HTML page has no visible text; it");
  } else {
    assertNotEmpty(text, "The document");
  }
  const metadata = extractMetadata(text);
  if (metadata.title === null && htmlTitle) metadata.title = htmlTitle;
  return { text, format, encoding, metadata, warnings };
}

/** Decode and convert a file's bytes. Synchronous; a .docx needs `ingestFile`. */
export function ingestBytes(bytes: Uint8Array, opts: IngestBytesOptions = {}): IngestResult {
  assertSize(bytes.length, opts.maxBytes ?? INGEST_CONFIG.maxBytes);
  if (bytes.length === 0) throw new IngestError("empty", "The file is empty (0 bytes).");
  const declared = declaredFormat(opts.fileName, opts.contentType);
  if (declared === "docx" || (isZip(bytes) && extension(opts.fileName) === "docx")) {
    throw new IngestError("unsupported", "A .docx file must be read with ingestFile (asynchronous).");
  }
  const binary = sniffBinaryFormat(bytes);
  if (binary) {
    throw new IngestError(
      "binary",
      `The file is a ${binary} file, not text. Supported: .txt, .md, .html${declared === "other" ? "" : ", .docx"}.`,
    );
  }
  const decoded = decodeBytes(bytes, opts.contentType);
  const warnings: IngestWarning[] = [];
  if (decoded.encoding !== "utf-8") warnings.push({ code: "decoded_as", encoding: decoded.encoding.toUpperCase() });
  const format = declared === null || declared === "other" ? sniffFormat(decoded.text) : declared;
  if (declared === "other")
    warnings.push({ code: "unknown_type", declared: opts.fileName ?? opts.contentType ?? "", format });
  return fromText(decoded.text, format, decoded.encoding, warnings);
}

/** Pasted or already-decoded text. */
export function ingestText(text: string, opts: IngestTextOptions = {}): IngestResult {
  assertSize(Buffer.byteLength(text, "utf8"), opts.maxBytes ?? INGEST_CONFIG.maxBytes);
  if (text.length === 0) throw new IngestError("empty", "The text is empty.");
  if (text.includes("\u0000")) throw new IngestError("binary", "The text contains NUL characters; it looks binary.");
  const declared = opts.format ?? declaredFormat(opts.fileName);
  const format = declared === null || declared === "other" || declared === "docx" ? sniffFormat(text) : declared;
  return fromText(text, format, "utf-8", []);
}

/** Like ingestBytes, and also reads .docx through mammoth (its HTML then goes through htmlToText). */
export async function ingestFile(bytes: Uint8Array, opts: IngestBytesOptions = {}): Promise<IngestResult> {
  const declared = declaredFormat(opts.fileName, opts.contentType);
  if (!(isZip(bytes) && (declared === "docx" || declared === null))) return ingestBytes(bytes, opts);
  assertSize(bytes.length, opts.maxBytes ?? INGEST_CONFIG.maxBytes);
  const mammoth = await import("mammoth");
  let html: string;
  const warnings: IngestWarning[] = [];
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
    if (result.messages.some((m) => m.type === "error")) warnings.push({ code: "docx_unconverted" });
  } catch {
    throw new IngestError("unsupported", "The file looks like a ZIP archive but is not a readable .docx document.");
  }
  const result = fromText(html, "html", "utf-8", warnings);
  return { ...result, format: "docx" };
}
