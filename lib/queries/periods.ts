// Reporting periods (填报周期) as the pages, the close and the 情况通报 read them. No permission checks here
// (lib/data/periods.ts adds them).
//
// Definitions (one each; the page, the bulletin files and the close all use these):
// - an obligation's outcome: the frozen one once its period has closed; before that the live one, computed
//   by liveObligationsSql exactly as the close computes what it freezes (lib/writes/period-close.ts);
// - fulfilment figures over a set of obligations: FIGURE_SQL (required, submitted, approved, returned,
//   missing, late), so each number on the page opens a list of exactly those obligations;
// - a closed period's item states: period_item_states (frozenStatesSql), read with the columns of
//   itemStatesSql() so the existing compare (lib/queries/compare.ts) runs on them unchanged.
import { queryBulletinChase } from "./bulletin-chase";
import { Prisma } from "../generated/prisma/client";
import type {
  Confidence,
  ItemStatus,
  ObligationOutcome,
  ReportAction,
  ReportState,
  Side,
} from "../generated/prisma/enums";
import { endOfDay, isoDay, todayInChina } from "../dates";
import type { Locale } from "../i18n/locales";
import { titleIn } from "../i18n/localized";
import {
  FULFILMENT_FIGURES,
  LAGGING_LIMIT,
  type BulletinData,
  type Fulfilment,
  type FulfilmentFigure,
  type LaggingItem,
  type SideFulfilment,
  type UnitBehind,
  type UnitFulfilment,
} from "../report/bulletin";
import { attentionSql, itemStatesSql } from "./as-of";
import { comparePortfolio, dayOf, type PortfolioComparison } from "./compare";

type RawDb = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

const MS_PER_DAY = 86_400_000;

/** Where a period stands: 未开始 (not open yet), 填报中 (open), 已截止 (past its deadline), 已关闭 (closed). */
export type PeriodPhase = "UPCOMING" | "OPEN" | "PAST_DEADLINE" | "CLOSED";

export interface PeriodDatesRow {
  opensOn: Date;
  deadline: Date;
  closesOn: Date;
  openedAt: Date | null;
  closedAt: Date | null;
}

export function periodPhase(p: PeriodDatesRow, now: Date): PeriodPhase {
  if (p.closedAt !== null) return "CLOSED";
  const today = todayInChina(now);
  if (p.openedAt === null || today < isoDay(p.opensOn)) return "UPCOMING";
  if (today > isoDay(p.deadline)) return "PAST_DEADLINE";
  return "OPEN";
}

/** The first instant after the deadline day (China): a report submitted at or after it is late. */
export function deadlineEnd(deadline: Date): Date {
  return endOfDay(isoDay(deadline));
}

/**
 * Each obligation of the periods selected by `where` (over `o` period_obligations and `p` reporting_periods)
 * with the outcome it would get if its period closed now. The report that answers it is the unit's report on
 * the item to that period, approved first, then submitted, then returned (drafts and withdrawn reports answer
 * nothing). Outcome: ON_TIME when that report is submitted or approved and was submitted by the end of the
 * deadline day; LATE when submitted after it (or marked late: a report carried over from a closed period);
 * RETURNED when it was returned and not submitted again; MISSING otherwise.
 * Columns: obligation_id, period_id, item_id, unit_id, side, report_id, report_state, outcome.
 */
export function liveObligationsSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT o.id AS obligation_id, o.period_id, o.item_id, o.unit_id, o.side::text AS side,
           r.id AS report_id, r.state::text AS report_state,
           CASE
             WHEN r.state IN ('SUBMITTED', 'APPROVED') THEN
               CASE WHEN r.late OR coalesce(r.submitted_at, r.created_at) >= ((p.deadline + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
                    THEN 'LATE' ELSE 'ON_TIME' END
             WHEN r.state = 'RETURNED' THEN 'RETURNED'
             ELSE 'MISSING'
           END AS outcome
    FROM period_obligations o
    JOIN reporting_periods p ON p.id = o.period_id
    LEFT JOIN LATERAL (
      SELECT x.id, x.state, x.late, x.submitted_at, x.created_at
      FROM progress_updates x
      WHERE x.period_id = o.period_id AND x.item_id = o.item_id AND x.unit_id = o.unit_id
        AND x.state IN ('SUBMITTED', 'APPROVED', 'RETURNED')
      ORDER BY CASE x.state WHEN 'APPROVED' THEN 0 WHEN 'SUBMITTED' THEN 1 ELSE 2 END,
               x.submitted_at DESC NULLS LAST, x.id DESC
      LIMIT 1
    ) r ON true
    WHERE ${where}
  )`;
}

/** The obligations of the periods selected by `where`: frozen for closed periods, live for the others. */
export function obligationsSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT o.id AS obligation_id, o.period_id, o.item_id, o.unit_id, o.side::text AS side,
           o.report_id, o.report_state::text AS report_state, o.outcome::text AS outcome
    FROM period_obligations o
    JOIN reporting_periods p ON p.id = o.period_id
    WHERE p.closed_at IS NOT NULL AND ${where}
    UNION ALL
    SELECT l.* FROM ${liveObligationsSql(Prisma.sql`p.closed_at IS NULL AND ${where}`)} l
  )`;
}

/** Each fulfilment figure as a predicate over a row of obligationsSql() aliased `ob`. */
const FIGURE_SQL: Record<FulfilmentFigure, Prisma.Sql> = {
  required: Prisma.sql`true`,
  submitted: Prisma.sql`ob.outcome IN ('ON_TIME', 'LATE')`,
  approved: Prisma.sql`ob.outcome IN ('ON_TIME', 'LATE') AND ob.report_state = 'APPROVED'`,
  returned: Prisma.sql`ob.outcome = 'RETURNED'`,
  missing: Prisma.sql`ob.outcome = 'MISSING'`,
  late: Prisma.sql`ob.outcome = 'LATE'`,
};

const figureCounts = Prisma.join(
  FULFILMENT_FIGURES.map((f) => Prisma.sql`count(*) FILTER (WHERE ${FIGURE_SQL[f]})::int AS ${Prisma.raw(f)}`),
  ", ",
);

const emptyFulfilment = (): Fulfilment => ({
  required: 0,
  submitted: 0,
  approved: 0,
  returned: 0,
  missing: 0,
  late: 0,
});
const pickFulfilment = (r: Fulfilment): Fulfilment => ({
  required: r.required,
  submitted: r.submitted,
  approved: r.approved,
  returned: r.returned,
  missing: r.missing,
  late: r.late,
});

export interface PeriodSummary {
  id: number;
  kind: string;
  label: string;
  labelEn: string;
  opensOn: string;
  deadline: string;
  closesOn: string;
  openedAt: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
  phase: PeriodPhase;
  isSample: boolean;
  fulfilment: Fulfilment;
  hasFiles: boolean;
}

interface PeriodRow {
  id: number;
  kind: string;
  label: string;
  label_en: string;
  opens_on: Date;
  deadline: Date;
  closes_on: Date;
  opened_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  is_sample: boolean;
  has_files: boolean;
}

function toSummary(r: PeriodRow, f: Fulfilment | undefined, now: Date): PeriodSummary {
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    labelEn: r.label_en,
    opensOn: isoDay(r.opens_on),
    deadline: isoDay(r.deadline),
    closesOn: isoDay(r.closes_on),
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    phase: periodPhase(
      {
        opensOn: r.opens_on,
        deadline: r.deadline,
        closesOn: r.closes_on,
        openedAt: r.opened_at,
        closedAt: r.closed_at,
      },
      now,
    ),
    isSample: r.is_sample,
    fulfilment: f ?? emptyFulfilment(),
    hasFiles: r.has_files,
  };
}

const periodRowsSql = (where: Prisma.Sql) => Prisma.sql`
  SELECT p.id, p.kind::text AS kind, p.label, p.label_en, p.opens_on, p.deadline, p.closes_on, p.opened_at,
         p.closed_at, u.display_name AS closed_by, p.is_sample,
         EXISTS (SELECT 1 FROM period_files f WHERE f.period_id = p.id) AS has_files
  FROM reporting_periods p
  LEFT JOIN users u ON u.id = p.closed_by_id
  WHERE ${where}`;

/** Every period, latest first, with its overall fulfilment (frozen when closed, live otherwise). */
export async function queryPeriodList(db: RawDb, now: Date): Promise<PeriodSummary[]> {
  const [periods, totals] = await Promise.all([
    db.$queryRaw<PeriodRow[]>(Prisma.sql`${periodRowsSql(Prisma.sql`true`)} ORDER BY p.opens_on DESC`),
    db.$queryRaw<(Fulfilment & { period_id: number })[]>(Prisma.sql`
      SELECT ob.period_id, ${figureCounts} FROM ${obligationsSql(Prisma.sql`true`)} ob GROUP BY ob.period_id`),
  ]);
  const byPeriod = new Map(totals.map((t) => [t.period_id, pickFulfilment(t)]));
  return periods.map((p) => toSummary(p, byPeriod.get(p.id), now));
}

export interface PeriodFulfilment {
  total: Fulfilment;
  sides: SideFulfilment[];
  units: UnitFulfilment[];
}

/** One period with its fulfilment in all, by side and by unit (the summary's overall figures are the total). */
export async function queryPeriodFulfilment(
  db: RawDb,
  periodId: number,
  now: Date,
): Promise<{ period: PeriodSummary; fulfilment: PeriodFulfilment } | null> {
  const [rows, fulfilment] = await Promise.all([
    db.$queryRaw<PeriodRow[]>(periodRowsSql(Prisma.sql`p.id = ${periodId}`)),
    queryFulfilment(db, periodId),
  ]);
  const row = rows[0];
  return row ? { period: toSummary(row, fulfilment.total, now), fulfilment } : null;
}

const addFulfilment = (to: Fulfilment, f: Fulfilment): void => {
  for (const k of FULFILMENT_FIGURES) to[k] += f[k];
};

/**
 * A period's fulfilment in all, by side and by unit (units by side, then by name). One pass over the
 * obligations, by unit: every obligation has one unit and one side, and every figure is a count, so the sides
 * and the total are the units' sums. (Three passes, one per grouping, cost three times the lateral look-ups of
 * the answering reports: the dashboard's widget runs this after every write.) Grouped before the units' names are
 * joined, so only one row per unit is sorted by name.
 */
export async function queryFulfilment(db: RawDb, periodId: number): Promise<PeriodFulfilment> {
  const rows = await db.$queryRaw<(Fulfilment & { unit_id: number; unit: string; side: Side })[]>(Prisma.sql`
    SELECT g.*, u.name AS unit
    FROM (SELECT ob.unit_id, ob.side, ${figureCounts}
          FROM ${obligationsSql(Prisma.sql`p.id = ${periodId}`)} ob
          GROUP BY ob.unit_id, ob.side) g
    JOIN units u ON u.id = g.unit_id
    ORDER BY g.side, u.name`);
  const total = emptyFulfilment();
  const bySide = new Map<Side, SideFulfilment>();
  for (const r of rows) {
    addFulfilment(total, r);
    const side = bySide.get(r.side) ?? { side: r.side, ...emptyFulfilment() };
    addFulfilment(side, r);
    bySide.set(r.side, side);
  }
  return {
    total,
    // rows come by side, so the sides keep that order
    sides: [...bySide.values()],
    units: rows.map((u) => ({ unitId: u.unit_id, unit: u.unit, side: u.side, ...pickFulfilment(u) })),
  };
}

export interface ObligationFilter {
  figure: FulfilmentFigure;
  side?: Side;
  unitId?: number;
}

export interface ObligationRow {
  itemId: number;
  code: string;
  title: string;
  titleEn: string | null;
  unitId: number;
  unit: string;
  side: Side;
  outcome: ObligationOutcome;
  reportId: number | null;
  reportState: ReportState | null;
  submittedAt: Date | null;
}

/** The obligations behind one figure of the page (optionally of one side or unit), in outline order. */
export async function queryObligations(
  db: RawDb,
  periodId: number,
  filter: ObligationFilter,
): Promise<ObligationRow[]> {
  const conditions = [FIGURE_SQL[filter.figure]];
  if (filter.side !== undefined) conditions.push(Prisma.sql`ob.side = ${filter.side}`);
  if (filter.unitId !== undefined) conditions.push(Prisma.sql`ob.unit_id = ${filter.unitId}`);
  const rows = await db.$queryRaw<
    {
      item_id: number;
      code: string;
      title: string;
      title_en: string | null;
      unit_id: number;
      unit: string;
      side: Side;
      outcome: ObligationOutcome;
      report_id: number | null;
      report_state: ReportState | null;
      submitted_at: Date | null;
    }[]
  >(Prisma.sql`
    SELECT ob.item_id, i.code, i.title, i.title_en, ob.unit_id, u.name AS unit, ob.side, ob.outcome,
           ob.report_id, ob.report_state, r.submitted_at
    FROM ${obligationsSql(Prisma.sql`p.id = ${periodId}`)} ob
    JOIN items i ON i.id = ob.item_id
    JOIN units u ON u.id = ob.unit_id
    LEFT JOIN progress_updates r ON r.id = ob.report_id
    WHERE ${Prisma.join(conditions, " AND ")}`);
  return rows
    .map((r) => ({
      itemId: r.item_id,
      code: r.code,
      title: r.title,
      titleEn: r.title_en,
      unitId: r.unit_id,
      unit: r.unit,
      side: r.side,
      outcome: r.outcome,
      reportId: r.report_id,
      reportState: r.report_state,
      submittedAt: r.submitted_at,
    }))
    .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }) || a.unit.localeCompare(b.unit, "zh-CN"));
}

export interface ReviewDecision {
  id: string;
  at: Date;
  action: ReportAction;
  comment: string | null;
  code: string;
  title: string;
  titleEn: string | null;
  unit: string | null;
  actor: string | null;
}

/** How many review decisions a period page lists (newest first). */
export const DECISIONS_LIMIT = 500;

/** The review decisions (return, approve, 销号) of a period's reports, newest first. */
export async function queryReviewDecisions(db: RawDb, periodId: number): Promise<ReviewDecision[]> {
  const rows = await db.$queryRaw<
    {
      id: bigint;
      at: Date;
      action: ReportAction;
      comment: string | null;
      code: string;
      title: string;
      title_en: string | null;
      unit: string | null;
      actor: string | null;
    }[]
  >(Prisma.sql`
    SELECT e.id, e.at, e.action, e.comment, i.code, i.title, i.title_en, un.name AS unit, a.display_name AS actor
    FROM report_events e
    JOIN items i ON i.id = e.item_id
    JOIN progress_updates r ON r.id = e.report_id
    LEFT JOIN units un ON un.id = r.unit_id
    LEFT JOIN users a ON a.id = e.actor_id
    WHERE e.period_id = ${periodId} AND e.action IN ('RETURN', 'APPROVE', 'CLOSE_OUT')
    ORDER BY e.at DESC, e.id DESC
    LIMIT ${DECISIONS_LIMIT}`);
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at,
    action: r.action,
    comment: r.comment,
    code: r.code,
    title: r.title,
    titleEn: r.title_en,
    unit: r.unit,
    actor: r.actor,
  }));
}

export interface PeriodFileInfo {
  format: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  size: number;
}

/** The frozen 情况通报 files of a period (without their bytes). */
export async function queryPeriodFiles(db: RawDb, periodId: number): Promise<PeriodFileInfo[]> {
  return db.$queryRaw<PeriodFileInfo[]>(Prisma.sql`
    SELECT format, file_name AS "fileName", media_type AS "mediaType", sha256, octet_length(content)::int AS size
    FROM period_files WHERE period_id = ${periodId} ORDER BY format`);
}

/** One frozen file with its bytes, or null. */
export async function queryPeriodFile(
  db: RawDb,
  periodId: number,
  format: string,
): Promise<(PeriodFileInfo & { content: Uint8Array; label: string }) | null> {
  const rows = await db.$queryRaw<(PeriodFileInfo & { content: Uint8Array; label: string })[]>(Prisma.sql`
    SELECT f.format, f.file_name AS "fileName", f.media_type AS "mediaType", f.sha256,
           octet_length(f.content)::int AS size, f.content, p.label
    FROM period_files f JOIN reporting_periods p ON p.id = f.period_id
    WHERE f.period_id = ${periodId} AND f.format = ${format}`);
  return rows[0] ?? null;
}

/**
 * A closed period's frozen item states, with the columns (and column order) of itemStatesSql(), so every query
 * over item states — the roll-up, the compare — runs on them unchanged. The snapshot holds the whole row of
 * itemStatesSql() at the close; status, progress, confidence and version are its typed columns.
 */
export function frozenStatesSql(periodId: number): Prisma.Sql {
  return Prisma.sql`(
    SELECT s.item_id AS id, s.snapshot->>'code' AS code, (s.snapshot->>'parent_id')::int AS parent_id,
           (s.snapshot->>'pillar_id')::int AS pillar_id, s.snapshot->>'level' AS level,
           (s.snapshot->>'sort_order')::int AS sort_order, s.snapshot->>'title' AS title,
           s.snapshot->>'title_en' AS title_en, (s.snapshot->>'lead_unit_id')::int AS lead_unit_id,
           (s.snapshot->>'co_lead_unit_id')::int AS co_lead_unit_id,
           ARRAY(SELECT jsonb_array_elements_text(s.snapshot->'supporting_unit_ids')::int) AS supporting_unit_ids,
           ARRAY(SELECT jsonb_array_elements_text(s.snapshot->'region_ids')::int) AS region_ids,
           ARRAY(SELECT jsonb_array_elements_text(s.snapshot->'conference_ids')::int) AS conference_ids,
           s.status::text AS status, s.confidence::text AS confidence, s.progress,
           (s.snapshot->>'weight')::int AS weight, (s.snapshot->>'start_date')::date AS start_date,
           (s.snapshot->>'due_date')::date AS due_date, (s.snapshot->>'original_due_date')::date AS original_due_date,
           (s.snapshot->>'retired')::boolean AS retired, (s.snapshot->>'last_update_at')::timestamptz AS last_update_at,
           s.history_version AS version
    FROM period_item_states s
    WHERE s.period_id = ${periodId}
  )`;
}

/** Two closed periods to compare, in close order (the earlier is "from"). */
export interface ClosedPeriodRef {
  id: number;
  label: string;
  labelEn: string;
  closedAt: Date;
}

/** What changed between two closed periods' frozen states, by the portfolio compare itself. */
export async function queryPeriodComparison(
  db: RawDb,
  from: ClosedPeriodRef,
  to: ClosedPeriodRef,
): Promise<PortfolioComparison> {
  return comparePortfolio(
    db,
    from.closedAt,
    to.closedAt,
    {},
    {
      from: frozenStatesSql(from.id),
      to: frozenStatesSql(to.id),
    },
  );
}

/** The closed periods, latest first (what the compare form offers). */
export async function queryClosedPeriods(db: RawDb): Promise<ClosedPeriodRef[]> {
  const rows = await db.$queryRaw<{ id: number; label: string; label_en: string; closed_at: Date }[]>(Prisma.sql`
    SELECT id, label, label_en, closed_at FROM reporting_periods WHERE closed_at IS NOT NULL ORDER BY closed_at DESC`);
  return rows.map((r) => ({ id: r.id, label: r.label, labelEn: r.label_en, closedAt: r.closed_at }));
}

async function hasSampleDataset(db: RawDb): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number }[]>(
    Prisma.sql`SELECT count(*)::int AS n FROM datasets WHERE key = 'sample'`,
  );
  return (rows[0]?.n ?? 0) > 0;
}

export interface BulletinPeriod {
  id: number;
  label: string;
  labelEn: string;
  opensOn: Date;
  deadline: Date;
  closesOn: Date;
}

/**
 * The bulletin of `period` closing at `closedAt`: its fulfilment (the live outcomes, which the close freezes),
 * the units behind, and the items lagging at the close (overdue, or open and reported off track), from the
 * item states at that instant. Read before the close writes anything, and again under its lock to check that
 * nothing moved in between (lib/writes/period-close.ts).
 */
export async function queryBulletinData(
  db: RawDb,
  period: BulletinPeriod,
  closedAt: Date,
  locale: Locale = "zh-CN",
): Promise<BulletinData> {
  const day = dayOf(closedAt);
  const ob = obligationsSql(Prisma.sql`p.id = ${period.id}`);
  const [fulfilment, behindRows, laggingRows, sampleData, chase] = await Promise.all([
    queryFulfilment(db, period.id),
    db.$queryRaw<{ unit: string; side: Side; outcome: ObligationOutcome; codes: string[] }[]>(Prisma.sql`
      SELECT u.name AS unit, ob.side, ob.outcome, array_agg(i.code) AS codes
      FROM ${ob} ob JOIN units u ON u.id = ob.unit_id JOIN items i ON i.id = ob.item_id
      WHERE ob.outcome IN ('LATE', 'RETURNED', 'MISSING')
      GROUP BY u.name, ob.side, ob.outcome`),
    db.$queryRaw<
      {
        code: string;
        title: string;
        title_en: string | null;
        lead_unit: string | null;
        co_lead_unit: string | null;
        status: ItemStatus;
        confidence: Confidence | null;
        progress: number | null;
        due_date: Date | null;
      }[]
    >(Prisma.sql`
      SELECT s.code, s.title, s.title_en, lu.name AS lead_unit, cu.name AS co_lead_unit, s.status, s.confidence,
             s.progress, s.due_date
      FROM ${itemStatesSql(closedAt)} s
      LEFT JOIN units lu ON lu.id = s.lead_unit_id
      LEFT JOIN units cu ON cu.id = s.co_lead_unit_id
      WHERE s.level = 'ACTION' AND ${attentionSql("s", day)}`),
    hasSampleDataset(db),
    queryBulletinChase(db, period, closedAt, locale),
  ]);

  const byCode = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });
  const behindByUnit = new Map<string, UnitBehind>();
  for (const r of behindRows) {
    const entry = behindByUnit.get(r.unit) ?? { unit: r.unit, side: r.side, late: [], returned: [], missing: [] };
    const codes = [...r.codes].sort(byCode);
    if (r.outcome === "LATE") entry.late = codes;
    else if (r.outcome === "RETURNED") entry.returned = codes;
    else entry.missing = codes;
    behindByUnit.set(r.unit, entry);
  }
  const weight = (b: UnitBehind) => b.missing.length * 3 + b.returned.length * 2 + b.late.length;
  const behind = [...behindByUnit.values()].sort(
    (a, b) => weight(b) - weight(a) || a.side.localeCompare(b.side) || a.unit.localeCompare(b.unit, "zh-CN"),
  );

  const lagging: LaggingItem[] = laggingRows
    .map((r) => {
      const due = isoDay(r.due_date);
      const overdue = due !== null && due < day && r.status !== "COMPLETED" && r.status !== "CANCELLED";
      return {
        code: r.code,
        title: titleIn({ title: r.title, titleEn: r.title_en }, locale),
        leadUnits: [r.lead_unit, r.co_lead_unit].filter((u): u is string => u !== null).join("、"),
        status: r.status,
        confidence: r.confidence,
        progress: r.progress,
        dueDate: due,
        daysOverdue: overdue ? Math.round((Date.parse(day) - Date.parse(due)) / MS_PER_DAY) : null,
      };
    })
    .sort((a, b) => (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1) || byCode(a.code, b.code));

  return {
    locale,
    sampleData,
    period: {
      id: period.id,
      label: period.label,
      labelEn: period.labelEn,
      opensOn: isoDay(period.opensOn),
      deadline: isoDay(period.deadline),
      closesOn: isoDay(period.closesOn),
      closedAt: closedAt.toISOString(),
      early: todayInChina(closedAt) <= isoDay(period.closesOn),
    },
    total: fulfilment.total,
    sides: fulfilment.sides,
    units: fulfilment.units,
    behind,
    lagging: lagging.slice(0, LAGGING_LIMIT),
    laggingTotal: lagging.length,
    chase,
  };
}
