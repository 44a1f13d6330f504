/**
 * Backfill: a policy's page lists its own version dates (known versions); with a version-URL template
 * (e.g. `https://x/privacy?hisver={yyyymmdd}`) one run fetches every listed date not stored yet,
 * dates each version from the list, and reports each date's outcome. The watched source's extraction
 * rules apply, as they do to checks, so a backfilled text and a checked text of one page compare.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { fetchDocument } from "../ingest/fetch.ts";
import { addNewVersion, DuplicateVersionError } from "../data/version-writes.ts";
import { UnknownPolicyError } from "../data/writes.ts";
import { parseDateList, toIsoDate } from "../data/rows.ts";
import { WATCH_CONFIG } from "./config.ts";
import { describeCheckError, keepSnapshot, sha256, type WatchDeps } from "./check.ts";
import { extract, type ExtractionRules } from "./extract.ts";

export type BackfillOutcome = "added" | "duplicate" | "failed" | "present";

export interface BackfillEntry {
  date: string;
  /** The URL fetched; null for a date already stored (nothing fetched). */
  url: string | null;
  outcome: BackfillOutcome;
  /** The version added, the stored one with the same text (duplicate), or the one of that date (present). */
  versionKey: string | null;
  errorCode: string | null;
  reason: string | null;
}

export interface BackfillReport {
  slug: string;
  template: string;
  /** Newest first, every listed date once. */
  entries: BackfillEntry[];
  counts: Record<BackfillOutcome, number>;
}

export class NoTemplateError extends Error {
  readonly code = "no_template";
  constructor(readonly slug: string) {
    super(`Give a version-URL template (e.g. "https://example.com/privacy?hisver={yyyymmdd}") for "${slug}".`);
    this.name = "NoTemplateError";
  }
}

export class NoKnownVersionsError extends Error {
  readonly code = "no_known_versions";
  constructor(readonly slug: string) {
    super(`Policy "${slug}" lists no version dates: import a page that lists them first.`);
    this.name = "NoKnownVersionsError";
  }
}

/** The template's URL for one date: {yyyymmdd}, {yyyy-mm-dd}, {yyyy}, {mm}, {dd}. */
export function fillTemplate(template: string, isoDate: string): string {
  const [yyyy, mm, dd] = isoDate.split("-") as [string, string, string];
  return template
    .replaceAll("{yyyymmdd}", `${yyyy}${mm}${dd}`)
    .replaceAll("{yyyy-mm-dd}", isoDate)
    .replaceAll("{yyyy}", yyyy)
    .replaceAll("{mm}", mm)
    .replaceAll("{dd}", dd);
}

export interface BackfillOptions {
  /** Default: the watched source's template. */
  template?: string | null;
  /** Pause between two fetches (default WATCH_CONFIG.backfillSpacingMs; tests pass 0). */
  spacingMs?: number;
}

export async function backfill(slug: string, deps: WatchDeps, options: BackfillOptions = {}): Promise<BackfillReport> {
  const { client } = deps;
  const policy = await client.policy.findUnique({
    where: { slug },
    select: {
      id: true,
      knownVersionDates: true,
      watch: { select: { versionUrlTemplate: true, selector: true, startMarker: true, endMarker: true } },
      versions: { select: { key: true, publishedAt: true }, orderBy: { importedAt: "asc" } },
    },
  });
  if (!policy) throw new UnknownPolicyError(slug);
  const template = options.template || policy.watch?.versionUrlTemplate;
  if (!template) throw new NoTemplateError(slug);
  const known = [...new Set(parseDateList(policy.knownVersionDates))].sort().reverse();
  if (known.length === 0) throw new NoKnownVersionsError(slug);
  const rules: ExtractionRules = policy.watch ?? {};
  const storedByDate = new Map<string, string>();
  for (const v of policy.versions) {
    const date = toIsoDate(v.publishedAt);
    if (date && !storedByDate.has(date)) storedByDate.set(date, v.key);
  }

  const entries: BackfillEntry[] = [];
  let fetched = 0;
  for (const date of known) {
    const present = storedByDate.get(date);
    if (present) {
      entries.push({ date, url: null, outcome: "present", versionKey: present, errorCode: null, reason: null });
      continue;
    }
    const url = fillTemplate(template, date);
    if (fetched >= WATCH_CONFIG.backfillMaxDates) {
      entries.push({
        date,
        url,
        outcome: "failed",
        versionKey: null,
        errorCode: "limit",
        reason: `At most ${WATCH_CONFIG.backfillMaxDates} dates per run; run again.`,
      });
      continue;
    }
    if (fetched > 0) await sleep(options.spacingMs ?? WATCH_CONFIG.backfillSpacingMs);
    fetched++;
    try {
      const doc = await fetchDocument(url, { maxBytes: WATCH_CONFIG.maxSnapshotBytes, ...deps.fetch });
      await keepSnapshot(client, policy.id, { ...doc, url: doc.finalUrl }, sha256(doc.bytes), deps.clock.now());
      const { result, textHash } = await extract(doc, rules, deps.ingest);
      const version = await addNewVersion(
        slug,
        {
          text: result.text,
          format: result.format,
          contentHash: textHash,
          publishedAt: date,
          effectiveAt: result.metadata.effectiveAt,
          label: null,
          sourceUrl: doc.finalUrl,
          note: `Backfilled from the page's list of versions (${date})`,
          listedVersionDates: result.metadata.listedVersionDates,
        },
        client,
      );
      entries.push({ date, url, outcome: "added", versionKey: version.key, errorCode: null, reason: null });
    } catch (error) {
      if (error instanceof DuplicateVersionError) {
        entries.push({
          date,
          url,
          outcome: "duplicate",
          versionKey: error.match.key,
          errorCode: null,
          reason: error.message,
        });
      } else {
        const { errorCode, reason } = describeCheckError(error);
        entries.push({ date, url, outcome: "failed", versionKey: null, errorCode, reason });
      }
    }
  }
  const counts: Record<BackfillOutcome, number> = { added: 0, duplicate: 0, failed: 0, present: 0 };
  for (const e of entries) counts[e.outcome]++;
  return { slug, template, entries, counts };
}

/** The report as lines for a person (the CLI prints it; the tests show it). */
export function formatBackfillReport(report: BackfillReport): string {
  const lines = [`backfill ${report.slug} from ${report.template}`];
  for (const e of report.entries) {
    const detail = e.outcome === "failed" ? `${e.errorCode}: ${e.reason}` : (e.versionKey ?? "");
    lines.push(`  ${e.date}  ${e.outcome.padEnd(9)} ${detail}`);
  }
  const c = report.counts;
  lines.push(`added ${c.added}, duplicate ${c.duplicate}, failed ${c.failed}, already stored ${c.present}`);
  return lines.join("\n");
}
