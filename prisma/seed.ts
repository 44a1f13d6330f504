/**
 * `npm run db:seed`: loads the sample policies into DATABASE_URL. Idempotent (see lib/data/samples.ts).
 * Run `npm run db:migrate` first.
 */
import { createDb } from "../lib/db.ts";
import { seedSamples } from "../lib/data/samples.ts";
import { config } from "../lib/config.ts";
import { displayUrl } from "../lib/migrate/providers.ts";

const client = createDb();
const started = performance.now();
try {
  const r = await seedSamples(client);
  console.log(
    `db:seed: ${r.policies} policies; ${r.created} versions added, ${r.unchanged} already present, ${r.steps} history steps computed ` +
      `(${displayUrl(config().databaseUrl)}, ${Math.round(performance.now() - started)} ms)`,
  );
} catch (error) {
  console.error(`db:seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.$disconnect();
}
