// The item page's data, live or as of a moment. Live and historical views take the same path: the item's
// state is an ItemSnapshot (read from the row now, or the latest item_history snapshot before the moment),
// and everything dated (updates, history) is cut at the moment. Takes the client so tests can call it.
import { Prisma, type Side } from "../generated/prisma/client";
import type { Db } from "../prisma-client";
import {
  describeChanges,
  loadSnapshotNames,
  readSnapshot,
  type FieldChange,
  type ItemSnapshot,
  type SnapshotNames,
} from "../writes/snapshot";
import type { UnitScope } from "../permissions";
import { reviewSides } from "../writes/reports";
import { browseStatesSql, SIDE_SQL } from "./items-list";

export type { FieldChange };

const DAY_MS = 86_400_000;
const HISTORY_LIMIT = 100;
/** The steps of reports the item's history shows (a draft being saved is the unit's own business). */
const SHOWN_REPORT_STEPS = ["SUBMIT", "WITHDRAW", "RETURN", "APPROVE", "CLOSE_OUT"] as const;
const UPDATES_LIMIT = 30;

/** A unit or region with its side, as the page names it. */
export type UnitRef = NonNullable<ReturnType<SnapshotNames["units"]["get"]>>;

export interface HistoryEntry {
  id: string;
  /** the item version this change made (0 for a step of a report, which changes no version) */
  version: number;
  changedAt: Date;
  action: string;
  actor: string | null;
  reason: string | null;
  changes: FieldChange[];
  /** set for a step of a report (submission, return, approval, 销号, withdrawal) merged into the history */
  report?: { id: number; action: string; comment: string | null };
}

/** A report that waits for review or was returned to its unit: shown as 待审核 / 已退回 on the item. */
export interface OpenReport extends UpdateEntry {
  state: "SUBMITTED" | "RETURNED";
  revision: number;
  submittedAt: Date | null;
  docNumber: string | null;
  /** 本月完成投资 (万元, decimal text) */
  monthInvestment: string | null;
  closesItem: boolean;
  late: boolean;
  reviewer: string | null;
  reviewComment: string | null;
  decidedAt: Date | null;
  unitId: number | null;
}

export interface UpdateEntry {
  id: number;
  createdAt: Date;
  author: string | null;
  unit: UnitRef | null;
  status: string;
  progress: number;
  confidence: string;
  note: string;
  nextSteps: string | null;
  blockers: string | null;
  evidenceLinks: string[];
}

export interface SideReport {
  side: "SICHUAN" | "CHONGQING";
  update: UpdateEntry | null;
}

export interface ChildRow {
  code: string;
  title: string;
  titleEn: string | null;
  status: string;
  confidence: string | null;
  progress: number | null;
}

/** Snapshot fields the page resolves (ids to names, dates to slippage) rather than shows as they are. */
type Resolved =
  | "parentId"
  | "pillarId"
  | "sortOrder"
  | "leadUnitId"
  | "coLeadUnitId"
  | "supportingUnitIds"
  | "regionIds"
  | "conferenceIds"
  | "retiredAt"
  | "milestones";

/** The item's own fields as the snapshot holds them (a new column of Item appears here by itself), and more. */
export interface ItemView extends Omit<ItemSnapshot, Resolved> {
  id: number;
  pillar: { number: number; title: string; titleEn: string };
  parent: { code: string; title: string; titleEn: string | null } | null;
  leadUnit: UnitRef | null;
  coLeadUnit: UnitRef | null;
  supportingUnits: UnitRef[];
  /** own progress of a leaf, rolled up from the children for an item that has any */
  progress: number | null;
  hasChildren: boolean;
  /** due date minus original due date, in days (0 when not revised) */
  slippageDays: number;
  retired: boolean;
  version: number;
  regions: UnitRef[];
  conferences: { number: number; date: Date; theme: string }[];
  milestones: ItemSnapshot["milestones"];
  children: ChildRow[];
  /** approved reports only: the item follows them */
  updates: UpdateEntry[];
  /** live view only: reports awaiting review or returned (empty as of a past day) */
  openReports: OpenReport[];
  history: HistoryEntry[];
  historyTruncated: boolean;
  /** for a jointly led item: each side's latest report, and whether they disagree */
  sides: { reports: SideReport[]; disagree: boolean } | null;
  /** with a compare moment: what differed then, field by field (null when not comparing) */
  compare: { existed: boolean; changes: FieldChange[] } | null;
  scope: UnitScope;
}

/** The item's snapshot at a moment: the row itself for now, else the latest history row before it. */
async function snapshotAt(
  prisma: Db,
  itemId: number,
  before: Date | null,
): Promise<{ version: number; snapshot: ItemSnapshot } | null> {
  if (before === null) return readSnapshot(prisma, itemId);
  const h = await prisma.itemHistory.findFirst({
    where: { itemId, changedAt: { lt: before } },
    orderBy: { version: "desc" },
    select: { version: true, snapshot: true },
  });
  return h ? { version: h.version, snapshot: h.snapshot as unknown as ItemSnapshot } : null;
}

export async function loadItemView(
  prisma: Db,
  code: string,
  moment: { before: Date | null; compareBefore?: Date | null },
): Promise<ItemView | "not-yet" | null> {
  // Who may write is decided on the live row (the as-of state may name other units).
  const item = await prisma.item.findUnique({
    where: { code },
    select: { id: true, leadUnitId: true, coLeadUnitId: true, supportingUnits: { select: { unitId: true } } },
  });
  if (!item) return null;
  const { before } = moment;
  const state = await snapshotAt(prisma, item.id, before);
  // Not created yet at that moment: the page says so rather than showing today's values.
  if (!state) return "not-yet";
  const s = state.snapshot;
  const dated = before ? { lt: before } : undefined;

  // A report counts from its approval: only approved reports, cut at the moment by when they were decided.
  const approvedBy = (extra: Prisma.ProgressUpdateWhereInput = {}): Prisma.ProgressUpdateWhereInput => ({
    itemId: item.id,
    state: "APPROVED",
    ...(dated ? { decidedAt: dated } : {}),
    ...extra,
  });
  const byDecision: Prisma.ProgressUpdateOrderByWithRelationInput[] = [{ decidedAt: "desc" }, { id: "desc" }];
  const [l, updates, historyRows, children, openRows, eventRows] = await Promise.all([
    loadSnapshotNames(prisma),
    prisma.progressUpdate.findMany({
      where: approvedBy(),
      orderBy: byDecision,
      take: UPDATES_LIMIT,
      include: { author: { select: { displayName: true } } },
    }),
    prisma.itemHistory.findMany({
      where: { itemId: item.id, ...(dated ? { changedAt: dated } : {}) },
      orderBy: { version: "desc" },
      take: HISTORY_LIMIT + 1,
      select: {
        id: true,
        version: true,
        changedAt: true,
        action: true,
        reason: true,
        snapshot: true,
        actor: { select: { displayName: true } },
      },
    }),
    prisma.$queryRaw<(ChildRow & { parent_id: number | null; id: number; side: string | null })[]>(Prisma.sql`
      SELECT s.id, s.parent_id, s.code, s.title, s.title_en AS "titleEn", s.status, s.confidence, s.shown_progress AS progress, s.has_children AS "hasChildren",
             ${SIDE_SQL} AS side
        FROM ${browseStatesSql(before, { item: item.id })} s
        LEFT JOIN units lu ON lu.id = s.lead_unit_id
        LEFT JOIN units cu ON cu.id = s.co_lead_unit_id
       WHERE (s.parent_id = ${item.id} OR s.id = ${item.id}) AND NOT (s.retired AND s.id <> ${item.id})
       ORDER BY s.sort_order, string_to_array(s.code, '.')::int[]`),
    before
      ? Promise.resolve([])
      : prisma.progressUpdate.findMany({
          where: { itemId: item.id, state: { in: ["SUBMITTED", "RETURNED"] } },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          include: { author: { select: { displayName: true } }, reviewer: { select: { displayName: true } } },
        }),
    prisma.reportEvent.findMany({
      where: { itemId: item.id, action: { in: [...SHOWN_REPORT_STEPS] }, ...(dated ? { at: dated } : {}) },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: {
        id: true,
        reportId: true,
        at: true,
        action: true,
        comment: true,
        actor: { select: { displayName: true } },
      },
    }),
  ]);
  const self = children.find((c) => c.id === item.id) as
    (ChildRow & { hasChildren?: boolean; side: string | null }) | undefined;
  const unit = (id: number | null) => (id === null ? null : (l.units.get(id) ?? null));
  const toUpdate = (u: (typeof updates)[number]): UpdateEntry => ({
    id: u.id,
    createdAt: u.createdAt,
    author: u.author?.displayName ?? null,
    unit: unit(u.unitId),
    status: u.status,
    progress: u.progress,
    confidence: u.confidence,
    note: u.note,
    nextSteps: u.nextSteps,
    blockers: u.blockers,
    evidenceLinks: u.evidenceLinks,
  });

  // History as a timeline: each row diffed against the one before it (the extra row fetched is that
  // predecessor for the oldest shown).
  const truncated = historyRows.length > HISTORY_LIMIT;
  const itemHistory: HistoryEntry[] = historyRows.slice(0, HISTORY_LIMIT).map((h, i) => {
    const previous = historyRows[i + 1]?.snapshot as unknown as ItemSnapshot | undefined;
    const changes =
      h.action === "CREATE" ? [] : describeChanges(previous ?? null, h.snapshot as unknown as ItemSnapshot, l);
    return {
      id: h.id.toString(),
      version: h.version,
      changedAt: h.changedAt,
      action: h.action,
      actor: h.actor?.displayName ?? null,
      reason: h.reason,
      changes,
    };
  });
  // The review trail beside the changes: who submitted, returned and approved (or closed out), and when. The
  // system's approval (review off) has no actor. Newest first.
  const reportSteps: HistoryEntry[] = eventRows.map((e) => ({
    id: `r${e.id}`,
    version: 0,
    changedAt: e.at,
    action: e.action,
    actor: e.actor?.displayName ?? null,
    reason: null,
    changes: [],
    report: { id: e.reportId, action: e.action, comment: e.comment },
  }));
  const oldestShown = itemHistory.at(-1)?.changedAt.getTime() ?? -Infinity;
  const history = [
    ...itemHistory,
    ...reportSteps.filter((r) => !truncated || r.changedAt.getTime() >= oldestShown),
  ].sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime() || Number(!a.report) - Number(!b.report));

  const leadUnit = unit(s.leadUnitId);
  const coLeadUnit = unit(s.coLeadUnitId);
  let sides: ItemView["sides"] = null;
  // Jointly led (川渝共同) as the items list's side filter defines it (SIDE_SQL), judged on the state shown.
  if (self?.side === "JOINT") {
    // Each side's latest approved report: the latest one of a unit of that side approved before the moment.
    const latest = await Promise.all(
      (["SICHUAN", "CHONGQING"] as const).map((side) =>
        prisma.progressUpdate.findFirst({
          where: approvedBy({ unit: { side } }),
          orderBy: byDecision,
          include: { author: { select: { displayName: true } } },
        }),
      ),
    );
    const reports = latest.map((u, i) => ({
      side: i === 0 ? ("SICHUAN" as const) : ("CHONGQING" as const),
      update: u ? toUpdate(u) : null,
    }));
    const [a, b] = reports.map((r) => r.update);
    sides = { reports, disagree: !!a && !!b && (a.status !== b.status || a.progress !== b.progress) };
  }

  let compare: ItemView["compare"] = null;
  if (moment.compareBefore !== undefined) {
    const then = await snapshotAt(prisma, item.id, moment.compareBefore);
    compare = then ? { existed: true, changes: describeChanges(then.snapshot, s, l) } : { existed: false, changes: [] };
  }

  const pillar = l.pillars.get(s.pillarId)!;
  const parent = s.parentId
    ? await prisma.item.findUnique({ where: { id: s.parentId }, select: { code: true, title: true, titleEn: true } })
    : null;
  const slippage =
    s.dueDate && s.originalDueDate ? Math.round((Date.parse(s.dueDate) - Date.parse(s.originalDueDate)) / DAY_MS) : 0;

  const {
    parentId,
    pillarId,
    sortOrder,
    leadUnitId,
    coLeadUnitId,
    supportingUnitIds,
    regionIds,
    conferenceIds,
    retiredAt,
    milestones,
    ...shown
  } = s;
  return {
    ...shown,
    id: item.id,
    pillar,
    parent,
    leadUnit,
    coLeadUnit,
    supportingUnits: supportingUnitIds.map((id) => unit(id)).filter((u): u is UnitRef => u !== null),
    progress: self ? self.progress : s.progress,
    hasChildren: !!self?.hasChildren,
    slippageDays: slippage,
    retired: retiredAt !== null,
    version: state.version,
    regions: regionIds.map((id) => l.regions.get(id)).filter((r): r is UnitRef => !!r),
    conferences: conferenceIds
      .map((id) => l.conferences.get(id))
      .filter((c): c is NonNullable<typeof c> => !!c)
      .sort((a, b) => a.number - b.number),
    milestones: [...milestones].sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.id - b.id),
    children: children
      .filter((c) => c.id !== item.id)
      .map(({ code, title, titleEn, status, confidence, progress }) => ({
        code,
        title,
        titleEn,
        status,
        confidence,
        progress,
      })),
    updates: updates.map(toUpdate),
    openReports: openRows.map((r) => ({
      ...toUpdate(r),
      state: r.state as OpenReport["state"],
      revision: r.revision,
      submittedAt: r.submittedAt,
      docNumber: r.docNumber,
      monthInvestment: r.monthInvestment?.toFixed(2) ?? null,
      closesItem: r.closesItem,
      late: r.late,
      reviewer: r.reviewer?.displayName ?? null,
      reviewComment: r.reviewComment,
      decidedAt: r.decidedAt,
      unitId: r.unitId,
    })),
    history,
    historyTruncated: truncated,
    sides,
    compare,
    scope: {
      leadUnitId: item.leadUnitId,
      coLeadUnitId: item.coLeadUnitId,
      supportingUnitIds: item.supportingUnits.map((x) => x.unitId),
      leadSides: reviewSides(
        [item.leadUnitId, item.coLeadUnitId].flatMap((id) => {
          const side = id === null ? undefined : l.units.get(id)?.side;
          return side ? [side as Side] : [];
        }),
      ),
    },
  };
}
