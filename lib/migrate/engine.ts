/**
 * Prisma's schema engine, compiled to Wasm, driving a SQLite file through the better-sqlite3 driver
 * adapter. The native engine cannot be downloaded on these machines; the Wasm build is the same engine
 * (same `_prisma_migrations` bookkeeping, same SQL), so a stock `prisma migrate deploy` agrees.
 *
 * The package is a wasm-bindgen "bundler" build: Node cannot import its `.wasm` directly, so it is
 * instantiated by hand here.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

type Runtime = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: typeof SchemaEngine;
};

let runtimePromise: Promise<Runtime> | undefined;

async function loadRuntime(): Promise<Runtime> {
  const jsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(jsPath), "schema_engine_bg.wasm");
  const runtime = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Runtime;
  const module = await WebAssembly.compile(await readFile(wasmPath));
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return runtime;
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
 * Opens an engine on one database (a `file:` URL or ":memory:"). One engine per database file per
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
  const factory = new PrismaBetterSqlite3({ url });
  const opened: { dispose(): Promise<void> }[] = [];
  // Remember every connection the engine makes, so close() can end them.
  const tracking = {
    provider: factory.provider as "sqlite",
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await runtime.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (m: string) => log(m),
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.allSettled(opened.map((a) => a.dispose()));
    },
  };
}
