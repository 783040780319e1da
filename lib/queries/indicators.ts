// 指标: THE definition of an indicator's state, its actual values and its 完成度, live or as of a moment. The item
// page and the dashboard's 关键指标 card read them from here.
//
// As of a moment, as investmentStatesSql does for investment: an indicator's definition (name, unit, baseline,
// target, direction, 关键指标 mark, order) comes from its item's latest item_history row before the moment (the
// snapshot's "indicators", lib/writes/snapshot.ts), so an indicator removed or changed since reads as it was.
// Its values are the rows of indicator_values reported before the moment: for each day the latest report then
// (values are append-only, a correction supersedes). Figures come back as text and are made canonical here;
// 完成度 is computed once, on BigInts (lib/indicators.ts completion).
import { Prisma } from "../generated/prisma/client";
import { isoDay } from "../dates";
import {
  completion,
  figureText,
  TREND_POINTS,
  type Direction,
  type IndicatorFields,
  type TrendPoint,
} from "../indicators";
import type { Db } from "../prisma-client";
import { itemStatesSql } from "./as-of";

/**
 * One row per indicator of an item at the moment (not removed then): columns item_id, id, name, unit, baseline,
 * target (text), target_year, direction, headline, position. `itemId` limits it to one item.
 */
export function indicatorStatesSql(before: Date | null, itemId?: number): Prisma.Sql {
  const one = (column: Prisma.Sql) => (itemId === undefined ? Prisma.empty : Prisma.sql`AND ${column} = ${itemId}`);
  if (before === null) {
    return Prisma.sql`(
      SELECT x.item_id, x.id, x.name, x.unit, x.baseline::text AS baseline, x.target::text AS target, x.target_year,
             x.direction::text AS direction, x.headline, x.position
        FROM indicators x
       WHERE x.removed_at IS NULL ${one(Prisma.sql`x.item_id`)}
    )`;
  }
  return Prisma.sql`(
    SELECT i0.id AS item_id, (e.x->>'id')::int AS id, e.x->>'name' AS name, e.x->>'unit' AS unit,
           e.x->>'baseline' AS baseline, e.x->>'target' AS target, (e.x->>'targetYear')::int AS target_year,
           e.x->>'direction' AS direction, (e.x->>'headline')::boolean AS headline, e.pos::int AS position
      FROM items i0
     CROSS JOIN LATERAL (
       SELECT h.snapshot FROM item_history h
        WHERE h.item_id = i0.id AND h.changed_at < ${before}
        ORDER BY h.changed_at DESC, h.version DESC
        LIMIT 1
     ) h
     CROSS JOIN LATERAL jsonb_array_elements(coalesce(h.snapshot->'indicators', '[]'::jsonb)) WITH ORDINALITY e(x, pos)
     WHERE true ${one(Prisma.sql`i0.id`)}
  )`;
}

/** Values reported before the moment (all when live). */
const reportedBefore = (before: Date | null) =>
  before === null ? Prisma.empty : Prisma.sql`AND v.reported_at < ${before}`;

interface DefinitionRow {
  item_id: number;
  id: number;
  name: string;
  unit: string;
  baseline: string;
  target: string;
  target_year: number;
  direction: string;
  headline: boolean;
  position: number;
}

/** An indicator as the pages show it at the moment. */
export interface IndicatorView extends IndicatorFields {
  id: number;
  itemId: number;
  /** the latest day's value in force at the moment, or null before any was reported */
  latest: TrendPoint | null;
  /** 完成度 (percent to one decimal, text) of the latest value; null without one */
  completion: string | null;
}

export interface ItemIndicator extends IndicatorView {
  /** the latest values by day (at most TREND_POINTS), oldest first */
  trend: TrendPoint[];
  /** the indicator's own version (the edit and remove forms send it back); live only */
  version: number | null;
}

function viewOf(d: DefinitionRow, latest: TrendPoint | null): IndicatorView {
  const baseline = figureText(d.baseline);
  const target = figureText(d.target);
  return {
    id: d.id,
    itemId: d.item_id,
    name: d.name,
    unit: d.unit,
    baseline,
    target,
    targetYear: d.target_year,
    direction: d.direction as Direction,
    headline: d.headline,
    latest,
    completion: completion(baseline, target, latest?.actual ?? null),
  };
}

/** The item's indicators at the moment, each with its trend (values in force per day, reported before it). */
export async function queryItemIndicators(d: Db, itemId: number, before: Date | null): Promise<ItemIndicator[]> {
  const defs = await d.$queryRaw<DefinitionRow[]>`
    SELECT * FROM ${indicatorStatesSql(before, itemId)} s ORDER BY s.position, s.id`;
  if (defs.length === 0) return [];
  const ids = defs.map((x) => x.id);
  const [values, versions] = await Promise.all([
    d.$queryRaw<{ indicator_id: number; observed_on: Date; actual: string }[]>`
      SELECT indicator_id, observed_on, actual FROM (
        SELECT t.*, row_number() OVER (PARTITION BY t.indicator_id ORDER BY t.observed_on DESC) AS n
          FROM (
            SELECT DISTINCT ON (v.indicator_id, v.observed_on) v.indicator_id, v.observed_on, v.actual::text AS actual
              FROM indicator_values v
             WHERE v.indicator_id IN (${Prisma.join(ids)}) ${reportedBefore(before)}
             ORDER BY v.indicator_id, v.observed_on, v.reported_at DESC, v.id DESC
          ) t
      ) ranked
      WHERE n <= ${TREND_POINTS}
      ORDER BY indicator_id, observed_on`,
    before === null
      ? d.indicator.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } })
      : Promise.resolve([]),
  ]);
  const trends = new Map<number, TrendPoint[]>();
  for (const v of values) {
    const list = trends.get(v.indicator_id) ?? [];
    list.push({ observedOn: isoDay(v.observed_on), actual: figureText(v.actual) });
    trends.set(v.indicator_id, list);
  }
  const version = new Map(versions.map((v) => [v.id, v.version]));
  return defs.map((x) => {
    const trend = trends.get(x.id) ?? [];
    return { ...viewOf(x, trend.at(-1) ?? null), trend, version: version.get(x.id) ?? null };
  });
}

/** A 关键指标 with the item it belongs to. */
export interface HeadlineIndicator extends IndicatorView {
  code: string;
  title: string;
  titleEn: string | null;
}

/** Which indicators queryIndicatorsAt reads: the 关键指标 only, those of some items, or some indicators. */
export interface IndicatorFilter {
  headlineOnly?: boolean;
  itemIds?: readonly number[];
  indicatorIds?: readonly number[];
}

/**
 * The indicators at the moment (of action items that exist and are not retired then) that `filter` names, in the
 * outline's order: each with its latest value in force and 完成度. The one read behind the dashboard's 关键指标,
 * the status report's 指标 and the compare's "since" values.
 */
export async function queryIndicatorsAt(
  d: Db,
  before: Date | null,
  filter: IndicatorFilter = {},
): Promise<HeadlineIndicator[]> {
  const ids = (column: Prisma.Sql, list: readonly number[] | undefined) =>
    list === undefined ? Prisma.empty : Prisma.sql`AND ${column} = ANY(${[...list]}::int[])`;
  const rows = await d.$queryRaw<
    (DefinitionRow & {
      code: string;
      title: string;
      title_en: string | null;
      observed_on: Date | null;
      actual: string | null;
    })[]
  >`
    SELECT x.*, s.code, s.title, s.title_en, lv.observed_on, lv.actual
      FROM ${indicatorStatesSql(before)} x
      JOIN ${itemStatesSql(before)} s ON s.id = x.item_id
      LEFT JOIN LATERAL (
        SELECT v.observed_on, v.actual::text AS actual FROM indicator_values v
         WHERE v.indicator_id = x.id ${reportedBefore(before)}
         ORDER BY v.observed_on DESC, v.reported_at DESC, v.id DESC
         LIMIT 1
      ) lv ON true
     WHERE s.level = 'ACTION' AND NOT s.retired ${filter.headlineOnly ? Prisma.sql`AND x.headline` : Prisma.empty}
           ${ids(Prisma.sql`x.item_id`, filter.itemIds)} ${ids(Prisma.sql`x.id`, filter.indicatorIds)}
     ORDER BY string_to_array(s.code, '.')::int[], x.position, x.id`;
  return rows.map((r) => ({
    ...viewOf(
      r,
      r.observed_on === null || r.actual === null
        ? null
        : { observedOn: isoDay(r.observed_on), actual: figureText(r.actual) },
    ),
    code: r.code,
    title: r.title,
    titleEn: r.title_en,
  }));
}

/** The indicators marked 关键指标 at the moment, with their latest values (queryIndicatorsAt). */
export function queryHeadlineIndicators(d: Db, before: Date | null): Promise<HeadlineIndicator[]> {
  return queryIndicatorsAt(d, before, { headlineOnly: true });
}
