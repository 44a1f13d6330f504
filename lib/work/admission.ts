/**
 * Admission control for uncached computations (docs/decisions/0021-bounded-work.md): each lane takes
 * as many as its threads run plus a bounded number waiting, and one client address at most
 * `perClient` in all; anything beyond is refused at once with BusyError (503 + Retry-After), so a flood
 * of expensive requests queues nothing unbounded and cached pages never wait behind it (they do not
 * come here at all). A request that joins a computation already under way costs nothing and is not
 * counted (lib/data/compare.ts shares one computation per cache key).
 */
export class BusyError extends Error {
  readonly code = "busy";
  constructor(
    /** Seconds after which a retry may be admitted (an estimate from recent task durations). */
    readonly retryAfter: number,
    readonly reason: "queue" | "client",
  ) {
    super(
      reason === "client"
        ? `This client already has computations under way; try again in ${retryAfter} s.`
        : `The server is busy with other computations; try again in ${retryAfter} s.`,
    );
    this.name = "BusyError";
  }
}

/** BusyError from any copy of this module (see lib/work/pool.ts on bundles). */
export function isBusyError(error: unknown): error is BusyError {
  return error instanceof Error && error.name === "BusyError" && "retryAfter" in error;
}

/** What admission needs to know of a lane (lib/work/pool.ts WorkerPool has these). */
export interface LaneLoad {
  readonly threads: number;
  readonly averageMs: number;
}

export interface AdmissionLimits {
  /** Tasks that may wait per lane, beyond the ones its threads run. */
  queue: Record<string, number>;
  perClient: number;
}

export class Admission {
  private readonly inLane = new Map<string, number>();
  private readonly byClient = new Map<string, number>();

  constructor(
    private readonly lanes: Record<string, LaneLoad>,
    private readonly limits: AdmissionLimits,
  ) {}

  /** Computations admitted and not finished, in one lane. */
  admitted(lane: string): number {
    return this.inLane.get(lane) ?? 0;
  }

  /** Runs `work` as one computation of `client` in `lane`, or throws BusyError without running it. */
  async run<T>(lane: string, client: string, work: () => Promise<T>): Promise<T> {
    const load = this.lanes[lane];
    if (!load) throw new Error(`unknown lane "${lane}"`);
    const inLane = this.admitted(lane);
    if (inLane >= load.threads + (this.limits.queue[lane] ?? 0)) throw new BusyError(this.retryAfter(lane), "queue");
    const mine = this.byClient.get(client) ?? 0;
    if (mine >= this.limits.perClient) throw new BusyError(this.retryAfter(lane), "client");
    this.inLane.set(lane, inLane + 1);
    this.byClient.set(client, mine + 1);
    try {
      return await work();
    } finally {
      this.inLane.set(lane, this.admitted(lane) - 1);
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    }
  }

  /** Seconds until the lane has likely worked through what it holds now (1 to 120). */
  retryAfter(lane: string): number {
    const load = this.lanes[lane]!;
    const perTask = load.averageMs || 1000;
    const seconds = ((this.admitted(lane) / load.threads) * perTask) / 1000;
    return Math.min(120, Math.max(1, Math.ceil(seconds)));
  }
}

/**
 * The client's address for the per-client bound: the last entry of X-Forwarded-For. Behind a reverse
 * proxy that appends the address it saw, that entry is the real client. Without one, Next's server
 * fills the header with the socket's address only when the request has none, so a client that sends
 * its own can pick its key: the per-client bound then only holds for honest clients, while the lane
 * bounds hold for everyone.
 */
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}
