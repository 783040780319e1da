// Weighted roll-up of progress: THE single definition, used by the dashboard, the pillar page, the items list
// and reports. It exists twice — as SQL, which every page and report uses (aggregates over the whole portfolio
// run in PostgreSQL), and as a pure function over rows, which no page calls: it is the readable specification
// that tests/integration/rollup-sql.test.ts checks the SQL against on the sample data.
//
// The rule:
// - an item "counts" unless it is retired or CANCELLED (dropped work neither helps nor hurts its parent);
// - an item with counting children takes its progress from them: the average of their rolled-up progress
//   weighted by item weight, recursively; if their weights add up to 0 it is treated as a leaf;
// - a leaf uses its own progress, and no progress reported yet (null) counts as 0;
// - a pillar's progress is the weighted average of its counting top-level items (the recommendations);
// - overall progress is the weighted average over every counting top-level item of every pillar;
// - more generally, a set of items (a report's scope: a unit's items, a side, a filtered list) has the
//   weighted average of its roots: its counting items whose parent is not in the set. For the whole
//   portfolio and for a pillar the roots are exactly the top-level items, since retiring an item retires
//   everything below it (lib/writes/item-tree.ts). The figures over a set are in lib/queries/dashboard.ts.
import { Prisma } from "../generated/prisma/client";
import { itemStatesSql } from "./as-of";

export interface RollUpRow {
  id: number;
  parentId: number | null;
  pillarId?: number;
  weight: number;
  progress: number | null;
  status: string;
  retired: boolean;
}

/** Whether an item takes part in its parent's (or its pillar's) average. */
export function counts(row: Pick<RollUpRow, "status" | "retired">): boolean {
  return !row.retired && row.status !== "CANCELLED";
}

/** Rolled-up progress (0–100, unrounded) of every row, keyed by id. Retired and cancelled rows get one too. */
export function rollUp(rows: readonly RollUpRow[]): Map<number, number> {
  const children = new Map<number, RollUpRow[]>();
  for (const row of rows) {
    if (row.parentId === null || !counts(row)) continue;
    const list = children.get(row.parentId);
    if (list) list.push(row);
    else children.set(row.parentId, [row]);
  }
  const result = new Map<number, number>();
  const visiting = new Set<number>();
  const valueOf = (row: RollUpRow): number => {
    const known = result.get(row.id);
    if (known !== undefined) return known;
    if (visiting.has(row.id)) throw new Error(`cycle in the item tree at item ${row.id}`);
    visiting.add(row.id);
    const kids = children.get(row.id) ?? [];
    const total = kids.reduce((sum, k) => sum + k.weight, 0);
    const value = total > 0 ? kids.reduce((sum, k) => sum + k.weight * valueOf(k), 0) / total : (row.progress ?? 0);
    visiting.delete(row.id);
    result.set(row.id, value);
    return value;
  };
  for (const row of rows) valueOf(row);
  return result;
}

/** Weighted average of rolled-up progress over the counting top-level rows; null when none counts. */
function topLevelAverage(rows: readonly RollUpRow[], rolled: Map<number, number>): number | null {
  let weighted = 0;
  let total = 0;
  for (const row of rows) {
    if (row.parentId !== null || !counts(row)) continue;
    weighted += row.weight * (rolled.get(row.id) ?? 0);
    total += row.weight;
  }
  return total > 0 ? weighted / total : null;
}

/** Progress of every pillar that has counting top-level items, keyed by pillar id. Rows need pillarId. */
export function pillarProgress(
  rows: readonly RollUpRow[],
  rolled: Map<number, number> = rollUp(rows),
): Map<number, number> {
  const byPillar = new Map<number, RollUpRow[]>();
  for (const row of rows) {
    if (row.pillarId === undefined) throw new Error("pillarProgress needs pillarId on every row");
    const list = byPillar.get(row.pillarId);
    if (list) list.push(row);
    else byPillar.set(row.pillarId, [row]);
  }
  const out = new Map<number, number>();
  for (const [pillarId, list] of byPillar) {
    const value = topLevelAverage(list, rolled);
    if (value !== null) out.set(pillarId, value);
  }
  return out;
}

/** Overall progress of the portfolio: weighted over all counting top-level items; null when there are none. */
export function overallProgress(rows: readonly RollUpRow[], rolled: Map<number, number> = rollUp(rows)): number | null {
  return topLevelAverage(rows, rolled);
}

// ---------------------------------------------------------------------------------------------------------
// SQL

/**
 * Common table expressions that roll progress up over `states`, a subquery with the columns of
 * itemStatesSql() plus an `at_key` column that separates independent snapshots (one moment → a constant;
 * a trend → one key per moment, all rolled up in one query). Embed after `WITH RECURSIVE`; it defines
 * `rolled`: every state column plus `rolled_progress` (float8, 0–100).
 *
 * How: every counting child gets the share weight / (sum of its counting siblings' weights); walking down
 * from each item multiplies the shares, and an item's rolled-up progress is the sum over the effective
 * leaves below it of share product × leaf progress — the same weighted average as rollUp(), computed
 * top-down because a recursive CTE cannot aggregate.
 */
export function rollUpCtes(states: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  ru_states AS (SELECT * FROM ${states} st),
  ru_kids AS (
    SELECT at_key, parent_id, sum(weight)::float8 AS total
    FROM ru_states
    WHERE parent_id IS NOT NULL AND NOT retired AND status <> 'CANCELLED'
    GROUP BY at_key, parent_id
    HAVING sum(weight) > 0
  ),
  ru_walk(at_key, anc, node, factor, depth) AS (
    SELECT at_key, id, id, 1.0::float8, 0 FROM ru_states
    UNION ALL
    SELECT w.at_key, w.anc, c.id, w.factor * c.weight / k.total, w.depth + 1
    FROM ru_walk w
    JOIN ru_kids k ON k.at_key = w.at_key AND k.parent_id = w.node
    JOIN ru_states c ON c.at_key = w.at_key AND c.parent_id = w.node AND NOT c.retired AND c.status <> 'CANCELLED'
    WHERE w.depth < 32
  ),
  ru_rolled AS (
    SELECT w.at_key, w.anc AS id, sum(w.factor * coalesce(n.progress, 0))::float8 AS rolled_progress
    FROM ru_walk w
    JOIN ru_states n ON n.at_key = w.at_key AND n.id = w.node
    WHERE NOT EXISTS (SELECT 1 FROM ru_kids k WHERE k.at_key = w.at_key AND k.parent_id = w.node)
    GROUP BY w.at_key, w.anc
  ),
  rolled AS (
    SELECT s.*, r.rolled_progress
    FROM ru_states s JOIN ru_rolled r ON r.at_key = s.at_key AND r.id = s.id
  )`;
}

/** One snapshot of itemStatesSql(before) with the constant at_key 0, ready for rollUpCtes(). */
export function singleMomentStates(before: Date | null): Prisma.Sql {
  return Prisma.sql`(SELECT 0 AS at_key, x.* FROM ${itemStatesSql(before)} x)`;
}

/** Where a partial roll-up starts: one item, or every item of a pillar (by id, or by its number). */
export type SubtreeRoot = { item: number } | { pillar: number } | { pillarNumber: number };

/**
 * Like singleMomentStates(), but only the items `root` names and what sits below them at that moment (down to
 * `depth` levels; the tree has two): enough to roll those items up exactly without rolling up the whole
 * portfolio, since an item's rolled-up progress depends on its descendants alone. A pillar's descendants are
 * walked too, so a child filed under another pillar still counts for its parent. The tree is walked on id,
 * parent_id and pillar_id alone, which the history index carries.
 */
export function subtreeStates(before: Date | null, root: SubtreeRoot, depth = 3): Prisma.Sql {
  let level =
    "item" in root
      ? Prisma.sql`SELECT ${root.item}::int`
      : "pillar" in root
        ? Prisma.sql`SELECT t.id FROM tree t WHERE t.pillar_id = ${root.pillar}::int`
        : Prisma.sql`SELECT t.id FROM tree t WHERE t.pillar_id = (SELECT pp.id FROM pillars pp WHERE pp.number = ${root.pillarNumber}::int)`;
  const levels: Prisma.Sql[] = [level];
  for (let i = 0; i < depth; i++) {
    level = Prisma.sql`SELECT t.id FROM tree t WHERE t.parent_id IN (${level})`;
    levels.push(level);
  }
  return Prisma.sql`(
    WITH tree AS MATERIALIZED (SELECT y.id, y.parent_id, y.pillar_id FROM ${itemStatesSql(before)} y)
    SELECT 0 AS at_key, x.* FROM ${itemStatesSql(before)} x
    WHERE x.id IN (${Prisma.join(levels, " UNION ")})
  )`;
}

/**
 * Subquery: every item's state at `before` (null = now) plus `rolled_progress`. Use in FROM:
 * `SELECT … FROM ${rolledStatesSql(before)} r WHERE …`.
 */
export function rolledStatesSql(before: Date | null): Prisma.Sql {
  return Prisma.sql`(WITH RECURSIVE ${rollUpCtes(singleMomentStates(before))} SELECT * FROM rolled)`;
}

/** SQL predicate: the row (aliased `alias`) counts, as counts() says. */
export function countingSql(alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(NOT ${a}.retired AND ${a}.status <> 'CANCELLED')`;
}

/** SQL predicate: the row (aliased `alias`) is a counting top-level item, i.e. enters pillar and overall averages. */
export function countingTopLevelSql(alias: string): Prisma.Sql {
  return Prisma.sql`(${Prisma.raw(alias)}.parent_id IS NULL AND ${countingSql(alias)})`;
}

/**
 * SQL aggregate over rows (aliased `alias`) that carry `rolled_progress`: their weighted average (float8, null
 * when their weights add up to 0 or there are none), over only the rows `filter` admits when one is given.
 * Every progress figure of a group of items (a pillar, the portfolio, a scope's roots, a unit's actions) is this.
 */
export function weightedProgressSql(alias: string, filter?: Prisma.Sql): Prisma.Sql {
  const a = Prisma.raw(alias);
  const only = filter === undefined ? Prisma.empty : Prisma.sql` FILTER (WHERE ${filter})`;
  return Prisma.sql`(sum(${a}.weight * ${a}.rolled_progress)${only} / nullif(sum(${a}.weight)${only}, 0))::float8`;
}

type RawQuery = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

/**
 * Subquery over a `rolled` CTE: (pillar_id, progress) per pillar, plus one row with pillar_id NULL holding
 * the overall progress. Embed as `WITH RECURSIVE ${rollUpCtes(...)} SELECT * FROM ${pillarAveragesSql}`.
 */
export const pillarAveragesSql = Prisma.sql`(
  SELECT r.at_key, r.pillar_id, ${weightedProgressSql("r")} AS progress
  FROM rolled r
  WHERE ${countingTopLevelSql("r")}
  GROUP BY GROUPING SETS ((r.at_key, r.pillar_id), (r.at_key))
) pa`;

export interface PillarRollUp {
  /** keyed by pillar id; a pillar with no counting top-level item is absent */
  pillars: Map<number, number>;
  overall: number | null;
}

/** Pillar and overall progress at `before` (null = now), aggregated in PostgreSQL. db() or a transaction. */
export async function queryPillarRollUp(db: RawQuery, before: Date | null): Promise<PillarRollUp> {
  const rows = await db.$queryRaw<{ pillar_id: number | null; progress: number | null }[]>(
    Prisma.sql`WITH RECURSIVE ${rollUpCtes(singleMomentStates(before))} SELECT pa.pillar_id, pa.progress FROM ${pillarAveragesSql}`,
  );
  const pillars = new Map<number, number>();
  let overall: number | null = null;
  for (const r of rows) {
    if (r.pillar_id === null) overall = r.progress;
    else if (r.progress !== null) pillars.set(r.pillar_id, r.progress);
  }
  return { pillars, overall };
}

/**
 * Rolled-up progress of every item at `before` (null = now), keyed by id, in PostgreSQL. Tests compare it with
 * rollUp(); pages read rolled_progress from rolledStatesSql() or browseStatesSql() within their own queries.
 */
export async function queryItemRollUp(db: RawQuery, before: Date | null): Promise<Map<number, number>> {
  const rows = await db.$queryRaw<{ id: number; rolled_progress: number }[]>(
    Prisma.sql`SELECT r.id, r.rolled_progress FROM ${rolledStatesSql(before)} r`,
  );
  return new Map(rows.map((r) => [r.id, r.rolled_progress]));
}
