// What changed in the portfolio between two moments, reconstructed from item_history. Used by the
// dashboard's "changes since" panel and by reports; both moments are read with itemStatesSql() and rolled up
// with the one roll-up definition (lib/queries/rollup.ts), in two SQL queries whatever the portfolio's size.
import { Prisma } from "../generated/prisma/client";
import type { Confidence, ItemStatus } from "../generated/prisma/enums";
import { itemStatesSql } from "./as-of";
import { isoDay, todayInChina } from "../dates";
import { rollUpCtes } from "./rollup";
import { now as clockNow } from "../clock";

type RawQuery = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

export interface CompareFilter {
  /** only items in this pillar (at either moment) */
  pillarId?: number;
  /** only items led (or co-led) by this unit at either moment */
  unitId?: number;
  /** only these items */
  itemIds?: number[];
  /** only items not retired at the later moment (what a report of everything lists) */
  activeOnly?: boolean;
}

/** An item's state at one of the two moments (null in ItemChange when it did not exist then). */
export interface ItemMoment {
  status: ItemStatus;
  confidence: Confidence | null;
  /** rolled-up progress (lib/queries/rollup.ts): own progress for a leaf, weighted from children otherwise */
  progress: number;
  /** progress as reported on the item itself (null = none yet) */
  reportedProgress: number | null;
  dueDate: string | null;
  parentId: number | null;
  pillarId: number;
  leadUnitId: number | null;
  retired: boolean;
  overdue: boolean;
}

export type ChangeKind =
  | "created"
  | "retired"
  | "restored"
  | "moved"
  | "progress"
  | "status"
  | "statusDowngrade"
  | "confidence"
  | "confidenceDowngrade"
  | "completed"
  | "overdue"
  | "dueDate";

export interface DueDateRevision {
  at: Date;
  from: string | null;
  to: string | null;
  reason: string | null;
}

export interface ItemChange {
  id: number;
  code: string;
  title: string;
  titleEn: string | null;
  level: "RECOMMENDATION" | "ACTION";
  leadUnitName: string | null;
  from: ItemMoment | null;
  to: ItemMoment;
  kinds: ChangeKind[];
  /** to.progress − from.progress (from = 0 for a created item) */
  progressDelta: number;
  dueDateRevisions: DueDateRevision[];
}

export interface PortfolioComparison {
  fromDay: string;
  toDay: string;
  /** changed items only, in outline order */
  changes: ItemChange[];
  /** number of changed items per kind */
  counts: Record<ChangeKind, number>;
}

/** Lifecycle order used to call a status change a downgrade; CANCELLED counts as the bottom. */
const STATUS_RANK: Record<ItemStatus, number> = {
  CANCELLED: -1,
  NOT_ASSESSED: 0,
  NOT_STARTED: 1,
  ON_HOLD: 2,
  IN_PROGRESS: 3,
  COMPLETED: 4,
};
const CONFIDENCE_RANK: Record<Confidence, number> = { RED: 0, AMBER: 1, GREEN: 2 };
const EPSILON = 1e-9;

/** The calendar day (China) whose end is `before`; null = today. */
export function dayOf(before: Date | null): string {
  return before === null ? todayInChina() : todayInChina(new Date(before.getTime() - 1));
}

interface PairRow {
  id: number;
  code: string;
  title: string;
  title_en: string | null;
  level: "RECOMMENDATION" | "ACTION";
  lead_unit_name: string | null;
  f_exists: boolean;
  f_status: ItemStatus | null;
  f_confidence: Confidence | null;
  f_rolled: number | null;
  f_progress: number | null;
  f_due: Date | null;
  f_parent: number | null;
  f_pillar: number | null;
  f_lead: number | null;
  f_retired: boolean | null;
  t_status: ItemStatus;
  t_confidence: Confidence | null;
  t_rolled: number;
  t_progress: number | null;
  t_due: Date | null;
  t_parent: number | null;
  t_pillar: number;
  t_lead: number | null;
  t_retired: boolean;
  pillar_number: number;
}

function filterSql(filter: CompareFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.pillarId !== undefined)
    parts.push(Prisma.sql`(pr.t_pillar = ${filter.pillarId} OR pr.f_pillar = ${filter.pillarId})`);
  if (filter.unitId !== undefined) {
    const u = filter.unitId;
    parts.push(Prisma.sql`(pr.t_lead = ${u} OR pr.t_co_lead = ${u} OR pr.f_lead = ${u} OR pr.f_co_lead = ${u})`);
  }
  if (filter.itemIds !== undefined) {
    // One array parameter, not one per id: a report of 10,000 items would otherwise bind 10,000 parameters.
    parts.push(Prisma.sql`pr.id = ANY(${filter.itemIds}::int[])`);
  }
  if (filter.activeOnly) parts.push(Prisma.sql`NOT pr.t_retired`);
  return parts.length === 0 ? Prisma.sql`true` : Prisma.join(parts, " AND ");
}

const overdue = (status: ItemStatus, retired: boolean, due: string | null, day: string) =>
  !retired && status !== "COMPLETED" && status !== "CANCELLED" && due !== null && due < day;

/** Where the two moments' item states come from, when not from history (itemStatesSql): the frozen states of
 *  two closed periods (lib/queries/periods.ts frozenStatesSql), which have the same columns. */
export interface CompareStates {
  from: Prisma.Sql;
  to: Prisma.Sql;
}

/**
 * Per-item changes between the end of `fromBefore` and `toBefore` (null = now): progress deltas (rolled
 * up), status and confidence changes (flagging downgrades), newly completed, newly overdue, due-date
 * revisions with the reasons recorded in between, created, retired/restored and moved (parent or pillar).
 * `fromBefore` must be earlier than `toBefore`. Items that did not change are left out.
 */
export async function comparePortfolio(
  db: RawQuery,
  fromBefore: Date,
  toBefore: Date | null,
  filter: CompareFilter = {},
  states: CompareStates = { from: itemStatesSql(fromBefore), to: itemStatesSql(toBefore) },
): Promise<PortfolioComparison> {
  const fromDay = dayOf(fromBefore);
  const toDay = dayOf(toBefore);
  const until = toBefore ?? clockNow();
  if (fromBefore.getTime() >= until.getTime())
    throw new RangeError("comparePortfolio: fromBefore must be earlier than toBefore");

  // Items never disappear (retiring keeps them), so every item of the earlier moment is in the later one.
  const [pairs, revisions] = await Promise.all([
    // Both moments are rolled up in one pass (at_key 0 = to, 1 = from) and paired by grouping on the item:
    // a join of two roll-ups misleads the planner (it expects a few rows and nests loops over 10,000 × 10,000).
    db.$queryRaw<PairRow[]>(Prisma.sql`
      WITH RECURSIVE ${rollUpCtes(Prisma.sql`(SELECT 0 AS at_key, x.* FROM ${states.to} x UNION ALL SELECT 1 AS at_key, y.* FROM ${states.from} y)`)}
      SELECT pr.*, u.name AS lead_unit_name, p.number AS pillar_number
      FROM (
        SELECT r.id,
               max(r.code) FILTER (WHERE r.at_key = 0) AS code, max(r.title) FILTER (WHERE r.at_key = 0) AS title,
               max(r.title_en) FILTER (WHERE r.at_key = 0) AS title_en, max(r.level) FILTER (WHERE r.at_key = 0) AS level,
               bool_or(r.at_key = 1) AS f_exists,
               max(r.status) FILTER (WHERE r.at_key = 1) AS f_status, max(r.confidence) FILTER (WHERE r.at_key = 1) AS f_confidence,
               max(r.rolled_progress) FILTER (WHERE r.at_key = 1) AS f_rolled, max(r.progress) FILTER (WHERE r.at_key = 1) AS f_progress,
               max(r.due_date) FILTER (WHERE r.at_key = 1) AS f_due, max(r.parent_id) FILTER (WHERE r.at_key = 1) AS f_parent,
               max(r.pillar_id) FILTER (WHERE r.at_key = 1) AS f_pillar, max(r.lead_unit_id) FILTER (WHERE r.at_key = 1) AS f_lead,
               max(r.co_lead_unit_id) FILTER (WHERE r.at_key = 1) AS f_co_lead, bool_or(r.retired) FILTER (WHERE r.at_key = 1) AS f_retired,
               max(r.status) FILTER (WHERE r.at_key = 0) AS t_status, max(r.confidence) FILTER (WHERE r.at_key = 0) AS t_confidence,
               max(r.rolled_progress) FILTER (WHERE r.at_key = 0) AS t_rolled, max(r.progress) FILTER (WHERE r.at_key = 0) AS t_progress,
               max(r.due_date) FILTER (WHERE r.at_key = 0) AS t_due, max(r.parent_id) FILTER (WHERE r.at_key = 0) AS t_parent,
               max(r.pillar_id) FILTER (WHERE r.at_key = 0) AS t_pillar, max(r.lead_unit_id) FILTER (WHERE r.at_key = 0) AS t_lead,
               max(r.co_lead_unit_id) FILTER (WHERE r.at_key = 0) AS t_co_lead, bool_or(r.retired) FILTER (WHERE r.at_key = 0) AS t_retired
        FROM rolled r
        GROUP BY r.id
        HAVING bool_or(r.at_key = 0)
      ) pr
      JOIN pillars p ON p.id = pr.t_pillar
      LEFT JOIN units u ON u.id = pr.t_lead
      WHERE ${filterSql(filter)}
      ORDER BY p.number, pr.code`),
    db.$queryRaw<
      { item_id: number; changed_at: Date; reason: string | null; due_date: Date | null; prev_due: Date | null }[]
    >(Prisma.sql`
      -- Only the history written between the moments (index on changed_at); each revision's previous due
      -- date is one probe of the version before it, not a window over all history.
      SELECT h.item_id, h.changed_at, h.reason, h.due_date,
             (SELECT p.due_date FROM item_history p WHERE p.item_id = h.item_id AND p.version = h.version - 1) AS prev_due
      FROM item_history h
      WHERE h.changed_at >= ${fromBefore} AND h.changed_at < ${until} AND h.version > 1 AND 'dueDate' = ANY(h.changed_fields)
      ORDER BY h.item_id, h.changed_at`),
  ]);

  const revisionsByItem = new Map<number, DueDateRevision[]>();
  for (const r of revisions) {
    const list = revisionsByItem.get(r.item_id) ?? [];
    list.push({ at: r.changed_at, from: isoDay(r.prev_due), to: isoDay(r.due_date), reason: r.reason });
    revisionsByItem.set(r.item_id, list);
  }

  const changes: ItemChange[] = [];
  for (const r of pairs) {
    const to: ItemMoment = {
      status: r.t_status,
      confidence: r.t_confidence,
      progress: r.t_rolled,
      reportedProgress: r.t_progress,
      dueDate: isoDay(r.t_due),
      parentId: r.t_parent,
      pillarId: r.t_pillar,
      leadUnitId: r.t_lead,
      retired: r.t_retired,
      overdue: overdue(r.t_status, r.t_retired, isoDay(r.t_due), toDay),
    };
    const from: ItemMoment | null = r.f_exists
      ? {
          status: r.f_status!,
          confidence: r.f_confidence,
          progress: r.f_rolled ?? 0,
          reportedProgress: r.f_progress,
          dueDate: isoDay(r.f_due),
          parentId: r.f_parent,
          pillarId: r.f_pillar!,
          leadUnitId: r.f_lead,
          retired: r.f_retired!,
          overdue: overdue(r.f_status!, r.f_retired!, isoDay(r.f_due), fromDay),
        }
      : null;
    const dueDateRevisions = revisionsByItem.get(r.id) ?? [];
    const kinds: ChangeKind[] = [];
    const progressDelta = to.progress - (from?.progress ?? 0);
    if (from === null) kinds.push("created");
    else {
      if (!from.retired && to.retired) kinds.push("retired");
      if (from.retired && !to.retired) kinds.push("restored");
      if (from.parentId !== to.parentId || from.pillarId !== to.pillarId) kinds.push("moved");
      if (Math.abs(progressDelta) > EPSILON) kinds.push("progress");
      if (from.status !== to.status) {
        kinds.push("status");
        if (STATUS_RANK[to.status] < STATUS_RANK[from.status]) kinds.push("statusDowngrade");
      }
      if (from.confidence !== to.confidence) {
        kinds.push("confidence");
        if (
          from.confidence !== null &&
          to.confidence !== null &&
          CONFIDENCE_RANK[to.confidence] < CONFIDENCE_RANK[from.confidence]
        ) {
          kinds.push("confidenceDowngrade");
        }
      }
      if (from.dueDate !== to.dueDate || dueDateRevisions.length > 0) kinds.push("dueDate");
    }
    if (to.status === "COMPLETED" && from?.status !== "COMPLETED") kinds.push("completed");
    if (to.overdue && !from?.overdue) kinds.push("overdue");
    if (kinds.length === 0) continue;
    changes.push({
      id: r.id,
      code: r.code,
      title: r.title,
      titleEn: r.title_en,
      level: r.level,
      leadUnitName: r.lead_unit_name,
      from,
      to,
      kinds,
      progressDelta,
      dueDateRevisions,
    });
  }

  // Outline order: 1.2.10 after 1.2.9.
  changes.sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
  const counts = Object.fromEntries(
    (
      [
        "created",
        "retired",
        "restored",
        "moved",
        "progress",
        "status",
        "statusDowngrade",
        "confidence",
        "confidenceDowngrade",
        "completed",
        "overdue",
        "dueDate",
      ] as const
    ).map((k) => [k, changes.filter((c) => c.kinds.includes(k)).length]),
  ) as Record<ChangeKind, number>;
  return { fromDay, toDay, changes, counts };
}
