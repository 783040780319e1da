// SQL for the leadership dashboard (wrapped with permission checks by lib/data/dashboard.ts). Every widget is one SQL query over the portfolio as of a moment
// (itemStatesSql via the roll-up CTEs), so the same code answers live and "as of" a date, and all
// aggregation happens in PostgreSQL. Counts are over action items (事项) that are not retired; progress
// figures use the one roll-up definition in lib/queries/rollup.ts.
//
// The headline, pillar and unit figures are THE definition of those figures: they take a scope (the items
// list's filters), and the status report (lib/queries/report.ts) reads its figures for any scope from these
// same functions, so a report never recomputes what the dashboard shows.
import { comparePortfolio, type PortfolioComparison } from "./compare";
import { attentionSql, itemStatesAtSql, openSql, overdueSql, staleSql } from "./as-of";
import { endOfDay, todayInChina } from "../dates";
import { browseStatesSql, SIDE_SQL, whereSql } from "./items-list";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../prisma-client";
import type { Confidence, ItemStatus, Side } from "../generated/prisma/enums";
import {
  countingSql,
  pillarAveragesSql,
  rollUpCtes,
  rolledStatesSql,
  singleMomentStates,
  weightedProgressSql,
} from "./rollup";
import type { AsOfSelection } from "../as-of-selection";
import type { BrowseFilters } from "../validations/browse";
import type { UnitSort } from "../validations/dashboard";
import { now as clockNow } from "../clock";

/** `amberLast` (lib/data/item-lights.ts) is needed only when a scope filters by light. */
type Moment = Pick<AsOfSelection, "before" | "day"> & { amberLast?: string };

const ACTIONS = Prisma.sql`(s.level = 'ACTION' AND NOT s.retired)`;
const OPEN = openSql("s");

/**
 * Which items a figure is over: the items list's filters (lib/queries/items-list.ts whereSql), so a report's
 * scope and the list filtered the same way hold the same items. {} is the whole portfolio: the dashboard.
 */
export type FigureScope = BrowseFilters;

/** Subquery: the rolled-up states (browseStatesSql) at the moment of the items in `scope`, never retired ones. */
export function scopedStatesSql({ before, day, amberLast }: Moment, scope: FigureScope): Prisma.Sql {
  return Prisma.sql`(
    SELECT s.* FROM ${browseStatesSql(before)} s
    JOIN pillars p ON p.id = s.pillar_id
    JOIN items src ON src.id = s.id
    LEFT JOIN units lu ON lu.id = s.lead_unit_id
    LEFT JOIN units cu ON cu.id = s.co_lead_unit_id
    WHERE ${whereSql(scope, day, amberLast)}
  )`;
}

/**
 * CTEs (embed after WITH) defining `scoped`: scopedStatesSql() plus `root`, true for the items whose weighted
 * progress is the scope's progress — counting items whose parent is not in scope (lib/queries/rollup.ts). For
 * the whole portfolio or a pillar those are the recommendations.
 */
function scopedCtes(m: Moment, scope: FigureScope): Prisma.Sql {
  return Prisma.sql`
    in_scope AS MATERIALIZED (SELECT * FROM ${scopedStatesSql(m, scope)} x),
    scoped AS (
      SELECT s.*, (${countingSql("s")} AND NOT EXISTS (SELECT 1 FROM in_scope y WHERE y.id = s.parent_id)) AS root
      FROM in_scope s
    )`;
}

export interface Headline {
  items: number;
  overall: number | null;
  green: number;
  amber: number;
  red: number;
  open: number;
  completed: number;
  overdue: number;
  stale: number;
}

/** Headline figures of `scope`; confidence counts are over open items (closed work needs no confidence). */
export async function queryHeadline(d: Db, m: Moment, scope: FigureScope = {}): Promise<Headline> {
  const { day } = m;
  const [row] = await d.$queryRaw<Headline[]>(Prisma.sql`
    WITH ${scopedCtes(m, scope)}
    SELECT count(*)::int AS items,
           count(*) FILTER (WHERE ${OPEN})::int AS open,
           count(*) FILTER (WHERE ${OPEN} AND s.confidence = 'GREEN')::int AS green,
           count(*) FILTER (WHERE ${OPEN} AND s.confidence = 'AMBER')::int AS amber,
           count(*) FILTER (WHERE ${OPEN} AND s.confidence = 'RED')::int AS red,
           count(*) FILTER (WHERE s.status = 'COMPLETED')::int AS completed,
           count(*) FILTER (WHERE ${overdueSql("s", day)})::int AS overdue,
           count(*) FILTER (WHERE ${staleSql("s", day)})::int AS stale,
           (SELECT ${weightedProgressSql("r", Prisma.sql`r.root`)} FROM scoped r) AS overall
    FROM scoped s
    WHERE ${ACTIONS}`);
  return row ?? { items: 0, overall: null, green: 0, amber: 0, red: 0, open: 0, completed: 0, overdue: 0, stale: 0 };
}

export interface PillarProgress {
  id: number;
  number: number;
  title: string;
  titleEn: string;
  theme: string;
  progress: number | null;
  actions: number;
  completed: number;
  overdue: number;
  recommendations: { code: string; title: string; titleEn: string | null; progress: number; status: ItemStatus }[];
}

/** Every pillar's figures over the items of `scope` in it (a pillar with none has progress null and zero counts). */
export async function queryPillarProgress(d: Db, m: Moment, scope: FigureScope = {}): Promise<PillarProgress[]> {
  const { day } = m;
  return d.$queryRaw<PillarProgress[]>(Prisma.sql`
    WITH ${scopedCtes(m, scope)}
    SELECT p.id, p.number, p.title, p.title_en AS "titleEn", p.theme,
           (SELECT ${weightedProgressSql("s", Prisma.sql`s.root`)} FROM scoped s WHERE s.pillar_id = p.id) AS progress,
           (SELECT count(*) FROM scoped s WHERE s.pillar_id = p.id AND ${ACTIONS})::int AS actions,
           (SELECT count(*) FROM scoped s WHERE s.pillar_id = p.id AND ${ACTIONS} AND s.status = 'COMPLETED')::int AS completed,
           (SELECT count(*) FROM scoped s WHERE s.pillar_id = p.id AND ${ACTIONS} AND ${overdueSql("s", day)})::int AS overdue,
           (SELECT coalesce(json_agg(json_build_object('code', s.code, 'title', s.title, 'titleEn', s.title_en,
                                                       'progress', s.rolled_progress, 'status', s.status)
                                     ORDER BY s.sort_order, s.code), '[]'::json)
            FROM scoped s WHERE s.pillar_id = p.id AND s.parent_id IS NULL) AS recommendations
    FROM pillars p
    ORDER BY p.number`);
}

export interface Distributions {
  status: { key: ItemStatus; count: number }[];
  /** open items only; key null = no confidence given yet */
  confidence: { key: Confidence | null; count: number }[];
}

export async function queryDistributions(d: Db, { before }: Moment): Promise<Distributions> {
  const rows = await d.$queryRaw<{ kind: "status" | "confidence"; key: string | null; count: number }[]>(Prisma.sql`
    WITH s AS (SELECT * FROM ${singleMomentStates(before)} s WHERE ${ACTIONS})
    SELECT 'status' AS kind, s.status AS key, count(*)::int AS count FROM s GROUP BY s.status
    UNION ALL
    SELECT 'confidence', s.confidence, count(*)::int FROM s WHERE ${OPEN} GROUP BY s.confidence`);
  return {
    status: rows.filter((r) => r.kind === "status").map((r) => ({ key: r.key as ItemStatus, count: r.count })),
    confidence: rows
      .filter((r) => r.kind === "confidence")
      .map((r) => ({ key: r.key as Confidence | null, count: r.count })),
  };
}

export interface TrendPoint {
  /** the calendar day the point describes (its end) */
  day: string;
  overall: number | null;
  /** keyed by pillar number */
  pillars: Record<number, number | null>;
}

export const TREND_POINTS = 53; // a year of weeks, both ends included
const TREND_STEP_MS = 7 * 86_400_000;

/** The trend's moments, oldest first: the ends of the selected day and of each week before it. */
export function trendMoments(day: string): Date[] {
  const end = endOfDay(day);
  return Array.from(
    { length: TREND_POINTS },
    (_, i) => new Date(end.getTime() - (TREND_POINTS - 1 - i) * TREND_STEP_MS),
  );
}

export type TrendValue = Omit<TrendPoint, "day">;

/** Overall and per-pillar progress at each moment, reconstructed from history, rolled up in one query. */
export async function queryTrendValues(d: Db, moments: readonly Date[]): Promise<TrendValue[]> {
  if (moments.length === 0) return [];
  const rows = await d.$queryRaw<
    { at_key: number; pillar_number: number | null; progress: number | null }[]
  >(Prisma.sql`
    WITH RECURSIVE ${rollUpCtes(itemStatesAtSql(moments))}
    SELECT pa.at_key, p.number AS pillar_number, pa.progress
    FROM ${pillarAveragesSql}
    LEFT JOIN pillars p ON p.id = pa.pillar_id`);
  return moments.map((_, k) => {
    const mine = rows.filter((r) => r.at_key === k);
    return {
      overall: mine.find((r) => r.pillar_number === null)?.progress ?? null,
      pillars: Object.fromEntries(
        mine.filter((r) => r.pillar_number !== null).map((r) => [r.pillar_number!, r.progress]),
      ),
    };
  });
}

/** A trend point's label: the calendar day (in China) that its moment ends. */
export function trendDay(moment: Date): string {
  return todayInChina(new Date(moment.getTime() - 1));
}

/**
 * The whole weekly trend in one query, for tests and benchmarks. The dashboard reads getProgressTrend() instead,
 * which caches it point by point over trendMoments() and queryTrendValues().
 */
export async function queryProgressTrend(d: Db, { day }: Moment): Promise<TrendPoint[]> {
  const moments = trendMoments(day);
  const values = await queryTrendValues(d, moments);
  return moments.map((m, k) => ({ day: trendDay(m), ...values[k]! }));
}

export interface AttentionItem {
  code: string;
  title: string;
  titleEn: string | null;
  status: ItemStatus;
  confidence: Confidence | null;
  progress: number;
  dueDate: Date | null;
  leadUnit: string | null;
  coLeadUnit: string | null;
  daysOverdue: number | null;
}

export const ATTENTION_LIMIT = 12;
/** Items needing attention (attentionSql): overdue (most days overdue first), then open and off track (red). */
export async function queryAttentionItems(
  d: Db,
  { before, day }: Moment,
): Promise<{ items: AttentionItem[]; total: number }> {
  const rows = await d.$queryRaw<(AttentionItem & { total: number })[]>(Prisma.sql`
    SELECT s.code, s.title, s.title_en AS "titleEn", s.status, s.confidence, s.rolled_progress AS progress,
           s.due_date AS "dueDate", lu.name AS "leadUnit", cu.name AS "coLeadUnit",
           CASE WHEN ${overdueSql("s", day)} THEN (${day}::date - s.due_date) END AS "daysOverdue",
           (count(*) OVER ())::int AS total
    FROM ${rolledStatesSql(before)} s
    LEFT JOIN units lu ON lu.id = s.lead_unit_id
    LEFT JOIN units cu ON cu.id = s.co_lead_unit_id
    WHERE ${ACTIONS} AND ${attentionSql("s", day)}
    ORDER BY "daysOverdue" DESC NULLS LAST, s.rolled_progress ASC, s.code
    LIMIT ${ATTENTION_LIMIT}`);
  return { items: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 };
}

export interface UnitAccountability {
  id: number;
  name: string;
  shortName: string | null;
  side: Side;
  items: number;
  progress: number | null;
  overdue: number;
  stale: number;
  lastUpdate: Date | null;
  /** whole days from the last progress update to the end of the selected day; null = never updated */
  daysSinceUpdate: number | null;
}

const UNIT_ORDER: Record<UnitSort["key"], Prisma.Sql> = {
  name: Prisma.sql`name`,
  items: Prisma.sql`items`,
  progress: Prisma.sql`progress`,
  overdue: Prisma.sql`overdue`,
  stale: Prisma.sql`stale`,
  days: Prisma.sql`"daysSinceUpdate"`,
};

/**
 * Per lead unit: its action items in `scope`, weighted progress, overdue, stale and days since its last update.
 * `now` is the clock (tests pass a fixed one).
 */
export async function queryUnitAccountability(
  d: Db,
  m: Moment,
  sort: UnitSort,
  scope: FigureScope = {},
  now: Date = clockNow(),
): Promise<UnitAccountability[]> {
  const { before, day } = m;
  const dir = sort.dir === "asc" ? Prisma.sql`ASC NULLS FIRST` : Prisma.sql`DESC NULLS LAST`;
  // "days since" counts to now for the live view and for today, to the end of the day for a past one.
  const reference = before === null || before > now ? now : before;
  return d.$queryRaw<UnitAccountability[]>(Prisma.sql`
    WITH ${scopedCtes(m, scope)}
    SELECT * FROM (
      SELECT u.id, u.name, u.short_name AS "shortName", u.side, count(*)::int AS items,
             ${weightedProgressSql("s")} AS progress,
             count(*) FILTER (WHERE ${overdueSql("s", day)})::int AS overdue,
             count(*) FILTER (WHERE ${staleSql("s", day)})::int AS stale,
             max(s.last_update_at) AS "lastUpdate",
             floor(extract(epoch FROM (${reference}::timestamptz - max(s.last_update_at))) / 86400)::int AS "daysSinceUpdate"
      FROM scoped s
      JOIN units u ON u.id = s.lead_unit_id
      WHERE ${ACTIONS}
      GROUP BY u.id
    ) x
    ORDER BY ${UNIT_ORDER[sort.key]} ${dir}, name ASC`);
}

export interface Breakdown {
  key: string | null;
  id?: number;
  items: number;
  progress: number | null;
  completed: number;
  overdue: number;
}

/** Sichuan side / Chongqing side / joint (as the items list's side filter defines it), and per region. */
export async function querySideAndRegionBreakdown(
  d: Db,
  { before, day }: Moment,
): Promise<{ sides: Breakdown[]; regions: (Breakdown & { id: number; side: Side })[] }> {
  const figures = Prisma.sql`count(*)::int AS items,
    ${weightedProgressSql("s")} AS progress,
    count(*) FILTER (WHERE s.status = 'COMPLETED')::int AS completed,
    count(*) FILTER (WHERE ${overdueSql("s", day)})::int AS overdue`;
  const [sides, regions] = await Promise.all([
    d.$queryRaw<Breakdown[]>(Prisma.sql`
      SELECT ${SIDE_SQL} AS key, ${figures}
      FROM ${rolledStatesSql(before)} s
      LEFT JOIN units lu ON lu.id = s.lead_unit_id
      LEFT JOIN units cu ON cu.id = s.co_lead_unit_id
      WHERE ${ACTIONS}
      GROUP BY 1
      ORDER BY array_position(ARRAY['SICHUAN', 'CHONGQING', 'JOINT', 'NATIONAL'], ${SIDE_SQL}) NULLS LAST`),
    d.$queryRaw<(Breakdown & { id: number; side: Side })[]>(Prisma.sql`
      SELECT rg.id, rg.name AS key, rg.side, ${figures}
      FROM ${rolledStatesSql(before)} s
      JOIN regions rg ON rg.id = ANY(s.region_ids)
      WHERE ${ACTIONS}
      GROUP BY rg.id
      ORDER BY items DESC, rg.name`),
  ]);
  return { sides, regions };
}

export interface RecentUpdate {
  id: number;
  createdAt: Date;
  status: ItemStatus;
  progress: number;
  confidence: Confidence;
  note: string;
  code: string;
  title: string;
  titleEn: string | null;
  unitName: string | null;
}

export const RECENT_LIMIT = 10;
/** The latest progress updates approved up to the selected moment (a report counts from its approval), newest first. */
export async function queryRecentUpdates(d: Db, { before }: Moment): Promise<RecentUpdate[]> {
  return d.$queryRaw<RecentUpdate[]>(Prisma.sql`
    SELECT pu.id, pu.created_at AS "createdAt", pu.status, pu.progress, pu.confidence, pu.note,
           i.code, i.title, i.title_en AS "titleEn", u.name AS "unitName"
    FROM progress_updates pu
    JOIN items i ON i.id = pu.item_id
    LEFT JOIN units u ON u.id = pu.unit_id
    WHERE pu.state = 'APPROVED' ${before === null ? Prisma.empty : Prisma.sql`AND pu.decided_at < ${before}`}
    ORDER BY pu.decided_at DESC, pu.id DESC
    LIMIT ${RECENT_LIMIT}`);
}

export interface ConferenceSummary {
  number: number;
  date: Date;
  theme: string;
  summary: string;
  items: number;
  progress: number | null;
}

/** The joint conferences with the items linked to them at the selected moment. */
export async function queryConferenceTimeline(d: Db, { before }: Moment): Promise<ConferenceSummary[]> {
  return d.$queryRaw<ConferenceSummary[]>(Prisma.sql`
    SELECT c.number, c.date, c.theme, c.summary, count(s.id)::int AS items,
           ${weightedProgressSql("s")} AS progress
    FROM conferences c
    LEFT JOIN ${rolledStatesSql(before)} s ON c.id = ANY(s.conference_ids) AND NOT s.retired
    GROUP BY c.id
    ORDER BY c.number`);
}

/** What changed between the comparison day and the as-of day (or now); null without a comparison day. */
export async function queryPortfolioChanges(
  d: Db,
  selection: Pick<AsOfSelection, "before" | "compareBefore">,
): Promise<PortfolioComparison | null> {
  if (selection.compareBefore === null) return null;
  return comparePortfolio(d, selection.compareBefore, selection.before);
}
