/**
 * `npm run bench:load`: does the server keep answering cheap pages while it is flooded with work?
 *
 * For BENCH_SECONDS (default 60), BENCH_CLIENTS (default 20) clients each request compares that miss
 * the cache (every request a distinct version pair or option set; alternately the page and
 * /api/compare), while one more client reads the home page and a compare page that is already cached,
 * in turn. Prints p50/p99 of each, the uncached answers by status, and the server's RSS (sampled every
 * 250 ms, the process and its children). Targets while the load runs: home p99 <= 200 ms, cached
 * compare p99 <= 500 ms, RSS <= 1 GB. Each loading client sends its own X-Forwarded-For (198.51.100.N),
 * as distinct clients would reach the server through a proxy, so a per-client bound in the server does
 * not fold the twenty into one.
 *
 * Bounded and loopback only: it starts its own production server (`next start` on 127.0.0.1,
 * BENCH_PORT, default 3320) from an existing build (NEXT_DIST_DIR) on a fresh database under .tmp/,
 * adds extra versions through the write API so there are enough distinct pairs, and stops by itself
 * (in-flight requests are aborted, the server is stopped). Every request times out after 60 s.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { databaseFile } from "../lib/config.ts";
import { seedSamples } from "../lib/data/samples.ts";
import { createDb } from "../lib/db.ts";
import { applyPendingMigrations } from "../lib/migrate/index.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const clients = Number(process.env.BENCH_CLIENTS ?? 20);
const port = Number(process.env.BENCH_PORT ?? 3320);
const host = "127.0.0.1";
const base = `http://${host}:${port}`;
const token = "bench-load-admin-token-0123456789";
const requestTimeoutMs = 60_000;
const extraPolicy = "bench-load-extra";

function assertPortFree(p: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", () => reject(new Error(`port ${p} is in use: set BENCH_PORT to a free port`)))
      .once("listening", () => probe.close(() => resolve()))
      .listen(p, host);
  });
}

async function startServer(): Promise<ChildProcess> {
  await assertPortFree(port);
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(`${distDir}/BUILD_ID`))
    throw new Error(`no production build in ${distDir}/: run \`npm run build\` first (or set NEXT_DIST_DIR)`);
  const dbUrl = `file:./.tmp/bench-load-${port}.db`;
  mkdirSync(".tmp", { recursive: true });
  for (const s of ["", "-journal", "-wal", "-shm"]) rmSync(databaseFile(dbUrl) + s, { force: true });
  await applyPendingMigrations(dbUrl);
  const seedClient = createDb(dbUrl);
  await seedSamples(seedClient);
  await seedClient.$disconnect();
  // BENCH_NODE_ARGS go to the server's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, "node_modules/next/dist/bin/next", "start", "--hostname", host, "--port", String(port)],
    {
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        ADMIN_TOKEN: token,
        PATH: `node_modules/.bin:${process.env.PATH}`,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/policies`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("the server did not start within 30 s");
}

/** RSS of a process and its descendants, in bytes (Linux /proc; 0 elsewhere). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  let rss = 0;
  try {
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      } catch {
        // gone meanwhile
      }
    }
    const walk = (p: number): void => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
        if (m) rss += Number(m[1]) * 1024;
      } catch {
        // gone meanwhile
      }
      for (const c of children.get(p) ?? []) walk(c);
    };
    walk(pid);
  } catch {
    return 0;
  }
  return rss;
}

interface Address {
  slug: string;
  key: string;
}

/** A few extra versions of one policy (edits of a seed), added through the API, so pairs stay distinct. */
async function addExtraVersions(count: number): Promise<void> {
  const seed = readFileSync("data/samples/seeds/000_ebd95ca57e37e1f5.txt", "utf8");
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const variant = (i: number) => {
    const lines = seed.split("\n");
    for (let j = i % 7; j < lines.length; j += 7 + i) lines[j] = `${lines[j]}（第${i}版修订）`;
    return lines.join("\n");
  };
  const date = (i: number) => `2030-01-${String(i + 1).padStart(2, "0")}`;
  const created = await fetch(`${base}/api/policies`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      slug: extraPolicy,
      name: "Bench extra",
      version: { text: variant(0), publishedAt: date(0) },
    }),
  });
  if (created.status !== 201)
    throw new Error(`creating the extra policy: HTTP ${created.status} ${await created.text()}`);
  for (let i = 1; i < count; i++) {
    const res = await fetch(`${base}/api/policies/${extraPolicy}/versions`, {
      method: "POST",
      headers,
      body: JSON.stringify({ text: variant(i), publishedAt: date(i) }),
    });
    if (res.status !== 201) throw new Error(`adding extra version ${i}: HTTP ${res.status} ${await res.text()}`);
  }
}

async function allVersions(): Promise<Address[]> {
  const list = (await (await fetch(`${base}/api/policies`)).json()) as
    { policies?: { slug: string }[] } | { slug: string }[];
  const policies = Array.isArray(list) ? list : (list.policies ?? []);
  const out: Address[] = [];
  for (const p of policies) {
    const detail = (await (await fetch(`${base}/api/policies/${p.slug}`)).json()) as {
      policy?: { versions: { key: string }[] };
      versions?: { key: string }[];
    };
    for (const v of detail.policy?.versions ?? detail.versions ?? []) out.push({ slug: p.slug, key: v.key });
  }
  return out;
}

const IGNORE_SETS = [
  "",
  "none",
  "whitespace",
  "width",
  "numbering",
  "whitespace,numbering",
  "width,numbering",
  "whitespace,width,numbering",
];

/** Distinct uncached requests: every ordered pair of versions with every option set, shuffled. */
function* uncachedTargets(versions: Address[]): Generator<string> {
  const items: string[] = [];
  for (const a of versions)
    for (const b of versions) {
      if (a === b) continue;
      for (const ignore of IGNORE_SETS) {
        const q = ignore ? `ignore=${ignore}` : "";
        items.push(
          items.length % 2
            ? `/api/compare?from=${a.slug}@${a.key}&to=${b.slug}@${b.key}${q ? `&${q}` : ""}`
            : `/compare/${a.slug}@${a.key}...${b.slug}@${b.key}${q ? `?${q}` : ""}`,
        );
      }
    }
  // Deterministic shuffle (LCG), so runs compare like with like.
  let s = 12345;
  for (let i = items.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  yield* items;
}

interface Sample {
  ms: number;
  status: number;
}

async function timed(path: string, signal: AbortSignal, client?: number): Promise<Sample> {
  const t = performance.now();
  const timeout = AbortSignal.timeout(requestTimeoutMs);
  const headers: Record<string, string> = client === undefined ? {} : { "x-forwarded-for": `198.51.100.${client + 1}` };
  try {
    const res = await fetch(base + path, { signal: AbortSignal.any([signal, timeout]), headers });
    await res.arrayBuffer();
    return { ms: performance.now() - t, status: res.status };
  } catch {
    return { ms: performance.now() - t, status: signal.aborted ? -1 : 0 };
  }
}

function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const ms = (x: number) => (Number.isNaN(x) ? "    –" : `${x.toFixed(0).padStart(5)} ms`);

function report(name: string, samples: Sample[], target: number | null): string {
  const done = samples.filter((s) => s.status !== -1);
  const byStatus = new Map<number, number>();
  for (const s of done) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
  const statuses = [...byStatus]
    .sort((a, b) => a[0] - b[0])
    .map(([k, n]) => `${k === 0 ? "failed" : k}: ${n}`)
    .join(", ");
  const times = done.map((s) => s.ms);
  const p99 = pct(times, 99);
  const verdict = target === null ? "" : `  target p99 <= ${target} ms: ${p99 <= target ? "ok" : "MISSED"}`;
  return `${name.padEnd(16)} n=${String(done.length).padStart(5)}  p50 ${ms(pct(times, 50))}  p99 ${ms(p99)}  max ${ms(Math.max(...times))}  (${statuses})${verdict}`;
}

async function main(): Promise<void> {
  const child = await startServer();
  const stop = new AbortController();
  try {
    await addExtraVersions(12);
    const versions = await allVersions();
    const targets = uncachedTargets(versions);
    const cachedPath = "/compare/zh-migu-bookstore-privacy@2022-06-29...zh-migu-kuaiyou-privacy@2021-12-29";
    // Warm the cached page (and the server's code paths) before the clock starts.
    for (let i = 0; i < 3; i++) await timed(cachedPath, stop.signal);
    await timed("/", stop.signal);
    console.log(
      `bench:load ${base}: ${clients} clients on uncached compares (${versions.length} versions) for ${seconds} s, ` +
        `one client on / and a cached compare page`,
    );

    const uncached: Sample[] = [];
    const home: Sample[] = [];
    const cached: Sample[] = [];
    const rss: number[] = [];
    const idleRss = treeRss(child.pid!);
    const sampler = setInterval(() => rss.push(treeRss(child.pid!)), 250);
    const deadline = Date.now() + seconds * 1000;
    let exhausted = false;
    const loader = async (client: number) => {
      while (Date.now() < deadline && !stop.signal.aborted) {
        const next = targets.next();
        if (next.done) {
          exhausted = true;
          return;
        }
        const s = await timed(next.value, stop.signal, client);
        if (s.status !== -1) uncached.push(s);
        // A refused request (503) waits a little, as a polite client would, then asks for the next pair.
        if (s.status === 503) await new Promise((r) => setTimeout(r, 250));
      }
    };
    const reader = async () => {
      while (Date.now() < deadline && !stop.signal.aborted) {
        home.push(await timed("/", stop.signal));
        cached.push(await timed(cachedPath, stop.signal));
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const ended = setTimeout(() => stop.abort(), seconds * 1000 + 5000);
    await Promise.all([reader(), ...Array.from({ length: clients }, (_, i) => loader(i))]);
    clearTimeout(ended);
    stop.abort();
    clearInterval(sampler);

    console.log(report("home", home, 200));
    console.log(report("cached compare", cached, 500));
    console.log(report("uncached", uncached, null));
    if (exhausted) console.log("note: every distinct pair was asked for before the time was up");
    const peak = Math.max(...rss);
    const gb = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GB`;
    console.log(
      `server RSS: idle ${gb(idleRss)}, peak ${gb(peak)}, median ${gb(pct(rss, 50))}  target <= 1 GB: ${peak <= 1024 ** 3 ? "ok" : "MISSED"}`,
    );
    console.log(
      `load average: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} (on ${cpus().length} cores)`,
    );
  } finally {
    stop.abort();
    child.kill();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:load: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
