/**
 * What every export format is made from: the compare view model (lib/view), the engine's model (for
 * the redline's document order and the stats), both versions as the page shows them, the options in
 * force and the language of the labels. The formatters in this folder are pure functions of it
 * (no I/O, no framework), so a test builds one from two texts and reads the output.
 */
import type { CompareModel, IgnoreOption } from "../compare/types.ts";
import type { Locale } from "../i18n/index.ts";
import type { CompareView } from "../view/types.ts";

/** docx: the 修订对照表 (table); redline: the new version with tracked changes; csv: change list; md: digest. */
export type ExportFormat = "docx" | "redline" | "csv" | "md";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["docx", "redline", "csv", "md"];

/** Which section pairs a table, list or digest covers. The redline is always the whole document. */
export type ExportScope = "changes" | "all";
export const EXPORT_SCOPES: readonly ExportScope[] = ["changes", "all"];
/** Exports list changed sections unless asked for all (a 修订对照表 lists the changed clauses). */
export const DEFAULT_EXPORT_SCOPE: ExportScope = "changes";

export interface ExportSide {
  slug: string;
  key: string;
  policyName: string;
  /** ISO date or null. */
  publishedAt: string | null;
  label: string | null;
  /** Absolute URL of the version's own page (its permanent link). */
  url: string;
}

export interface ExportInput {
  model: CompareModel;
  view: CompareView;
  from: ExportSide;
  to: ExportSide;
  ignore: IgnoreOption[];
  scope: ExportScope;
  locale: Locale;
  /** Absolute URL of the compare view with the same ignore options; `#{key}` is appended per section. */
  compareUrl: string;
  /**
   * When the export was made (ISO). Written into the documents' properties and used as the tracked
   * changes' date when the new version has no published date. Tests pass a fixed one.
   */
  createdAt?: string;
}

/** A finished export: bytes or a stream of them, with what the HTTP response needs to say. */
export interface ExportFile {
  contentType: string;
  /** File name (may contain Chinese), without any path. */
  filename: string;
  /** ASCII-only fallback name for old clients (RFC 6266 `filename`). */
  asciiFilename: string;
  body: Uint8Array | ReadableStream<Uint8Array>;
}
