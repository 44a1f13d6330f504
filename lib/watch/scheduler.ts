/**
 * The scheduler: every tick, find the sources that are due, claim each with one conditional update
 * (lib/watch/sources.ts claimSource: safe when several processes share the database), keep two
 * fetches of one host apart, and check them one at a time. Pending webhook deliveries go out on the
 * same tick. The schedule lives in the database (nextCheckAt), so a restart keeps it.
 *
 * `tick()` is the whole logic and is what tests drive with a fake clock; `start()` only repeats it on
 * a timer (unref'd, so it never keeps a process alive) and `stop()` ends that.
 */
import { WATCH_CONFIG } from "./config.ts";
import { runCheck, type CheckRecord, type WatchDeps } from "./check.ts";
import { claimSource } from "./sources.ts";

export interface TickResult {
  checks: (CheckRecord & { slug: string })[];
  /** Due sources left for a later tick because their host was fetched moments ago. */
  spaced: number;
  deliveries: number;
}

export interface SchedulerDeps extends WatchDeps {
  /** Sends pending webhook deliveries (lib/watch/webhooks.ts deliverDue); returns how many were tried. */
  deliver?: () => Promise<number>;
  tickMs?: number;
  log?: (line: string) => void;
}

export interface Scheduler {
  tick(): Promise<TickResult>;
  start(): void;
  stop(): Promise<void>;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { client, clock } = deps;
  const log = deps.log ?? ((line: string) => console.log(line));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  async function hostRecentlyFetched(host: string, now: Date): Promise<boolean> {
    const recent = await client.watchedSource.count({
      where: { host, lastCheckAt: { gt: new Date(now.getTime() - WATCH_CONFIG.hostSpacingMs) } },
    });
    return recent > 0;
  }

  async function tick(): Promise<TickResult> {
    const result: TickResult = { checks: [], spaced: 0, deliveries: 0 };
    const now = clock.now();
    const due = await client.watchedSource.findMany({
      where: { nextCheckAt: { lte: now }, leaseUntil: { lte: now } },
      orderBy: { nextCheckAt: "asc" },
      take: WATCH_CONFIG.batchSize,
      select: { id: true, host: true, policy: { select: { slug: true } } },
    });
    const hostsThisTick = new Set<string>();
    for (const source of due) {
      const at = clock.now();
      if (hostsThisTick.has(source.host) || (await hostRecentlyFetched(source.host, at))) {
        result.spaced++;
        continue;
      }
      const claimed = await claimSource(client, source.id, at, true);
      if (!claimed) continue; // another process took it
      hostsThisTick.add(source.host);
      const record = await runCheck(claimed, "schedule", deps);
      result.checks.push({ ...record, slug: source.policy.slug });
      if (record.outcome === "error") log(`[watch] ${source.policy.slug}: ${record.errorCode} ${record.reason ?? ""}`);
      else if (record.outcome === "new_version") log(`[watch] ${source.policy.slug}: new version ${record.versionKey}`);
    }
    if (deps.deliver) result.deliveries = await deps.deliver();
    return result;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) =>
          log(`[watch] tick failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          running = null;
          schedule();
        });
    }, deps.tickMs ?? WATCH_CONFIG.tickMs);
    timer.unref();
  }

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
