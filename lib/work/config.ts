/**
 * Budgets of the work done off the request's event loop (docs/decisions/0021-bounded-work.md): how
 * many worker threads, how long and how much memory one task may take, how many computations may
 * wait, and the bounds inside the engine and the pages. Every number in one place; a few can be set
 * from the environment (read once, when the pool starts).
 */
import type { CompareLimits } from "../compare/types.ts";
import { config, type WorkSettings } from "../config.ts";

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
   * lib/insight annotates models up to this size (characters of JSON): it reads every changed text
   * (topics, key terms), which on a multi-megabyte coarse model takes longer than a page may wait.
   * Larger models are shown and sent without its annotations (no digest, kinds or topics).
   */
  insightMaxChars: number;
  /**
   * The version page shows a text with more characters or lines than these as plain paragraphs,
   * without the parser (headings not recognised), so its first view is quick whatever its size.
   */
  plainTextChars: number;
  plainTextLines: number;
}

/** The budgets, with the environment's settings (lib/config.ts: WORK_*). */
export function workBudgets(set: WorkSettings = config().work): WorkBudgets {
  return {
    lanes: {
      render: { threads: 1, timeoutMs: Math.max(100, Math.round(set.timeoutMs / 2)), memoryMb: 256, nice: 0 },
      compute: { threads: set.threads, timeoutMs: set.timeoutMs, memoryMb: 192, nice: set.nice },
      large: { threads: 1, timeoutMs: set.timeoutMs * 2, memoryMb: set.largeMemoryMb, nice: set.nice },
    },
    largeInputChars: 1_000_000,
    queue: { compute: set.queue, large: 2 },
    perClient: set.perClient,
    compareLimits: { sectionBlocks: 2000, sectionChars: 200_000 },
    maxModelChars: 32 * 1024 * 1024,
    partBytes: 400_000,
    partRows: 600,
    coarseShowChars: 20_000,
    insightMaxChars: 2_000_000,
    plainTextChars: 1_000_000,
    plainTextLines: 40_000,
  };
}
