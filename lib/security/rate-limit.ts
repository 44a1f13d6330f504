/**
 * Token buckets by key, in memory, with a bounded number of keys. Framework-free.
 *
 * Each key has a bucket of `capacity` tokens that refills at `refillPerSecond`; `take` spends one,
 * `waitSeconds` says how long until one is there. Keys whose bucket is full again are forgotten, and
 * beyond `maxKeys` the least recently used key is dropped (a flood of new keys cannot exhaust memory;
 * a dropped key starts again with a full bucket, which errs on the side of letting people in).
 */
export interface BucketOptions {
  capacity: number;
  refillPerSecond: number;
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was computed (ms). */
  at: number;
}

export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #maxKeys: number;

  constructor(readonly options: BucketOptions) {
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  #current(key: string, now: number): Bucket {
    const stored = this.#buckets.get(key);
    if (!stored) return { tokens: this.options.capacity, at: now };
    const refilled = stored.tokens + ((now - stored.at) / 1000) * this.options.refillPerSecond;
    return { tokens: Math.min(this.options.capacity, refilled), at: now };
  }

  /** Seconds until `key` has a token (0: it has one now). */
  waitSeconds(key: string, now: number = Date.now()): number {
    const { tokens } = this.#current(key, now);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.options.refillPerSecond);
  }

  /** Spends one of `key`'s tokens (none left: stays empty). */
  take(key: string, now: number = Date.now()): void {
    const bucket = this.#current(key, now);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.#buckets.delete(key); // re-inserted last: the Map's order is least recently used first
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#maxKeys) this.#forget(now);
  }

  /** Drops keys whose buckets are full again, then the least recently used beyond maxKeys. */
  #forget(now: number): void {
    for (const key of [...this.#buckets.keys()]) {
      if (this.#current(key, now).tokens >= this.options.capacity) this.#buckets.delete(key);
    }
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= this.#maxKeys) break;
      this.#buckets.delete(key);
    }
  }

  get size(): number {
    return this.#buckets.size;
  }
}
