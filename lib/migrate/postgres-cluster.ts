/**
 * Throwaway PostgreSQL clusters and scratch databases, for CI (.ci/run), tests and creating PostgreSQL
 * migrations offline (docs/decisions/0017-postgresql.md). A cluster is initdb'd into a fresh folder,
 * listens on 127.0.0.1 and a socket in that folder, trusts local connections, and is deleted when
 * stopped. PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user (Debian's
 * package creates it) or, failing that, `nobody`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  dir: string;
  stop(): void;
}

/** Where initdb and pg_ctl are: PATH, /usr/local/bin, or Debian's /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | null {
  const candidates = [...(process.env.PATH ?? "").split(":"), "/usr/local/bin"];
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian))
    for (const v of readdirSync(debian).sort().reverse()) candidates.push(path.join(debian, v, "bin"));
  return candidates.find((d) => d && existsSync(path.join(d, "initdb")) && existsSync(path.join(d, "pg_ctl"))) ?? null;
}

function runAs(user: string | null, command: string, args: string[]): void {
  if (user === null) execFileSync(command, args, { stdio: "pipe" });
  else
    execFileSync("su", [user, "-s", "/bin/sh", "-c", [command, ...args].map(shellQuote).join(" ")], { stdio: "pipe" });
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

function unprivilegedUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  for (const user of ["postgres", "nobody"]) {
    try {
      execFileSync("id", [user], { stdio: "pipe" });
      return user;
    } catch {
      // next
    }
  }
  throw new Error("running as root and neither a postgres nor a nobody user exists to run PostgreSQL");
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** initdb + pg_ctl start in a fresh folder (under `parent`, default the system's temp folder). */
export async function startPostgresCluster(opts: { port?: number; parent?: string } = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed (no initdb/pg_ctl; apt-get install postgresql)");
  const port = opts.port ?? (await freePort());
  const dir = mkdtempSync(path.join(opts.parent ?? os.tmpdir(), "pg-cluster-"));
  const user = unprivilegedUser();
  if (user !== null) {
    chmodSync(dir, 0o777);
  }
  const data = path.join(dir, "data");
  try {
    runAs(user, path.join(bin, "initdb"), [
      "-D",
      data,
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
    runAs(user, path.join(bin, "pg_ctl"), [
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-w",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      "start",
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`could not start PostgreSQL: ${stderr || String(error)}`, { cause: error });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop() {
      try {
        runAs(user, path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the server of `serverUrl`; returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name must be [a-z0-9_]: ${name}`);
  await onServer(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A unique database name with a prefix. */
export const scratchName = (prefix: string): string =>
  `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");

/**
 * A PostgreSQL server for scratch databases: POSTGRES_TEST_URL when set (CI starts one for the whole run),
 * else a throwaway cluster of its own (stopped by `release`), else null when PostgreSQL is not installed.
 */
export async function scratchServer(): Promise<{ url: string; release(): void } | null> {
  const given = process.env.POSTGRES_TEST_URL;
  if (given) return { url: given, release() {} };
  if (!postgresBinDir()) return null;
  const cluster = await startPostgresCluster();
  return { url: cluster.url, release: () => cluster.stop() };
}
