// Consistency assertions over the generated database: the totals, and the invariants the app itself keeps
// (every item's current row equals its highest history version's snapshot; versions 1..n without gaps,
// dated in increasing order; progress updates match PROGRESS_UPDATE history rows; no dangling references).
// The snapshot check renders the current rows in SQL the way lib/writes/snapshot.ts readSnapshot does, so it
// also holds for the document's items, which the app's own createItem wrote. It compares the columns it renders:
// the fields added since (investment amounts and years, indicators) are left out — the generator writes none, and
// a snapshot without them reads as none (lib/writes/snapshot.ts fieldValue).
import type pg from "pg";
import { daySql, isoSql, type Targets } from "./common";

export interface Counts {
  items: number;
  recommendations: number;
  actions: number;
  retired: number;
  units: number;
  accounts: number;
  progressUpdates: number;
  history: number;
  milestones: number;
}

export async function counts(c: pg.Client): Promise<Counts> {
  const { rows } = await c.query<Counts>(`
    SELECT (SELECT count(*) FROM items)::int AS items,
           (SELECT count(*) FROM items WHERE level = 'RECOMMENDATION')::int AS recommendations,
           (SELECT count(*) FROM items WHERE level = 'ACTION')::int AS actions,
           (SELECT count(*) FROM items WHERE retired_at IS NOT NULL)::int AS retired,
           (SELECT count(*) FROM units)::int AS units,
           (SELECT count(*) FROM users)::int AS accounts,
           (SELECT count(*) FROM progress_updates)::int AS "progressUpdates",
           (SELECT count(*) FROM item_history)::int AS history,
           (SELECT count(*) FROM milestones)::int AS milestones`);
  return rows[0]!;
}

const CHECKS: [string, string][] = [
  [
    "every item's history is versions 1..version with no gaps",
    `SELECT count(*) FROM items i
     LEFT JOIN (SELECT item_id, count(*) AS n, min(version) AS lo, max(version) AS hi FROM item_history GROUP BY item_id) h ON h.item_id = i.id
     WHERE h.item_id IS NULL OR h.lo <> 1 OR h.hi <> i.version OR h.n <> i.version`,
  ],
  [
    "changed_at increases with version, and nothing is dated in the future",
    `SELECT count(*) FROM (
       SELECT changed_at, lag(changed_at) OVER (PARTITION BY item_id ORDER BY version) AS prev FROM item_history
     ) x WHERE x.prev >= x.changed_at OR x.changed_at > now()`,
  ],
  [
    "history rows point at existing items and actors",
    `SELECT (SELECT count(*) FROM item_history h WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = h.item_id))
          + (SELECT count(*) FROM item_history h WHERE h.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = h.actor_id))
          + (SELECT count(*) FROM progress_updates p WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = p.item_id))
          + (SELECT count(*) FROM items i WHERE i.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM items q WHERE q.id = i.parent_id))
          + (SELECT count(*) FROM items i WHERE i.lead_unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units u WHERE u.id = i.lead_unit_id))
          + (SELECT count(*) FROM users u WHERE u.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units n WHERE n.id = u.unit_id))`,
  ],
  [
    "each progress update has its PROGRESS_UPDATE history row at the same instant",
    `SELECT count(*) FROM progress_updates p
     WHERE NOT EXISTS (SELECT 1 FROM item_history h WHERE h.item_id = p.item_id AND h.changed_at = p.created_at AND h.action = 'PROGRESS_UPDATE')`,
  ],
  [
    "PROGRESS_UPDATE history rows and progress updates agree in number per item",
    `SELECT count(*) FROM (
       SELECT item_id, count(*) AS n FROM item_history WHERE action = 'PROGRESS_UPDATE' GROUP BY item_id
     ) h FULL JOIN (SELECT item_id, count(*) AS n FROM progress_updates GROUP BY item_id) p USING (item_id)
     WHERE h.n IS DISTINCT FROM p.n`,
  ],
  [
    "items.last_update_at is the latest progress update",
    `SELECT count(*) FROM items i
     WHERE i.last_update_at IS DISTINCT FROM (SELECT max(p.created_at) FROM progress_updates p WHERE p.item_id = i.id)`,
  ],
  [
    "history columns agree with the snapshot",
    `SELECT count(*) FROM item_history h
     WHERE h.status::text <> h.snapshot->>'status' OR h.progress IS DISTINCT FROM (h.snapshot->>'progress')::int
        OR h.pillar_id <> (h.snapshot->>'pillarId')::int OR h.parent_id IS DISTINCT FROM (h.snapshot->>'parentId')::int
        OR h.due_date IS DISTINCT FROM (h.snapshot->>'dueDate')::date OR h.retired <> (h.snapshot->>'retiredAt' IS NOT NULL)`,
  ],
  [
    "every item's current row equals its highest version's snapshot",
    `SELECT count(*) FROM items i JOIN item_history h ON h.item_id = i.id AND h.version = i.version
     CROSS JOIN LATERAL (SELECT jsonb_build_object(
       'code', i.code, 'parentId', i.parent_id, 'pillarId', i.pillar_id, 'level', i.level, 'sortOrder', i.sort_order,
       'title', i.title, 'titleEn', i.title_en, 'description', i.description, 'sourceExcerpt', i.source_excerpt,
       'leadUnitId', i.lead_unit_id, 'coLeadUnitId', i.co_lead_unit_id,
       'supportingUnitIds', to_jsonb(ARRAY(SELECT s.unit_id FROM item_supporting_units s WHERE s.item_id = i.id ORDER BY 1)),
       'regionIds', to_jsonb(ARRAY(SELECT r.region_id FROM item_regions r WHERE r.item_id = i.id ORDER BY 1)),
       'conferenceIds', to_jsonb(ARRAY(SELECT c.conference_id FROM item_conferences c WHERE c.item_id = i.id ORDER BY 1)),
       'responsiblePerson', i.responsible_person, 'status', i.status, 'confidence', i.confidence, 'progress', i.progress,
       'weight', i.weight, 'startDate', ${daySql("i.start_date")}, 'dueDate', ${daySql("i.due_date")},
       'originalDueDate', ${daySql("i.original_due_date")}, 'retiredAt', ${isoSql("i.retired_at")},
       'lastUpdateAt', ${isoSql("i.last_update_at")},
       'milestones', coalesce((SELECT jsonb_agg(jsonb_build_object('id', m.id, 'title', m.title, 'plannedDate', ${daySql("m.planned_date")},
                                                                   'completedDate', ${daySql("m.completed_date")}) ORDER BY m.sort_order, m.id)
                               FROM milestones m WHERE m.item_id = i.id), '[]'::jsonb)) AS b) x
     WHERE (SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(h.snapshot) e WHERE x.b ? e.key) IS DISTINCT FROM x.b`,
  ],
];

export async function checkConsistency(c: pg.Client, t: Targets): Promise<Counts> {
  const failures: string[] = [];
  for (const [name, sql] of CHECKS) {
    const { rows } = await c.query<{ n: string }>(`SELECT (${sql}) AS n`);
    const bad = Number(rows[0]!.n);
    if (bad !== 0) failures.push(`${name}: ${bad} violations`);
  }
  const n = await counts(c);
  const expect: [keyof Counts, number][] = [
    ["items", t.items],
    ["recommendations", t.recommendations],
    ["units", t.units],
    ["accounts", t.accounts],
    ["progressUpdates", t.progressUpdates],
    ["history", t.history],
  ];
  for (const [key, want] of expect) if (n[key] !== want) failures.push(`${key}: ${n[key]} instead of ${want}`);
  if (failures.length) throw new Error(`generated database is inconsistent:\n  ${failures.join("\n  ")}`);
  return n;
}
