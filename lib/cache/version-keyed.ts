// An in-process cache whose entries are only valid for one data version (see the data_version table): a
// write anywhere moves the version, so the next read on every instance misses and recomputes. Entries for
// "now" also expire after LIVE_TTL_MS, because some figures are judged against the clock (days since the
// last update, overdue today) and would drift in a long quiet spell without writes.
//
// Concurrent misses for one key share a single computation, so twenty dashboards opened right after a write
// run each aggregate once, not twenty times.
//
// A computed value is kept as the value, not as the promise that computed it: every promise made while a request
// is answered carries that request's AsyncLocalStorage stores (Next's: the request, the response, what was
// rendered), so each kept promise held a whole request in memory. Heap snapshots of the soak found 400 kept
// values holding ~740 finished responses and their page copies, the heap rising 285 → 443 MB in 10 minutes.

import { countCacheLookup } from "../metrics";

export const LIVE_TTL_MS = 60_000;
const MAX_ENTRIES = 400;

interface Entry {
  version: string;
  expiresAt: number;
  /** the computation while it runs; null once it has given `value` */
  pending: Promise<unknown> | null;
  value?: unknown;
}

export class VersionKeyedCache {
  private readonly entries = new Map<string, Entry>();

  /** `name` labels this cache's hits and misses in the metrics (lib/metrics.ts) */
  constructor(
    private readonly maxEntries = MAX_ENTRIES,
    private readonly name = "default",
  ) {}

  /**
   * The value for `key` at data version `version`, computed by `compute` when absent, stale or expired.
   * `ttlMs` null: valid for as long as the version holds (a past moment's figures never change).
   */
  get<T>(key: string, version: string, ttlMs: number | null, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.expiresAt > now) {
      // Least recently used goes first when the cache is full: re-insert to mark as used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      countCacheLookup(this.name, true);
      return (hit.pending ?? Promise.resolve(hit.value)) as Promise<T>;
    }
    countCacheLookup(this.name, false);
    const value = compute();
    const entry: Entry = {
      version,
      expiresAt: ttlMs === null ? Number.POSITIVE_INFINITY : now + ttlMs,
      pending: value,
    };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.then(
      (v) => {
        entry.value = v;
        entry.pending = null;
      },
      // A failed computation (database down) is not kept: the next request tries again.
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  /** Whether `key` holds a current value for `version` (without computing anything). */
  has(key: string, version: string, now = Date.now()): boolean {
    const hit = this.entries.get(key);
    return hit !== undefined && hit.version === version && hit.expiresAt > now;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
