/**
 * Budgets of the work done off the request's event loop (docs/decisions/0013-bounded-work.md): how
 * many worker threads, how long and how much memory one task may take, how many computations may
 * wait, and the bounds inside the engine and the pages. Every number in one place; a few can be set
 * from the environment (read once, when the pool starts).
 */
import type { CompareLimits } from "../compare/types.ts";

/** A lane is one queue with its own worker threads, so one kind of work never waits behind another. */
export type Lane = "render" | "compute" | "large";

export interface LaneBudget {
  /** Worker threads of the lane. */
  threads: number;
  /** A task running longer is stopped (its thread terminated) and fails with "timeout". */
  timeoutMs: number;
  /** V8 old-generation heap of each thread, MB; a task needing more fails with "memory". */
  memoryMb: number;
  /**
   * The threads' scheduling niceness (Linux: per thread; elsewhere ignored): above 0, the request
   * threads's event loop gets the cores first when both want them, so cheap pages stay quick while
   * computations run.
   */
  nice: number;
}

export interface WorkBudgets {
  lanes: Record<Lane, LaneBudget>;
  /**
   * Inputs (both texts together, in characters) from this size on go to the "large" lane: a
   * multi-megabyte comparison never holds up ordinary ones.
   */
  largeInputChars: number;
  /** Admission (lib/work/admission.ts), per lane that computes: tasks waiting beyond those running. */
  queue: Record<"compute" | "large", number>;
  /** Uncached computations one client address may have running or waiting, all lanes together. */
  perClient: number;
  /** Section bodies above these are compared whole (lib/compare CompareOptions.limits). */
  compareLimits: CompareLimits;
  /** A model whose JSON is longer than this is refused as too large (it would not fit a page or the cache). */
  maxModelChars: number;
  /** Pages: HTML of one part of a compare or version page (UTF-8 bytes), and rows per compare part. */
  partBytes: number;
  partRows: number;
  /** Characters shown of each side of a coarse section (its whole text is on the version pages). */
  coarseShowChars: number;
  /**
   * The version page shows a text with more characters or lines than these as plain paragraphs,
   * without the parser (headings not recognised), so its first view is quick whatever its size.
   */
  plainTextChars: number;
  plainTextLines: number;
}

type Env = Record<string, string | undefined>;

function envInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return n;
}

/**
 * The budgets, with the environment's overrides:
 *   WORK_THREADS (compute threads, default 1), WORK_TIMEOUT_MS (compute, default 20000; large gets
 *   twice, rendering half), WORK_MEMORY_MB (large lane heap, default 640), WORK_QUEUE (tasks waiting
 *   in the compute lane, default 8), WORK_PER_CLIENT (default 2), WORK_NICE (niceness of the compute
 *   and large lanes' threads, default 5).
 */
export function workBudgets(env: Env = process.env): WorkBudgets {
  const timeoutMs = envInt(env, "WORK_TIMEOUT_MS", 20_000, 100, 600_000);
  const nice = envInt(env, "WORK_NICE", 5, 0, 19);
  return {
    lanes: {
      render: { threads: 1, timeoutMs: Math.max(100, Math.round(timeoutMs / 2)), memoryMb: 384, nice: 0 },
      compute: { threads: envInt(env, "WORK_THREADS", 1, 1, 16), timeoutMs, memoryMb: 256, nice },
      large: {
        threads: 1,
        timeoutMs: timeoutMs * 2,
        memoryMb: envInt(env, "WORK_MEMORY_MB", 640, 64, 8192),
        nice,
      },
    },
    largeInputChars: 1_000_000,
    queue: { compute: envInt(env, "WORK_QUEUE", 8, 0, 1000), large: 2 },
    perClient: envInt(env, "WORK_PER_CLIENT", 2, 1, 1000),
    compareLimits: { sectionBlocks: 2000, sectionChars: 200_000 },
    maxModelChars: 32 * 1024 * 1024,
    partBytes: 400_000,
    partRows: 600,
    coarseShowChars: 20_000,
    plainTextChars: 1_000_000,
    plainTextLines: 40_000,
  };
}
