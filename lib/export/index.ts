/**
 * Exports of a comparison (docs/decisions/0015-exports.md): the 修订对照表 and the redline as Word
 * documents, the change list as CSV, the digest as Markdown. `renderExport` turns an ExportInput (the
 * view model, both versions, the options) into a file: bytes for the Word documents (the docx library
 * builds the zip in memory), a stream for CSV and Markdown (written row by row as the response is read).
 * Framework-free; the HTTP side is ./response.ts.
 */
import { csvLines } from "./csv.ts";
import { DOCX_CONTENT_TYPE } from "./docx-common.ts";
import { renderRedlineDocx } from "./docx-redline.ts";
import { renderComparisonDocx } from "./docx-table.ts";
import { exportFilenames } from "./filename.ts";
import { markdownPieces } from "./markdown.ts";
import type { ExportFile, ExportFormat, ExportInput } from "./types.ts";

export * from "./types.ts";
export { renderComparisonDocx } from "./docx-table.ts";
export { renderRedlineDocx } from "./docx-redline.ts";
export { renderCsv } from "./csv.ts";
export { renderMarkdown } from "./markdown.ts";
export { contentDisposition, exportFilenames } from "./filename.ts";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: DOCX_CONTENT_TYPE,
  redline: DOCX_CONTENT_TYPE,
  csv: "text/csv; charset=utf-8; header=present",
  md: "text/markdown; charset=utf-8",
};

/** Text pieces as a byte stream, pulled as the reader reads, in chunks of about `chunk` characters. */
export function textStream(pieces: Iterator<string>, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let buffer = "";
      while (buffer.length < chunk) {
        const next = pieces.next();
        if (next.done) {
          if (buffer) controller.enqueue(encoder.encode(buffer));
          controller.close();
          return;
        }
        buffer += next.value;
      }
      controller.enqueue(encoder.encode(buffer));
    },
  });
}

export async function renderExport(format: ExportFormat, input: ExportInput): Promise<ExportFile> {
  const names = exportFilenames(input, format);
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case "docx":
      return { ...names, contentType, body: await renderComparisonDocx(input) };
    case "redline":
      return { ...names, contentType, body: await renderRedlineDocx(input) };
    case "csv":
      return { ...names, contentType, body: textStream(csvLines(input)) };
    case "md":
      return { ...names, contentType, body: textStream(markdownPieces(input)) };
  }
}
