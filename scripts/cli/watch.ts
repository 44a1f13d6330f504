/**
 * `npm run -s policy -- watch check --policy SLUG`      check the watched source now; prints the check
 * `npm run -s policy -- watch log --policy SLUG [--json]` the check log, newest first
 * `npm run -s policy -- backfill --policy SLUG [--template URL] [--json]`
 *                                                       fetch the listed versions not stored yet; the per-date report
 *
 * Run against DATABASE_URL with FETCH_ALLOW_HOSTS, like the server (local access to the database is the
 * credential here). A check that adds a version queues the webhooks' deliveries; the server's
 * scheduler sends them.
 */
import { CliError } from "./errors.ts";
import { config } from "../../lib/config.ts";
import { createDb, type Db } from "../../lib/db.ts";
import { UnknownPolicyError } from "../../lib/data/writes.ts";
import { ingestInProcess } from "../../lib/import/source.ts";
import { slugSchema } from "../../lib/validations/common.ts";
import { backfill, formatBackfillReport, NoKnownVersionsError, NoTemplateError } from "../../lib/watch/backfill.ts";
import { formatCheckLog } from "../../lib/watch/check.ts";
import { systemClock } from "../../lib/watch/schedule.ts";
import { checkNow, listChecks, NotWatchedError } from "../../lib/watch/sources.ts";
import { enqueueNewVersion, type WebhookDeps } from "../../lib/watch/webhooks.ts";

const usage = `usage: npm run -s policy -- watch check --policy SLUG
       npm run -s policy -- watch log --policy SLUG [--json]
       npm run -s policy -- backfill --policy SLUG [--template URL] [--json]`;

export interface WatchIo {
  client?: Db;
  out?: (line: string) => void;
}

interface Args {
  slug: string;
  template: string | null;
  json: boolean;
}

function parseArgs(args: string[]): Args {
  let slug: string | undefined;
  let template: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--policy" || a === "-p") slug = args[++i];
    else if (a === "--template") template = args[++i] ?? null;
    else if (a === "--json") json = true;
    else if (a === "--help" || a === "-h") throw new CliError(usage, 0);
    else throw new CliError(`unknown argument ${a}\n${usage}`, 2);
  }
  if (!slug) throw new CliError(`--policy SLUG is required\n${usage}`, 2);
  if (!slugSchema.safeParse(slug).success) throw new CliError(`"${slug}" is not a policy slug`, 2);
  return { slug, template, json };
}

async function withDeps<T>(io: WatchIo, run: (deps: WebhookDeps) => Promise<T>): Promise<T> {
  const client = io.client ?? createDb();
  const deps: WebhookDeps = {
    client,
    clock: systemClock,
    ingest: ingestInProcess,
    fetch: { allowHosts: config().fetchAllowHosts },
    origin: config().appOrigin,
  };
  deps.onNewVersion = async (event) => {
    await enqueueNewVersion(event, deps);
  };
  try {
    return await run(deps);
  } catch (error) {
    if (error instanceof UnknownPolicyError) throw new CliError(`no policy "${error.slug}"`);
    if (error instanceof NotWatchedError || error instanceof NoTemplateError || error instanceof NoKnownVersionsError)
      throw new CliError(error.message);
    throw error;
  } finally {
    if (!io.client) await client.$disconnect();
  }
}

export async function runWatch(args: string[], io: WatchIo = {}): Promise<number> {
  const out = io.out ?? ((l: string) => console.log(l));
  const [sub, ...rest] = args;
  if (sub !== "check" && sub !== "log") throw new CliError(usage, 2);
  const { slug, json } = parseArgs(rest);
  return withDeps(io, async (deps) => {
    if (sub === "check") {
      const check = await checkNow(slug, deps);
      out(json ? JSON.stringify(check, null, 2) : formatCheckLog(slug, [check]));
      return check.outcome === "error" ? 1 : 0;
    }
    const checks = await listChecks(slug, deps.client);
    out(json ? JSON.stringify(checks, null, 2) : formatCheckLog(slug, checks));
    return 0;
  });
}

export async function runBackfill(args: string[], io: WatchIo = {}): Promise<number> {
  const out = io.out ?? ((l: string) => console.log(l));
  const { slug, template, json } = parseArgs(args);
  return withDeps(io, async (deps) => {
    const report = await backfill(slug, deps, { template });
    out(json ? JSON.stringify(report, null, 2) : formatBackfillReport(report));
    return report.counts.failed > 0 ? 1 : 0;
  });
}

export function run(args: string[]): Promise<number> {
  return runWatch(args);
}
