/**
 * Bytes -> string: encoding detection and binary refusal.
 *
 * Order of evidence (first that applies wins):
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE);
 * 2. magic numbers of binary formats (PDF, ZIP/docx, images, ...) -> refused as binary;
 * 3. the NUL pattern of UTF-16 without BOM (ASCII-heavy text has a NUL in every other byte);
 * 4. a declared charset (Content-Type parameter or an HTML <meta charset>) that decodes the bytes cleanly;
 * 5. strict UTF-8;
 * 6. UTF-16 without BOM and without NULs (CJK-only text), when it decodes to plausible text;
 * 7. GB18030 (a superset of GBK and GB2312), strict.
 * Then the decoded text is refused as binary when it holds NULs or too many control characters.
 */
import { isBasicHan, isCjkPunctuation, isFullwidthForm } from "../text/cjk.ts";
import { INGEST_CONFIG } from "./config.ts";
import { IngestError } from "./errors.ts";

export interface Decoded {
  text: string;
  /** WHATWG encoding name: "utf-8", "utf-16le", "utf-16be", "gb18030", or a declared one. */
  encoding: string;
  bom: boolean;
}

/** Magic numbers of formats that are not text. ZIP is reported apart (it may be a .docx). */
const MAGIC: { name: string; bytes: number[] }[] = [
  { name: "PDF", bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "WebP/RIFF", bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: "gzip", bytes: [0x1f, 0x8b] },
  { name: "7z", bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: "RAR", bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: "OLE (old .doc/.xls)", bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: "ELF executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "Windows executable", bytes: [0x4d, 0x5a] },
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP);
}

/** The binary format these bytes start with, if any (ZIP included). */
export function sniffBinaryFormat(bytes: Uint8Array): string | null {
  if (isZip(bytes)) return "ZIP";
  return MAGIC.find((m) => startsWith(bytes, m.bytes))?.name ?? null;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without BOM, told by where the NULs fall in a sample: "utf-16le" | "utf-16be" | null. */
function utf16FromNulPattern(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, INGEST_CONFIG.sniffBytes) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  const share = INGEST_CONFIG.utf16NulShare;
  if (oddNul / pairs >= share && evenNul / pairs < share / 4) return "utf-16le";
  if (evenNul / pairs >= share && oddNul / pairs < share / 4) return "utf-16be";
  return null;
}

/** Share of characters that are ordinary text (letters, CJK, punctuation, whitespace). */
function plausibility(text: string): number {
  const sample = text.slice(0, INGEST_CONFIG.sniffBytes);
  if (sample.length === 0) return 0;
  let good = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x09 ||
      c === 0x0a ||
      c === 0x0d ||
      isCjkPunctuation(c) ||
      isBasicHan(c) ||
      isFullwidthForm(c) ||
      (c >= 0x2000 && c <= 0x206f) || // general punctuation
      (c >= 0xa0 && c <= 0x24f) // Latin-1 and Latin extended
    ) {
      good++;
    }
  }
  return good / sample.length;
}

/** A charset named in the first bytes of an HTML document (`<meta charset=...>` or http-equiv). */
function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1] ?? null;
}

function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType);
  return m?.[1] ?? null;
}

function canonicalLabel(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** Refuse decoded text that is not text: NULs, or more control characters than text ever has. */
function assertTextual(text: string): void {
  if (text.includes("\u0000")) {
    throw new IngestError("binary", "The file looks binary (it contains NUL bytes), not text.");
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c < 0xa0)) control++;
  }
  if (text.length > 0 && control / text.length > INGEST_CONFIG.maxControlCharShare) {
    throw new IngestError("binary", "The file looks binary (too many control characters), not text.");
  }
}

export function decodeBytes(bytes: Uint8Array, contentType?: string): Decoded {
  // 1. Byte-order marks.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return finish(bytes.subarray(3), "utf-8", true);
  if (startsWith(bytes, [0xff, 0xfe])) return finish(bytes.subarray(2), "utf-16le", true);
  if (startsWith(bytes, [0xfe, 0xff])) return finish(bytes.subarray(2), "utf-16be", true);

  // 2. Binary formats.
  const format = sniffBinaryFormat(bytes);
  if (format) {
    throw new IngestError(
      "binary",
      `The file is a ${format} file, not text. Paste the text or save it as .txt, .md or .html.`,
    );
  }

  // 3. UTF-16 told by its NULs.
  const utf16 = utf16FromNulPattern(bytes);
  if (utf16) return finish(bytes, utf16, false);

  // 4. A declared charset that fits.
  for (const declared of [charsetFromContentType(contentType), declaredHtmlCharset(bytes)]) {
    const label = declared ? canonicalLabel(declared) : null;
    if (!label || label.startsWith("utf-16")) continue;
    const text = tryDecode(label, bytes);
    if (text !== null) return checked(text, label);
  }

  // 5. UTF-8.
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null) return checked(utf8, "utf-8");

  // 6. UTF-16 without NULs (CJK-only), if it reads as text and GB18030 reads worse.
  const gb = tryDecode("gb18030", bytes);
  if (bytes.length % 2 === 0) {
    for (const label of ["utf-16le", "utf-16be"]) {
      const text = tryDecode(label, bytes);
      if (
        text !== null &&
        plausibility(text) >= INGEST_CONFIG.utf16MinPlausibility &&
        (gb === null || plausibility(text) > plausibility(gb))
      ) {
        return checked(text, label);
      }
    }
  }

  // 7. GB18030 / GBK.
  if (gb !== null && plausibility(gb) >= INGEST_CONFIG.legacyMinPlausibility) return checked(gb, "gb18030");

  // Not text we can read: binary-looking bytes say so (assertTextual throws), others are an unknown encoding.
  assertTextual(new TextDecoder("utf-8").decode(bytes.subarray(0, INGEST_CONFIG.sniffBytes)));
  throw new IngestError(
    "encoding",
    "The text encoding could not be recognised (tried UTF-8, UTF-16 and GB18030/GBK). Save the file as UTF-8 and try again.",
  );
}

function finish(bytes: Uint8Array, label: string, bom: boolean): Decoded {
  const text = tryDecode(label, bytes);
  if (text === null) {
    throw new IngestError(
      "encoding",
      `The file says it is ${label.toUpperCase()} but is not valid ${label.toUpperCase()}.`,
    );
  }
  assertTextual(text);
  return { text, encoding: label, bom };
}

function checked(text: string, encoding: string): Decoded {
  assertTextual(text);
  return { text, encoding, bom: false };
}
