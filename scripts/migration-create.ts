/**
 * `npm run db:migration:create -- <name>`: after editing prisma/schema.prisma, regenerates the PostgreSQL
 * schema and writes, for BOTH providers, the migration that takes the existing migrations to the schema
 * (offline; see lib/migrate): prisma/migrations/<stamp>_<name> (SQLite) and
 * prisma/postgresql/migrations/<stamp>_<name> (PostgreSQL; needs PostgreSQL installed, or
 * POSTGRES_TEST_URL: a scratch database is made and dropped). Prints nothing to do for a provider whose
 * migrations already match. Then run `npm run prisma:generate` and `npm run db:migrate`.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { createMigration } from "../lib/migrate/index.ts";
import { PROVIDERS } from "../lib/migrate/providers.ts";

const name = process.argv.slice(2).join("_");
if (!name) {
  console.error("usage: npm run db:migration:create -- <name>   (e.g. add_version_note)");
  process.exit(2);
}
try {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/schema-postgresql.ts"], { stdio: "inherit" });
  const now = new Date(); // one stamp for both, so the two folders pair up by name
  for (const provider of PROVIDERS) {
    const folder = await createMigration(name, { provider, now });
    console.log(
      folder
        ? `db:migration:create: wrote ${path.relative(process.cwd(), folder)}/migration.sql (${provider}) — review it, then commit`
        : `db:migration:create: the ${provider} migrations already match the schema; nothing to create`,
    );
  }
} catch (error) {
  console.error(`db:migration:create: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
