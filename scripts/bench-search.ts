/**
 * `npm run bench:search`: the search index at scale. Figures, not pass/fail tests.
 *
 * 1. A generated store in its own SQLite file (.tmp/bench-search.db): BENCH_POLICIES (2,000) policies x
 *    BENCH_VERSIONS (5) versions built from the samples in data/samples by edits (a subset of each
 *    sample's paragraphs for the first version, then paragraphs changed, dropped and taken from other
 *    samples for each next one), ~100 MB of text. Built once and reused while the generator, the index
 *    rules and the parser stay the same (`--rebuild` forces it). The bulk load runs the app's own
 *    `indexVersion` on a direct better-sqlite3 connection in large transactions (the app's write path
 *    costs a Prisma transaction per version, which only matters for the load time).
 * 2. Search: p50 and p95 of `searchSections` (what GET /api/search runs, first page of 20) for ten
 *    Chinese and English queries, through Prisma as in the app; beside it, for the two-character
 *    queries, what the index saves: a LIKE scan of every section text.
 * 3. Index size: the search tables' pages (dbstat), against the text stored.
 * 4. Adding a version with the index: `addNewVersion` (the app's path) end to end, and what search adds:
 *    the sections taken from the parse (before the transaction) and the index rows written in it
 *    (`indexVersion` in a transaction then rolled back). Targets: search p95 <= 100 ms, the index adds
 *    <= 50 ms to adding a version. The added versions are deleted again.
 *
 * Stops by itself. Environment: BENCH_POLICIES, BENCH_VERSIONS, BENCH_RUNS (20).
 */
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb } from "../lib/db.ts";
import { contentHash } from "../lib/ingest/hash.ts";
import { readManifest, SAMPLES_DIR } from "../lib/data/samples.ts";
import { measureText } from "../lib/data/measures.ts";
import { indexVersion, prepareText, SEARCH_INDEX_FINGERPRINT, type SqlRunner } from "../lib/data/search-index.ts";
import { searchSections } from "../lib/data/search.ts";
import { addNewVersion, deleteVersion } from "../lib/data/version-writes.ts";
import { applyPendingMigrations } from "../lib/migrate/index.ts";
import { parseDocument } from "../lib/parse/index.ts";
import { parseSearchQuery } from "../lib/search/query.ts";
import type { Block } from "../lib/parse/types.ts";

const POLICIES = Number(process.env.BENCH_POLICIES ?? 2000);
const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const FILE = path.resolve(".tmp/bench-search.db");
const URL = `file:${FILE}`;
/** Bump when the generator changes: a store built by another generator is built again. */
const GENERATOR = "gen-5";

const QUERIES = [
  "个人信息",
  "隐私",
  "第三方",
  "人脸识别",
  "敏感个人信息",
  "儿童 监护人",
  '"personal data"',
  "cookies",
  "third parties",
  "ID",
];

// ---------------------------------------------------------------------------------------------
// A deterministic generator

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  blocks: Block[];
  paragraphs: string[];
  bytes: number;
}

async function loadSamples(): Promise<Sample[]> {
  const manifest = await readManifest();
  return manifest.policies.flatMap((p) =>
    p.versions.map((v) => {
      const text = readFileSync(path.join(SAMPLES_DIR, v.file), "utf8");
      const tree = parseDocument(text);
      return {
        blocks: tree.blocks,
        paragraphs: tree.blocks.filter((b) => b.kind === "paragraph" && b.text.trim().length > 20).map((b) => b.text),
        bytes: Buffer.byteLength(text),
      };
    }),
  );
}

/** A first version: the sample's headings and metadata, and a share of its paragraphs (~5-15 KB). */
function firstVersion(sample: Sample, random: () => number, name: string): string {
  const target = 5_000 + random() * 10_000;
  const keep = Math.min(1, target / sample.bytes);
  let out = "";
  for (const b of sample.blocks) {
    if (b.kind === "paragraph" && random() > keep) continue;
    out += b.text;
  }
  return out.replace(/学习强国|咪咕|豆瓣|BeReal|Miitee/g, name);
}

/** The next version: a few paragraphs edited, one dropped, one taken from another sample. */
function nextVersion(text: string, samples: Sample[], random: () => number): string {
  const lines = text.split("\n");
  const pick = () => Math.floor(random() * lines.length);
  for (let k = 0; k < 3 + Math.floor(random() * 4); k++) {
    const i = pick();
    const line = lines[i]!;
    if (line.length < 30) continue;
    const at = Math.floor(random() * (line.length - 10));
    const donor = samples[Math.floor(random() * samples.length)]!.paragraphs;
    const piece = donor[Math.floor(random() * donor.length)] ?? "";
    lines[i] = line.slice(0, at) + piece.slice(0, 10 + Math.floor(random() * 60)).trim() + line.slice(at + 5);
  }
  const drop = pick();
  if ((lines[drop] ?? "").length > 30) lines.splice(drop, 1);
  const donor = samples[Math.floor(random() * samples.length)]!.paragraphs;
  lines.splice(pick(), 0, "", (donor[Math.floor(random() * donor.length)] ?? "").trim(), "");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The store

/** A better-sqlite3 connection speaking the raw-SQL part of Prisma's client (statements cached). */
function runnerOf(sqlite: Database.Database): SqlRunner {
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = sqlite.prepare(sql)));
    return s;
  };
  return {
    $executeRawUnsafe: (sql, ...values) => Promise.resolve(stmt(sql).run(...values).changes),
    $queryRawUnsafe: <T>(sql: string, ...values: unknown[]) => Promise.resolve(stmt(sql).all(...values) as T),
  };
}

const storedDate = (d: string) => `${d}T00:00:00.000+00:00`;
const fingerprint = () => JSON.stringify([GENERATOR, POLICIES, VERSIONS, SEARCH_INDEX_FINGERPRINT]);

async function buildStore(): Promise<void> {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(FILE + suffix, { force: true });
  mkdirSync(path.dirname(FILE), { recursive: true });
  await applyPendingMigrations(URL);
  const samples = await loadSamples();
  const sqlite = new Database(FILE);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const run = runnerOf(sqlite);
  const insertPolicy = sqlite.prepare(`INSERT INTO "Policy" ("id", "slug", "name", "updatedAt") VALUES (?, ?, ?, ?)`);
  const insertVersion = sqlite.prepare(
    `INSERT INTO "Version" ("id", "policyId", "key", "publishedAt", "originalText", "originalFormat", "contentHash", "importedAt", "textLength", "sectionCount")
     VALUES (?, ?, ?, ?, ?, 'text', ?, ?, ?, ?)`,
  );
  const started = performance.now();
  let bytes = 0;
  let lastReport = started;
  for (let p = 0; p < POLICIES; p++) {
    const random = rng(p + 1);
    const sample = samples[p % samples.length]!;
    const name = `产品${p.toString(36).toUpperCase()}`;
    const policyId = `bench-policy-${p}`;
    const now = new Date().toISOString();
    sqlite.exec("BEGIN");
    insertPolicy.run(policyId, `bench-${p}`, `${name} 隐私政策 ${p}`, now);
    let text = firstVersion(sample, random, name);
    for (let v = 0; v < VERSIONS; v++) {
      if (v > 0) text = nextVersion(text, samples, random);
      const date = new Date(Date.UTC(2019, 0, 1) + (v * 200 + (p % 150)) * 86_400_000).toISOString().slice(0, 10);
      const versionId = `bench-version-${p}-${v}`;
      const prepared = prepareText(text);
      insertVersion.run(
        versionId,
        policyId,
        date,
        storedDate(date),
        text,
        contentHash(text),
        now,
        prepared.textLength,
        prepared.sectionCount,
      );
      await indexVersion(run, { versionId, policyId }, prepared.searchSections);
      bytes += Buffer.byteLength(text);
    }
    sqlite.exec("COMMIT");
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      console.log(
        `  built ${p + 1}/${POLICIES} policies (${(bytes / 1e6).toFixed(0)} MB) in ${((lastReport - started) / 1000).toFixed(0)} s`,
      );
    }
  }
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS "BenchInfo" ("fingerprint" TEXT NOT NULL, "bytes" INTEGER NOT NULL, "seconds" REAL NOT NULL)`,
  );
  sqlite
    .prepare(`INSERT INTO "BenchInfo" VALUES (?, ?, ?)`)
    .run(fingerprint(), bytes, (performance.now() - started) / 1000);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("ANALYZE");
  sqlite.close();
}

function storeIsCurrent(): boolean {
  try {
    const sqlite = new Database(FILE, { readonly: true, fileMustExist: true });
    try {
      const row = sqlite.prepare(`SELECT "fingerprint" FROM "BenchInfo"`).get() as { fingerprint: string } | undefined;
      return row?.fingerprint === fingerprint();
    } finally {
      sqlite.close();
    }
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

async function main(): Promise<void> {
  console.log(`bench:search — load average ${load()} (1/5/15 min), ${POLICIES} policies x ${VERSIONS} versions`);
  if (process.argv.includes("--rebuild") || !storeIsCurrent()) {
    console.log(`building ${path.relative(process.cwd(), FILE)} …`);
    await buildStore();
  } else
    console.log(
      `reusing ${path.relative(process.cwd(), FILE)} (same generator and index rules; --rebuild to build again)`,
    );

  const sqlite = new Database(FILE, { readonly: true });
  const info = sqlite.prepare(`SELECT "bytes", "seconds" FROM "BenchInfo"`).get() as { bytes: number; seconds: number };
  const counts = sqlite
    .prepare(
      `SELECT (SELECT COUNT(*) FROM "Version") AS versions, (SELECT COUNT(*) FROM "SearchOccurrence") AS occurrences,
              (SELECT COUNT(*) FROM "SearchSection") AS sections`,
    )
    .get() as { versions: number; occurrences: number; sections: number };
  const sizes = sqlite.prepare(`SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as {
    name: string;
    bytes: number;
  }[];
  const size = (pred: (n: string) => boolean) => sizes.filter((s) => pred(s.name)).reduce((n, s) => n + s.bytes, 0);
  const trigram = size((n) => n.startsWith("SearchTrigram"));
  const bigram = size((n) => n.startsWith("SearchBigram"));
  const sectionTable = size((n) => n.startsWith("SearchSection") || n.startsWith("sqlite_autoindex_SearchSection"));
  const occurrence = size((n) => n.startsWith("SearchOccurrence") || n.startsWith("SearchIndexedVersion"));
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  console.log(
    `store: ${counts.versions} versions, ${mb(info.bytes)} of text (built in ${info.seconds.toFixed(0)} s), ` +
      `${counts.occurrences} version sections -> ${counts.sections} distinct section texts; file ${mb(statSync(FILE).size)}`,
  );
  console.log(
    `index: trigram FTS5 ${mb(trigram)}, two-character FTS5 ${mb(bigram)}, section texts ${mb(sectionTable)} (the text, stored once per distinct section), ` +
      `occurrences ${mb(occurrence)}; index proper (FTS5 + occurrences) ${mb(trigram + bigram + occurrence)} = ${((trigram + bigram + occurrence) / info.bytes).toFixed(2)}x the text`,
  );

  const client = createDb(URL);
  try {
    // Search latency, first page (limit 20), as GET /api/search runs it.
    console.log(`\nsearch (${RUNS} runs each after 2 warm-ups; first page of 20):`);
    const all: number[] = [];
    for (const q of QUERIES) {
      const parsed = parseSearchQuery(q);
      if (!parsed.ok) throw new Error(`bad bench query ${q}`);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS + 2; i++) {
        const t0 = performance.now();
        const r = await searchSections({ terms: parsed.terms, limit: 20 }, client);
        const dt = performance.now() - t0;
        total = r.total;
        if (i >= 2) times.push(dt);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      const via = parsed.terms.map((t) => t.index).join("+");
      console.log(
        `  ${q.padEnd(18)} ${via.padEnd(15)} hits ${String(total).padStart(6)}   p50 ${ms(quantile(times, 0.5)).padStart(9)}   p95 ${ms(quantile(times, 0.95)).padStart(9)}`,
      );
    }
    all.sort((a, b) => a - b);
    console.log(`  all queries: p50 ${ms(quantile(all, 0.5))}, p95 ${ms(quantile(all, 0.95))} (target p95 <= 100 ms)`);

    // Filters (not in the figures above): one policy is an id range; a date range checks versions.
    for (const [label, q, filter] of [
      ["个人信息, policy=bench-7", "个人信息", { policy: "bench-7" }],
      ["第三方, 2020", "第三方", { from: "2020-01-01", to: "2020-12-31" }],
      ["个人信息, 2020", "个人信息", { from: "2020-01-01", to: "2020-12-31" }],
    ] as const) {
      const parsed = parseSearchQuery(q);
      if (!parsed.ok) throw new Error(`bad bench query ${q}`);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < Math.max(5, RUNS / 4) + 1; i++) {
        const t0 = performance.now();
        total = (await searchSections({ terms: parsed.terms, limit: 20, ...filter }, client)).total;
        if (i > 0) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(
        `  filtered: ${label.padEnd(26)} hits ${String(total).padStart(6)}   p50 ${ms(quantile(times, 0.5)).padStart(9)}   p95 ${ms(quantile(times, 0.95)).padStart(9)}`,
      );
    }

    // What the two-character index saves: the same question as a scan.
    for (const q of ["隐私", "ID"]) {
      const t0 = performance.now();
      const like = sqlite.prepare(`SELECT COUNT(*) AS n FROM "SearchSection" WHERE "text" LIKE ?`).get(`%${q}%`) as {
        n: number;
      };
      const t1 = performance.now();
      const match = sqlite
        .prepare(`SELECT COUNT(*) AS n FROM "SearchBigram" WHERE "SearchBigram" MATCH ?`)
        .get(`"${q.toLowerCase()}"`) as { n: number };
      const t2 = performance.now();
      console.log(
        `  two characters "${q}": LIKE scan of every section text ${ms(t1 - t0)} (${like.n} rows) vs two-character index ${ms(t2 - t1)} (${match.n} rows)`,
      );
    }

    // Adding a version: the app's path end to end, and what the index adds to it: sections taken from
    // the parse the write does anyway (prepareText against measureText, both before the transaction),
    // and the index rows written inside it (indexVersion, in a transaction then rolled back).
    console.log(`\nadding a version (10 policies):`);
    const add: number[] = [];
    const parseOnly: number[] = [];
    const prepare: number[] = [];
    const indexRows: number[] = [];
    const del: number[] = [];
    const samples = await loadSamples();
    for (let k = 0; k < 10; k++) {
      const p = (k * 197) % POLICIES;
      const slug = `bench-${p}`;
      const last = (await client.version.findFirst({
        where: { policy: { slug } },
        orderBy: { publishedAt: "desc" },
        select: { originalText: true, policyId: true },
      }))!;
      const text = nextVersion(last.originalText, samples, rng(10_000 + k));
      const hash = contentHash(text);
      let t0 = performance.now();
      measureText(text);
      parseOnly.push(performance.now() - t0);
      t0 = performance.now();
      const prepared = prepareText(text);
      prepare.push(performance.now() - t0);
      await client
        .$transaction(async (tx) => {
          const row = await tx.version.create({
            data: {
              policyId: last.policyId,
              key: "bench-probe",
              originalText: text,
              originalFormat: "text",
              contentHash: hash,
              textLength: prepared.textLength,
              sectionCount: prepared.sectionCount,
            },
          });
          const t1 = performance.now();
          await indexVersion(tx, { versionId: row.id, policyId: last.policyId }, prepared.searchSections);
          indexRows.push(performance.now() - t1);
          throw new Error("rollback");
        })
        .catch((e: unknown) => {
          if (!(e instanceof Error) || e.message !== "rollback") throw e;
        });
      t0 = performance.now();
      const added = await addNewVersion(
        slug,
        { text, format: "text", contentHash: hash, publishedAt: "2030-01-01" },
        client,
      );
      add.push(performance.now() - t0);
      t0 = performance.now();
      await deleteVersion(slug, added.key, client);
      del.push(performance.now() - t0);
    }
    for (const list of [add, parseOnly, prepare, indexRows, del]) list.sort((a, b) => a - b);
    const extra = prepare.map((t, i) => t - parseOnly[i]! + indexRows[i]!).sort((a, b) => a - b);
    console.log(`  addNewVersion with the index: p50 ${ms(quantile(add, 0.5))}, max ${ms(add[add.length - 1]!)}`);
    console.log(
      `  parse and measure (done without search too): p50 ${ms(quantile(parseOnly, 0.5))}; with the search sections: p50 ${ms(quantile(prepare, 0.5))} (both before the transaction)`,
    );
    console.log(
      `  index rows in the transaction (SearchSection, FTS5, occurrences): p50 ${ms(quantile(indexRows, 0.5))}, max ${ms(indexRows[indexRows.length - 1]!)}`,
    );
    console.log(
      `  extra for search (sections + index rows): p50 ${ms(quantile(extra, 0.5))}, max ${ms(extra[extra.length - 1]!)} (target <= 50 ms)`,
    );
    console.log(`  deleteVersion (index rows go by cascade and triggers): p50 ${ms(quantile(del, 0.5))}`);
  } finally {
    await client.$disconnect();
    sqlite.close();
  }
  console.log(`\nload average at the end ${load()}`);
}

await main();
