/**
 * `npm run db:migration:create -- <name>`: after editing prisma/schema.prisma, writes the migration that
 * takes the existing migrations to the schema (offline; see lib/migrate). Prints nothing to do when the
 * migrations already match the schema. Then run `npm run prisma:generate` and `npm run db:migrate`.
 */
import path from "node:path";
import { createMigration } from "../lib/migrate/index.ts";

const name = process.argv.slice(2).join("_");
if (!name) {
  console.error("usage: npm run db:migration:create -- <name>   (e.g. add_version_note)");
  process.exit(2);
}
try {
  const folder = await createMigration(name);
  console.log(
    folder
      ? `db:migration:create: wrote ${path.relative(process.cwd(), folder)}/migration.sql — review it, then commit`
      : "db:migration:create: the migrations already match prisma/schema.prisma; nothing to create",
  );
} catch (error) {
  console.error(`db:migration:create: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
