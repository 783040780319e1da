// The portfolio "as of" a moment, reconstructed from item_history — never from current values. Every view
// that can be shown as of a date (dashboard, pillar, list, item, reports) selects FROM itemStatesSql(), so
// live and historical views run the same SQL over the same columns.
import { endOfDay } from "../dates";
import type { ItemLight } from "../item-light";
import { Prisma } from "../generated/prisma/client";

/**
 * One row per item that existed before `before` (null = now), with its state at that moment.
 * Columns: id, code, parent_id, pillar_id, level, sort_order, title, title_en, lead_unit_id, co_lead_unit_id,
 * supporting_unit_ids int[], region_ids int[], conference_ids int[], status, confidence, progress, weight,
 * start_date, due_date, original_due_date, retired, last_update_at, version.
 * Retired items are included (retired = true): callers decide whether to count them.
 */
export function itemStatesSql(before: Date | null): Prisma.Sql {
  if (before === null) return liveStatesSql;
  // When no history was written at or after the moment (the end of today, usually), every item's state then
  // is its latest history row, which the database keeps equal to the item's own row (trigger
  // items_history_required): read the rows, not history. The test is one index lookup, evaluated once, and
  // PostgreSQL runs only the branch it selects.
  return Prisma.sql`(
    SELECT * FROM ${liveStatesSql} live WHERE (SELECT max(changed_at) FROM item_history) < ${before}
    UNION ALL
    SELECT * FROM ${historyStatesSql(before)} past WHERE NOT coalesce((SELECT max(changed_at) FROM item_history) < ${before}, false)
  )`;
}

/** Every item's current state, from its own row (columns as itemStatesSql). */
const liveStatesSql = Prisma.sql`(
      SELECT i.id, i.code, i.parent_id, i.pillar_id, i.level::text AS level, i.sort_order, i.title, i.title_en,
             i.lead_unit_id, i.co_lead_unit_id,
             ARRAY(SELECT s.unit_id FROM item_supporting_units s WHERE s.item_id = i.id ORDER BY s.unit_id) AS supporting_unit_ids,
             ARRAY(SELECT r.region_id FROM item_regions r WHERE r.item_id = i.id ORDER BY r.region_id) AS region_ids,
             ARRAY(SELECT c.conference_id FROM item_conferences c WHERE c.item_id = i.id ORDER BY c.conference_id) AS conference_ids,
             i.status::text AS status, i.confidence::text AS confidence, i.progress, i.weight,
             i.start_date, i.due_date, i.original_due_date, (i.retired_at IS NOT NULL) AS retired,
             i.last_update_at, i.version
      FROM items i
    )`;

/** Every item's state at `before`, reconstructed from history (columns as itemStatesSql). */
function historyStatesSql(before: Date): Prisma.Sql {
  // Each item's latest history row written before the moment is its state then: one probe per item into
  // the (item_id, changed_at desc, version desc) index rather than a sort of all history before the moment.
  // Items are never deleted, so `items` lists every item that can have history.
  return Prisma.sql`(
    SELECT h.item_id AS id, h.snapshot->>'code' AS code, h.parent_id, h.pillar_id, h.snapshot->>'level' AS level,
           (h.snapshot->>'sortOrder')::int AS sort_order, h.snapshot->>'title' AS title, h.snapshot->>'titleEn' AS title_en,
           h.lead_unit_id, (h.snapshot->>'coLeadUnitId')::int AS co_lead_unit_id,
           ARRAY(SELECT jsonb_array_elements_text(h.snapshot->'supportingUnitIds')::int) AS supporting_unit_ids,
           ARRAY(SELECT jsonb_array_elements_text(h.snapshot->'regionIds')::int) AS region_ids,
           ARRAY(SELECT jsonb_array_elements_text(h.snapshot->'conferenceIds')::int) AS conference_ids,
           h.status::text AS status, h.confidence::text AS confidence, h.progress, h.weight,
           (h.snapshot->>'startDate')::date AS start_date, h.due_date, (h.snapshot->>'originalDueDate')::date AS original_due_date,
           h.retired, h.last_update_at, h.version
    FROM items i0
    CROSS JOIN LATERAL (
      SELECT * FROM item_history x
      WHERE x.item_id = i0.id AND x.changed_at < ${before}
      ORDER BY x.changed_at DESC, x.version DESC
      LIMIT 1
    ) h
  )`;
}

/** Days without a progress update after which an open item counts as stale (not updated in 30 days). */
export const STALE_DAYS = 30;

/**
 * SQL predicates over a row of itemStatesSql() aliased `alias`, judged on calendar day `day` (YYYY-MM-DD):
 * open = live and neither completed nor cancelled; overdue = open and due before that day; stale = open and no
 * update in the STALE_DAYS before its end; attention = overdue, or open and reported off track (red). Each is
 * the one definition behind a dashboard figure and the items-list filter its link opens.
 */
export function openSql(alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(NOT ${a}.retired AND ${a}.status NOT IN ('COMPLETED', 'CANCELLED'))`;
}

export function overdueSql(alias: string, day: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(${openSql(alias)} AND ${a}.due_date < ${day}::date)`;
}

/**
 * The item's light (lib/item-light.ts) on `day` as 'RED' | 'AMBER' | 'GREEN' | NULL: `amberLast` is
 * amberUntil(day, calendar, N), so a list reads the light without the calendar in SQL.
 */
export function lightSql(alias: string, day: string, amberLast: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(CASE WHEN NOT ${openSql(alias)} OR ${a}.due_date IS NULL THEN NULL
    WHEN ${a}.due_date < ${day}::date THEN 'RED'
    WHEN ${a}.due_date <= ${amberLast}::date THEN 'AMBER'
    ELSE 'GREEN' END)`;
}

/** Items whose light (lightSql) on `day` is `light`: a predicate the items list's filter uses. */
export function lightIsSql(alias: string, light: ItemLight, day: string, amberLast: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  if (light === "RED") return overdueSql(alias, day);
  if (light === "AMBER")
    return Prisma.sql`(${openSql(alias)} AND ${a}.due_date >= ${day}::date AND ${a}.due_date <= ${amberLast}::date)`;
  return Prisma.sql`(${openSql(alias)} AND ${a}.due_date > ${amberLast}::date)`;
}

export function staleSql(alias: string, day: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  const cutoff = new Date(endOfDay(day).getTime() - STALE_DAYS * 24 * 60 * 60 * 1000);
  return Prisma.sql`(${openSql(alias)} AND (${a}.last_update_at IS NULL OR ${a}.last_update_at < ${cutoff}))`;
}

/** The dashboard's 逾期与滞后事项 and the report's lagging table: overdue, or open with confidence red (off track). */
export function attentionSql(alias: string, day: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(${overdueSql(alias, day)} OR (${openSql(alias)} AND ${a}.confidence = 'RED'))`;
}

/**
 * Many moments at once, for trends: one row per (moment, item that existed then) with at_key = k for
 * `moments[k]`. Columns: at_key, moment, id, parent_id, pillar_id, level, status, confidence, progress,
 * weight, due_date, retired, last_update_at — the ones roll-ups and counts need (feed it to rollUpCtes() in
 * lib/queries/rollup.ts). Same answer as itemStatesSql() per moment; each (moment, item) is one index-only probe
 * (the history index carries these columns), so the cost grows with items × moments, not with history.
 */
export function itemStatesAtSql(moments: readonly Date[]): Prisma.Sql {
  return Prisma.sql`(
    SELECT (w.ord - 1)::int AS at_key, w.moment, i0.id, h.parent_id, h.pillar_id, i0.level::text AS level,
           h.status::text AS status, h.confidence::text AS confidence, h.progress, h.weight, h.due_date,
           h.retired, h.last_update_at
    FROM unnest(${moments.map((m) => m.toISOString())}::timestamptz[]) WITH ORDINALITY AS w(moment, ord)
    CROSS JOIN items i0
    CROSS JOIN LATERAL (
      SELECT x.parent_id, x.pillar_id, x.status, x.confidence, x.progress, x.weight, x.due_date, x.retired, x.last_update_at
      FROM item_history x
      WHERE x.item_id = i0.id AND x.changed_at < w.moment
      ORDER BY x.changed_at DESC, x.version DESC
      LIMIT 1
    ) h
  )`;
}
