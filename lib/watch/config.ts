/**
 * Every threshold of watching, backfill and webhooks, in one place (docs/decisions/0025-watching-sources.md).
 */
export const WATCH_CONFIG = {
  /** The shortest interval an admin may set (the minimum), and the longest (a month). */
  minIntervalMinutes: 15,
  maxIntervalMinutes: 60 * 24 * 31,
  /** A scheduled check runs up to this share of the interval late (at most maxJitterMs), so sources
   * set up together do not stay in lock-step. */
  jitterShare: 0.1,
  maxJitterMs: 10 * 60_000,
  /** After the n-th error in a row, the next check waits firstRetryMs x 2^(n-1), at most maxRetryMs. */
  firstRetryMs: 5 * 60_000,
  maxRetryMs: 24 * 60 * 60_000,
  /** Two fetches of one host (by any process sharing the database) are at least this far apart. */
  hostSpacingMs: 10_000,
  /** How long a process holds a claimed source: longer than a fetch (15 s) plus extraction and the write. */
  leaseMs: 2 * 60_000,
  /** How often the scheduler looks for due sources, and how many it takes per look. */
  tickMs: 30_000,
  batchSize: 5,
  /** At most this many watched sources per host (a watch list is not a crawler). */
  maxSourcesPerHost: 20,
  /** The largest page a check stores (bytes after decompression); larger fails as too_large. */
  maxSnapshotBytes: 3 * 1024 * 1024,
  /** Check-log rows kept per policy (older ones are deleted as new ones come). */
  checksKept: 500,
  /** Backfill: pause between two fetches of the template's host. */
  backfillSpacingMs: 1_000,
  /** Backfill: at most this many dates per run. */
  backfillMaxDates: 100,
} as const;

export const WEBHOOK_CONFIG = {
  /** Attempts per delivery; between them firstRetryMs x 2^(n-1). */
  maxAttempts: 6,
  firstRetryMs: 30_000,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  signatureHeader: "x-policy-diff-signature",
  eventHeader: "x-policy-diff-event",
} as const;
