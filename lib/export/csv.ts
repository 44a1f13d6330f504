/**
 * The change list as CSV: one line per listed section pair (changed ones by default).
 *
 *   section key, old number, old title, new number, new title, status, changed ratio,
 *   old excerpt, new excerpt, link (the compare view at that section)
 *
 * RFC 4180: fields separated by commas, lines by CRLF; a field holding a comma, quote, CR or LF is
 * quoted and its quotes doubled. UTF-8 with a byte order mark, which is what makes Excel read Chinese
 * as UTF-8 rather than the system's code page. Document text is data: a cell starting with = + - @
 * (or a tab or CR) would be read as a formula by Excel and LibreOffice, so it gets a leading
 * apostrophe (OWASP's advice), which spreadsheets show as text.
 *
 * Written as a generator of lines, so the HTTP response streams it.
 */
import { PREAMBLE_KEY } from "../view/build.ts";
import { excerpt, exportRows, messagesFor, rowChangedRatio, sectionUrl, statusLabel } from "./rows.ts";
import type { ExportInput } from "./types.ts";

export const CSV_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: neutralised when a spreadsheet would take it for a formula, quoted when it must be. */
export function csvField(value: string | number | null | undefined): string {
  let s = value == null ? "" : String(value);
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

/** The CSV text in pieces: the BOM and header first, then one line per row. */
export function* csvLines(input: ExportInput): Generator<string> {
  const m = messagesFor(input);
  const h = m.export.csv;
  yield (
    CSV_BOM +
    csvLine([
      h.key,
      h.oldNumber,
      h.oldTitle,
      h.newNumber,
      h.newTitle,
      h.status,
      h.changedRatio,
      h.oldExcerpt,
      h.newExcerpt,
      h.link,
    ])
  );
  for (const row of exportRows(input.view, input.scope)) {
    const preamble = row.key === PREAMBLE_KEY;
    yield csvLine([
      row.key,
      row.oldNumber,
      preamble ? m.preamble : row.oldTitle,
      row.newNumber,
      preamble ? m.preamble : row.newTitle,
      statusLabel(row.status, m),
      // A number (not a percentage string), so a spreadsheet can sort and sum it.
      rowChangedRatio(row).toFixed(3),
      excerpt(row, "old"),
      excerpt(row, "new"),
      sectionUrl(input, row.key),
    ]);
  }
}

export function renderCsv(input: ExportInput): string {
  return Array.from(csvLines(input)).join("");
}
