/**
 * The server's environment, validated once. Framework-free so scripts (migrate, seed, tests) and
 * the app read the same settings.
 */
import path from "node:path";
import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

const databaseUrlSchema = z
  .string()
  .trim()
  .regex(/^file:.+/, 'DATABASE_URL must be a SQLite URL like "file:./data/app.db"');

/** DATABASE_URL, or the default file in the project. Throws with a readable message when malformed. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  const parsed = databaseUrlSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}

/** The file a `file:` URL points at, resolved against the working directory (the project root). */
export function databaseFile(url: string = databaseUrl()): string {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return p === ":memory:" ? p : path.resolve(p);
}
