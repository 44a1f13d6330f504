/**
 * A small least-recently-used map bounded by the total size of its values (as the caller measures
 * them, e.g. characters) and optionally by entry count. The newest entry is always kept, even alone
 * over the bound. Framework-free.
 */
export class SizedLru<V> {
  private readonly map = new Map<string, { value: V; size: number }>();
  private total = 0;

  constructor(
    private readonly maxSize: number,
    private readonly maxEntries = Infinity,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V, size = 1): void {
    this.delete(key);
    this.map.set(key, { value, size });
    this.total += size;
    for (const [k] of this.map) {
      if ((this.total <= this.maxSize && this.map.size <= this.maxEntries) || this.map.size === 1) break;
      this.delete(k);
    }
  }

  delete(key: string): void {
    const old = this.map.get(key);
    if (!old) return;
    this.map.delete(key);
    this.total -= old.size;
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * One value per process under `name`, whatever the number of copies of the calling module: Next
 * bundles route handlers and pages apart, each with its own module instances, and caches or queues
 * that must be shared (one memory budget, one computation per key) live here instead.
 */
export function processWide<T>(name: string, make: () => T): T {
  const slot = Symbol.for(`policy-diff:${name}`);
  const g = globalThis as unknown as Record<symbol, T | undefined>;
  return (g[slot] ??= make());
}
