// The items list as one SQL query over itemStatesSql(): filtering, sorting, counting and paging all run in
// PostgreSQL, against the portfolio as it stood at a moment (or now). Pure with respect to the request: it
// takes the database client and already-validated filters, so integration tests call it directly.
import { attentionSql, lightIsSql, lightSql, openSql, overdueSql, staleSql } from "./as-of";
import type { ItemLight } from "../item-light";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../prisma-client";
import { rollUpCtes, singleMomentStates, subtreeStates, type SubtreeRoot } from "./rollup";
import type { BrowseFilters, BrowseQuery } from "../validations/browse";

export interface QueryMoment {
  /** end of the as-of day (null = now) */
  before: Date | null;
  /** the calendar day (YYYY-MM-DD, China) that "overdue" and "stale" are judged on */
  day: string;
  /** end of the compare day, when comparing */
  compareBefore?: Date | null;
  /** the compare calendar day */
  compareDay?: string;
  /**
   * amberUntil(day) (lib/item-light.ts, lib/data/item-lights.ts): with it the rows carry their light and the
   * `light` filter works; without it `light` is null.
   */
  amberLast?: string;
}

export interface ItemRow {
  id: number;
  code: string;
  level: string;
  title: string;
  titleEn: string | null;
  pillarNumber: number;
  leadUnitId: number | null;
  leadUnitName: string | null;
  leadUnitSide: string | null;
  coLeadUnitName: string | null;
  coLeadUnitSide: string | null;
  side: string | null;
  status: string;
  confidence: string | null;
  /** own progress of a leaf; rolled up from the children (unrounded) for an item that has any */
  progress: number | null;
  dueDate: Date | null;
  lastUpdateAt: Date | null;
  overdue: boolean;
  stale: boolean;
  /** 红黄灯 on the day (null: closed, no due date, or no amberLast given) */
  light: ItemLight | null;
  /** the same item at the compare moment; `compareExists` false when it did not exist (or was retired) then */
  compareExists: boolean | null;
  compareStatus: string | null;
  compareProgress: number | null;
  compareDueDate: Date | null;
  compareOverdue: boolean | null;
}

/** Escapes LIKE wildcards so a search for "50%" or "a_b" matches those characters literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * States at a moment with the roll-up of lib/queries/rollup.ts, plus what the list shows as progress: the rolled-up
 * value for an item that takes its progress from children, the item's own (possibly empty) value for a leaf.
 */
export function browseStatesSql(before: Date | null, subtreeOf?: SubtreeRoot): Prisma.Sql {
  const states = subtreeOf === undefined ? singleMomentStates(before) : subtreeStates(before, subtreeOf);
  return Prisma.sql`(
    WITH RECURSIVE ${rollUpCtes(states)}
    SELECT rolled.*,
           EXISTS (SELECT 1 FROM ru_kids k WHERE k.parent_id = rolled.id) AS has_children,
           CASE WHEN EXISTS (SELECT 1 FROM ru_kids k WHERE k.parent_id = rolled.id)
             THEN rolled.rolled_progress ELSE rolled.progress::float8 END AS shown_progress
    FROM rolled
  )`;
}

/**
 * Which side leads an item: joint (川渝共同) when the lead unit is a joint body or the co-lead is from the other
 * side. The one definition: the list's side filter, the dashboard's breakdown and the item page use it.
 */
export const SIDE_SQL = Prisma.sql`(CASE WHEN lu.side = 'JOINT' OR (cu.id IS NOT NULL AND cu.side <> lu.side) THEN 'JOINT' ELSE lu.side::text END)`;

/**
 * Filters over a row `s` of browseStatesSql(). "Stale" (no progress update in 30 days) is judged only on items
 * that report their own progress: one that takes its progress from its children gets no updates of its own.
 */
export function whereSql(f: BrowseFilters, day: string, amberLast?: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`NOT s.retired`];
  if (f.pillar !== undefined) parts.push(Prisma.sql`p.number = ${f.pillar}`);
  if (f.status) parts.push(Prisma.sql`s.status = ${f.status}`);
  if (f.confidence)
    parts.push(f.confidence === "NONE" ? Prisma.sql`s.confidence IS NULL` : Prisma.sql`s.confidence = ${f.confidence}`);
  if (f.level) parts.push(Prisma.sql`s.level = ${f.level}`);
  if (f.unit !== undefined)
    parts.push(
      f.leadOnly
        ? Prisma.sql`s.lead_unit_id = ${f.unit}`
        : Prisma.sql`(s.lead_unit_id = ${f.unit} OR s.co_lead_unit_id = ${f.unit})`,
    );
  if (f.side) parts.push(Prisma.sql`${SIDE_SQL} = ${f.side}`);
  if (f.region !== undefined) parts.push(Prisma.sql`${f.region}::int = ANY(s.region_ids)`);
  if (f.conference !== undefined)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM conferences cf WHERE cf.number = ${f.conference} AND cf.id = ANY(s.conference_ids))`,
    );
  if (f.overdue) parts.push(overdueSql("s", day));
  if (f.light) {
    if (amberLast === undefined) throw new Error("the light filter needs amberLast (lib/data/item-lights.ts)");
    parts.push(lightIsSql("s", f.light, day, amberLast));
  }
  if (f.stale) parts.push(Prisma.sql`(NOT s.has_children AND ${staleSql("s", day)})`);
  if (f.open) parts.push(openSql("s"));
  if (f.attention) parts.push(attentionSql("s", day));
  if (f.q) {
    // The excerpt is the document's own text, which no change touches, so it is read from items.
    const pattern = likePattern(f.q);
    parts.push(
      Prisma.sql`(s.title ILIKE ${pattern} ESCAPE '\\' OR coalesce(s.title_en, '') ILIKE ${pattern} ESCAPE '\\' OR src.source_excerpt ILIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return Prisma.join(parts, " AND ");
}

const CODE_ORDER = Prisma.sql`string_to_array(s.code, '.')::int[]`;

/** The list's sort key over a row `s` (and `lu`); empty values go last in either direction, the code breaks ties. */
function sortKeySql(q: Pick<BrowseQuery, "sort">): Prisma.Sql {
  return q.sort === "due"
    ? Prisma.sql`s.due_date`
    : q.sort === "progress"
      ? Prisma.sql`s.shown_progress`
      : q.sort === "updated"
        ? Prisma.sql`s.last_update_at`
        : q.sort === "lead"
          ? Prisma.sql`lu.name`
          : CODE_ORDER;
}

/** The list's rows; filtered to a pillar, only that pillar (and what lies below its items) is rolled up. */
function fromSql(m: QueryMoment, f: Pick<BrowseFilters, "pillar">): Prisma.Sql {
  const compare = m.compareBefore !== undefined;
  return Prisma.sql`
    FROM ${browseStatesSql(m.before, f.pillar !== undefined ? { pillarNumber: f.pillar } : undefined)} s
    JOIN pillars p ON p.id = s.pillar_id
    JOIN items src ON src.id = s.id
    LEFT JOIN units lu ON lu.id = s.lead_unit_id
    LEFT JOIN units cu ON cu.id = s.co_lead_unit_id
    ${compare ? Prisma.sql`LEFT JOIN ${browseStatesSql(m.compareBefore ?? null)} c ON c.id = s.id AND NOT c.retired` : Prisma.empty}`;
}

/** How many items the list holds for `f`: its own count, from the statement that reads its page. */
export async function countItems(db: Db, f: BrowseFilters, m: QueryMoment): Promise<number> {
  return (await queryItems(db, { sort: "code", dir: "asc", page: 1, size: 1, ...f }, m)).total;
}

/** One page of the list and the total count. A page past the end is answered with the last page. */
export async function queryItems(
  db: Db,
  q: BrowseQuery,
  m: QueryMoment,
): Promise<{ total: number; page: number; rows: ItemRow[] }> {
  const compare = m.compareBefore !== undefined;
  const compareCols = compare
    ? Prisma.sql`(c.id IS NOT NULL) AS "compareExists", c.status AS "compareStatus", c.shown_progress AS "compareProgress",
                 c.due_date AS "compareDueDate", (c.id IS NOT NULL AND ${overdueSql("c", m.compareDay ?? m.day)}) AS "compareOverdue"`
    : Prisma.sql`NULL::boolean AS "compareExists", NULL::text AS "compareStatus", NULL::int AS "compareProgress",
                 NULL::date AS "compareDueDate", NULL::boolean AS "compareOverdue"`;
  // One statement: the portfolio is rolled up once for the count and the page (it was twice). A page past the
  // end is answered with the last page, so the offset is computed from the count in SQL.
  const found = await db.$queryRaw<(ItemRow & { total: number; sort_key: unknown; code_order: unknown })[]>(Prisma.sql`
    WITH found AS MATERIALIZED (
      SELECT s.id, s.code, s.level, s.title, s.title_en AS "titleEn", p.number AS "pillarNumber",
             s.lead_unit_id AS "leadUnitId", lu.name AS "leadUnitName", lu.side::text AS "leadUnitSide",
             cu.name AS "coLeadUnitName", cu.side::text AS "coLeadUnitSide", ${SIDE_SQL} AS side,
             s.status, s.confidence, s.shown_progress AS progress, s.due_date AS "dueDate", s.last_update_at AS "lastUpdateAt",
             ${overdueSql("s", m.day)} AS overdue, (NOT s.has_children AND ${staleSql("s", m.day)}) AS stale,
             ${m.amberLast === undefined ? Prisma.sql`NULL::text` : lightSql("s", m.day, m.amberLast)} AS light,
             ${compareCols},
             ${sortKeySql(q)} AS sort_key, ${CODE_ORDER} AS code_order
      ${fromSql(m, q)}
      WHERE ${whereSql(q, m.day, m.amberLast)}
    ),
    counted AS (SELECT count(*)::int AS total FROM found)
    SELECT found.*, counted.total FROM found CROSS JOIN counted
    ORDER BY found.sort_key ${q.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`} NULLS LAST, found.code_order ASC
    LIMIT ${q.size}
    OFFSET (SELECT (least(${q.page}::int, greatest(1, ceil(total / ${q.size}::numeric)::int)) - 1) * ${q.size}::int FROM counted)`);
  const total = found[0]?.total ?? 0;
  const page = Math.min(q.page, Math.max(1, Math.ceil(total / q.size)));
  const rows = found.map(({ total: _t, sort_key: _k, code_order: _o, ...row }) => row);
  return { total, page, rows };
}
