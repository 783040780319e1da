import "server-only";
// Reads for the leadership dashboard: each checks the reader's permission, then runs one widget's SQL
// (lib/dashboard/queries.ts) over the portfolio live or as of the selected day. Results are shared across
// readers through the version-keyed aggregate cache: the permission check runs on every request, the SQL
// only after a write (or once a minute for live figures judged against the clock).
import { requirePermission } from "../auth/session";
import { aggregateCache, currentDataVersion } from "../cache/data-version";
import { LIVE_TTL_MS } from "../cache/version-keyed";
import { db } from "../db";
import * as q from "../dashboard/queries";
import type { Db } from "../prisma-client";
import type { AsOfSelection } from "../validations/as-of";
import type { UnitSort } from "../validations/dashboard";

export type * from "../dashboard/queries";
type Moment = Pick<AsOfSelection, "before" | "day">;

/** Permission first, then the cached value of `query` for this widget, moment and data version. */
async function cachedRead<T>(widget: string, moments: (Date | null)[], extra: string, query: (d: Db) => Promise<T>): Promise<T> {
  await requirePermission("portfolio:read");
  const version = await currentDataVersion();
  const now = Date.now();
  // A moment still to come (live, or today's end) can change with the clock; a past one only with a write.
  const open = moments.some((m) => m === null || m.getTime() > now);
  const key = `dashboard:${widget}:${moments.map((m) => m?.toISOString() ?? "live").join(",")}:${extra}`;
  return aggregateCache().get(key, version, open ? LIVE_TTL_MS : null, () => query(db()), now);
}

export const getHeadline = (m: Moment) => cachedRead("headline", [m.before], m.day, (d) => q.queryHeadline(d, m));
export const getPillarProgress = (m: Moment) => cachedRead("pillars", [m.before], m.day, (d) => q.queryPillarProgress(d, m));
export const getDistributions = (m: Moment) => cachedRead("distributions", [m.before], m.day, (d) => q.queryDistributions(d, m));
export const getProgressTrend = (m: Moment) => cachedRead("trend", [m.before], m.day, (d) => q.queryProgressTrend(d, m));
export const getAttentionItems = (m: Moment) => cachedRead("attention", [m.before], m.day, (d) => q.queryAttentionItems(d, m));
export const getUnitAccountability = (m: Moment, sort: UnitSort) =>
  cachedRead("units", [m.before], `${m.day}:${JSON.stringify(sort)}`, (d) => q.queryUnitAccountability(d, m, sort));
export const getSideAndRegionBreakdown = (m: Moment) => cachedRead("sides", [m.before], m.day, (d) => q.querySideAndRegionBreakdown(d, m));
export const getRecentUpdates = (m: Moment) => cachedRead("recent", [m.before], m.day, (d) => q.queryRecentUpdates(d, m));
export const getConferenceTimeline = (m: Moment) => cachedRead("conferences", [m.before], m.day, (d) => q.queryConferenceTimeline(d, m));
export const getPortfolioChanges = (s: Pick<AsOfSelection, "before" | "compareBefore">) =>
  cachedRead("changes", [s.before, s.compareBefore], "", (d) => q.queryPortfolioChanges(d, s));
