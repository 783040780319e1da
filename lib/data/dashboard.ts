import "server-only";
// Reads for the leadership dashboard: each checks the reader's permission, then runs one widget's SQL
// (lib/queries/dashboard.ts) over the portfolio live or as of the selected day. Results are shared across
// readers through the version-keyed aggregate cache: the permission check runs on every request, the SQL
// only after a write (or once a minute for live figures judged against the clock).
import { requirePermission } from "../auth/session";
import { aggregateCache, currentDataVersion, readThrough } from "../cache/data-version";
import { LIVE_TTL_MS } from "../cache/version-keyed";
import { db } from "../db";
import * as q from "../queries/dashboard";
import type { Db } from "../prisma-client";
import type { AsOfSelection } from "../as-of-selection";
import type { UnitSort } from "../validations/dashboard";
import { now as clockNow } from "../clock";

export type * from "../queries/dashboard";
type Moment = Pick<AsOfSelection, "before" | "day">;

/** Permission first, then the cached value of `query` for this widget, moment and data version. */
async function cachedRead<T>(
  widget: string,
  moments: (Date | null)[],
  extra: string,
  query: (d: Db) => Promise<T>,
): Promise<T> {
  await requirePermission("portfolio:read");
  const key = `dashboard:${widget}:${moments.map((m) => m?.toISOString() ?? "live").join(",")}:${extra}`;
  return readThrough(key, moments, () => query(db()));
}

export const getHeadline = (m: Moment) => cachedRead("headline", [m.before], m.day, (d) => q.queryHeadline(d, m));
export const getPillarProgress = (m: Moment) =>
  cachedRead("pillars", [m.before], m.day, (d) => q.queryPillarProgress(d, m));
export const getDistributions = (m: Moment) =>
  cachedRead("distributions", [m.before], m.day, (d) => q.queryDistributions(d, m));
/** A moment this long past cannot gain history any more (writes are stamped with their own time). */
const SETTLED_MS = 15 * 60_000;

/**
 * The weekly trend, cached point by point: a point whose moment is settled is keyed by the history epoch
 * and survives ordinary writes; only points still open (this week's end) are keyed by the data version. So
 * after a write one moment is reconstructed, not 53; the missing points are computed together in one query.
 */
export async function getProgressTrend(m: Moment): Promise<q.TrendPoint[]> {
  await requirePermission("portfolio:read");
  const { version, historyEpoch } = await currentDataVersion();
  const cache = aggregateCache();
  const now = clockNow().getTime();
  const points = q.trendMoments(m.day).map((moment) => {
    const settled = moment.getTime() < now - SETTLED_MS;
    return {
      moment,
      key: `dashboard:trend-point:${moment.toISOString()}`,
      version: settled ? `epoch:${historyEpoch}` : `data:${version}`,
      ttl: settled ? null : LIVE_TTL_MS,
    };
  });
  const missing = points.filter((p) => !cache.has(p.key, p.version, now));
  const computed =
    missing.length > 0
      ? q.queryTrendValues(
          db(),
          missing.map((p) => p.moment),
        )
      : Promise.resolve([]);
  const values = await Promise.all(
    points.map((p) => {
      const index = missing.indexOf(p);
      return cache.get(p.key, p.version, p.ttl, () => computed.then((all) => all[index]!), now);
    }),
  );
  return points.map((p, k) => ({ day: q.trendDay(p.moment), ...values[k]! }));
}
export const getAttentionItems = (m: Moment) =>
  cachedRead("attention", [m.before], m.day, (d) => q.queryAttentionItems(d, m));
export const getUnitAccountability = (m: Moment, sort: UnitSort) =>
  cachedRead("units", [m.before], `${m.day}:${JSON.stringify(sort)}`, (d) => q.queryUnitAccountability(d, m, sort));
export const getSideAndRegionBreakdown = (m: Moment) =>
  cachedRead("sides", [m.before], m.day, (d) => q.querySideAndRegionBreakdown(d, m));
export const getRecentUpdates = (m: Moment) =>
  cachedRead("recent", [m.before], m.day, (d) => q.queryRecentUpdates(d, m));
export const getConferenceTimeline = (m: Moment) =>
  cachedRead("conferences", [m.before], m.day, (d) => q.queryConferenceTimeline(d, m));
export const getPortfolioChanges = (s: Pick<AsOfSelection, "before" | "compareBefore">) =>
  cachedRead("changes", [s.before, s.compareBefore], "", (d) => q.queryPortfolioChanges(d, s));
