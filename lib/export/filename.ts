/**
 * File names of exports and the Content-Disposition header that carries them.
 *
 *   学习强国隐私权政策_2021-08-25_2021-12-23_修订对照表.docx         (one policy, zh)
 *   zh-xuexiqiangguo-privacy_2021-08-25_2021-12-23_comparison.docx  (its ASCII fallback)
 *   {policy A}_{key A}_{policy B}_{key B}_...                       (two policies)
 *
 * Content-Disposition per RFC 6266: `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987
 * percent-encoded name>`. Browsers that know filename* (all current ones) save the Chinese name;
 * the ASCII one is built from the slugs, so it needs no escaping.
 */
import { getMessages } from "../i18n/index.ts";
import type { ExportFormat, ExportInput } from "./types.ts";

const EXTENSIONS: Record<ExportFormat, string> = { docx: "docx", redline: "docx", csv: "csv", md: "md" };

type Suffixes = Record<ExportFormat, string>;

function suffixes(locale: ExportInput["locale"]): Suffixes {
  const e = getMessages(locale).compare.export;
  return { docx: e.fileTable, redline: e.fileRedline, csv: e.fileCsv, md: e.fileDigest };
}

/** A name part safe on every file system: no path or reserved characters, no controls, no spaces. */
export function safeNamePart(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "")
      .replace(/\s+/g, "_")
      .replace(/^[._]+|[._]+$/g, "")
      .slice(0, 80) || "policy"
  );
}

export function exportFilenames(
  input: Pick<ExportInput, "from" | "to" | "locale">,
  format: ExportFormat,
): { filename: string; asciiFilename: string } {
  const { from, to } = input;
  const ext = EXTENSIONS[format];
  const same = from.slug === to.slug;
  const parts = (name: (s: ExportInput["from"]) => string) =>
    same ? [name(from), from.key, to.key] : [name(from), from.key, name(to), to.key];
  const filename = [...parts((s) => safeNamePart(s.policyName)), suffixes(input.locale)[format]].join("_");
  const ascii = [...parts((s) => s.slug), suffixes("en")[format]].join("_").replace(/[^A-Za-z0-9._-]/g, "_");
  return { filename: `${filename}.${ext}`, asciiFilename: `${ascii}.${ext}` };
}

/** RFC 5987 ext-value encoding of a UTF-8 string (only attr-chars stay as they are). */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(filename: string, asciiFilename: string): string {
  const fallback = asciiFilename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(filename)}`;
}
