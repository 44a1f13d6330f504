/**
 * Prisma's schema engine, compiled to Wasm, driving a SQLite file through the better-sqlite3 driver
 * adapter, or a PostgreSQL database through node-postgres (@prisma/adapter-pg; chosen by the URL). The native engine cannot be downloaded on these machines; the Wasm build is the same engine
 * (same `_prisma_migrations` bookkeeping, same SQL), so a stock `prisma migrate deploy` agrees.
 *
 * The package is a wasm-bindgen "bundler" build: Node cannot import its `.wasm` directly, so it is
 * instantiated by hand here.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { providerOf } from "./providers.ts";

const require = createRequire(import.meta.url);

type Runtime = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: typeof SchemaEngine;
};

let runtimePromise: Promise<Runtime> | undefined;

/**
 * The engine's timers that have not fired. On PostgreSQL it races each connection against a 10 s timer
 * it never clears, which kept a finished `db:migrate` (and every test process) alive 10 s more. When the
 * last open engine closes, they are cleared: nothing is left to wake.
 */
const engineTimers = new Set<ReturnType<typeof setTimeout>>();
let openEngines = 0;

/** The runtime's imports with its setTimeout (wasm-bindgen names it `__wbg_setTimeout_<hash>`) tracked. */
function withTrackedTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const tracked: WebAssembly.ModuleImports = { ...imports };
  for (const name of Object.keys(imports).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
    tracked[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(() => {
        engineTimers.delete(timer);
        callback();
      }, ms >>> 0);
      engineTimers.add(timer);
      return timer;
    };
  }
  return tracked;
}

async function loadRuntime(): Promise<Runtime> {
  const jsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(jsPath), "schema_engine_bg.wasm");
  const runtime = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Runtime;
  const module = await WebAssembly.compile(await readFile(wasmPath));
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": withTrackedTimers(runtime),
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return runtime;
}

/** PostgreSQL's one-byte "char" type (pg_class.relkind, ...): the adapter has no column type for it. */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * A node-postgres pool whose results report "char" columns as text. The schema engine's introspection
 * reads catalog columns of type "char"; @prisma/adapter-pg 7.10 rejects that type ("Column type 'char'
 * could not be deserialized"). Its values are one-character strings, so text is what they are.
 */
function introspectablePool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return pool;
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it at every ";", which breaks a PL/pgSQL
 * function body (the search index's trigger) and a ";" in a comment. PostgreSQL's simple query protocol
 * takes the whole script at once (and runs it as one implicit transaction), so it is sent whole.
 */
function wholeScripts<A extends SqlDriverAdapter>(adapter: A): A {
  const driver = (adapter as { underlyingDriver?: () => unknown }).underlyingDriver?.();
  if (adapter.provider !== "postgres" || !(driver instanceof pg.Pool)) return adapter;
  adapter.executeScript = async (script: string) => {
    await driver.query(script);
  };
  return adapter;
}

export interface EngineLog {
  (message: string): void;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes the database connections it opened (a plain function: callers destructure it). */
  close: () => Promise<void>;
}

/**
 * Opens an engine on one database (a `file:` URL, ":memory:", or a `postgres://` URL). One engine per database file per
 * process, and close it before anything else opens the file: its connection otherwise holds SQLite's
 * lock and a second connection waits out the busy timeout.
 */
export async function openSchemaEngine(
  url: string,
  schemaPath: string,
  log: EngineLog = () => {},
): Promise<OpenEngine> {
  runtimePromise ??= loadRuntime();
  const runtime = await runtimePromise;
  const schema = await readFile(schemaPath, "utf8");
  const factory =
    providerOf(url) === "postgresql"
      ? new PrismaPg(introspectablePool(url), { disposeExternalPool: true })
      : new PrismaBetterSqlite3({ url });
  const opened: { dispose(): Promise<void> }[] = [];
  // Remember every connection the engine makes, so close() can end them.
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = wholeScripts(await factory.connect());
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = wholeScripts(await factory.connectToShadowDb());
      opened.push(adapter);
      return adapter;
    },
  };
  openEngines++;
  let engine: SchemaEngine;
  try {
    engine = await runtime.SchemaEngine.new(
      { datamodels: [[schemaPath, schema]] },
      (m: string) => log(m),
      bindMigrationAwareSqlAdapterFactory(tracking),
    );
  } catch (error) {
    openEngines--;
    throw error;
  }
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.allSettled(opened.map((a) => a.dispose()));
      if (--openEngines === 0) {
        for (const timer of engineTimers) clearTimeout(timer);
        engineTimers.clear();
      }
    },
  };
}
