/**
 * Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (run by `npm run -s prisma:generate`
 * before generating both clients; docs/decisions/0017-postgresql.md).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { postgresSchemaOf, providerPaths } from "../lib/migrate/providers.ts";

const source = readFileSync(providerPaths("sqlite").schemaPath, "utf8");
const target = providerPaths("postgresql").schemaPath;
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, postgresSchemaOf(source));
