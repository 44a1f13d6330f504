/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (default file:./data/app.db),
 * offline, like `prisma migrate deploy`, then measures stored versions that have no section count yet
 * (rows older than that column: SQL alone cannot parse a text; see lib/data/measures.ts). Safe to run
 * on every start: does nothing when up to date. Then indexes for search the versions the index lacks or
 * holds from an older parser (lib/data/search-index.ts).
 */
import { config } from "../lib/config.ts";
import { backfillMeasures } from "../lib/data/measures.ts";
import { reindexStale } from "../lib/data/search-index.ts";
import { createDb } from "../lib/db.ts";
import { applyPendingMigrations } from "../lib/migrate/index.ts";
import { displayUrl } from "../lib/migrate/providers.ts";

const started = performance.now();
try {
  const url = config().databaseUrl;
  const { applied } = await applyPendingMigrations(url);
  const client = createDb(url);
  let measured: number;
  try {
    measured = await backfillMeasures(client, { log: (line) => console.log(`db:migrate: ${line}`) });
  } finally {
    await client.$disconnect();
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    (applied.length
      ? `db:migrate: applied ${applied.join(", ")} to ${displayUrl(url)}`
      : `db:migrate: ${displayUrl(url)} is up to date`) +
      (measured ? `; measured ${measured} versions` : "") +
      ` (${ms} ms)`,
  );
  const search = createDb(url);
  try {
    const t0 = performance.now();
    const indexed = await reindexStale(search);
    if (indexed)
      console.log(`db:migrate: indexed ${indexed} versions for search (${Math.round(performance.now() - t0)} ms)`);
  } finally {
    await search.$disconnect();
  }
} catch (error) {
  console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
