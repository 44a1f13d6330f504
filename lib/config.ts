/**
 * The app's configuration: every environment variable the app reads, validated with zod here and
 * nowhere else (docs/decisions/0013-app-conventions.md). Other modules call `config()` (or take an
 * `AppConfig` argument, so tests can pass their own) and never read process.env themselves.
 *
 * A bad environment fails loudly and early: next.config.ts calls `config()`, so `next build` and
 * `next start` stop with the list of problems, and instrumentation.ts checks again when the server
 * starts. Framework-free, so scripts (migrate, seed, the CLI) read the same settings.
 *
 *   DATABASE_URL       SQLite `file:` URL (default file:./data/app.db), or a PostgreSQL `postgres://` /
 *                      `postgresql://` URL (docs/decisions/0017-postgresql.md)
 *   ADMIN_TOKEN        the admin credential, at least 16 characters; unset: generated in development,
 *                      writes refused in production (lib/auth.ts)
 *   FETCH_ALLOW_HOSTS  host names or IP addresses that "fetch by URL" may reach although private
 *   COOKIE_SECURE      1/true: the session cookie is always Secure; 0/false or unset: when over https
 *   NEXT_DIST_DIR      Next.js build folder (default .next)
 *   PORT               the port `next start` listens on (default 3000; Next reads it itself)
 *   APP_ORIGIN         the origin people reach the app at; server actions are accepted only from it
 *                      (proxy.ts). Default http://localhost:<PORT>
 *   NODE_ENV           "production" disables the generated development token; "development" relaxes
 *                      the pages' CSP for Next's dev tools (set by Next)
 *   NEXT_RUNTIME       set by Next's server ("nodejs"): engine work then runs in worker threads (lib/work)
 *   WORK_THREADS, WORK_TIMEOUT_MS, WORK_MEMORY_MB, WORK_QUEUE, WORK_PER_CLIENT, WORK_NICE,
 *   COMPARE_CACHE_MAX_CHARS   the budgets of the work done in worker threads and of the compare
 *                      cache (`WorkSettings` below; docs/decisions/0021-bounded-work.md)
 * An empty value counts as unset.
 */
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { parseAllowHosts } from "./ingest/fetch.ts";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";
export const DEFAULT_PORT = "3000";
export const MIN_ADMIN_TOKEN_LENGTH = 16;

export interface AppConfig {
  /** NODE_ENV is "production". */
  production: boolean;
  /** NODE_ENV is "development" (next dev). */
  development: boolean;
  /** Running in Next's server (NEXT_RUNTIME is set), not in a script. */
  nextServer: boolean;
  databaseUrl: string;
  /** null when unset (see lib/auth.ts for what that means). */
  adminToken: string | null;
  fetchAllowHosts: readonly string[];
  cookieSecure: boolean;
  nextDistDir: string;
  /** APP_ORIGIN normalised to scheme://host[:port], or the local default. */
  appOrigin: string;
  /** Whether APP_ORIGIN was set (else appOrigin is the local default). */
  appOriginSet: boolean;
  work: WorkSettings;
  /** WATCH_SCHEDULER: "on" (default) checks watched sources from the server process; "off" does not. */
  watchScheduler: "on" | "off";
  /** WATCH_TICK_MS: how often the scheduler looks for due sources (default 30 s). */
  watchTickMs: number;
}

/** The settings of the work done off the request's event loop (lib/work/config.ts has the rest). */
export interface WorkSettings {
  /** WORK_THREADS: threads of the compute lane (default 1). */
  threads: number;
  /** WORK_TIMEOUT_MS: time budget of a computation (default 20 s; the large lane gets twice, rendering half). */
  timeoutMs: number;
  /** WORK_MEMORY_MB: heap of the large lane's thread (default 640). */
  largeMemoryMb: number;
  /** WORK_QUEUE: computations that may wait in the compute lane beyond the running ones (default 8). */
  queue: number;
  /** WORK_PER_CLIENT: uncached computations one client address may have under way (default 2). */
  perClient: number;
  /** WORK_NICE: niceness of the compute and large lanes' threads (default 5). */
  nice: number;
  /** COMPARE_CACHE_MAX_CHARS: total size of the compare cache table, characters of JSON (default 64 M). */
  compareCacheMaxChars: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** "" and whitespace-only values mean "unset". */
const unset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const originSchema = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) origin like "https://policies.example.org"' }))
  .refine((value) => {
    if (!URL.canParse(value)) return true; // reported by z.url above
    const u = new URL(value);
    return !u.username && !u.password && u.pathname === "/" && !u.search && !u.hash;
  }, "must be an origin only (scheme, host and port), without a path, query or credentials");

/** An optional integer within bounds, with its default. */
const intSetting = (fallback: number, min: number, max: number) =>
  z.preprocess(
    unset,
    z.coerce
      .number({ error: `must be an integer from ${min} to ${max}` })
      .int(`must be an integer from ${min} to ${max}`)
      .min(min, `must be an integer from ${min} to ${max}`)
      .max(max, `must be an integer from ${min} to ${max}`)
      .default(fallback),
  );

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

const envSchema = z.object({
  NODE_ENV: z.preprocess(unset, z.string().optional()),
  NEXT_RUNTIME: z.preprocess(unset, z.string().optional()),
  DATABASE_URL: z.preprocess(
    unset,
    z
      .string()
      .trim()
      .regex(
        /^(file:.+|postgres(ql)?:\/\/.+)/i,
        'must be a SQLite URL like "file:./data/app.db" or a PostgreSQL URL like "postgres://user@host:5432/db"',
      )
      .default(DEFAULT_DATABASE_URL),
  ),
  ADMIN_TOKEN: z.preprocess(
    unset,
    z
      .string()
      .trim()
      .refine((t) => t.length >= MIN_ADMIN_TOKEN_LENGTH, {
        error: (issue) =>
          `must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (it has ${String(issue.input).trim().length})`,
      })
      .optional(),
  ),
  FETCH_ALLOW_HOSTS: z.preprocess(
    unset,
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        const hosts = parseAllowHosts(value);
        for (const host of hosts)
          if (!isIP(host) && !HOST_NAME.test(host))
            ctx.addIssue({
              code: "custom",
              message: `"${host}" is not a host name or IP address (no scheme, port or path)`,
            });
        return hosts;
      }),
  ),
  COOKIE_SECURE: z.preprocess(
    unset,
    z
      .enum(["1", "0", "true", "false"], { error: "must be 1 or 0 (or true/false)" })
      .optional()
      .transform((v) => v === "1" || v === "true"),
  ),
  NEXT_DIST_DIR: z.preprocess(unset, z.string().trim().default(".next")),
  PORT: z.preprocess(
    unset,
    z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, "must be a port number like 3000")
      .default(DEFAULT_PORT),
  ),
  APP_ORIGIN: z.preprocess(unset, originSchema.optional()),
  WORK_THREADS: intSetting(1, 1, 16),
  WORK_TIMEOUT_MS: intSetting(20_000, 100, 600_000),
  WORK_MEMORY_MB: intSetting(640, 64, 8192),
  WORK_QUEUE: intSetting(8, 0, 1000),
  WORK_PER_CLIENT: intSetting(2, 1, 1000),
  WORK_NICE: intSetting(5, 0, 19),
  COMPARE_CACHE_MAX_CHARS: intSetting(64 * 1024 * 1024, 1024, 2 ** 31),
  WATCH_SCHEDULER: z.preprocess(unset, z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on")),
  WATCH_TICK_MS: intSetting(30_000, 1_000, 3_600_000),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** An environment -> the app's configuration. Throws ConfigError naming every bad variable (never its value). */
export function parseConfig(env: Env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  const e = parsed.data;
  return {
    production: e.NODE_ENV === "production",
    development: e.NODE_ENV === "development",
    nextServer: e.NEXT_RUNTIME !== undefined,
    databaseUrl: e.DATABASE_URL,
    adminToken: e.ADMIN_TOKEN ?? null,
    fetchAllowHosts: e.FETCH_ALLOW_HOSTS,
    cookieSecure: e.COOKIE_SECURE,
    nextDistDir: e.NEXT_DIST_DIR,
    appOrigin: new URL(e.APP_ORIGIN ?? `http://localhost:${e.PORT}`).origin,
    appOriginSet: e.APP_ORIGIN !== undefined,
    work: {
      threads: e.WORK_THREADS,
      timeoutMs: e.WORK_TIMEOUT_MS,
      largeMemoryMb: e.WORK_MEMORY_MB,
      queue: e.WORK_QUEUE,
      perClient: e.WORK_PER_CLIENT,
      nice: e.WORK_NICE,
      compareCacheMaxChars: e.COMPARE_CACHE_MAX_CHARS,
    },
    watchScheduler: e.WATCH_SCHEDULER,
    watchTickMs: e.WATCH_TICK_MS,
  };
}

let current: AppConfig | undefined;

/** This process's configuration, read from process.env once (the first call validates it). */
export function config(): AppConfig {
  current ??= parseConfig(process.env);
  return current;
}

/** The file a `file:` URL points at, resolved against the working directory (the project root). */
export function databaseFile(url: string = config().databaseUrl): string {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return p === ":memory:" ? p : path.resolve(p);
}
