// Investment figures: THE definition of 总投资, 计划投资, 完成投资 and 完成率 for a year, rolled up by pillar,
// recommendation, lead unit, side and region, live or as of a moment, and 完成投资 cumulated by month against the
// year's plan. Every sum runs in PostgreSQL over NUMERIC and comes back as text ("1234.50"), so no amount ever
// passes through a JavaScript number. The dashboard, the /investment page, the reports and the exports read
// their investment figures from here.
//
// What counts: action items (事项) that exist and are not retired at the moment, whatever their status (money
// spent on a cancelled project was still spent). The state at a past moment comes from item_history: the item's
// latest history row before it, whose snapshot carries the amounts as decimal strings (lib/writes/snapshot.ts).
// An item linked to two regions counts in each (the region figures do not add up to the total); side is the
// items list's side (lead and co-lead units, SIDE_SQL); an item with no lead unit is under side / unit "none".
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../prisma-client";
import { itemStatesSql } from "./as-of";
import { SIDE_SQL } from "./items-list";

/**
 * The joins that give item i0 its latest history row before `moment` (h: snapshot, retired) and that snapshot's
 * figures for `year` (y.e: the investmentYears entry, or null).
 */
function snapshotYearBefore(moment: Prisma.Sql, year: number): Prisma.Sql {
  return Prisma.sql`CROSS JOIN LATERAL (
       SELECT x.snapshot, x.retired FROM item_history x
        WHERE x.item_id = i0.id AND x.changed_at < ${moment}
        ORDER BY x.changed_at DESC, x.version DESC
        LIMIT 1
     ) h
      LEFT JOIN LATERAL (
        SELECT e FROM jsonb_array_elements(coalesce(h.snapshot->'investmentYears', '[]'::jsonb)) e
         WHERE (e->>'year')::int = ${year}
      ) y ON true`;
}

/** One item's investment state at the moment for `year`: columns id, total, sc_share, cq_share, planned, completed. */
export function investmentStatesSql(before: Date | null, year: number): Prisma.Sql {
  if (before === null) {
    return Prisma.sql`(
      SELECT i.id, i.total_investment AS total, i.sichuan_share AS sc_share, i.chongqing_share AS cq_share,
             y.planned, y.completed
        FROM items i
        LEFT JOIN item_investment_years y ON y.item_id = i.id AND y.year = ${year}
    )`;
  }
  return Prisma.sql`(
    SELECT i0.id, (h.snapshot->>'totalInvestment')::numeric AS total,
           (h.snapshot->>'sichuanShare')::numeric AS sc_share, (h.snapshot->>'chongqingShare')::numeric AS cq_share,
           (y.e->>'planned')::numeric AS planned, (y.e->>'completed')::numeric AS completed
      FROM items i0
     ${snapshotYearBefore(Prisma.sql`${before}`, year)}
  )`;
}

/** Restricts the counted items to these ids (a report's scope); undefined: every item. */
export type ItemIdScope = readonly number[] | undefined;

/**
 * The counted items at the moment with their investment for `year` and what they roll up by: columns id, code,
 * pillar_id, parent_id, lead_unit_id, side, region_ids, total, sc_share, cq_share, planned, completed.
 */
function countedSql(before: Date | null, year: number, itemIds?: ItemIdScope): Prisma.Sql {
  return Prisma.sql`(
    SELECT s.id, s.code, s.pillar_id, s.parent_id, s.lead_unit_id, ${SIDE_SQL} AS side, s.region_ids,
           v.total, v.sc_share, v.cq_share, v.planned, v.completed
      FROM ${itemStatesSql(before)} s
      JOIN ${investmentStatesSql(before, year)} v ON v.id = s.id
      LEFT JOIN units lu ON lu.id = s.lead_unit_id
      LEFT JOIN units cu ON cu.id = s.co_lead_unit_id
     WHERE s.level = 'ACTION' AND NOT s.retired
       ${itemIds === undefined ? Prisma.empty : Prisma.sql`AND s.id = ANY(${[...itemIds]}::int[])`}
  )`;
}

/** The figures of one group: amounts as decimal text (万元), the rate as text to one decimal (percent) or null. */
export interface InvestmentFigures {
  /** items with any investment figure (总投资, or the year's plan or done) */
  items: number;
  total: string;
  planned: string;
  completed: string;
  /** 完成投资 ÷ 计划投资 × 100, rounded half up to one decimal; null without a positive plan */
  rate: string | null;
}

export type RollupDimension = "pillar" | "recommendation" | "unit" | "side" | "region";

export interface RollupRow extends InvestmentFigures {
  /** pillar number, recommendation code, unit id, side key or region id; null: none (no lead unit / side) */
  key: string | null;
  label: string | null;
  labelEn: string | null;
  /** for side rows: the 川方 / 渝方 shares of joint projects' 总投资 in the group */
  sichuanShare?: string;
  chongqingShare?: string;
}

/** SQL aggregates of a group's figures over rows of countedSql() aliased `c`. */
const FIGURES = Prisma.sql`
  count(*) FILTER (WHERE c.total IS NOT NULL OR c.planned IS NOT NULL OR c.completed IS NOT NULL)::int AS items,
  round(coalesce(sum(c.total), 0), 2)::text AS total,
  round(coalesce(sum(c.planned), 0), 2)::text AS planned,
  round(coalesce(sum(c.completed), 0), 2)::text AS completed,
  CASE WHEN coalesce(sum(c.planned), 0) > 0
       THEN round(coalesce(sum(c.completed), 0) * 100 / sum(c.planned), 1)::text END AS rate`;

/** Only groups that hold some investment figure: a group with nothing to show is left out. */
const HAS_FIGURES = Prisma.sql`bool_or(c.total IS NOT NULL OR c.planned IS NOT NULL OR c.completed IS NOT NULL)`;

/** The whole portfolio's figures for `year` at the moment (or those of the items `itemIds`). */
export async function queryInvestmentTotals(
  d: Db,
  before: Date | null,
  year: number,
  itemIds?: ItemIdScope,
): Promise<InvestmentFigures> {
  const rows = await d.$queryRaw<InvestmentFigures[]>`SELECT ${FIGURES} FROM ${countedSql(before, year, itemIds)} c`;
  return rows[0]!;
}

/** Figures for `year` at the moment by one dimension, in the dimension's natural order (`itemIds`: only those). */
export async function queryInvestmentRollup(
  d: Db,
  before: Date | null,
  year: number,
  by: RollupDimension,
  itemIds?: ItemIdScope,
): Promise<RollupRow[]> {
  const counted = countedSql(before, year, itemIds);
  switch (by) {
    case "pillar":
      return d.$queryRaw<RollupRow[]>`
        SELECT p.number::text AS key, p.title AS label, p.title_en AS "labelEn", ${FIGURES}
          FROM ${counted} c JOIN pillars p ON p.id = c.pillar_id
         GROUP BY p.id HAVING ${HAS_FIGURES} ORDER BY p.number`;
    case "recommendation":
      return d.$queryRaw<RollupRow[]>`
        SELECT r.code AS key, r.title AS label, r.title_en AS "labelEn", ${FIGURES}
          FROM ${counted} c JOIN items r ON r.id = c.parent_id
         GROUP BY r.id HAVING ${HAS_FIGURES} ORDER BY string_to_array(r.code, '.')::int[]`;
    case "unit":
      return d.$queryRaw<RollupRow[]>`
        SELECT u.id::text AS key, u.name AS label, u.name AS "labelEn", ${FIGURES}
          FROM ${counted} c LEFT JOIN units u ON u.id = c.lead_unit_id
         GROUP BY u.id HAVING ${HAS_FIGURES} ORDER BY coalesce(sum(c.completed), 0) DESC, u.name NULLS LAST`;
    case "side":
      return d.$queryRaw<RollupRow[]>`
        SELECT c.side AS key, NULL AS label, NULL AS "labelEn", ${FIGURES},
               round(coalesce(sum(c.sc_share), 0), 2)::text AS "sichuanShare", round(coalesce(sum(c.cq_share), 0), 2)::text AS "chongqingShare"
          FROM ${counted} c
         GROUP BY c.side HAVING ${HAS_FIGURES}
         ORDER BY array_position(ARRAY['SICHUAN', 'CHONGQING', 'JOINT', 'NATIONAL'], c.side) NULLS LAST`;
    case "region":
      return d.$queryRaw<RollupRow[]>`
        SELECT g.id::text AS key, g.name AS label, g.name AS "labelEn", ${FIGURES}
          FROM ${counted} c CROSS JOIN LATERAL unnest(c.region_ids) AS rid JOIN regions g ON g.id = rid
         GROUP BY g.id HAVING ${HAS_FIGURES} ORDER BY g.side, g.name`;
  }
}

/** Each side's part of 总投资: a single-side item's total, plus its share of every joint project. */
export interface SideShares {
  sichuan: string;
  chongqing: string;
  /** joint (or national, or unled) items' totals that no share splits */
  unsplit: string;
}

export async function querySideShares(d: Db, before: Date | null, year: number): Promise<SideShares> {
  const rows = await d.$queryRaw<SideShares[]>`
    SELECT round(coalesce(sum(CASE WHEN c.side = 'SICHUAN' THEN c.total WHEN c.sc_share IS NOT NULL THEN c.sc_share END), 0), 2)::text AS sichuan,
           round(coalesce(sum(CASE WHEN c.side = 'CHONGQING' THEN c.total WHEN c.cq_share IS NOT NULL THEN c.cq_share END), 0), 2)::text AS chongqing,
           round(coalesce(sum(c.total) FILTER (WHERE c.side IS DISTINCT FROM 'SICHUAN' AND c.side IS DISTINCT FROM 'CHONGQING'
                                           AND c.sc_share IS NULL), 0), 2)::text AS unsplit
      FROM ${countedSql(before, year)} c`;
  return rows[0]!;
}

export interface MonthPoint {
  /** 1–12 */
  month: number;
  /** 完成投资 of the year as it stood at the end of the month (China time), 万元 */
  completed: string;
}

/** The end of month `month` (1–12) of `year` in China: the first instant of the next month, UTC+8. */
export function monthEnd(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 1) - 8 * 60 * 60 * 1000);
}

/**
 * 完成投资 of `year` cumulated month by month: for each month whose end is before `before` (or now), the year's
 * 完成投资 as it stood then, from history; the last point is the moment itself when it falls inside the year.
 * Read with the year's plan (queryInvestmentTotals) for the chart "cumulative done against the plan".
 */
export async function queryCumulativeByMonth(
  d: Db,
  before: Date | null,
  year: number,
  now: Date,
): Promise<MonthPoint[]> {
  const until = before ?? now;
  const moments: { month: number; at: Date }[] = [];
  for (let month = 1; month <= 12; month++) {
    const end = monthEnd(year, month);
    if (end.getTime() <= until.getTime()) moments.push({ month, at: end });
    else {
      if (monthEnd(year, month - 1).getTime() < until.getTime()) moments.push({ month, at: until });
      break;
    }
  }
  if (moments.length === 0) return [];
  const rows = await d.$queryRaw<{ ord: number; completed: string }[]>`
    SELECT w.ord::int AS ord, round(coalesce(sum((y.e->>'completed')::numeric), 0), 2)::text AS completed
      FROM unnest(${moments.map((m) => m.at.toISOString())}::timestamptz[]) WITH ORDINALITY AS w(moment, ord)
      CROSS JOIN items i0
      ${snapshotYearBefore(Prisma.sql`w.moment`, year)}
     WHERE i0.level = 'ACTION' AND NOT h.retired
     GROUP BY w.ord ORDER BY w.ord`;
  const byOrd = new Map(rows.map((r) => [r.ord, r.completed]));
  return moments.map((m, i) => ({ month: m.month, completed: byOrd.get(i + 1) ?? "0.00" }));
}

/** What moved between two moments: the year's 计划投资 and 完成投资 then and now, and the differences (万元). */
export interface InvestmentChange {
  then: InvestmentFigures;
  now: InvestmentFigures;
  plannedDelta: string;
  completedDelta: string;
}

/** The compare ("完成投资 rose 12.3 亿元 since …"): the year's figures at `compareBefore` and at `before`. */
export async function queryInvestmentChange(
  d: Db,
  before: Date | null,
  compareBefore: Date,
  year: number,
): Promise<InvestmentChange> {
  const [then, now, delta] = await Promise.all([
    queryInvestmentTotals(d, compareBefore, year),
    queryInvestmentTotals(d, before, year),
    d.$queryRaw<{ planned: string; completed: string }[]>`
      SELECT round(b.planned - a.planned, 2)::text AS planned, round(b.completed - a.completed, 2)::text AS completed
        FROM (SELECT coalesce(sum(c.planned), 0) AS planned, coalesce(sum(c.completed), 0) AS completed
                FROM ${countedSql(compareBefore, year)} c) a,
             (SELECT coalesce(sum(c.planned), 0) AS planned, coalesce(sum(c.completed), 0) AS completed
                FROM ${countedSql(before, year)} c) b`,
  ]);
  return { then, now, plannedDelta: delta[0]!.planned, completedDelta: delta[0]!.completed };
}

/** One item's investment as the item page shows it (live or as of the moment, from its snapshot). */
export interface ItemInvestment {
  totalInvestment: string | null;
  sichuanShare: string | null;
  chongqingShare: string | null;
  years: { year: number; planned: string | null; completed: string | null; rate: string | null }[];
}
