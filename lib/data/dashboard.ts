import "server-only";
// Reads for the leadership dashboard: each checks the reader's permission, then runs one widget's SQL
// (lib/dashboard/queries.ts) over the portfolio live or as of the selected day.
import { requirePermission } from "../auth/session";
import { db } from "../db";
import * as q from "../dashboard/queries";
import type { AsOfSelection } from "../validations/as-of";
import type { UnitSort } from "../validations/dashboard";

export type * from "../dashboard/queries";
type Moment = Pick<AsOfSelection, "before" | "day">;

async function reader() {
  await requirePermission("portfolio:read");
  return db();
}

export const getHeadline = async (m: Moment) => q.queryHeadline(await reader(), m);
export const getPillarProgress = async (m: Moment) => q.queryPillarProgress(await reader(), m);
export const getDistributions = async (m: Moment) => q.queryDistributions(await reader(), m);
export const getProgressTrend = async (m: Moment) => q.queryProgressTrend(await reader(), m);
export const getAttentionItems = async (m: Moment) => q.queryAttentionItems(await reader(), m);
export const getUnitAccountability = async (m: Moment, sort: UnitSort) => q.queryUnitAccountability(await reader(), m, sort);
export const getSideAndRegionBreakdown = async (m: Moment) => q.querySideAndRegionBreakdown(await reader(), m);
export const getRecentUpdates = async (m: Moment) => q.queryRecentUpdates(await reader(), m);
export const getConferenceTimeline = async (m: Moment) => q.queryConferenceTimeline(await reader(), m);
export const getPortfolioChanges = async (s: Pick<AsOfSelection, "before" | "compareBefore">) => q.queryPortfolioChanges(await reader(), s);
