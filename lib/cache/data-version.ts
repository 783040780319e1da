import "server-only";
// The database's data version (table data_version), read once per request: the key that tells every app
// instance whether its cached aggregates still describe the data.
import { cache } from "react";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { LivePortfolioStore } from "./live-portfolio";
import { LIVE_TTL_MS, VersionKeyedCache } from "./version-keyed";

export interface DataVersion {
  /** moves with every committed change to shown data */
  version: string;
  /** moves only when history is written with an earlier time (sample data): keys caches of past moments */
  historyEpoch: string;
  /** moves with the reference tables (units, pillars, regions, the calendar…), not with item writes */
  referenceVersion: string;
}

export const currentDataVersion = cache(async (): Promise<DataVersion> => {
  const rows = await db().$queryRaw<DataVersion[]>`
    SELECT version::text AS version, history_epoch::text AS "historyEpoch",
           reference_version::text AS "referenceVersion"
      FROM data_version WHERE id = 1`;
  return rows[0] ?? { version: "0", historyEpoch: "0", referenceVersion: "0" };
});

const globalForCache = globalThis as unknown as {
  __trackerAggregates?: VersionKeyedCache;
  __trackerFiles?: VersionKeyedCache;
  __trackerLivePortfolio?: LivePortfolioStore;
};

/** The process's in-memory table of item states (lib/cache/live-portfolio.ts), for the live dashboard. */
export function livePortfolio(): LivePortfolioStore {
  globalForCache.__trackerLivePortfolio ??= new LivePortfolioStore(db);
  return globalForCache.__trackerLivePortfolio;
}

/** The process's cache of portfolio aggregates (dashboard widgets). */
export function aggregateCache(): VersionKeyedCache {
  globalForCache.__trackerAggregates ??= new VersionKeyedCache(undefined, "aggregates");
  return globalForCache.__trackerAggregates;
}

/** The process's cache of rendered report files: few entries, since a PDF of everything is megabytes. */
export function fileCache(): VersionKeyedCache {
  globalForCache.__trackerFiles ??= new VersionKeyedCache(12, "report-files");
  return globalForCache.__trackerFiles;
}

/**
 * The value of `compute` for `key` at the current data version, from this process's cache when it has it.
 * `moments` are the moments the value describes (null = now): one still to come can change with the clock,
 * so such values also expire after LIVE_TTL_MS; a past one changes only with a write. Callers check the
 * reader's permission first — the cache holds portfolio-wide values, never per-person ones.
 */
export async function readThrough<T>(
  key: string,
  moments: readonly (Date | null)[],
  compute: () => Promise<T>,
  store: VersionKeyedCache = aggregateCache(),
): Promise<T> {
  const { version } = await currentDataVersion();
  const now = Date.now();
  const open = moments.some((m) => m === null || m.getTime() > now);
  return store.get(key, version, open ? LIVE_TTL_MS : null, compute, now);
}

/** A moment this long past cannot gain history any more (writes are stamped with their own time). */
const SETTLED_MS = 15 * 60_000;

/** Whether `moment` is settled by the clock's `now` (ms): history written from now on lies after it. */
export function isSettled(moment: Date | null, now: number): moment is Date {
  return moment !== null && moment.getTime() < now - SETTLED_MS;
}

/**
 * As readThrough, for a value that reads the past only from item_history at `moments` (itemStatesSql) and
 * otherwise only reference tables (migration 20261207210000_reference_version lists them). Once every moment is
 * settled, nothing an ordinary write does can change it: it is then kept until the history epoch or the
 * reference version moves, not only until the next write. tests/integration/reference-version.test.ts checks
 * the plans of the reads that use it.
 */
export async function readThroughSettled<T>(
  key: string,
  moments: readonly (Date | null)[],
  compute: () => Promise<T>,
): Promise<T> {
  const now = clockNow().getTime();
  if (!moments.every((m) => isSettled(m, now))) return readThrough(key, moments, compute);
  const { historyEpoch, referenceVersion } = await currentDataVersion();
  return aggregateCache().get(key, `settled:${historyEpoch}:${referenceVersion}`, null, compute, now);
}

/** As readThrough, for a value that reads reference tables only (the migration's list): kept across item writes. */
export async function readThroughReference<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const { referenceVersion } = await currentDataVersion();
  return aggregateCache().get(key, `reference:${referenceVersion}`, null, compute);
}
