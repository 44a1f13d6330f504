/** Every threshold used by lib/ingest, in one place. */
export const INGEST_CONFIG = {
  /**
   * The most one document may weigh, in bytes: 5 MB. The one definition of the limit: fetching by URL,
   * ingest's default, the write schemas and the import forms (lib/validations MAX_DOCUMENT_BYTES) use it.
   */
  maxBytes: 5 * 1024 * 1024,
  /** How many leading bytes/characters the encoding sniffers look at. */
  sniffBytes: 8192,
  /** UTF-16 without BOM: share of 2-byte units with a NUL on one side (ASCII-heavy text is ~1.0). */
  utf16NulShare: 0.3,
  /** UTF-16 without BOM or NULs (CJK-only): share of ordinary text characters required. */
  utf16MinPlausibility: 0.95,
  /** GB18030 fallback: share of ordinary text characters required, else "encoding" error. */
  legacyMinPlausibility: 0.8,
  /** More control characters than this share of the text means binary. */
  maxControlCharShare: 0.01,
  /** Metadata: dates are looked for in the first this-many characters of the body ... */
  metadataHeadChars: 4000,
  /** ... and in the last this-many characters (some policies state dates at the end). */
  metadataTailChars: 1500,
  /** A line that is only a (labelled) date is at most this many characters after NFKC ... */
  dateLineMaxChars: 60,
  /** ... or this many when the date comes before its label ("2022年6月29日更新"). */
  suffixDateLineMaxChars: 40,
  /** A version-date list must start within the first this-many non-blank lines. */
  versionListMaxStartLine: 40,
  /** An unlabelled version-date list needs at least this many date-only lines. */
  versionListMinDates: 2,
  /** A title line is at most this many characters. */
  titleMaxChars: 80,
} as const;
