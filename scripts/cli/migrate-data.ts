/**
 * `npm run -s policy -- migrate-data --from URL --to URL`
 *
 * Copies every stored row (policies, versions, history steps, cached comparisons, and any table the
 * schema gains) from one database to another: SQLite -> PostgreSQL, PostgreSQL -> SQLite, or the same
 * kind (lib/data/copy.ts). The target is migrated first and must be empty; its search index is built
 * after the copy. Prints, per table, the row count and sha256 of both sides; exits 1 when they differ.
 * Neither database should be written meanwhile (stop the servers, or copy a backup).
 */
import { CliError } from "./errors.ts";
import { copyStore, CopyMismatchError, TargetNotEmptyError, type CopyResult } from "../../lib/data/copy.ts";
import { createDb } from "../../lib/db.ts";
import { applyPendingMigrations } from "../../lib/migrate/index.ts";
import { displayUrl, providerOf } from "../../lib/migrate/providers.ts";

const usage =
  "usage: npm run -s policy -- migrate-data --from URL --to URL   (file:./data/app.db, postgres://user@host/db)";

function parseArgs(args: string[]): { from: string; to: string } {
  const got: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag !== "--from" && flag !== "--to") throw new CliError(`unknown option ${flag}\n${usage}`, 2);
    const value = inline ?? args[++i];
    if (!value) throw new CliError(`${flag} needs a database URL\n${usage}`, 2);
    got[flag.slice(2)] = value;
  }
  if (!got.from || !got.to) throw new CliError(usage, 2);
  for (const url of [got.from, got.to])
    try {
      providerOf(url);
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), 2);
    }
  if (got.from === got.to) throw new CliError("--from and --to are the same database", 2);
  return { from: got.from, to: got.to };
}

function table(result: CopyResult): string[] {
  return result.source.map((s, i) => {
    const t = result.target[i]!;
    const same = s.rows === t.rows && s.sha256 === t.sha256;
    return `  ${same ? "ok  " : "DIFF"} ${s.model.padEnd(14)} ${String(s.rows).padStart(7)} -> ${String(t.rows).padStart(7)} rows  sha256 ${s.sha256.slice(0, 16)}${same ? "" : ` -> ${t.sha256.slice(0, 16)}`}`;
  });
}

export async function run(args: string[], io: { out?: (line: string) => void } = {}): Promise<number> {
  const out = io.out ?? ((line: string) => console.log(line));
  const { from, to } = parseArgs(args);
  const started = performance.now();
  await applyPendingMigrations(to);
  const source = createDb(from);
  const target = createDb(to);
  try {
    out(`migrate-data: ${displayUrl(from)} (${providerOf(from)}) -> ${displayUrl(to)} (${providerOf(to)})`);
    const result = await copyStore(source, target, { log: (line) => out(`  copied ${line}`) });
    for (const line of table(result)) out(line);
    out(
      `migrate-data: verified; ${result.indexed} versions indexed for search (${Math.round(performance.now() - started)} ms)`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CopyMismatchError) {
      for (const line of table(error.result)) out(line);
      throw new CliError(error.message);
    }
    if (error instanceof TargetNotEmptyError) throw new CliError(error.message);
    throw error;
  } finally {
    await source.$disconnect();
    await target.$disconnect();
  }
}
