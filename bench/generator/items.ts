// The plan of every generated item (temp table g_item): its place in the tree (recommendations under the
// pillars, actions under them, as the document's tree), owners, links, dates, a profile that drives its
// progress story, and how many history versions (n) and progress updates (k) it gets, so that the totals
// hit the targets exactly.
import type pg from "pg";
import { counts, type Counts } from "./check";
import { pick, type Targets } from "./common";
// The word pools the generated texts draw on are data, kept in words.json.
import words from "./words.json";

/** Responsible person at an item's e-th edit: cycles through a pool, so each edit changes the value. */
export function responsibleSql(itemIdExpr: string, editExpr: string): string {
  return `(${pick(words.responsibleSurnames, `(${itemIdExpr}) * 7 + (${editExpr})`)} || ${pick(words.responsibleTitles, `(${itemIdExpr}) * 7 + (${editExpr})`)})`;
}

/** What the document's own rows already hold, which the generated rows add to. */
export type DocumentShape = Pick<Counts, "items" | "recommendations" | "history" | "progressUpdates"> & {
  maxItemId: number;
};

export async function documentShape(c: pg.Client): Promise<DocumentShape> {
  const { rows } = await c.query<{ maxItemId: number }>(`SELECT coalesce(max(id), 0)::int AS "maxItemId" FROM items`);
  return { ...(await counts(c)), maxItemId: rows[0]!.maxItemId };
}

export async function planItems(
  c: pg.Client,
  t: Targets,
  doc: DocumentShape,
  now: string,
  start: string,
): Promise<void> {
  const recs = t.recommendations - doc.recommendations;
  const actions = t.items - doc.items - recs;
  const historyRows = t.history - doc.history;
  const updates = t.progressUpdates - doc.progressUpdates;
  const MIN_VERSIONS = 20; // room for every special event (see history.ts) at distinct versions
  if (recs < 1 || actions < recs) throw new Error("targets leave no room for generated items");

  await c.query(`
    CREATE TEMP TABLE g_unit AS SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM units;
    CREATE TEMP TABLE g_conf AS SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM conferences;
    CREATE TEMP TABLE g_region AS SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM regions;

    -- Generated recommendations continue each pillar's numbering after the document's own.
    CREATE TEMP TABLE g_rec AS
    WITH p AS (
      SELECT p.id, p.number, row_number() OVER (ORDER BY p.number) - 1 AS pk, count(*) OVER () AS pc,
             coalesce((SELECT max(split_part(i.code, '.', 2)::int) FROM items i WHERE i.pillar_id = p.id AND i.level = 'RECOMMENDATION'), 0) AS last
      FROM pillars p
    )
    SELECT r AS idx, ${doc.maxItemId} + 1 + r AS id, p.id AS pillar_id, (p.last + r / p.pc + 1)::int AS sort_order,
           p.number || '.' || (p.last + r / p.pc + 1) AS code
    FROM generate_series(0, ${recs - 1}) r JOIN p ON p.pk = r % p.pc;

    CREATE TEMP TABLE g_item AS
    WITH base AS (
      SELECT 'RECOMMENDATION' AS level, r.id, r.code, NULL::int AS parent_id, r.pillar_id, r.sort_order, r.idx AS rec_idx
      FROM g_rec r
      UNION ALL
      SELECT 'ACTION', ${doc.maxItemId + recs} + 1 + a, r.code || '.' || (a / ${recs} + 1), r.id, r.pillar_id, (a / ${recs} + 1)::int, r.idx
      FROM generate_series(0, ${actions - 1}) a JOIN g_rec r ON r.idx = a % ${recs}
    ), rnd AS (
      SELECT b.*, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, random() AS u6,
             random() AS u7, random() AS u8, random() AS u9, random() AS u10, random() AS u11, random() AS u12,
             random() AS u13, random() AS u14, random() AS u15, random() AS u16, random() AS u17, random() AS u18,
             random() AS u19, random() AS u20
      FROM base b
    ), prof AS (
      SELECT x.*,
             CASE WHEN level = 'RECOMMENDATION' THEN 'rec'
                  WHEN u1 < 0.45 THEN 'active' WHEN u1 < 0.60 THEN 'lagging' WHEN u1 < 0.80 THEN 'completed'
                  WHEN u1 < 0.87 THEN 'notStarted' WHEN u1 < 0.93 THEN 'onHold' ELSE 'cancelled' END AS profile
      FROM rnd x
    ), timed AS (
      SELECT x.*,
             date_trunc('milliseconds', CASE
               WHEN profile = 'rec' THEN '${start}'::timestamptz + (('${now}'::timestamptz - '${start}'::timestamptz) * 0.3) * u2
               WHEN profile = 'notStarted' THEN '${now}'::timestamptz - make_interval(days => 30 + (u2 * 150)::int, secs => u3 * 86000)
               ELSE '${start}'::timestamptz + (('${now}'::timestamptz - interval '120 days' - '${start}'::timestamptz) * u2)
             END) AS created_at
      FROM prof x
    )
    SELECT x.id, x.code, x.level, x.parent_id, x.pillar_id, x.sort_order, x.profile, x.created_at,
           -- the last change: well before now for closed work, recent (or a while ago: stale) for the rest
           greatest(
             CASE WHEN profile IN ('completed', 'cancelled') THEN x.created_at + ('${now}'::timestamptz - x.created_at) * (0.5 + 0.45 * u3)
                  WHEN profile = 'rec' THEN '${now}'::timestamptz - make_interval(days => (u3 * 200)::int, hours => 1)
                  ELSE '${now}'::timestamptz - make_interval(days => (u3 ^ 4 * 90)::int, hours => 1 + (u4 * 20)::int) END,
             x.created_at + ('${now}'::timestamptz - interval '1 hour' - x.created_at) * 0.8) AS end_at,
           ${pick(words.verbs, "x.id")} || ${pick(words.objects, "x.id / 3")} || ${pick(words.suffixes, "x.id / 7")} AS title,
           CASE WHEN u5 < 0.2 THEN 'Benchmark item ' || x.code END AS title_en,
           CASE WHEN u6 < 0.6 THEN '围绕' || ${pick(words.objects, "x.id / 3")} || '，明确责任分工和时间节点，按季度调度推进。' END AS description,
           ${pick(words.excerpts, "x.id")} AS source_excerpt,
           CASE WHEN level = 'ACTION' THEN (SELECT ids[1 + floor(u14 * n)::int] FROM g_unit) END AS lead,
           u15, u16, u17, u18, u19, u13, u12, u4, u5, u6, u7, u8, u9, u10, u11, u20, x.rec_idx
      FROM timed x;

    ALTER TABLE g_item
      ADD COLUMN colead int, ADD COLUMN sup int[], ADD COLUMN regs int[], ADD COLUMN confs int[], ADD COLUMN weight int,
      ADD COLUMN start_date date, ADD COLUMN due_orig date, ADD COLUMN due_rev date, ADD COLUMN revised boolean,
      ADD COLUMN moved boolean, ADD COLUMN old_parent int, ADD COLUMN old_pillar int, ADD COLUMN retired boolean,
      ADD COLUMN retired_at timestamptz(3), ADD COLUMN ms_count int, ADD COLUMN ms_done int, ADD COLUMN fp int,
      ADD COLUMN n int, ADD COLUMN k int;

    UPDATE g_item i SET
      colead = CASE WHEN level = 'ACTION' AND u15 < 0.45 THEN nullif(u.ids[1 + floor(u16 * u.n)::int], lead) END,
      weight = 1 + floor(u13 ^ 3 * 5)::int,
      start_date = CASE WHEN level = 'RECOMMENDATION' THEN NULL
                        WHEN profile = 'notStarted' THEN ('${now}'::timestamptz + make_interval(days => 10 + (u4 * 110)::int))::date
                        ELSE (created_at + make_interval(days => (u4 * 60)::int))::date END,
      revised = level = 'ACTION' AND u6 < 0.15,
      moved = level = 'ACTION' AND u7 < 0.02 AND ${recs} > 1,
      retired = level = 'ACTION' AND profile <> 'notStarted' AND u8 < 0.03,
      ms_count = CASE WHEN level = 'ACTION' AND u9 < 0.35 THEN 1 + floor(u10 * 3)::int ELSE 0 END,
      fp = CASE profile WHEN 'active' THEN 40 + u12 * 55 WHEN 'lagging' THEN 10 + u12 * 50 WHEN 'onHold' THEN 20 + u12 * 50
                        WHEN 'cancelled' THEN 10 + u12 * 40 WHEN 'completed' THEN 95 ELSE 0 END
    FROM g_unit u;

    UPDATE g_item i SET
      sup = ARRAY(SELECT DISTINCT s.x FROM (SELECT u.ids[1 + ((i.id * 31 + g * 97) % u.n)] AS x FROM generate_series(1, floor(i.u17 * 4)::int) g) s
                  WHERE s.x <> i.lead AND s.x IS DISTINCT FROM i.colead ORDER BY s.x),
      regs = ARRAY(SELECT DISTINCT r.ids[1 + ((i.id * 13 + g * 7) % r.n)] FROM generate_series(1, floor(i.u18 * 3)::int) g ORDER BY 1),
      confs = CASE WHEN i.u19 < 0.25 THEN ARRAY[c.ids[1 + (i.id % c.n)]] ELSE '{}'::int[] END,
      due_orig = CASE WHEN i.start_date IS NOT NULL THEN i.start_date + 180 + (i.u5 * 720)::int END,
      ms_done = CASE WHEN i.profile = 'completed' THEN i.ms_count WHEN i.profile = 'notStarted' THEN 0
                     ELSE least(i.ms_count, floor(i.ms_count * i.u11 * 1.3)::int) END,
      old_parent = CASE WHEN i.moved THEN (SELECT r.id FROM g_rec r WHERE r.idx = (i.rec_idx + 1 + (i.id % (${recs} - 1))) % ${recs}) END
    FROM g_unit u, g_region r, g_conf c;

    UPDATE g_item i SET
      due_rev = CASE WHEN revised THEN due_orig + 90 + (u20 * 210)::int END,
      old_pillar = (SELECT r.pillar_id FROM g_rec r WHERE r.id = i.old_parent);
  `);

  // Versions per item: recommendations 1–6; actions share the rest of the history target, weighted, with
  // largest-remainder rounding so the total is exact. Progress updates are shared the same way.
  await c.query(`
    UPDATE g_item SET n = 1 + floor(u20 * 6)::int WHERE level = 'RECOMMENDATION';

    WITH a AS (
      SELECT id, (0.5 + u20) AS w FROM g_item WHERE level = 'ACTION'
    ), share AS (
      SELECT id, (${historyRows} - (SELECT sum(n) FROM g_item WHERE level = 'RECOMMENDATION') - ${MIN_VERSIONS} * ${actions})::float8
                 * w / sum(w) OVER () AS x
      FROM a
    ), r AS (
      SELECT id, floor(x)::int AS base, row_number() OVER (ORDER BY x - floor(x) DESC, id) AS rk,
             (${historyRows} - (SELECT sum(n) FROM g_item WHERE level = 'RECOMMENDATION') - ${MIN_VERSIONS} * ${actions})
               - sum(floor(x)) OVER () AS rest
      FROM share
    )
    UPDATE g_item i SET n = ${MIN_VERSIONS} + r.base + CASE WHEN r.rk <= r.rest THEN 1 ELSE 0 END FROM r WHERE r.id = i.id;

    WITH share AS (
      SELECT id, ${updates}::float8 * (n - 8) / sum(n - 8) OVER () AS x FROM g_item WHERE level = 'ACTION'
    ), r AS (
      SELECT id, floor(x)::int AS base, row_number() OVER (ORDER BY x - floor(x) DESC, id) AS rk, ${updates} - sum(floor(x)) OVER () AS rest
      FROM share
    )
    UPDATE g_item i SET k = r.base + CASE WHEN r.rk <= r.rest THEN 1 ELSE 0 END FROM r WHERE r.id = i.id;
    UPDATE g_item SET k = 0 WHERE level = 'RECOMMENDATION';
    ANALYZE g_item;
  `);
  const { rows } = await c.query<{ bad: number }>(
    `SELECT count(*)::int AS bad FROM g_item WHERE n < 1 OR k < 0 OR (level = 'ACTION' AND (n < ${MIN_VERSIONS} OR k > n - 9))`,
  );
  if (rows[0]!.bad > 0)
    throw new Error(`generator plan: ${rows[0]!.bad} items with an impossible version/update count`);
}
