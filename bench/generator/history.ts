// From the plan (g_item) to rows: each item's versions 1..n as dated events, the state after each event,
// milestones, item_history (snapshot in lib/writes/snapshot.ts ItemSnapshot form), progress_updates, the
// items' current rows (= their highest version) and their link rows. All set-based.
//
// Events of an action with n versions (n ≥ 20 so the special ones fall on distinct versions):
//   1 CREATE · 2 MILESTONE (milestones created) · 35% MOVE · 50/70/90% MILESTONE (one completed) ·
//   60% UPDATE (due date revised) · n RETIRE · the other versions: k PROGRESS_UPDATEs spread evenly, the rest
//   UPDATEs of the responsible person. Recommendations: CREATE, then edits.
import type pg from "pg";
import { SNAPSHOT_FIELDS } from "../../lib/writes/snapshot";
import { daySql, isoSql, pick, sqlArray } from "./common";
import { responsibleSql } from "./items";
// The word pools the generated texts draw on are data, kept in words.json.
import words from "./words.json";

export async function planEvents(c: pg.Client): Promise<void> {
  await c.query(`
    CREATE TEMP TABLE g_ev AS
    SELECT i.id AS item_id, v AS version, i.k,
           CASE WHEN v = 1 THEN 'CREATE'
                WHEN i.retired AND v = i.n THEN 'RETIRE'
                WHEN i.ms_count > 0 AND v = 2 THEN 'MS_CREATE'
                WHEN i.moved AND v = i.n * 35 / 100 THEN 'MOVE'
                WHEN i.ms_done >= 1 AND v = i.n * 5 / 10 THEN 'MS_DONE'
                WHEN i.revised AND v = i.n * 6 / 10 THEN 'REVISE'
                WHEN i.ms_done >= 2 AND v = i.n * 7 / 10 THEN 'MS_DONE'
                WHEN i.ms_done >= 3 AND v = i.n * 9 / 10 THEN 'MS_DONE'
                ELSE 'FREE' END AS kind,
           CASE WHEN v = 1 THEN i.created_at
                ELSE date_trunc('milliseconds', i.created_at + (i.end_at - i.created_at) * ((v - 1 + 0.5 * random()) / i.n)) END AS changed_at
    FROM g_item i CROSS JOIN LATERAL generate_series(1, i.n) v;

    -- k of an item's free versions become progress updates, evenly spaced (the last free one is one).
    CREATE TEMP TABLE g_run AS
    SELECT item_id, version, kind, changed_at,
           count(*) FILTER (WHERE kind = 'PU') OVER w AS pu_idx,
           count(*) FILTER (WHERE kind = 'EDIT') OVER w AS edit_idx,
           count(*) FILTER (WHERE kind = 'MS_DONE') OVER w AS ms_done_n,
           bool_or(kind = 'MS_CREATE') OVER w AS ms_created,
           bool_or(kind = 'MOVE') OVER w AS moved_done,
           bool_or(kind = 'REVISE') OVER w AS revised_done,
           bool_or(kind = 'RETIRE') OVER w AS retired_done
    FROM (
      SELECT item_id, version, changed_at,
             CASE WHEN kind <> 'FREE' THEN kind WHEN (fi * k) / f > ((fi - 1) * k) / f THEN 'PU' ELSE 'EDIT' END AS kind
      FROM (
        SELECT e.*, count(*) FILTER (WHERE kind = 'FREE') OVER (PARTITION BY item_id) AS f,
               row_number() OVER (PARTITION BY item_id, kind = 'FREE' ORDER BY version) AS fi
        FROM g_ev e
      ) x
    ) y
    WINDOW w AS (PARTITION BY item_id ORDER BY version ROWS UNBOUNDED PRECEDING);
    DROP TABLE g_ev;
    CREATE INDEX ON g_run (item_id, version);
    ANALYZE g_run;

    UPDATE g_item i SET retired_at = r.changed_at FROM g_run r WHERE r.item_id = i.id AND r.kind = 'RETIRE';
    CREATE TEMP TABLE g_editor AS SELECT unit_id, min(id) AS user_id FROM users WHERE role = 'EDITOR' AND unit_id IS NOT NULL GROUP BY unit_id;
    CREATE UNIQUE INDEX ON g_editor (unit_id);
    ANALYZE g_editor;
  `);
}

/** Progress updates: status, progress and confidence follow the item's profile; the lead's editor reports. */
export async function planUpdates(c: pg.Client, adminId: number): Promise<void> {
  await c.query(`
    CREATE TEMP TABLE g_pu AS
    WITH p AS (
      SELECT r.item_id, r.pu_idx AS j, r.version, r.changed_at, i.k, i.profile, i.fp, i.code, i.lead, i.colead,
             random() AS u, random() AS u2, random() AS u3
      FROM g_run r JOIN g_item i ON i.id = r.item_id
      WHERE r.kind = 'PU'
    ), s AS (
      SELECT p.*,
             CASE profile WHEN 'notStarted' THEN 'NOT_STARTED'
                          WHEN 'completed' THEN CASE WHEN j = k THEN 'COMPLETED' ELSE 'IN_PROGRESS' END
                          WHEN 'cancelled' THEN CASE WHEN j = k THEN 'CANCELLED' ELSE 'IN_PROGRESS' END
                          WHEN 'onHold' THEN CASE WHEN j > ceil(k * 0.6) THEN 'ON_HOLD' ELSE 'IN_PROGRESS' END
                          ELSE 'IN_PROGRESS' END AS status,
             CASE profile WHEN 'onHold' THEN least(j, ceil(k * 0.6))
                          WHEN 'cancelled' THEN CASE WHEN j = k THEN greatest(j - 1, 1) ELSE j END
                          ELSE j END AS pj
      FROM p
    ), v AS (
      SELECT s.*,
             CASE WHEN status = 'COMPLETED' THEN 100 WHEN status = 'NOT_STARTED' THEN 0
                  ELSE least(95, greatest(5, (round(fp::numeric * pj / k / 5) * 5)::int)) END AS progress,
             CASE WHEN status = 'COMPLETED' THEN 'GREEN' WHEN status = 'CANCELLED' THEN 'AMBER'
                  WHEN status = 'ON_HOLD' THEN CASE WHEN u < 0.5 THEN 'RED' ELSE 'AMBER' END
                  WHEN profile = 'lagging' THEN CASE WHEN u < 0.45 THEN 'RED' ELSE 'AMBER' END
                  WHEN profile = 'notStarted' THEN CASE WHEN u < 0.1 THEN 'AMBER' ELSE 'GREEN' END
                  WHEN profile = 'completed' THEN CASE WHEN u < 0.15 THEN 'AMBER' ELSE 'GREEN' END
                  ELSE CASE WHEN u < 0.08 THEN 'AMBER' WHEN u < 0.1 THEN 'RED' ELSE 'GREEN' END END AS confidence,
             coalesce(CASE WHEN colead IS NOT NULL AND j % 4 = 0 THEN (SELECT e.user_id FROM g_editor e WHERE e.unit_id = s.colead) END,
                      (SELECT e.user_id FROM g_editor e WHERE e.unit_id = s.lead), ${adminId}) AS author_id
      FROM s
    )
    SELECT v.*,
           array_remove(ARRAY[
             CASE WHEN status IS DISTINCT FROM coalesce(lag(status) OVER w, 'NOT_ASSESSED') THEN 'status' END,
             CASE WHEN confidence IS DISTINCT FROM lag(confidence) OVER w THEN 'confidence' END,
             CASE WHEN progress IS DISTINCT FROM lag(progress) OVER w THEN 'progress' END,
             'lastUpdateAt'], NULL) AS changed
    FROM v
    WINDOW w AS (PARTITION BY item_id ORDER BY j);
    CREATE INDEX ON g_pu (item_id, j);
    ANALYZE g_pu;
  `);
}

export async function writeMilestones(c: pg.Client): Promise<void> {
  await c.query(`
    INSERT INTO milestones (item_id, title, planned_date, completed_date, sort_order, created_at)
    SELECT i.id, ${pick(words.milestones, "i.id + m")}, i.start_date + ((i.due_orig - i.start_date) * m / (i.ms_count + 1)),
           CASE WHEN m <= i.ms_done THEN (SELECT (d.changed_at AT TIME ZONE 'Asia/Shanghai')::date FROM g_run d
                                         WHERE d.item_id = i.id AND d.kind = 'MS_DONE' AND d.ms_done_n = m) END,
           m, (SELECT r.changed_at FROM g_run r WHERE r.item_id = i.id AND r.version = 2)
    FROM g_item i CROSS JOIN LATERAL generate_series(1, i.ms_count) m
    WHERE i.ms_count > 0
    ORDER BY 6;

    -- The milestones part of the snapshot after d of an item's milestones were completed.
    CREATE TEMP TABLE g_msj AS
    SELECT m.item_id, d,
           jsonb_agg(jsonb_build_object('id', m.id, 'title', m.title, 'plannedDate', ${daySql("m.planned_date")},
                                        'completedDate', CASE WHEN m.sort_order <= d THEN ${daySql("m.completed_date")} END)
                     ORDER BY m.sort_order, m.id) AS js
    FROM milestones m JOIN g_item i ON i.id = m.item_id CROSS JOIN LATERAL generate_series(0, i.ms_done) d
    GROUP BY m.item_id, d;
    CREATE INDEX ON g_msj (item_id, d);
  `);
}

/**
 * Secondary indexes of a table (not those behind a constraint): dropped before a bulk insert and built again
 * afterwards from their own definitions, which is several times faster than maintaining them row by row.
 */
async function withoutSecondaryIndexes(c: pg.Client, table: string, fn: () => Promise<void>): Promise<void> {
  const { rows } = await c.query<{ name: string; def: string }>(
    `SELECT ci.relname AS name, pg_get_indexdef(ix.indexrelid) AS def
     FROM pg_index ix JOIN pg_class ci ON ci.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
     WHERE t.relname = $1 AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = ix.indexrelid)`,
    [table],
  );
  for (const r of rows) await c.query(`DROP INDEX "${r.name}"`);
  await fn();
  for (const r of rows) await c.query(r.def);
}

export async function writeHistoryAndItems(
  c: pg.Client,
  adminId: number,
  log: (l: string) => void = () => undefined,
): Promise<void> {
  const snapshotKeys = sqlArray(SNAPSHOT_FIELDS);
  let t0 = Date.now();
  const lap = (what: string) => {
    log(`  ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    t0 = Date.now();
  };
  await c.query(`
    CREATE TEMP TABLE g_state AS
    SELECT r.item_id, r.version, r.kind, r.changed_at,
           CASE WHEN i.moved AND NOT r.moved_done THEN i.old_parent ELSE i.parent_id END AS parent_id,
           CASE WHEN i.moved AND NOT r.moved_done THEN i.old_pillar ELSE i.pillar_id END AS pillar_id,
           ${responsibleSql("i.id", "r.edit_idx")} AS responsible,
           coalesce(p.status, 'NOT_ASSESSED') AS status, p.confidence, p.progress, p.changed_at AS last_update_at,
           CASE WHEN r.revised_done THEN i.due_rev ELSE i.due_orig END AS due_date,
           CASE WHEN r.retired_done THEN i.retired_at END AS retired_at,
           coalesce(CASE WHEN r.ms_created THEN mj.js END, '[]'::jsonb) AS milestones,
           p.author_id, p.changed AS pu_changed
    FROM g_run r
    JOIN g_item i ON i.id = r.item_id
    LEFT JOIN g_pu p ON p.item_id = r.item_id AND p.j = r.pu_idx
    LEFT JOIN g_msj mj ON mj.item_id = r.item_id AND mj.d = r.ms_done_n;
  `);
  lap("state per version");
  await withoutSecondaryIndexes(c, "item_history", async () => {
    await c.query(`
    -- Rows go in in time order, as a real database accumulates them.
    INSERT INTO item_history (item_id, version, changed_at, actor_id, action, changed_fields, reason, pillar_id, parent_id,
                              lead_unit_id, status, confidence, progress, weight, due_date, retired, last_update_at, snapshot, is_sample)
    SELECT s.item_id, s.version, s.changed_at,
           CASE s.kind WHEN 'PU' THEN s.author_id WHEN 'EDIT' THEN coalesce(ed.user_id, ${adminId})
                       WHEN 'MS_CREATE' THEN coalesce(ed.user_id, ${adminId}) WHEN 'MS_DONE' THEN coalesce(ed.user_id, ${adminId})
                       ELSE ${adminId} END,
           (CASE s.kind WHEN 'CREATE' THEN 'CREATE' WHEN 'PU' THEN 'PROGRESS_UPDATE' WHEN 'EDIT' THEN 'UPDATE' WHEN 'REVISE' THEN 'UPDATE'
                        WHEN 'MOVE' THEN 'MOVE' WHEN 'RETIRE' THEN 'RETIRE' ELSE 'MILESTONE' END)::history_action,
           CASE s.kind WHEN 'CREATE' THEN ${snapshotKeys} WHEN 'PU' THEN s.pu_changed WHEN 'EDIT' THEN '{responsiblePerson}'::text[]
                       WHEN 'REVISE' THEN '{dueDate}'::text[] WHEN 'RETIRE' THEN '{retiredAt}'::text[]
                       WHEN 'MOVE' THEN CASE WHEN i.old_pillar <> i.pillar_id THEN '{parentId,pillarId}'::text[] ELSE '{parentId}'::text[] END
                       ELSE '{milestones}'::text[] END,
           CASE s.kind WHEN 'REVISE' THEN ${pick(words.dueDateReasons, "s.item_id")} WHEN 'MOVE' THEN '事项归属调整'
                       WHEN 'RETIRE' THEN '任务合并，不再单独跟踪' END,
           s.pillar_id, s.parent_id, i.lead, s.status::item_status, s.confidence::confidence, s.progress, i.weight, s.due_date,
           s.retired_at IS NOT NULL, s.last_update_at,
           jsonb_build_object(
             'code', i.code, 'parentId', s.parent_id, 'pillarId', s.pillar_id, 'level', i.level, 'sortOrder', i.sort_order,
             'title', i.title, 'titleEn', i.title_en, 'description', i.description, 'sourceExcerpt', i.source_excerpt,
             'leadUnitId', i.lead, 'coLeadUnitId', i.colead, 'supportingUnitIds', to_jsonb(i.sup), 'regionIds', to_jsonb(i.regs),
             'conferenceIds', to_jsonb(i.confs), 'responsiblePerson', s.responsible, 'status', s.status, 'confidence', s.confidence,
             'progress', s.progress, 'weight', i.weight, 'startDate', ${daySql("i.start_date")}, 'dueDate', ${daySql("s.due_date")},
             'originalDueDate', ${daySql("i.due_orig")}, 'retiredAt', ${isoSql("s.retired_at")},
             'lastUpdateAt', ${isoSql("s.last_update_at")}, 'milestones', s.milestones),
           false
    FROM g_state s JOIN g_item i ON i.id = s.item_id LEFT JOIN g_editor ed ON ed.unit_id = i.lead
    ORDER BY s.changed_at, s.item_id;
  `);
    lap("item_history rows");
  });
  lap("item_history indexes");
  await c.query(`
    INSERT INTO items (id, code, parent_id, pillar_id, level, sort_order, title, title_en, description, source_excerpt,
                       lead_unit_id, co_lead_unit_id, responsible_person, status, confidence, progress, weight, start_date,
                       due_date, original_due_date, retired_at, last_update_at, version, created_at, updated_at)
    SELECT i.id, i.code, s.parent_id, s.pillar_id, i.level::item_level, i.sort_order, i.title, i.title_en, i.description,
           i.source_excerpt, i.lead, i.colead, s.responsible, s.status::item_status, s.confidence::confidence, s.progress,
           i.weight, i.start_date, s.due_date, i.due_orig, s.retired_at, s.last_update_at, s.version, i.created_at, s.changed_at
    FROM g_state s JOIN g_item i ON i.id = s.item_id AND s.version = i.n
    ORDER BY i.id;
    SELECT setval(pg_get_serial_sequence('items', 'id'), (SELECT max(id) FROM items));

    INSERT INTO item_supporting_units (item_id, unit_id) SELECT id, unnest(sup) FROM g_item;
    INSERT INTO item_regions (item_id, region_id) SELECT id, unnest(regs) FROM g_item;
    INSERT INTO item_conferences (item_id, conference_id) SELECT id, unnest(confs) FROM g_item;

    -- Approved reports as the reporting-cycle migration left the ones made before it: submitted and decided when
    -- made (without decided_at the dashboard's recent updates, ordered by it, read every report to find 20).
    INSERT INTO progress_updates (item_id, author_id, unit_id, created_at, submitted_at, decided_at, status, progress,
                                  confidence, note, next_steps, blockers, evidence_links, is_sample)
    SELECT p.item_id, p.author_id, u.unit_id, p.changed_at, p.changed_at, p.changed_at, p.status::item_status, p.progress, p.confidence::confidence,
           ${pick(words.notes, "p.item_id + p.j")} || '，当前进度约' || p.progress || '%。',
           CASE WHEN p.u2 < 0.7 THEN ${pick(words.nextSteps, "p.item_id * 3 + p.j")} END,
           CASE WHEN p.confidence <> 'GREEN' THEN ${pick(words.blockers, "p.item_id + p.j * 5")} END,
           CASE WHEN p.u3 < 0.2 THEN ARRAY[format('https://example.com/bench/%s/%s.html', p.code, to_char(p.changed_at, 'YYYYMMDD'))]
                ELSE '{}'::text[] END,
           false
    FROM g_pu p JOIN users u ON u.id = p.author_id
    ORDER BY p.changed_at, p.item_id;
  `);
  lap("items, links, progress updates");
}
