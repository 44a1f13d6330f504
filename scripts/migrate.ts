/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (default file:./data/app.db),
 * offline, like `prisma migrate deploy`. Safe to run on every start: does nothing when up to date.
 */
import { databaseUrl } from "../lib/config.ts";
import { applyPendingMigrations } from "../lib/migrate/index.ts";

const url = databaseUrl();
const started = performance.now();
try {
  const { applied } = await applyPendingMigrations(url);
  const ms = Math.round(performance.now() - started);
  console.log(
    applied.length
      ? `db:migrate: applied ${applied.join(", ")} to ${url} (${ms} ms)`
      : `db:migrate: ${url} is up to date (${ms} ms)`,
  );
} catch (error) {
  console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
