import "server-only";
// Reads of the 考评 (ratings of closed periods) for pages and the export: each checks the signed-in user itself.
// rating:read lets leadership, coordinators and administrators read every unit's rating and the 红黑榜; an editor
// (EDITOR "ownUnit") reads their own unit's figures, rank and records only — never another unit's, here on the
// server. Ratings are computed on read from the period's frozen records (lib/queries/ratings.ts) with the
// weights in force at its close, so the same period always rates the same.
import { forbidden, notFound } from "next/navigation";
import { requirePermission, type SessionUser } from "../auth/session";
import { readThrough } from "../cache/data-version";
import { db } from "../db";
import { can, type UnitScope } from "../permissions";
import { inRatingView, type RatingView } from "../rating";
import * as q from "../queries/ratings";

export type * from "../queries/ratings";

const unitScope = (unitId: number): UnitScope => ({ leadUnitId: unitId, coLeadUnitId: null, supportingUnitIds: [] });
const NO_UNIT: UnitScope = { leadUnitId: null, coLeadUnitId: null, supportingUnitIds: [] };

/** Whether `user` reads every unit's rating (the 红黑榜), not only their own unit's. */
export function readsAllRatings(user: SessionUser): boolean {
  return can(user, "rating:read", NO_UNIT);
}

/**
 * Which units' ratings `user` sees: every unit's (and the 红黑榜) with rating:read for any unit; otherwise their
 * own unit's when rating:read covers it; otherwise none. The ratings page, the dashboard, the CSV and the status
 * report all show exactly this.
 */
export function ratingView(user: SessionUser): RatingView {
  if (readsAllRatings(user)) return { all: true };
  const own = user.unitId ?? null;
  return { all: false, unitId: own !== null && can(user, "rating:read", unitScope(own)) ? own : null };
}

export interface PeriodRating {
  period: q.RatedPeriod;
  weights: q.WeightsInForce;
  /** units ranked (scored) in the period */
  rankedCount: number;
  /** the rows the reader may see: every unit's, or an editor's own unit's */
  rows: q.UnitRating[];
  seesAll: boolean;
}

/**
 * Rates every unit of `period` and ranks them (no permission check: callers check, then filter what they show).
 * A closed period's records are frozen and its weights are those in force at its close, so the ranking changes
 * only with a write: it is kept at the data version, shared by every reader.
 */
const ratePeriod = (period: q.RatedPeriod) =>
  readThrough(`ratings:ranking:${period.id}:${period.closedAt.toISOString()}`, [], () =>
    q.queryPeriodRanking(db(), period),
  );

/** The closed periods, latest first (after the caller's permission check). */
const ratedPeriods = () => readThrough("ratings:periods", [], () => q.queryRatedPeriods(db()));

function visible(user: SessionUser, rated: q.PeriodRanking): PeriodRating {
  const view = ratingView(user);
  const { all, ...rest } = rated;
  return { ...rest, seesAll: view.all, rows: all.filter((r) => inRatingView(view, r.unitId)) };
}

/** The closed periods (latest first) and the rating of the one asked for (default: the latest closed). */
export async function getRatingsPage(params: { period?: number; unit?: number }) {
  const user = await requirePermission("rating:read");
  const d = db();
  const periods = await ratedPeriods();
  const period = params.period === undefined ? (periods[0] ?? null) : periods.find((p) => p.id === params.period);
  if (period === undefined) notFound();
  if (period === null) return { periods, rating: null, detail: null };
  const rating = visible(user, await ratePeriod(period));
  // The unit whose records are shown: the one asked for, or an editor's own.
  const unitId = params.unit ?? (rating.seesAll ? null : user.unitId);
  let detail: { unit: q.UnitRating | null; unitId: number; unitName: string; records: q.RatingRecords } | null = null;
  if (unitId !== null) {
    if (!can(user, "rating:read", unitScope(unitId))) forbidden();
    const [named, records] = await Promise.all([
      d.unit.findUnique({ where: { id: unitId }, select: { name: true } }),
      q.queryRatingRecords(d, period, unitId),
    ]);
    if (!named) notFound();
    detail = { unitId, unitName: named.name, unit: rating.rows.find((r) => r.unitId === unitId) ?? null, records };
  }
  return { periods, rating, detail };
}

async function ratingFor(user: SessionUser, periodId: number): Promise<PeriodRating | null> {
  if (!can(user, "rating:read")) return null;
  const period = await q.queryRatedPeriod(db(), periodId);
  if (period === null) return null;
  return visible(user, await ratePeriod(period));
}

/** The dashboard's 红黑榜: the latest closed period's (or the one picked), with the closed periods to pick from. */
export async function getDashboardRating(periodId: number | undefined) {
  const user = await requirePermission("portfolio:read");
  if (!can(user, "rating:read")) return null;
  const periods = await ratedPeriods();
  const period = periods.find((p) => p.id === periodId) ?? periods[0];
  if (!period) return { periods, rating: null };
  return { periods, rating: visible(user, await ratePeriod(period)) };
}

/** The weights now and their history (administrators). */
export async function getRatingSettings() {
  await requirePermission("rating:configure");
  const d = db();
  const [current, history] = await Promise.all([q.queryWeightsAt(d, null), q.queryWeightsHistory(d)]);
  return { current, history };
}

/** The 考评 of one period for its page: null when it is not closed yet (or the reader may not read ratings). */
export async function getPeriodRating(periodId: number): Promise<PeriodRating | null> {
  const user = await requirePermission("period:read");
  return ratingFor(user, periodId);
}

/** A closed period's ranking for the CSV export (the route checked rating:read): the rows the user may see. */
export async function getRatingExport(user: SessionUser, periodId: number): Promise<PeriodRating | null> {
  return ratingFor(user, periodId);
}
