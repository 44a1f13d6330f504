/**
 * When a source is checked next: pure functions of the clock's time, the source and a random number
 * (injectable, so tests state exact times).
 */
import { WATCH_CONFIG } from "./config.ts";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** After a check that worked: one interval later, plus up to jitterShare of it (capped). */
export function nextAfterSuccess(now: Date, intervalMinutes: number, random: () => number = Math.random): Date {
  const interval = intervalMinutes * 60_000;
  const jitter = Math.min(interval * WATCH_CONFIG.jitterShare, WATCH_CONFIG.maxJitterMs) * random();
  return new Date(now.getTime() + interval + Math.floor(jitter));
}

/** The wait after the n-th error in a row (n >= 1): exponential, capped. */
export function retryDelayMs(failures: number): number {
  const n = Math.max(1, failures);
  return Math.min(WATCH_CONFIG.firstRetryMs * 2 ** (n - 1), WATCH_CONFIG.maxRetryMs);
}

export function nextAfterError(now: Date, failures: number): Date {
  return new Date(now.getTime() + retryDelayMs(failures));
}

/** The host a source is spaced and counted by (lower case, without a trailing dot). */
export function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/\.$/, "");
}
