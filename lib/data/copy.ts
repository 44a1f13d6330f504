/**
 * Copying a whole store from one database to another, e.g. SQLite -> PostgreSQL and back
 * (`npm run -s policy -- migrate-data`; docs/decisions/0017-postgresql.md).
 *
 * Every model of prisma/schema.prisma is copied, parents before children (the order is read from the
 * schema's relations, so tables added later, e.g. watching's, are copied without changes here), in
 * batches, with every stored column as it is (ids, dates, JSON texts). The search index is not copied:
 * the target builds its own (its tables differ per database; `reindexStale`). The copy is then verified:
 * per model, the row count and a sha256 over the rows (sorted by id, each as canonical JSON) must be equal
 * on both sides.
 *
 * Not marked server-only: the CLI uses it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Db } from "../db.ts";
import { providerPaths } from "../migrate/providers.ts";
import { reindexStale } from "./search-index.ts";

/** The models of a Prisma schema, each after the models its relations point at. */
export function modelsInCopyOrder(schema: string): string[] {
  const deps = new Map<string, Set<string>>();
  for (const m of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const needs = new Set<string>();
    for (const f of m[2]!.matchAll(/^\s*\w+\s+(\w+)\??\s+@relation\([^)]*\bfields:/gm)) if (f[1] !== m[1]) needs.add(f[1]!);
    deps.set(m[1]!, needs);
  }
  const order: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (order.includes(name)) return;
    if (path.includes(name)) throw new Error(`relation cycle: ${[...path, name].join(" -> ")}`);
    for (const d of deps.get(name) ?? []) visit(d, [...path, name]);
    order.push(name);
  };
  for (const name of deps.keys()) visit(name, []);
  return order;
}

type Row = Record<string, unknown> & { id: string };

interface Delegate {
  findMany(args: { orderBy: { id: "asc" }; take: number; cursor?: { id: string }; skip?: number }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  count(): Promise<number>;
}

const delegate = (client: Db, model: string): Delegate =>
  (client as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;

/** Rows per read and per insert (a version's text can be large; so can a cached model). */
const BATCH = 50;

async function* rowsOf(client: Db, model: string): AsyncGenerator<Row[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await delegate(client, model).findMany({
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!rows.length) return;
    yield rows;
    cursor = rows[rows.length - 1]!.id;
  }
}

const canonical = (row: Row): string =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => {
        const v = row[k];
        return [k, v instanceof Date ? v.toISOString() : typeof v === "bigint" ? v.toString() : v];
      }),
  );

export interface ModelDigest {
  model: string;
  rows: number;
  sha256: string;
}

/** Per model: row count and a sha256 over its rows (sorted by id in code: collations differ). */
export async function storeDigest(client: Db, models: readonly string[]): Promise<ModelDigest[]> {
  const out: ModelDigest[] = [];
  for (const model of models) {
    const hashes: [string, string][] = [];
    for await (const rows of rowsOf(client, model))
      for (const r of rows) hashes.push([r.id, createHash("sha256").update(canonical(r)).digest("hex")]);
    hashes.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const all = createHash("sha256");
    for (const [id, h] of hashes) all.update(`${id}\t${h}\n`);
    out.push({ model, rows: hashes.length, sha256: all.digest("hex") });
  }
  return out;
}

export interface CopyResult {
  source: ModelDigest[];
  target: ModelDigest[];
  /** Versions the target indexed for search. */
  indexed: number;
}

export class TargetNotEmptyError extends Error {
  constructor(readonly model: string, readonly rows: number) {
    super(`the target database already holds ${rows} ${model} rows: copy into an empty (migrated) database`);
    this.name = "TargetNotEmptyError";
  }
}

export class CopyMismatchError extends Error {
  constructor(readonly result: CopyResult) {
    super("the copy differs from the source (counts or hashes): see the table");
    this.name = "CopyMismatchError";
  }
}

/**
 * Copies every row of `from` into `to` (migrated, and empty: TargetNotEmptyError), then indexes the
 * target for search and verifies counts and hashes (CopyMismatchError).
 */
export async function copyStore(
  from: Db,
  to: Db,
  opts: { schema?: string; log?: (line: string) => void } = {},
): Promise<CopyResult> {
  const models = modelsInCopyOrder(opts.schema ?? readFileSync(providerPaths("sqlite").schemaPath, "utf8"));
  for (const model of models) {
    const n = await delegate(to, model).count();
    if (n) throw new TargetNotEmptyError(model, n);
  }
  for (const model of models) {
    let copied = 0;
    for await (const rows of rowsOf(from, model)) copied += (await delegate(to, model).createMany({ data: rows })).count;
    opts.log?.(`${model}: ${copied} rows`);
  }
  const indexed = await reindexStale(to);
  const result = { source: await storeDigest(from, models), target: await storeDigest(to, models), indexed };
  if (JSON.stringify(result.source) !== JSON.stringify(result.target)) throw new CopyMismatchError(result);
  return result;
}
