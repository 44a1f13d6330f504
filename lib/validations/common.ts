/** zod building blocks shared by the write schemas (API bodies, web forms, the CLI). Framework-free. */
import { z } from "zod";
import { INGEST_CONFIG } from "../ingest/config.ts";
import { formatBytes } from "../ingest/fetch.ts";

/**
 * The most one document may weigh, as bytes (files, fetched pages) or as UTF-8 (pasted text): ingest's
 * limit (lib/ingest/config.ts, 5 MB).
 */
export const MAX_DOCUMENT_BYTES: number = INGEST_CONFIG.maxBytes;

/**
 * 12 MB: the most a web form (server action) may post. Above MAX_DOCUMENT_BYTES, so that a file a
 * little too large still reaches the form's own check and gets its clear message; a pasted text of
 * 5 MB may double in multipart encoding. Larger bodies are refused with 413 before Next reads them.
 */
export const MAX_FORM_BODY_BYTES = 12 * 1024 * 1024;

/**
 * A policy slug, the same rule for creating a policy and for finding it (URLs, the API, the CLI, the
 * sample manifest): 2-63 lowercase letters and digits in runs joined by single hyphens, e.g.
 * zh-douban-privacy. Not "acme-", "-acme" or "a--b".
 */
export const slugSchema = z
  .string()
  .trim()
  .min(2, "A slug has at least 2 characters.")
  .max(63, "A slug has at most 63 characters.")
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "A slug is lowercase letters and digits joined by single hyphens, not starting or ending with one (e.g. zh-douban-privacy).",
  );

/**
 * A version key (lib/data/version-key.ts): the ISO published date, "-2", "-3"... for later versions of
 * the same date, or "undated" (then "undated-2"...). E.g. 2022-06-29, 2022-06-29-2, undated-3.
 */
export const versionKeySchema = z
  .string()
  .regex(
    /^(\d{4}-\d{2}-\d{2}|undated)(-[2-9]|-[1-9]\d+)?$/,
    "Not a version key (expected e.g. 2022-06-29, 2022-06-29-2 or undated).",
  );

/** A calendar date that exists, YYYY-MM-DD. */
export const isoDateSchema = z.iso.date({ error: "Expected a real date as YYYY-MM-DD (e.g. 2024-01-31)." });

/**
 * A date that may be cleared: "" and null mean "no date". Wrap in `.optional()` where leaving the
 * field out means "keep" or "use the detected one".
 */
export const nullableDateSchema = z.union([z.literal(""), z.null(), isoDateSchema]).transform((v) => (v ? v : null));

/** Short text that may be cleared: trimmed; "" and null mean "none". */
export function nullableText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .nullable()
    .transform((v) => (v ? v : null));
}

/** Whether a string is an absolute http: or https: URL (not javascript:, data:, a relative path...). */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** An http(s) URL, at most 2000 characters. */
export const httpUrlSchema = z
  .string()
  .trim()
  .max(2000, "The URL is too long (at most 2000 characters).")
  .refine(isHttpUrl, { message: "Expected an http:// or https:// URL.", params: { problem: "url" } });

/** A URL that may be cleared: "" and null mean "none". */
export const nullableUrlSchema = z.union([z.literal(""), z.null(), httpUrlSchema]).transform((v) => (v ? v : null));

// eslint-disable-next-line no-control-regex -- matching control characters is the point: they mark binary input
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * Pasted or JSON document text: not empty or blank, no larger than MAX_DOCUMENT_BYTES (UTF-8), not binary
 * (NUL bytes, or more than 1% control characters). Decoding and HTML cleaning happen later, in lib/ingest.
 */
export const documentTextSchema = z
  .string({ error: "The text must be a string." })
  .refine((t) => Buffer.byteLength(t, "utf8") <= MAX_DOCUMENT_BYTES, {
    message: `The text is larger than ${formatBytes(MAX_DOCUMENT_BYTES)}.`,
    params: { problem: "too_large" },
  })
  .refine((t) => t.replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]/g, "") !== "", {
    message: "The text is empty.",
    params: { problem: "empty" },
  })
  .refine((t) => !t.includes("\u0000") && (t.match(CONTROL)?.length ?? 0) <= Math.max(2, t.length / 100), {
    message: "The text looks binary (it contains control characters), not like a document.",
    params: { problem: "binary" },
  });

/** Document formats a caller may declare for pasted text. */
export const textFormatSchema = z.enum(["text", "markdown", "html"]).optional();
