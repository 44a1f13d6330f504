/**
 * The server's engine, off the request's event loop (docs/decisions/0021-bounded-work.md): three lanes
 * of worker threads (lib/work/pool.ts) and admission control (lib/work/admission.ts), one set per
 * process (kept on globalThis: Next bundles route handlers and pages apart, and each must see the same
 * queues).
 *
 *   render   short tasks: one part of a page from a model or a small document (never admission-controlled)
 *   compute  ordinary comparisons, and admin imports
 *   large    inputs from WorkBudgets.largeInputChars on (multi-megabyte documents)
 *
 *   const { json } = await work().run("compute", "compare", input);        // WorkBudgetError past the budget
 *   await work().admission.run("compute", client, () => work().run(...));  // BusyError beyond the queue
 *
 * Outside Next's server (the seed, the CLI and benches, under tsx) `work()` runs the same tasks in the
 * calling thread instead (createInlineWork): a local tool has no other requests to keep answering, and
 * worker threads would need tsx's loader (lib/work/testing.ts starts such threads for the tests).
 */
import { Worker } from "node:worker_threads";
import type { IngestBytesOptions, IngestResult, IngestTextOptions } from "../ingest/index.ts";
import { IngestError, type IngestErrorCode } from "../ingest/errors.ts";
import { Admission } from "./admission.ts";
import { config } from "../config.ts";
import { workBudgets, type Lane, type WorkBudgets } from "./config.ts";
import { processWide } from "./lru.ts";
import { isWorkBudgetError, isWorkTaskError, WorkerPool } from "./pool.ts";
import type { TaskInput, TaskKind, TaskOutput } from "./tasks.ts";

export { BusyError, clientAddress, isBusyError } from "./admission.ts";
export { isWorkBudgetError, isWorkTaskError, WorkBudgetError, WorkTaskError } from "./pool.ts";
export type { Lane, WorkBudgets } from "./config.ts";

/** What a lane tells about its load (lib/work/pool.ts WorkerPool). */
export interface LaneStats {
  readonly threads: number;
  readonly averageMs: number;
  readonly running: number;
  readonly waiting: number;
}

export interface Work {
  budgets: WorkBudgets;
  pools: Record<Lane, LaneStats>;
  admission: Admission;
  run<K extends TaskKind>(lane: Lane, kind: K, input: TaskInput<K>): Promise<TaskOutput<K>>;
  /** The lane for an input of this many characters: "large" from budgets.largeInputChars on. */
  laneFor(chars: number, small?: Lane): Lane;
  close(): Promise<void>;
}

/** Starts one thread of a lane, with the lane's memory limit and niceness. */
export type StartThread = (budget: { memoryMb: number; nice: number }) => Worker;

const startThread: StartThread = (budget) =>
  // The URL must stay literally inside `new Worker(...)`: that is how Turbopack finds the entry to bundle.
  new Worker(new URL("./worker.ts", import.meta.url), {
    workerData: { nice: budget.nice },
    resourceLimits: {
      maxOldGenerationSizeMb: budget.memoryMb,
      // A small young generation: scavenges are cheap, and each thread's semi-spaces count in the RSS.
      maxYoungGenerationSizeMb: 16,
    },
  });

/** Lanes with these budgets; `start` is replaced only by tests (lib/work/testing.ts). */
export function createWork(budgets: WorkBudgets = workBudgets(), start: StartThread = startThread): Work {
  const lane = (name: Lane) =>
    new WorkerPool({
      name,
      threads: budgets.lanes[name].threads,
      timeoutMs: budgets.lanes[name].timeoutMs,
      create: () => start(budgets.lanes[name]),
    });
  const pools: Record<Lane, WorkerPool> = { render: lane("render"), compute: lane("compute"), large: lane("large") };
  return {
    budgets,
    pools,
    admission: new Admission({ compute: pools.compute, large: pools.large }, budgets),
    run: (name, kind, input) => pools[name].run({ kind, input }),
    laneFor: (chars, small = "compute") => (chars >= budgets.largeInputChars ? "large" : small),
    close: async () => {
      await Promise.all(Object.values(pools).map((p) => p.close()));
    },
  };
}

/** The tasks run in the calling thread, with the same interface, budgets and admission, but no time or memory bound. */
export function createInlineWork(budgets: WorkBudgets = workBudgets()): Work {
  const stats = (name: Lane) => ({ threads: budgets.lanes[name].threads, averageMs: 0, running: 0, waiting: 0 });
  const pools: Record<Lane, LaneStats> = { render: stats("render"), compute: stats("compute"), large: stats("large") };
  return {
    budgets,
    pools,
    admission: new Admission({ compute: pools.compute, large: pools.large }, budgets),
    run: async (_lane, kind, input) => {
      // Loaded on first use: the server, which runs tasks in threads, never loads them here.
      const { TASKS } = await import("./tasks.ts");
      const task = TASKS[kind] as (input: unknown) => unknown;
      return (await task(input)) as TaskOutput<typeof kind>;
    },
    laneFor: (chars, small = "compute") => (chars >= budgets.largeInputChars ? "large" : small),
    close: async () => {},
  };
}

/**
 * The process's lanes and admission (created on first use; one per process, see lib/work/lru.ts):
 * worker threads in Next's server, the calling thread elsewhere (createInlineWork).
 */
export function work(): Work {
  return processWide("work", () => (config().nextServer ? createWork() : createInlineWork()));
}

/** lib/ingest's two entries, as lib/import calls them (`ImportOptions.ingest`). */
export interface IngestRunner {
  text(text: string, options: IngestTextOptions): Promise<IngestResult>;
  bytes(bytes: Uint8Array, options: IngestBytesOptions): Promise<IngestResult>;
}

/**
 * lib/ingest in a worker thread of `lanes` (default: the process's), with the refusals it throws there
 * (IngestError) thrown again here, and a task over its budget refused as too complex (an IngestError).
 */
export function ingestInWorker(lanes: () => Work = work): IngestRunner {
  return {
    text: (text, options) => runIngest(lanes(), text.length, { kind: "text", text, options }),
    bytes: (bytes, options) => runIngest(lanes(), bytes.length, { kind: "bytes", bytes, options }),
  };
}

async function runIngest(w: Work, size: number, input: TaskInput<"ingest">): Promise<IngestResult> {
  try {
    return await w.run(w.laneFor(size), "ingest", input);
  } catch (error) {
    if (isWorkTaskError(error) && error.data.name === "IngestError")
      throw new IngestError(error.data.code as IngestErrorCode, error.data.message);
    if (isWorkBudgetError(error))
      throw new IngestError(
        "too-large",
        error.reason === "timeout"
          ? "The document is too complex to read within the server's time limit."
          : "The document is too complex to read within the server's memory limit.",
      );
    throw error;
  }
}
