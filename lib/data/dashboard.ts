import "server-only";
// Reads for the leadership dashboard: each checks the reader's permission, then runs one widget's SQL
// (lib/queries/dashboard.ts) over the portfolio live or as of the selected day. Results are shared across
// readers through the version-keyed aggregate cache: the permission check runs on every request, the SQL
// only after a write (or once a minute for live figures judged against the clock); a day long past, only when
// its history or a reference table changes (readThroughSettled). The live figures are not
// SQL at all: they are computed in JS from the process's table of item states (lib/cache/live-portfolio.ts),
// which a write refreshes by re-reading only the items it changed (lib/queries/live-figures.ts).
import { requirePermission } from "../auth/session";
import {
  aggregateCache,
  currentDataVersion,
  isSettled,
  livePortfolio,
  readThrough,
  readThroughSettled,
} from "../cache/data-version";
import type { LivePortfolio } from "../cache/live-portfolio";
import { LIVE_TTL_MS } from "../cache/version-keyed";
import { db } from "../db";
import * as q from "../queries/dashboard";
import * as live from "../queries/live-figures";
import type { Db } from "../prisma-client";
import type { AsOfSelection } from "../as-of-selection";
import type { UnitSort } from "../validations/dashboard";
import { now as clockNow } from "../clock";

export type * from "../queries/dashboard";
type Moment = Pick<AsOfSelection, "before" | "day">;

function widgetKey(widget: string, moments: (Date | null)[], extra: string): string {
  return `dashboard:${widget}:${moments.map((m) => m?.toISOString() ?? "live").join(",")}:${extra}`;
}

/**
 * Permission first, then the cached value of `query` for this widget and moment: at the data version, or for
 * a settled day at its history and reference tables. Every query here reads the past only through
 * itemStatesSql (tests/integration/reference-version.test.ts checks their plans).
 */
async function cachedRead<T>(
  widget: string,
  moments: (Date | null)[],
  extra: string,
  query: (d: Db) => Promise<T>,
): Promise<T> {
  await requirePermission("portfolio:read");
  return readThroughSettled(widgetKey(widget, moments, extra), moments, () => query(db()));
}

/** The table of item states at the reader's data version (after the permission check). */
async function liveTable(): Promise<LivePortfolio> {
  return livePortfolio().at((await currentDataVersion()).version);
}

/** Live (before = null): from the table of item states; as of a day: the widget's SQL. */
function liveOr<T>(m: Moment, fromTable: (t: LivePortfolio) => T, query: (d: Db) => Promise<T>): (d: Db) => Promise<T> {
  return m.before === null ? async () => fromTable(await liveTable()) : query;
}

export const getHeadline = (m: Moment) =>
  cachedRead(
    "headline",
    [m.before],
    m.day,
    liveOr(
      m,
      (t) => live.liveHeadline(t, m.day),
      (d) => q.queryHeadline(d, m),
    ),
  );
export const getPillarProgress = (m: Moment) =>
  cachedRead(
    "pillars",
    [m.before],
    m.day,
    liveOr(
      m,
      (t) => live.livePillarProgress(t, m.day),
      (d) => q.queryPillarProgress(d, m),
    ),
  );
export const getDistributions = (m: Moment) =>
  cachedRead(
    "distributions",
    [m.before],
    m.day,
    liveOr(m, live.liveDistributions, (d) => q.queryDistributions(d, m)),
  );
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
    const settled = isSettled(moment, now);
    return {
      moment,
      key: `dashboard:trend-point:${moment.toISOString()}`,
      version: settled ? `epoch:${historyEpoch}` : `data:${version}`,
      ttl: settled ? null : LIVE_TTL_MS,
    };
  });
  const missing = points.filter((p) => !cache.has(p.key, p.version, now));
  // A moment after the latest history row has the live state: such a point (this week's end, the one a
  // write moves) comes from the table of item states, not from history.
  const table = missing.some((p) => p.moment.getTime() > now) ? await liveTable() : null;
  const fromTable = (p: (typeof points)[number]) =>
    table !== null &&
    p.moment.getTime() > now &&
    (table.maxChangedAt === null || table.maxChangedAt.getTime() < p.moment.getTime());
  const fromHistory = missing.filter((p) => !fromTable(p));
  const computed =
    fromHistory.length > 0
      ? q.queryTrendValues(
          db(),
          fromHistory.map((p) => p.moment),
        )
      : Promise.resolve([]);
  const values = await Promise.all(
    points.map((p) => {
      if (fromTable(p)) return cache.get(p.key, p.version, p.ttl, async () => live.liveTrendValue(table!), now);
      const index = fromHistory.indexOf(p);
      // A point kept when `missing` was taken may have been evicted since (by the points inserted before it, or
      // by another request during the awaits above): then it was in no batch, and is computed alone.
      const alone = () => q.queryTrendValues(db(), [p.moment]).then((all) => all[0]!);
      return cache.get(p.key, p.version, p.ttl, index >= 0 ? () => computed.then((all) => all[index]!) : alone, now);
    }),
  );
  return points.map((p, k) => ({ day: q.trendDay(p.moment), ...values[k]! }));
}
export const getAttentionItems = (m: Moment) =>
  cachedRead(
    "attention",
    [m.before],
    m.day,
    liveOr(
      m,
      (t) => live.liveAttentionItems(t, m.day),
      (d) => q.queryAttentionItems(d, m),
    ),
  );
export const getUnitAccountability = (m: Moment, sort: UnitSort) =>
  cachedRead(
    "units",
    [m.before],
    `${m.day}:${JSON.stringify(sort)}`,
    liveOr(
      m,
      (t) => live.liveUnitAccountability(t, m.day, sort, clockNow()),
      (d) => q.queryUnitAccountability(d, m, sort),
    ),
  );
export const getSideAndRegionBreakdown = (m: Moment) =>
  cachedRead(
    "sides",
    [m.before],
    m.day,
    liveOr(
      m,
      (t) => live.liveSideAndRegionBreakdown(t, m.day),
      (d) => q.querySideAndRegionBreakdown(d, m),
    ),
  );
/** At the data version even for a past day: it shows the items' current titles and the reports' review. */
export async function getRecentUpdates(m: Moment): Promise<q.RecentUpdate[]> {
  await requirePermission("portfolio:read");
  return readThrough(widgetKey("recent", [m.before], m.day), [m.before], () => q.queryRecentUpdates(db(), m));
}
export const getConferenceTimeline = (m: Moment) =>
  cachedRead(
    "conferences",
    [m.before],
    m.day,
    liveOr(m, live.liveConferenceTimeline, (d) => q.queryConferenceTimeline(d, m)),
  );
export const getPortfolioChanges = (s: Pick<AsOfSelection, "before" | "compareBefore">) =>
  cachedRead("changes", [s.before, s.compareBefore], "", (d) => q.queryPortfolioChanges(d, s));
