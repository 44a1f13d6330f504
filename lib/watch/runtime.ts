/**
 * Watching in the app's server process: the dependencies every route and the scheduler share (the
 * process-wide client, the system clock, ingest in a worker thread, FETCH_ALLOW_HOSTS), and starting
 * the scheduler once per process (instrumentation.ts).
 */
import { db } from "../db.ts";
import { config } from "../config.ts";
import { ingestInWorker } from "../work/index.ts";

import { systemClock } from "./schedule.ts";
import { createScheduler, type Scheduler } from "./scheduler.ts";
import { deliverDue, enqueueNewVersion, type WebhookDeps } from "./webhooks.ts";

export function appWatchDeps(): WebhookDeps {
  const deps: WebhookDeps = {
    client: db(),
    clock: systemClock,
    ingest: ingestInWorker(),
    fetch: { allowHosts: config().fetchAllowHosts },
    origin: config().appOrigin,
  };
  deps.onNewVersion = async (event) => {
    await enqueueNewVersion(event, deps);
  };
  return deps;
}

const globalForWatch = globalThis as typeof globalThis & { __policyDiffScheduler?: Scheduler };

/**
 * Starts the scheduler unless WATCH_SCHEDULER=off; a second call in the same process does nothing
 * (the scheduler is kept on globalThis). Returns whether it runs.
 */
export function startScheduler(): boolean {
  if (config().watchScheduler === "off") return false;
  if (globalForWatch.__policyDiffScheduler) return true;
  const deps = appWatchDeps();
  const scheduler = createScheduler({ ...deps, deliver: () => deliverDue(deps), tickMs: config().watchTickMs });
  globalForWatch.__policyDiffScheduler = scheduler;
  scheduler.start();
  return true;
}
