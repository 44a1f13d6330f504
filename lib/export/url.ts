/**
 * Export URLs (docs/decisions/0015-exports.md). Like the compare view's, a URL alone reproduces an
 * export: the versions in the path, the options in the query, the format in the file name.
 *
 *   {compare path}/export.docx            the 修订对照表        (/p/{slug}/compare/{a}...{b}/export.docx)
 *   {compare path}/export.redline.docx    the redline
 *   {compare path}/export.csv             the change list
 *   {compare path}/export.md              the digest
 *   ?ignore=whitespace,width,numbering|none   as on the view (absent: whitespace,width)
 *   &only=all                                 every section (absent or only=changes: changed ones)
 *   &lang=zh|en                               labels' language (absent: the UI language, from the cookie)
 *
 *   GET /api/compare/export?from={slug}@{key}&to={slug}@{key}&format=docx|redline|csv|md&ignore=…&only=…&lang=…
 */
import type { IgnoreOption } from "../compare/types.ts";
import { isLocale, type Locale } from "../i18n/index.ts";
import { comparePath, formatIgnore, parseIgnore, type VersionAddress } from "../view/url.ts";
import { DEFAULT_EXPORT_SCOPE, EXPORT_FORMATS, EXPORT_SCOPES, type ExportFormat, type ExportScope } from "./types.ts";

/** The file name of each format under a compare path. */
export const EXPORT_FILES: Record<ExportFormat, string> = {
  docx: "export.docx",
  redline: "export.redline.docx",
  csv: "export.csv",
  md: "export.md",
};

/** "export.redline.docx" -> "redline"; null for any other name. */
export function formatFromFile(file: string): ExportFormat | null {
  return EXPORT_FORMATS.find((f) => EXPORT_FILES[f] === file) ?? null;
}

export interface ExportOptions {
  ignore: IgnoreOption[];
  scope: ExportScope;
  /** Absent: the UI language. */
  locale?: Locale;
}

/** The canonical query ("" or "?..."): defaults omitted, fixed order. */
export function formatExportQuery(o: ExportOptions): string {
  const parts: string[] = [];
  const ignore = formatIgnore(o.ignore);
  if (ignore !== null) parts.push(`ignore=${ignore}`);
  if (o.scope !== DEFAULT_EXPORT_SCOPE) parts.push(`only=${o.scope}`);
  if (o.locale) parts.push(`lang=${o.locale}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

export function exportHref(from: VersionAddress, to: VersionAddress, format: ExportFormat, o: ExportOptions): string {
  return `${comparePath(from, to)}/${EXPORT_FILES[format]}${formatExportQuery(o)}`;
}

export function apiExportHref(
  from: VersionAddress,
  to: VersionAddress,
  format: ExportFormat,
  o: ExportOptions,
): string {
  const q = formatExportQuery(o);
  const enc = encodeURIComponent;
  return `/api/compare/export?from=${enc(`${from.slug}@${from.key}`)}&to=${enc(`${to.slug}@${to.key}`)}&format=${format}${q ? `&${q.slice(1)}` : ""}`;
}

export interface ParamProblem {
  field: string;
  message: string;
}

export type ExportQueryParse = { ok: true; options: ExportOptions } | { ok: false; problems: ParamProblem[] };

/** `ignore`, `only` and `lang` from a query. Strict: an unknown value is a problem (the routes answer 400). */
export function parseExportQuery(q: URLSearchParams): ExportQueryParse {
  const problems: ParamProblem[] = [];
  const ignore = parseIgnore(q.get("ignore"));
  if (!ignore.ok) problems.push({ field: "ignore", message: ignore.reason });
  const only = q.get("only")?.trim() || DEFAULT_EXPORT_SCOPE;
  if (!(EXPORT_SCOPES as readonly string[]).includes(only))
    problems.push({ field: "only", message: `"only" must be ${EXPORT_SCOPES.join(" or ")}` });
  const lang = q.get("lang")?.trim() || undefined;
  if (lang !== undefined && !isLocale(lang)) problems.push({ field: "lang", message: '"lang" must be zh or en' });
  if (!ignore.ok || problems.length) return { ok: false, problems };
  return {
    ok: true,
    options: { ignore: ignore.ignore, scope: only as ExportScope, ...(lang && isLocale(lang) ? { locale: lang } : {}) },
  };
}

/** `format` of the API: one of EXPORT_FORMATS. */
export function parseFormat(raw: string | null): ExportFormat | null {
  return (EXPORT_FORMATS as readonly string[]).includes(raw ?? "") ? (raw as ExportFormat) : null;
}
