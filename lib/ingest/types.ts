/** Types lib/ingest produces (lib/parse carries the metadata into its DocumentTree). */

/** Metadata found in a document's text (see metadata.ts for how each field is found). */
export interface DocumentMetadata {
  title: string | null;
  /** ISO date (YYYY-MM-DD) when the text states one. */
  publishedAt: string | null;
  effectiveAt: string | null;
  /** Version dates listed on the page (e.g. a history list), ISO, in the order given. */
  listedVersionDates: string[];
  /** Key/value pairs from front matter or archive metadata blocks, verbatim. */
  fields: Record<string, string>;
}
