import { defineConfig } from "prisma/config";
import { config } from "./lib/config.ts";
import { SEARCH_INDEX_TABLES } from "./lib/search/tables.ts";

// Used by the Prisma CLI (generate; and migrate deploy on a machine that can run the native engine).
// This project applies migrations itself, offline: see scripts/migrate.ts and docs/decisions/.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: config().databaseUrl },
  // The search index's tables (FTS5) come from a hand-written migration; Prisma must not drop them.
  experimental: { externalTables: true },
  tables: { external: [...SEARCH_INDEX_TABLES] },
});
