/**
 * Adding versions, from any surface (API, web forms, CLI): read the source, detect metadata, let the
 * caller's values win over detected ones, refuse duplicates, store in one transaction.
 * Framework-free; the database client can be passed in (tests, CLI).
 */
import type { Db } from "../db.ts";
import type { VersionRef, VersionSummary } from "../data/types.ts";
import {
  addNewVersion,
  createPolicyWithVersion,
  findVersionByHash,
  type NewVersionInput,
} from "../data/version-writes.ts";
import type { FetchOptions } from "../ingest/fetch.ts";
import type { IngestWarning } from "../ingest/index.ts";
import { prepareDocument, type DocumentSource, type IngestRunner, type PreparedDocument } from "./source.ts";

/** Metadata a person gave; undefined = use the detected value, null = none. */
export interface MetaOverrides {
  publishedAt?: string | null;
  effectiveAt?: string | null;
  label?: string | null;
  sourceUrl?: string | null;
  note?: string | null;
  listedVersionDates?: string[];
  /** Stored as the version's original format (the web's save step re-sends already-cleaned text). */
  format?: string;
}

export interface Detection {
  text: string;
  format: string;
  encoding: string;
  title: string | null;
  publishedAt: string | null;
  effectiveAt: string | null;
  /** Where publishedAt came from. */
  publishedFrom: "text" | "file name" | null;
  listedVersionDates: string[];
  fields: Record<string, string>;
  warnings: IngestWarning[];
  sourceUrl: string | null;
  contentHash: string;
  /** The stored version of the policy with the same text, when there is one. */
  duplicateOf: VersionRef | null;
}

export interface ImportOptions {
  client?: Db;
  fetch?: FetchOptions;
  /** Where lib/ingest runs (default: this thread; the app: a worker thread). */
  ingest?: IngestRunner;
}

function detected(prepared: PreparedDocument): Omit<Detection, "duplicateOf"> {
  const m = prepared.metadata;
  const publishedAt = m.publishedAt ?? prepared.fileNameDate;
  return {
    text: prepared.text,
    format: prepared.format,
    encoding: prepared.encoding,
    title: m.title,
    publishedAt,
    effectiveAt: m.effectiveAt,
    publishedFrom: m.publishedAt ? "text" : prepared.fileNameDate ? "file name" : null,
    listedVersionDates: m.listedVersionDates,
    fields: m.fields,
    warnings: prepared.warnings,
    sourceUrl: prepared.sourceUrl,
    contentHash: prepared.contentHash,
  };
}

/** Reads the source and reports what was found, without storing anything. */
export async function detectVersion(
  source: DocumentSource,
  slug: string | null,
  options: ImportOptions = {},
): Promise<Detection> {
  const prepared = await prepareDocument(source, options);
  const duplicateOf = slug ? await findVersionByHash(slug, prepared.contentHash, options.client) : null;
  return { ...detected(prepared), duplicateOf };
}

function versionInput(prepared: PreparedDocument, meta: MetaOverrides): NewVersionInput {
  const d = detected(prepared);
  const pick = <T>(given: T | undefined, fallback: T): T => (given === undefined ? fallback : given);
  return {
    text: prepared.text,
    format: meta.format ?? prepared.format,
    contentHash: prepared.contentHash,
    publishedAt: pick(meta.publishedAt, d.publishedAt),
    effectiveAt: pick(meta.effectiveAt, d.effectiveAt),
    label: meta.label ?? null,
    sourceUrl: pick(meta.sourceUrl, d.sourceUrl),
    note: meta.note ?? null,
    listedVersionDates: meta.listedVersionDates ?? d.listedVersionDates,
  };
}

/** Adds a version to an existing policy. Throws the typed refusals described in ./errors.ts. */
export async function importVersion(
  slug: string,
  source: DocumentSource,
  meta: MetaOverrides = {},
  options: ImportOptions = {},
): Promise<{ version: VersionSummary; detection: Omit<Detection, "duplicateOf" | "text"> }> {
  const prepared = await prepareDocument(source, options);
  const version = await addNewVersion(slug, versionInput(prepared, meta), options.client);
  const { text: _text, ...detection } = detected(prepared);
  return { version, detection };
}

export class MissingNameError extends Error {
  readonly code = "name_required";
  constructor() {
    super("Give the policy a name: no title was found in the text.");
    this.name = "MissingNameError";
  }
}

export interface NewPolicyFields {
  slug: string;
  name?: string | null;
  publisher?: string | null;
  sourceUrl?: string | null;
  description?: string | null;
}

/** Creates a policy with its first version; the name defaults to the text's title. */
export async function importPolicy(
  policy: NewPolicyFields,
  source: DocumentSource,
  meta: MetaOverrides = {},
  options: ImportOptions = {},
): Promise<{ slug: string; version: VersionSummary }> {
  const prepared = await prepareDocument(source, options);
  const name = policy.name?.trim() || prepared.metadata.title?.trim();
  if (!name) throw new MissingNameError();
  return createPolicyWithVersion(
    {
      slug: policy.slug,
      name: name.slice(0, 200),
      publisher: policy.publisher ?? null,
      sourceUrl: policy.sourceUrl ?? prepared.sourceUrl,
      description: policy.description ?? null,
    },
    versionInput(prepared, meta),
    options.client,
  );
}
