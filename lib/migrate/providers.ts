/**
 * The two databases one code base runs on (docs/decisions/0017-postgresql.md), chosen by DATABASE_URL:
 * `file:` -> SQLite (better-sqlite3), `postgres://` / `postgresql://` -> PostgreSQL (node-postgres).
 *
 * prisma/schema.prisma is the one source schema (SQLite). Prisma 7 cannot take the datasource provider
 * from the environment, so prisma/postgresql/schema.prisma is GENERATED from it (`postgresSchemaOf`,
 * written by `npm run -s prisma:generate`); a unit test fails when the two are out of step. Each
 * provider has its migrations in Prisma's layout next to its schema.
 */
import path from "node:path";

export type Provider = "sqlite" | "postgresql";
export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

/** The provider a DATABASE_URL selects. */
export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:") || url === ":memory:") return "sqlite";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got ${url.split(":")[0]}:`,
  );
}

export const PRISMA_DIR = path.resolve("prisma");

export interface ProviderPaths {
  schemaPath: string;
  migrationsDir: string;
}

export function providerPaths(provider: Provider): ProviderPaths {
  const dir = provider === "sqlite" ? PRISMA_DIR : path.join(PRISMA_DIR, "postgresql");
  return { schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
}

const GENERATED_HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run -s prisma:generate` (lib/migrate/providers.ts): do not edit.\n" +
  "// The same models on PostgreSQL (docs/decisions/0017-postgresql.md).\n\n";

/** The PostgreSQL schema for a source (SQLite) schema: the provider and the client's output folder differ. */
export function postgresSchemaOf(source: string): string {
  const out = source
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(
      /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/generated\/prisma"/,
      '$1"../../generated/prisma-postgresql"',
    );
  if (!out.includes('"postgresql"') || !out.includes("prisma-postgresql"))
    throw new Error(
      'prisma/schema.prisma: expected datasource provider "sqlite" and generator output "../generated/prisma"',
    );
  return GENERATED_HEADER + out;
}

/** A database URL fit for a log line: a PostgreSQL password is replaced by "…". */
export const displayUrl = (url: string): string => url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, "$1:…@");
