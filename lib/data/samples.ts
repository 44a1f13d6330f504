/**
 * Loads the sample policies (data/samples/manifest.json) into the store. Idempotent: policies are
 * upserted by slug, versions added once per content hash, so running it again changes nothing.
 *
 * What comes from where:
 * - slug, publisher, URLs, description: the manifest (copied from SOURCES.md and the archive metadata);
 * - name, published/effective dates, listed version dates: the documents, through lib/ingest;
 * - when a text states no published date: the date in its file name (the archive's label, read by the
 *   same rule as files imported on the web or the CLI: lib/import/source.ts `dateFromFileName`); when
 *   there is none either, the version is "undated".
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../db.ts";
import { dateFromFileName } from "../import/source.ts";
import { contentHash, ingestBytes, titleWithoutDate, type IngestResult } from "../ingest/index.ts";
import { httpUrlSchema, slugSchema } from "../validations/common.ts";
import { refreshSteps } from "./steps.ts";
import { addVersion, upsertPolicy } from "./writes.ts";

export const SAMPLES_DIR = path.resolve("data/samples");

const manifestSchema = z.object({
  policies: z.array(
    z.object({
      slug: slugSchema,
      publisher: z.string().nullable(),
      sourceUrl: httpUrlSchema.nullable(),
      description: z.string().nullable(),
      versions: z.array(z.object({ file: z.string().min(1), sourceUrl: httpUrlSchema.optional() })).min(1),
    }),
  ),
});

export type SampleManifest = z.infer<typeof manifestSchema>;

export async function readManifest(dir: string = SAMPLES_DIR): Promise<SampleManifest> {
  return manifestSchema.parse(JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")));
}

interface LoadedVersion {
  file: string;
  sourceUrl: string | null;
  ingest: IngestResult;
  publishedAt: string | null;
  dateFrom: "text" | "file name" | null;
}

export interface SeedReport {
  policies: number;
  created: number;
  unchanged: number;
  /** History steps computed (missing or stale). */
  steps: number;
}

export async function seedSamples(client: Db, dir: string = SAMPLES_DIR): Promise<SeedReport> {
  const manifest = await readManifest(dir);
  const report: SeedReport = { policies: 0, created: 0, unchanged: 0, steps: 0 };
  for (const policy of manifest.policies) {
    const loaded: LoadedVersion[] = [];
    for (const v of policy.versions) {
      const bytes = await readFile(path.join(dir, v.file));
      const ingest = ingestBytes(bytes, { fileName: path.basename(v.file) });
      const label = dateFromFileName(v.file);
      const publishedAt = ingest.metadata.publishedAt ?? label;
      loaded.push({
        file: v.file,
        sourceUrl: v.sourceUrl ?? null,
        ingest,
        publishedAt,
        dateFrom: ingest.metadata.publishedAt ? "text" : label ? "file name" : null,
      });
    }
    // Oldest first, so import order follows publication where dates tie.
    loaded.sort((a, b) => (a.publishedAt ?? "").localeCompare(b.publishedAt ?? ""));
    const newest = loaded.at(-1)!;
    const listed: string[] = [];
    for (const v of [...loaded].reverse()) {
      for (const d of v.ingest.metadata.listedVersionDates) if (!listed.includes(d)) listed.push(d);
    }
    await upsertPolicy(
      {
        slug: policy.slug,
        name: newest.ingest.metadata.title ?? loaded.find((v) => v.ingest.metadata.title)?.ingest.metadata.title ?? policy.slug,
        publisher: policy.publisher,
        sourceUrl: policy.sourceUrl,
        description: policy.description,
        knownVersionDates: listed,
      },
      client,
    );
    for (const v of loaded) {
      const meta = v.ingest.metadata;
      const result = await addVersion(
        policy.slug,
        {
          publishedAt: v.publishedAt,
          effectiveAt: meta.effectiveAt,
          // The archive's title names the capture ("… 2020-06-17"), not always the version's own date.
          label: titleWithoutDate(meta.fields.title ?? "") || dateFromFileName(v.file),
          sourceUrl: v.sourceUrl,
          text: v.ingest.text,
          format: v.ingest.format,
          contentHash: contentHash(v.ingest.text),
          note:
            `Sample data: data/samples/${v.file}.` +
            (v.dateFrom === "file name" ? " The text states no publication date; the date is the archive's file label." : "") +
            (v.dateFrom === null ? " Neither the text nor its file name gives a date." : ""),
        },
        client,
      );
      if (result.created) report.created++;
      else report.unchanged++;
    }
    // The policy's history steps (docs/decisions/0019-history.md); only missing or stale ones are computed.
    report.steps += (await refreshSteps(policy.slug, client)).computed;
    report.policies++;
  }
  return report;
}
