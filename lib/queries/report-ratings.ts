// The status report's 考评 (红黑榜): the rating of the report's closed period when it is taken as of one, else of
// the latest period closed at or before the report's as-of instant (the end of the as-of day). Computed by the
// ratings page's own query (queryPeriodRanking), so both show the same ranks and scores. The ranking is of every
// unit, whatever the report's scope (a 红黑榜 ranks all units against each other).
//
// Who sees what is decided by the caller (lib/data/reports.ts, from the signed-in user: lib/data/ratings.ts
// ratingView) and applied here, before the data leaves the server: a reader who does not read every unit's
// rating gets their own unit's row only — never another unit's — and no 红黑榜.
import { endOfDay } from "../dates";
import type { Db } from "../prisma-client";
import { inRatingView, type RatingCounts, type RatingView } from "../rating";
import type { ReportRatings, ReportRequest } from "../report/types";
import { queryPeriodRanking, queryRatedPeriod, queryRatedPeriodAt, type UnitRating } from "./ratings";

type RawDb = Pick<Db, "$queryRaw">;

const countsOf = (r: UnitRating): RatingCounts => ({
  obligations: r.obligations,
  onTime: r.onTime,
  late: r.late,
  missing: r.missing,
  returned: r.returned,
  reviewed: r.reviewed,
  firstPass: r.firstPass,
  items: r.items,
  overdue: r.overdue,
  supervisions: r.supervisions,
  answeredOnTime: r.answeredOnTime,
  pending: r.pending,
});

export async function queryReportRatings(
  db: RawDb,
  request: Pick<ReportRequest, "period" | "asOf">,
  view: RatingView,
): Promise<ReportRatings | null> {
  const period = request.period
    ? await queryRatedPeriod(db, request.period.id)
    : await queryRatedPeriodAt(db, endOfDay(request.asOf));
  if (period === null) return null;
  const ranking = await queryPeriodRanking(db, period);
  return {
    period: { id: period.id, label: period.label, labelEn: period.labelEn, closedAt: period.closedAt.toISOString() },
    weights: ranking.weights.weights,
    weightsSetAt: ranking.weights.setAt?.toISOString() ?? null,
    weightsSetBy: ranking.weights.setBy,
    rankedCount: ranking.rankedCount,
    seesAll: view.all,
    rows: ranking.all
      .filter((r) => inRatingView(view, r.unitId))
      .map((r) => ({
        unitId: r.unitId,
        unit: r.unit,
        side: r.side,
        rank: r.rank,
        score: r.score,
        components: { ...r.components },
        counts: countsOf(r),
        board: r.board,
      })),
  };
}
