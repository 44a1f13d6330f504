/**
 * `npm run bench:web`: served times of the compare view for seed 000 vs 001 (咪咕云书店 vs 咪咕快游),
 * uncached (CompareCache emptied before each request) and cached, median over several requests,
 * for the page and for /api/compare. Targets (issue 4): page <= 150 ms uncached, <= 30 ms cached.
 *
 * By default it starts its own production server (`next start` on BENCH_PORT, default 3300) on a
 * fresh, migrated, seeded database under .tmp/, from an existing build (`npm run build` first;
 * NEXT_DIST_DIR picks the build folder). To measure a server that is already running instead, set
 * BENCH_URL, and BENCH_DATABASE_URL to its database if uncached times are wanted. Without BENCH_URL, a
 * `postgres://` BENCH_DATABASE_URL is the database its own server runs on (dropped and created afresh;
 * docs/decisions/0017-postgresql.md).
 *   BENCH_RUNS (default 15) requests per measurement, after BENCH_WARMUP (default 5) unmeasured ones.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { gzipSync } from "node:zlib";
import { cpus, loadavg } from "node:os";
import { config, databaseFile } from "../lib/config.ts";
import { seedSamples } from "../lib/data/samples.ts";
import { createDb, type Db } from "../lib/db.ts";
import { applyPendingMigrations } from "../lib/migrate/index.ts";
import { createDatabase, dropDatabase } from "../lib/migrate/postgres-cluster.ts";
import { providerOf } from "../lib/migrate/providers.ts";

const runs = Number(process.env.BENCH_RUNS ?? 15);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const from = "zh-migu-bookstore-privacy@2022-06-29";
const to = "zh-migu-kuaiyou-privacy@2021-12-29";
const targets = [
  { name: "page", path: `/compare/${from}...${to}`, uncachedTarget: 150, cachedTarget: 30 },
  { name: "api ", path: `/api/compare?from=${from}&to=${to}`, uncachedTarget: null, cachedTarget: null },
];

/** Refuses to go on when the port is taken (it would measure someone else's server). */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", () => reject(new Error(`port ${port} is in use: set BENCH_PORT to a free port`)))
      .once("listening", () => probe.close(() => resolve()))
      .listen(port);
  });
}

async function startServer(): Promise<{ base: string; dbUrl: string; child: ChildProcess }> {
  const port = process.env.BENCH_PORT ?? "3300";
  await assertPortFree(Number(port));
  const distDir = config().nextDistDir;
  if (!existsSync(`${distDir}/BUILD_ID`))
    throw new Error(`no production build in ${distDir}/: run \`npm run build\` first (or set NEXT_DIST_DIR)`);
  const given = process.env.BENCH_DATABASE_URL;
  const dbUrl = given && providerOf(given) === "postgresql" ? given : `file:./.tmp/bench-web-${port}.db`;
  mkdirSync(".tmp", { recursive: true });
  if (providerOf(dbUrl) === "postgresql") {
    const name = decodeURIComponent(new URL(dbUrl).pathname.slice(1));
    await dropDatabase(dbUrl, name);
    await createDatabase(dbUrl, name);
  } else for (const s of ["", "-journal", "-wal", "-shm"]) rmSync(databaseFile(dbUrl) + s, { force: true });
  await applyPendingMigrations(dbUrl);
  const seedClient = createDb(dbUrl);
  await seedSamples(seedClient);
  await seedClient.$disconnect();
  const child = spawn("next", ["start", "--port", port], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      PATH: `node_modules/.bin:${process.env.PATH}`,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/policies`)).ok) return { base, dbUrl, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("the server did not start within 20 s");
}

/** Time to the last byte of one request, in ms. */
async function timeOne(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - t;
}

/**
 * CPU time the server process has used so far, in ms (Linux /proc; null elsewhere). On a busy machine
 * wall times include waiting for a core; CPU per request is what the request itself costs.
 */
function serverCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, at USER_HZ = 100
  } catch {
    return null;
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function measure(
  url: string,
  before: () => Promise<void>,
  pid?: number,
): Promise<{ times: number[]; cpu: number | null }> {
  for (let i = 0; i < warmup; i++) {
    await before();
    await timeOne(url);
  }
  const times: number[] = [];
  const cpu0 = serverCpuMs(pid);
  for (let i = 0; i < runs; i++) {
    await before();
    times.push(await timeOne(url));
  }
  const cpu1 = serverCpuMs(pid);
  return { times, cpu: cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / runs : null };
}

function line(label: string, m: { times: number[]; cpu: number | null }, target: number | null, extra = ""): string {
  const med = median(m.times);
  const verdict = target === null ? "" : `  target <= ${target} ms: ${med <= target ? "ok" : "MISSED"}`;
  const cpu = m.cpu === null ? "" : `  server CPU ${m.cpu.toFixed(1)} ms/req`;
  return `${label} ${fmt(med)}  min ${fmt(Math.min(...m.times))}${cpu}${verdict}${extra}`;
}

/**
 * The JavaScript a page loads: every script its HTML references (<script src> except noModule
 * polyfills, and scripts it preloads), as served from the build, each gzipped (level 9), summed.
 */
async function pageJs(url: string): Promise<{ files: number; raw: number; gzip: number }> {
  const html = await (await fetch(url)).text();
  const srcs = new Set<string>();
  // noModule scripts (legacy polyfills) are skipped by every browser that runs the app's modules.
  for (const m of html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js[^"]*)"([^>]*)>/g))
    if (!/nomodule/i.test(m[1]! + m[3]!)) srcs.add(m[2]!);
  for (const m of html.matchAll(
    /<link[^>]*rel="(?:preload|modulepreload)"[^>]*as="script"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+\.js[^"]*)"[^>]*as="script"/g,
  ))
    srcs.add((m[1] ?? m[2])!);
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, "&"), url))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: srcs.size, raw, gzip };
}

const readLoad = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

const fmt = (ms: number): string => `${ms.toFixed(1).padStart(6)} ms`;

async function main(): Promise<void> {
  let base = process.env.BENCH_URL?.replace(/\/$/, "");
  let dbUrl = process.env.BENCH_DATABASE_URL ?? null;
  let child: ChildProcess | null = null;
  if (!base) ({ base, dbUrl, child } = await startServer());
  const db: Db | null = dbUrl ? createDb(dbUrl) : null;
  const clearCache = async () => {
    await db?.compareCache.deleteMany({});
  };
  try {
    console.log(`bench:web ${base} — seed 000 vs 001, median of ${runs} (after ${warmup} warm-up requests)`);
    for (const t of targets) {
      const url = base + t.path;
      const size = (await (await fetch(url)).arrayBuffer()).byteLength;
      if (db) console.log(line(`${t.name} uncached`, await measure(url, clearCache, child?.pid), t.uncachedTarget));
      else console.log(`${t.name} uncached  (skipped: set BENCH_DATABASE_URL to the server's database)`);
      console.log(
        line(
          `${t.name} cached  `,
          await measure(url, async () => {}, child?.pid),
          t.cachedTarget,
          `  ${(size / 1024).toFixed(0)} KB`,
        ),
      );
    }
    // The machine's speed right now: the home page (a small page with one query) on the same server.
    console.log(line("home page (reference)", await measure(`${base}/`, async () => {}, child?.pid), null));
    const js = await pageJs(base + targets[0]!.path);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `page JS: ${js.files} chunks, ${kb(js.raw)} raw, ${kb(js.gzip)} gzipped  target <= 150 KB: ${js.gzip <= 150 * 1024 ? "ok" : "MISSED"}`,
    );
    const load = readLoad();
    if (load) console.log(`load average during the run: ${load} (on ${cpus().length} cores)`);
  } finally {
    await db?.$disconnect();
    child?.kill();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:web: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
