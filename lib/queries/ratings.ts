// 考评 of closed reporting periods: what the rating counts per unit (lib/rating.ts has the formula), the weights
// in force at a close, and the records behind one unit's figures. No permission checks here (lib/data/ratings.ts
// adds them).
//
// Computed on read, from records that no longer move once the period has closed, so a past rating never
// changes: the obligations' frozen outcomes and report states (period_obligations), the frozen item states
// (period_item_states), the append-only review trail (report_events) before the close, and 督办 as they stood at
// the close (issued before it; an answer counts only when given before it — the answer is written once). The
// weights are the rating_weights row in force at the close (append-only), not the current one.
import { isoDay } from "../dates";
import { Prisma } from "../generated/prisma/client";
import type { ItemStatus, ObligationOutcome, ReportState, Side } from "../generated/prisma/enums";
import {
  DEFAULT_RATING_WEIGHTS,
  rankRatings,
  ratingComponents,
  ratingScore,
  type Ranked,
  type RatingComponents,
  type RatingCounts,
  type RatingWeights,
} from "../rating";
import { supervisionNumber } from "../report/supervision";
import { frozenStatesSql } from "./periods";

type RawDb = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

/** A closed period, as the rating reads it. */
export interface RatedPeriod {
  id: number;
  label: string;
  labelEn: string;
  opensOn: string;
  closesOn: string;
  closedAt: Date;
  /** the day (China) the close judges overdue items on: the day of the instant just before closed_at */
  closeDay: string;
}

/** The weights a period was rated with, and when they were set (null: the defaults, never changed). */
export interface WeightsInForce {
  weights: RatingWeights;
  setAt: Date | null;
  setBy: string | null;
}

/** The end of a day (China) as an instant, in SQL, for a date expression. */
const endOfDaySql = (day: Prisma.Sql) => Prisma.sql`((${day}) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;

/** The closed periods, latest close first (the period pickers). */
export async function queryRatedPeriods(db: RawDb): Promise<RatedPeriod[]> {
  return readPeriods(db, Prisma.sql`TRUE`);
}

/** One closed period, or null (not found, or not closed). */
export async function queryRatedPeriod(db: RawDb, periodId: number): Promise<RatedPeriod | null> {
  return (await readPeriods(db, Prisma.sql`id = ${periodId}`))[0] ?? null;
}

/**
 * The latest period closed at or before `at` (a report's as-of instant), or null when none had closed by then.
 */
export async function queryRatedPeriodAt(db: RawDb, at: Date): Promise<RatedPeriod | null> {
  return (await readPeriods(db, Prisma.sql`closed_at <= ${at}`))[0] ?? null;
}

async function readPeriods(db: RawDb, where: Prisma.Sql): Promise<RatedPeriod[]> {
  const rows = await db.$queryRaw<
    { id: number; label: string; label_en: string; opens_on: Date; closes_on: Date; closed_at: Date; close_day: Date }[]
  >(Prisma.sql`
    SELECT id, label, label_en, opens_on, closes_on, closed_at,
           ((closed_at - interval '1 millisecond') AT TIME ZONE 'Asia/Shanghai')::date AS close_day
    FROM reporting_periods WHERE closed_at IS NOT NULL AND ${where}
    ORDER BY closed_at DESC, id DESC`);
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    labelEn: r.label_en,
    opensOn: isoDay(r.opens_on),
    closesOn: isoDay(r.closes_on),
    closedAt: r.closed_at,
    closeDay: isoDay(r.close_day),
  }));
}

/**
 * The rating_weights rows set at or before `at` (every row for null), latest first. The migration's row (the
 * defaults) is set at the epoch: it reads as "never changed" (setAt null).
 */
async function queryWeightsRows(
  db: RawDb,
  at: Date | null,
  limit: number,
): Promise<(WeightsInForce & { id: number })[]> {
  const rows = await db.$queryRaw<
    {
      id: number;
      on_time: number;
      first_pass: number;
      overdue: number;
      supervision: number;
      set_at: Date;
      set_by: string | null;
    }[]
  >(Prisma.sql`
    SELECT w.id, w.on_time, w.first_pass, w.overdue, w.supervision, w.set_at, u.display_name AS set_by
    FROM rating_weights w LEFT JOIN users u ON u.id = w.set_by_id
    WHERE ${at === null ? Prisma.sql`TRUE` : Prisma.sql`w.set_at <= ${at}`}
    ORDER BY w.set_at DESC, w.id DESC LIMIT ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    weights: { onTime: r.on_time, firstPass: r.first_pass, overdue: r.overdue, supervision: r.supervision },
    setAt: r.set_at.getTime() <= 0 ? null : r.set_at,
    setBy: r.set_by,
  }));
}

/** The weights in force at `at` (null: now): the latest rating_weights row set at or before it, else the defaults. */
export async function queryWeightsAt(db: RawDb, at: Date | null): Promise<WeightsInForce> {
  const [latest] = await queryWeightsRows(db, at, 1);
  if (!latest) return { weights: { ...DEFAULT_RATING_WEIGHTS }, setAt: null, setBy: null };
  return { weights: latest.weights, setAt: latest.setAt, setBy: latest.setBy };
}

/** The weights' history, latest first (the administrators' page). */
export function queryWeightsHistory(db: RawDb, limit = 20): Promise<(WeightsInForce & { id: number })[]> {
  return queryWeightsRows(db, null, limit);
}

/** Whether an obligation's answering report was returned (a RETURN in its trail) before the close. */
const returnedBeforeCloseSql = Prisma.sql`EXISTS (
  SELECT 1 FROM report_events e
  WHERE e.report_id = o.report_id AND e.action = 'RETURN' AND e.at < p.closed_at)`;

/** A 督办 answered by the end of its reply-by day, and before the close. */
const answeredOnTimeSql = Prisma.sql`(s.answered_at < p.closed_at AND s.answered_at < ${endOfDaySql(Prisma.sql`s.reply_by`)})`;
/** A 督办 not answered at the close whose reply-by day was not over then: not judged in this period. */
const pendingSql = Prisma.sql`((s.answered_at IS NULL OR s.answered_at >= p.closed_at) AND ${endOfDaySql(Prisma.sql`s.reply_by`)} > p.closed_at)`;
/** The 督办 a unit received in the period: issued on one of its days, before its close. */
const receivedSql = Prisma.sql`(s.issued_on BETWEEN p.opens_on AND p.closes_on AND s.issued_at < p.closed_at)`;

/** A frozen item state `s` counted for the rating (action item, not retired, not cancelled). */
const inForceSql = Prisma.sql`(s.level = 'ACTION' AND NOT s.retired AND s.status <> 'CANCELLED')`;
/** …and overdue at the close: not completed and due before the close day. */
const overdueAtCloseSql = (closeDay: string) =>
  Prisma.sql`(s.status <> 'COMPLETED' AND s.due_date < ${closeDay}::date)`;

export interface UnitRatingCounts extends RatingCounts {
  unitId: number;
  unit: string;
  side: Side;
}

/**
 * What the rating counts for each unit that had something to count in `period` (an obligation, an action item
 * in force at the close, or a 督办 received in the period), optionally one unit only.
 */
export async function queryRatingCounts(db: RawDb, period: RatedPeriod, unitId?: number): Promise<UnitRatingCounts[]> {
  const onlyUnit = (col: Prisma.Sql) => (unitId === undefined ? Prisma.sql`TRUE` : Prisma.sql`${col} = ${unitId}`);
  const rows = await db.$queryRaw<(RatingCounts & { unitId: number; unit: string; side: Side })[]>(Prisma.sql`
    WITH p AS (SELECT id, opens_on, closes_on, closed_at FROM reporting_periods WHERE id = ${period.id}),
    ob AS (
      SELECT o.unit_id,
             count(*)::int AS obligations,
             count(*) FILTER (WHERE o.outcome = 'ON_TIME')::int AS on_time,
             count(*) FILTER (WHERE o.outcome = 'LATE')::int AS late,
             count(*) FILTER (WHERE o.outcome = 'MISSING')::int AS missing,
             count(*) FILTER (WHERE o.outcome = 'RETURNED')::int AS returned,
             count(*) FILTER (WHERE o.report_id IS NOT NULL AND (o.report_state = 'APPROVED' OR ${returnedBeforeCloseSql}))::int AS reviewed,
             count(*) FILTER (WHERE o.report_state = 'APPROVED' AND NOT ${returnedBeforeCloseSql})::int AS first_pass
      FROM period_obligations o CROSS JOIN p
      WHERE o.period_id = p.id AND ${onlyUnit(Prisma.sql`o.unit_id`)}
      GROUP BY o.unit_id),
    it AS (
      SELECT x.unit_id, count(*)::int AS items,
             count(*) FILTER (WHERE ${overdueAtCloseSql(period.closeDay)})::int AS overdue
      FROM ${frozenStatesSql(period.id)} s
      CROSS JOIN LATERAL (SELECT DISTINCT v.unit_id FROM (VALUES (s.lead_unit_id), (s.co_lead_unit_id)) v(unit_id)
                          WHERE v.unit_id IS NOT NULL) x
      WHERE ${inForceSql} AND ${onlyUnit(Prisma.sql`x.unit_id`)}
      GROUP BY x.unit_id),
    sv AS (
      SELECT s.unit_id, count(*)::int AS supervisions,
             count(*) FILTER (WHERE ${answeredOnTimeSql})::int AS answered_on_time,
             count(*) FILTER (WHERE ${pendingSql})::int AS pending
      FROM supervisions s CROSS JOIN p
      WHERE ${receivedSql} AND ${onlyUnit(Prisma.sql`s.unit_id`)}
      GROUP BY s.unit_id)
    SELECT u.id AS "unitId", u.name AS unit, u.side::text AS side,
           coalesce(ob.obligations, 0) AS obligations, coalesce(ob.on_time, 0) AS "onTime",
           coalesce(ob.late, 0) AS late, coalesce(ob.missing, 0) AS missing, coalesce(ob.returned, 0) AS returned,
           coalesce(ob.reviewed, 0) AS reviewed, coalesce(ob.first_pass, 0) AS "firstPass",
           coalesce(it.items, 0) AS items, coalesce(it.overdue, 0) AS overdue,
           coalesce(sv.supervisions, 0) AS supervisions, coalesce(sv.answered_on_time, 0) AS "answeredOnTime",
           coalesce(sv.pending, 0) AS pending
    FROM units u
    LEFT JOIN ob ON ob.unit_id = u.id
    LEFT JOIN it ON it.unit_id = u.id
    LEFT JOIN sv ON sv.unit_id = u.id
    WHERE ob.unit_id IS NOT NULL OR it.unit_id IS NOT NULL OR sv.unit_id IS NOT NULL
    ORDER BY u.id`);
  return rows;
}

/** One unit's rating of a period: what it counts, each component, the score, its rank and board. */
export interface UnitRating extends UnitRatingCounts, Ranked {
  components: RatingComponents;
  score: number | null;
}

/** A closed period rated: every unit that had something to count, ranked (the 红黑榜), and the weights used. */
export interface PeriodRanking {
  period: RatedPeriod;
  weights: WeightsInForce;
  /** units ranked (scored) in the period */
  rankedCount: number;
  /** every unit's rating, best first, the unscored last (no permission filter: callers show what they may) */
  all: UnitRating[];
}

/**
 * Rates every unit of `period` and ranks them: the one computation behind the ratings page, the dashboard's
 * 红黑榜, the CSV and the status report. The weights are those in force at the period's close.
 */
export async function queryPeriodRanking(db: RawDb, period: RatedPeriod): Promise<PeriodRanking> {
  const [counts, weights] = await Promise.all([queryRatingCounts(db, period), queryWeightsAt(db, period.closedAt)]);
  const all = rankRatings(
    counts.map((c) => {
      const components = ratingComponents(c);
      return { ...c, components, score: ratingScore(components, weights.weights) };
    }),
  );
  return { period, weights, all, rankedCount: all.filter((r) => r.rank !== null).length };
}

export type SupervisionJudgement = "ON_TIME" | "LATE" | "UNANSWERED" | "PENDING";

/** The records behind one unit's rating of one period: each row is one thing a figure counts. */
export interface RatingRecords {
  obligations: {
    itemId: number;
    code: string;
    title: string;
    titleEn: string | null;
    outcome: ObligationOutcome;
    reportId: number | null;
    reportState: ReportState | null;
    submittedAt: Date | null;
    /** the report was returned before the close (so it is no first pass) */
    returnedBeforeClose: boolean;
    /** counted in the first-pass rate: reviewed by the close */
    reviewed: boolean;
    firstPass: boolean;
  }[];
  items: {
    itemId: number;
    code: string;
    title: string;
    titleEn: string | null;
    status: ItemStatus;
    dueDate: string | null;
    overdue: boolean;
    /** calendar days overdue on the close day */
    daysOverdue: number | null;
  }[];
  supervisions: {
    id: number;
    number: string;
    issuedOn: string;
    replyBy: string;
    answeredAt: Date | null;
    judgement: SupervisionJudgement;
  }[];
}

export async function queryRatingRecords(db: RawDb, period: RatedPeriod, unitId: number): Promise<RatingRecords> {
  const [obligations, items, supervisions] = await Promise.all([
    db.$queryRaw<RatingRecords["obligations"]>(Prisma.sql`
      SELECT o.item_id AS "itemId", i.code, i.title, i.title_en AS "titleEn", o.outcome::text AS outcome,
             o.report_id AS "reportId", o.report_state::text AS "reportState",
             r.submitted_at AS "submittedAt",
             (o.report_id IS NOT NULL AND ${returnedBeforeCloseSql}) AS "returnedBeforeClose",
             (o.report_id IS NOT NULL AND (o.report_state = 'APPROVED' OR ${returnedBeforeCloseSql})) AS reviewed,
             (o.report_state = 'APPROVED' AND NOT ${returnedBeforeCloseSql}) AS "firstPass"
      FROM period_obligations o
      JOIN reporting_periods p ON p.id = o.period_id
      JOIN items i ON i.id = o.item_id
      LEFT JOIN progress_updates r ON r.id = o.report_id
      WHERE o.period_id = ${period.id} AND o.unit_id = ${unitId}
      ORDER BY i.code`),
    db.$queryRaw<
      {
        itemId: number;
        code: string;
        title: string;
        titleEn: string | null;
        status: ItemStatus;
        dueDate: Date | null;
        overdue: boolean;
      }[]
    >(Prisma.sql`
      SELECT s.id AS "itemId", s.code, s.title, s.title_en AS "titleEn", s.status, s.due_date AS "dueDate",
             coalesce(${overdueAtCloseSql(period.closeDay)}, false) AS overdue
      FROM ${frozenStatesSql(period.id)} s
      WHERE ${inForceSql} AND ${unitId} IN (s.lead_unit_id, s.co_lead_unit_id)`),
    db.$queryRaw<
      {
        id: number;
        prefix: string;
        year: number;
        number: number;
        issued_on: Date;
        reply_by: Date;
        answered_at: Date | null;
        on_time: boolean;
        pending: boolean;
      }[]
    >(Prisma.sql`
      SELECT s.id, s.prefix, s.year, s.number, s.issued_on, s.reply_by, s.answered_at,
             coalesce(${answeredOnTimeSql}, false) AS on_time, ${pendingSql} AS pending
      FROM supervisions s JOIN reporting_periods p ON p.id = ${period.id}
      WHERE ${receivedSql} AND s.unit_id = ${unitId}
      ORDER BY s.issued_on, s.id`),
  ]);
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, "en", { numeric: true });
  const closeDayMs = Date.parse(period.closeDay);
  return {
    obligations: [...obligations].sort(byCode),
    items: items
      .map((r) => {
        const due = isoDay(r.dueDate);
        return {
          ...r,
          dueDate: due,
          daysOverdue: r.overdue && due !== null ? Math.round((closeDayMs - Date.parse(due)) / 86_400_000) : null,
        };
      })
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || byCode(a, b)),
    supervisions: supervisions.map((s) => ({
      id: s.id,
      number: supervisionNumber(s.prefix, s.year, s.number),
      issuedOn: isoDay(s.issued_on),
      replyBy: isoDay(s.reply_by),
      // an answer after the close is not seen by this period's rating
      answeredAt: s.answered_at !== null && s.answered_at < period.closedAt ? s.answered_at : null,
      judgement: s.on_time
        ? "ON_TIME"
        : s.pending
          ? "PENDING"
          : s.answered_at !== null && s.answered_at < period.closedAt
            ? "LATE"
            : "UNANSWERED",
    })),
  };
}
