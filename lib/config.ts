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

export const DEFAULT_PORT = "3000";

const portSchema = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, "PORT must be a port number like 3000");

const originSchema = z
  .string()
  .trim()
  .pipe(
    z.url({ protocol: /^https?$/, error: 'APP_ORIGIN must be an http(s) origin like "https://policies.example.org"' }),
  )
  .refine((value) => {
    if (!URL.canParse(value)) return true; // reported by z.url above
    const u = new URL(value);
    return !u.username && !u.password && u.pathname === "/" && !u.search && !u.hash;
  }, "APP_ORIGIN is an origin only (scheme, host and port), without a path, query or credentials");

/**
 * APP_ORIGIN: the origin people reach the app at (scheme://host[:port], as the browser's address bar
 * shows it). The web forms' server actions are accepted only from it (proxy.ts). Default for local
 * use: http://localhost:<PORT, default 3000>. Throws with a readable message when malformed.
 */
export function appOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const port = portSchema.safeParse(env.PORT?.trim() || DEFAULT_PORT);
  if (!port.success) throw new Error(port.error.issues.map((i) => i.message).join("; "));
  const raw = env.APP_ORIGIN?.trim() || `http://localhost:${port.data}`;
  const parsed = originSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return new URL(parsed.data).origin;
}
