// Builds the status report's data (lib/report/types.ts) for one scope as of the end of a day, with the
// changes since a compare day. Pure data: no permission check here (lib/data/reports.ts adds it), so tests
// and every renderer call it directly. Everything is reconstructed from item_history (itemStatesSql via the
// browse/roll-up SQL) — never the current values — so a report for a past day shows that day's portfolio.
//
// Definitions (the dashboard's, restricted to the scope):
// - the scope is a set of items: the items list's filters (lib/queries/items-list.ts whereSql) applied to the states
//   at the as-of moment; pillar / unit (lead or co-lead) / side / region scopes are those same filters, so a
//   scope and the list filtered the same way hold the same items. Retired items are never in scope.
// - the figures (headline, pillars, units) are not computed here: they are the dashboard's own queries
//   (lib/queries/dashboard.ts queryHeadline, queryPillarProgress, queryUnitAccountability) given the scope, so
//   the report for "all" shows exactly the dashboard's numbers and any scope is counted the same way;
// - an item's progress is its rolled-up progress (lib/queries/rollup.ts).
import { queryAmberUntil } from "./chase-calendar";
import { comparePortfolio, type CompareFilter } from "./compare";
import { attentionSql, overdueSql } from "./as-of";
import { queryHeadline, queryPillarProgress, queryUnitAccountability, scopedStatesSql } from "./dashboard";
import { endOfDay, isoDay } from "../dates";
import { Prisma } from "../generated/prisma/client";
import type { Confidence, ItemLevel, ItemStatus } from "../generated/prisma/enums";
import type { Db } from "../prisma-client";
import { parseBrowseParams, type BrowseFilters } from "../validations/browse";
import type { Locale } from "../i18n/locales";
import { titleIn } from "../i18n/localized";
import { translator } from "../i18n/translator";
import type {
  ReportChanges,
  ReportData,
  ReportHeadline,
  ReportItem,
  ReportPeriodChoice,
  ReportPillar,
  ReportRequest,
  ReportScope,
  ReportUnit,
  ReportUpdate,
} from "../report/types";
import { now as clockNow } from "../clock";
import { completionRate } from "../money";
import { investmentStatesSql } from "./investment";
import { reportIndicators } from "./report-indicators";
import { reportInvestment } from "./report-investment";
import { ALL_RATINGS, type RatingView } from "../rating";
import { queryReportRatings } from "./report-ratings";

type RawDb = Pick<Db, "$queryRaw">;
type Moment = { before: Date; day: string; amberLast?: string };

/** A scope naming a pillar, unit or region that does not exist: the caller answers 400, not 500. */
export class ReportScopeNotFoundError extends Error {
  constructor(public readonly scope: ReportScope) {
    super(`report scope not found: ${JSON.stringify(scope)}`);
    this.name = "ReportScopeNotFoundError";
  }
}

/** How many progress updates the report lists (newest first, up to the as-of moment). */
export const REPORT_RECENT_LIMIT = 20;
/** How many of the largest progress moves the changes section lists. */
export const REPORT_PROGRESS_MOVES = 10;

const MS_PER_DAY = 86_400_000;

/** The scope as items-list filters (the one definition of "which items"). */
export function scopeFilters(scope: ReportScope): BrowseFilters {
  switch (scope.kind) {
    case "all":
      return {};
    case "pillar":
      return { pillar: scope.pillarNumber };
    case "unit":
      return { unit: scope.unitId };
    case "side":
      return { side: scope.side };
    case "region":
      return { region: scope.regionId };
    case "filters": {
      // Only filters: sorting and paging parameters of the list do not change which items are in scope.
      const { query } = parseBrowseParams(Object.fromEntries(new URLSearchParams(scope.search)));
      const { sort: _s, dir: _d, page: _p, size: _z, ...filters } = query;
      return filters;
    }
  }
}

interface ItemRow {
  id: number;
  code: string;
  pillar_number: number;
  pillar_title: string;
  pillar_title_en: string;
  level: ItemLevel;
  title: string;
  title_en: string | null;
  lead_unit: string | null;
  co_lead_unit: string | null;
  supporting_units: string[];
  responsible_person: string | null;
  status: ItemStatus;
  confidence: Confidence | null;
  rolled_progress: number;
  has_children: boolean;
  progress: number | null;
  start_date: Date | null;
  due_date: Date | null;
  original_due_date: Date | null;
  last_update_at: Date | null;
  version: number;
  overdue: boolean;
  lagging: boolean;
  total_investment: string | null;
  planned_investment: string | null;
  completed_investment: string | null;
}

async function scopeItems(db: RawDb, filters: BrowseFilters, m: Moment, year: number): Promise<ItemRow[]> {
  return db.$queryRaw<ItemRow[]>(Prisma.sql`
    SELECT s.id, s.code, p.number AS pillar_number, p.title AS pillar_title, p.title_en AS pillar_title_en,
           s.level, s.title, s.title_en, lu.name AS lead_unit, cu.name AS co_lead_unit,
           ARRAY(SELECT su.name FROM units su WHERE su.id = ANY(s.supporting_unit_ids) ORDER BY su.name) AS supporting_units,
           -- the item's own row when it is still at that version; history's snapshot only for an older state
           CASE WHEN src.version = s.version THEN src.responsible_person
                ELSE (SELECT h.snapshot->>'responsiblePerson' FROM item_history h WHERE h.item_id = s.id AND h.version = s.version) END AS responsible_person,
           s.status, s.confidence, s.rolled_progress, s.has_children, s.progress, s.start_date, s.due_date, s.original_due_date,
           s.last_update_at, s.version, ${overdueSql("s", m.day)} AS overdue, ${attentionSql("s", m.day)} AS lagging,
           -- amounts as text, never a JavaScript number (lib/money.ts)
           round(v.total, 2)::text AS total_investment, round(v.planned, 2)::text AS planned_investment,
           round(v.completed, 2)::text AS completed_investment
    FROM ${scopedStatesSql(m, filters)} s
    JOIN pillars p ON p.id = s.pillar_id
    JOIN items src ON src.id = s.id
    LEFT JOIN ${investmentStatesSql(m.before, year)} v ON v.id = s.id
    LEFT JOIN units lu ON lu.id = s.lead_unit_id
    LEFT JOIN units cu ON cu.id = s.co_lead_unit_id
    ORDER BY string_to_array(s.code, '.')::int[]`);
}

function toReportItem(r: ItemRow, day: string, locale: Locale): ReportItem {
  const due = isoDay(r.due_date);
  const original = isoDay(r.original_due_date);
  return {
    code: r.code,
    pillarNumber: r.pillar_number,
    pillarTitle: locale === "en" ? r.pillar_title_en : r.pillar_title,
    level: r.level,
    title: titleIn({ title: r.title, titleEn: r.title_en }, locale),
    leadUnit: r.lead_unit,
    coLeadUnit: r.co_lead_unit,
    supportingUnits: r.supporting_units,
    responsiblePerson: r.responsible_person,
    status: r.status,
    confidence: r.confidence,
    progress: r.rolled_progress,
    rolledUp: r.has_children,
    reportedProgress: r.progress,
    startDate: isoDay(r.start_date),
    dueDate: due,
    originalDueDate: original,
    slippageDays:
      due !== null && original !== null ? Math.round((Date.parse(due) - Date.parse(original)) / MS_PER_DAY) : null,
    overdue: r.overdue,
    daysOverdue: r.overdue && due !== null ? Math.round((Date.parse(day) - Date.parse(due)) / MS_PER_DAY) : null,
    lastUpdateAt: r.last_update_at?.toISOString() ?? null,
    version: r.version,
    totalInvestment: r.total_investment,
    plannedInvestment: r.planned_investment,
    completedInvestment: r.completed_investment,
    // As the item page shows it: no 完成投资 yet against a plan is 0.0%.
    investmentRate:
      r.planned_investment === null ? null : completionRate(r.completed_investment ?? "0", r.planned_investment),
  };
}

/** The scope's figures, read from the dashboard's queries (the one definition of each), in the report's shape. */
async function figuresOf(
  d: Db,
  filters: BrowseFilters,
  m: Moment,
  en: boolean,
  now: Date,
): Promise<{ headline: ReportHeadline; pillars: ReportPillar[]; units: ReportUnit[] }> {
  const [h, pillars, units] = await Promise.all([
    queryHeadline(d, m, filters),
    queryPillarProgress(d, m, filters),
    queryUnitAccountability(d, m, { key: "name", dir: "asc" }, filters, now),
  ]);
  return {
    headline: {
      items: h.items,
      overallProgress: h.overall,
      onTrack: h.green,
      atRisk: h.amber,
      offTrack: h.red,
      completed: h.completed,
      overdue: h.overdue,
      stale: h.stale,
    },
    pillars: pillars.map((p) => ({
      number: p.number,
      title: en ? p.titleEn : p.title,
      progress: p.progress,
      items: p.actions,
      completed: p.completed,
      overdue: p.overdue,
    })),
    units: units
      .map((u) => ({
        unit: u.name,
        side: u.side,
        items: u.items,
        averageProgress: u.progress,
        overdue: u.overdue,
        stale: u.stale,
        daysSinceLastUpdate: u.daysSinceUpdate,
      }))
      .sort((a, b) => a.unit.localeCompare(b.unit, "zh-CN")),
  };
}

async function recentUpdatesOf(db: RawDb, ids: number[], before: Date, locale: Locale): Promise<ReportUpdate[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<
    {
      code: string;
      title: string;
      title_en: string | null;
      unit: string | null;
      author: string | null;
      at: Date;
      status: ItemStatus;
      progress: number;
      confidence: Confidence;
      note: string;
    }[]
  >(Prisma.sql`
    SELECT i.code, i.title, i.title_en, u.name AS unit, a.display_name AS author, pu.created_at AS at,
           pu.status::text AS status, pu.progress, pu.confidence::text AS confidence, pu.note
    FROM progress_updates pu
    JOIN items i ON i.id = pu.item_id
    LEFT JOIN units u ON u.id = pu.unit_id
    LEFT JOIN users a ON a.id = pu.author_id
    WHERE pu.state = 'APPROVED' AND pu.decided_at < ${before} AND pu.item_id = ANY(${ids}::int[])
    ORDER BY pu.decided_at DESC, pu.id DESC
    LIMIT ${REPORT_RECENT_LIMIT}`);
  return rows.map((r) => ({
    code: r.code,
    title: titleIn({ title: r.title, titleEn: r.title_en }, locale),
    unit: r.unit,
    author: r.author,
    at: r.at.toISOString(),
    status: r.status,
    progress: r.progress,
    confidence: r.confidence,
    note: r.note,
  }));
}

async function changesOf(
  db: RawDb,
  scope: CompareFilter,
  compare: string,
  before: Date,
  locale: Locale,
): Promise<ReportChanges> {
  const { changes } = await comparePortfolio(db, endOfDay(compare), before, scope);
  const out: ReportChanges = {
    since: compare,
    newlyCompleted: [],
    newlyOverdue: [],
    statusDowngrades: [],
    dueDateRevisions: [],
    progressMoves: [],
  };
  for (const c of changes) {
    const t = titleIn(c, locale);
    if (c.kinds.includes("completed")) out.newlyCompleted.push({ code: c.code, title: t, leadUnit: c.leadUnitName });
    if (c.kinds.includes("overdue"))
      out.newlyOverdue.push({ code: c.code, title: t, leadUnit: c.leadUnitName, dueDate: c.to.dueDate });
    if (c.kinds.includes("statusDowngrade") && c.from)
      out.statusDowngrades.push({ code: c.code, title: t, from: c.from.status, to: c.to.status, kind: "status" });
    if (c.kinds.includes("confidenceDowngrade") && c.from?.confidence && c.to.confidence)
      out.statusDowngrades.push({
        code: c.code,
        title: t,
        from: c.from.confidence,
        to: c.to.confidence,
        kind: "confidence",
      });
    for (const r of c.dueDateRevisions)
      out.dueDateRevisions.push({
        code: c.code,
        title: t,
        from: r.from,
        to: r.to,
        reason: r.reason,
        at: r.at.toISOString(),
      });
    if (c.kinds.includes("progress") && c.from)
      out.progressMoves.push({
        code: c.code,
        title: t,
        from: c.from.progress,
        to: c.to.progress,
        delta: c.progressDelta,
      });
  }
  out.progressMoves.sort(
    (a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.code.localeCompare(b.code, "en", { numeric: true }),
  );
  out.progressMoves = out.progressMoves.slice(0, REPORT_PROGRESS_MOVES);
  return out;
}

async function scopeLabel(db: RawDb, request: ReportRequest): Promise<string> {
  const t = translator(request.locale, "reports");
  const scope = request.scope;
  const one = async <T>(sql: Prisma.Sql): Promise<T> => {
    const [row] = await db.$queryRaw<T[]>(sql);
    if (row === undefined) throw new ReportScopeNotFoundError(scope);
    return row;
  };
  switch (scope.kind) {
    case "all":
      return t("scopeLabel.all");
    case "pillar": {
      const p = await one<{ title: string; title_en: string }>(
        Prisma.sql`SELECT title, title_en FROM pillars WHERE number = ${scope.pillarNumber}`,
      );
      return t("scopeLabel.pillar", {
        number: scope.pillarNumber,
        title: request.locale === "en" ? p.title_en : p.title,
      });
    }
    case "unit": {
      const u = await one<{ name: string }>(Prisma.sql`SELECT name FROM units WHERE id = ${scope.unitId}`);
      return t("scopeLabel.unit", { unit: u.name });
    }
    case "side":
      return t("scopeLabel.side", { side: t(`sides.${scope.side}`) });
    case "region": {
      const r = await one<{ name: string }>(Prisma.sql`SELECT name FROM regions WHERE id = ${scope.regionId}`);
      return t("scopeLabel.region", { region: r.name });
    }
    case "filters": {
      const filters = Object.entries(scopeFilters(scope)).map(([k, v]) => `${k}=${v === true ? "1" : String(v)}`);
      return filters.length === 0
        ? t("scopeLabel.filtersNone")
        : t("scopeLabel.filters", { filters: filters.join(", ") });
    }
  }
}

async function hasSampleDataset(db: RawDb): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM datasets WHERE key = 'sample'`;
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * The report for `request`: the scope at the end of `asOf` (China), and the changes since the end of
 * `compare` when given (must be earlier than asOf). `now` is the generation time (tests pass a fixed one).
 * `ratingView`: whose 考评 rows the report holds — lib/data/reports.ts passes the signed-in reader's (an editor's
 * own unit only); every unit's by default, for callers that are not a reader (tests, the system).
 */
export async function buildReport(
  db: Db,
  request: ReportRequest,
  now: Date = clockNow(),
  ratingView: RatingView = ALL_RATINGS,
): Promise<ReportData> {
  // As of a period's close: that instant (the as-of machinery reads "changed before"); otherwise the end of the day.
  const before = request.period ? new Date(request.period.closedAt) : endOfDay(request.asOf);
  const filters = scopeFilters(request.scope);
  // A list filtered by light (红黄灯) counts with the calendar as it is now.
  const moment: Moment = {
    before,
    day: request.asOf,
    ...(filters.light ? { amberLast: await queryAmberUntil(db, request.asOf) } : {}),
  };
  const en = request.locale === "en";
  const label = await scopeLabel(db, request);
  // The 考评 of the report's period (or the latest closed by asOf), as the reader may see it; awaited below.
  const ratings = queryReportRatings(db, request, ratingView);
  ratings.catch(() => undefined);
  // A report of everything compares every active item, which needs no list of ids: start it alongside the
  // item query (each takes seconds at 10,000 items). Other scopes compare exactly the items listed.
  const everything =
    request.scope.kind === "all" && request.compare !== null
      ? changesOf(db, { activeOnly: true }, request.compare, before, request.locale)
      : null;
  everything?.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
  const figures = figuresOf(db, filters, moment, en, now);
  figures.catch(() => undefined); // awaited below
  // 本年 of the investment figures: the as-of day's year.
  const year = Number(request.asOf.slice(0, 4));
  const rows = await scopeItems(db, filters, moment, year);
  const ids = rows.map((r) => r.id);
  const items = rows.map((r) => toReportItem(r, moment.day, request.locale));
  const lagging = rows
    .flatMap((r, i) => (r.level === "ACTION" && r.lagging ? [items[i]!] : []))
    .sort(
      (a, b) =>
        (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1) ||
        a.progress - b.progress ||
        a.code.localeCompare(b.code, "en", { numeric: true }),
    );
  const [recentUpdates, changes, { headline, pillars, units }, investment, indicators] = await Promise.all([
    recentUpdatesOf(db, ids, before, request.locale),
    request.compare === null
      ? Promise.resolve(null)
      : (everything ?? changesOf(db, { itemIds: ids }, request.compare, before, request.locale)),
    figures,
    // A report of everything counts the whole portfolio (exactly the roll-up); a scope counts its own items.
    reportInvestment(db, before, year, request.scope.kind === "all" ? undefined : ids, en),
    reportIndicators(db, before, request.scope.kind === "all" ? undefined : ids, request.locale),
  ]);
  // The pillars the scope has items in (a pillar or unit report does not list the others).
  const listed = new Set(rows.map((r) => r.pillar_number));
  return {
    scopeLabel: label,
    scope: request.scope,
    asOf: request.asOf,
    period: request.period ?? null,
    compare: request.compare,
    locale: request.locale,
    generatedAt: now.toISOString(),
    sampleData: await hasSampleDataset(db),
    headline,
    pillars: pillars.filter((p) => listed.has(p.number)),
    items,
    lagging,
    units,
    investment,
    indicators,
    recentUpdates,
    changes,
    ratings: await ratings,
  };
}

/** Every reporting period, latest first: the closed ones are the report's "as of the close of" choices. */
export async function queryReportPeriods(db: RawDb): Promise<ReportPeriodChoice[]> {
  const rows = await db.$queryRaw<{ id: number; label: string; label_en: string; closed_at: Date | null }[]>`
    SELECT id, label, label_en, closed_at FROM reporting_periods ORDER BY opens_on DESC, id DESC`;
  return rows.map((r) => ({ id: r.id, label: r.label, labelEn: r.label_en, closedAt: r.closed_at }));
}
