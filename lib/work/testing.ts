/**
 * Worker lanes for unit tests: the same pools and budgets as the app's, with threads that load the
 * TypeScript sources through tsx (lib/work/tsx-worker.mjs). Close them in `after()`.
 */
import { Worker } from "node:worker_threads";
import { parseConfig } from "../config.ts";
import { workBudgets, type WorkBudgets } from "./config.ts";
import { createWork, type Work } from "./index.ts";

export function createTestWork(patch: (b: WorkBudgets) => void = () => {}): Work {
  const budgets = workBudgets(parseConfig({}).work);
  patch(budgets);
  return createWork(
    budgets,
    (budget) => new Worker(new URL("./tsx-worker.mjs", import.meta.url), threadOptions(budget)),
  );
}

function threadOptions(budget: { memoryMb: number; nice: number }) {
  return {
    workerData: { nice: budget.nice },
    resourceLimits: {
      maxOldGenerationSizeMb: budget.memoryMb,
      // A small young generation: scavenges are cheap, and each thread's semi-spaces count in the RSS.
      maxYoungGenerationSizeMb: 16,
    },
  };
}
