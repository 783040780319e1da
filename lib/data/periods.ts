import "server-only";
// Reads of the reporting periods: each checks period:read, then runs lib/queries/periods.ts. Each first opens
// whatever periods are due (openDuePeriodsIfFree is idempotent and cheap when nothing is due), so a page does not
// show a stale "current period" when the cycle tick has not run yet; while the tick itself holds the periods'
// lock, the page shows what is committed rather than wait for it.
import { notFound } from "next/navigation";
import { requirePermission, type SessionUser } from "../auth/session";
import { currentDataVersion, readThrough } from "../cache/data-version";
import { now } from "../clock";
import { db } from "../db";
import { can } from "../permissions";
import * as q from "../queries/periods";
import type { BulletinFormat } from "../report/bulletin";
import type { CompareIssue, PeriodPageParams } from "../validations/periods";
import { currentPeriod, nothingDue, openDuePeriodsIfFree } from "../writes/periods";
import { daysBetween, todayInChina } from "../dates";

export type * from "../queries/periods";
export { DECISIONS_LIMIT } from "../queries/periods";

/**
 * The (China day, data version) this process last opened due periods for. openDuePeriods takes a lock in a
 * transaction, which serialised every dashboard under load; what it finds due can only change with the day or
 * with a write (creating, moving or opening a period moves the data version), so one run per pair is enough.
 */
const openedFor: { key: string | null } = { key: null };

async function openDue(): Promise<Date> {
  const at = now();
  const key = `${todayInChina(at)}|${(await currentDataVersion()).version}`;
  if (openedFor.key !== key) {
    // The read first: under writers the version moves every few seconds, and each new one would otherwise take
    // the periods' lock in a transaction of six statements on the way to every dashboard.
    // A reader never waits for the lock (the tick may hold it for seconds while it closes or opens a period):
    // while it is busy, the page shows what is committed and the next read tries again.
    const done = (await nothingDue(db(), at)) || (await openDuePeriodsIfFree(db(), at)) !== null;
    if (done) openedFor.key = key;
  }
  return at;
}

/** Every period, latest first, with its fulfilment; and whether the reader may compare/manage. */
export async function listPeriods() {
  const user = await requirePermission("period:read");
  const at = await openDue();
  const [periods, closed] = await Promise.all([q.queryPeriodList(db(), at), q.queryClosedPeriods(db())]);
  return { periods, canCompare: closed.length >= 2, canManage: can(user, "period:manage") };
}

/** A period's page: its fulfilment, the obligations behind the chosen figure, its decisions and files. */
export async function getPeriodPage(periodId: number, params: PeriodPageParams) {
  const user = await requirePermission("period:read");
  const at = await openDue();
  const d = db();
  // All at once: the lists of a period that does not exist are empty, and its page answers 404 below.
  const [found, obligations, decisions, files, unit] = await Promise.all([
    q.queryPeriodFulfilment(d, periodId, at),
    params.show === undefined
      ? Promise.resolve(null)
      : q.queryObligations(d, periodId, { figure: params.show, side: params.side, unitId: params.unit }),
    q.queryReviewDecisions(d, periodId),
    q.queryPeriodFiles(d, periodId),
    params.unit === undefined
      ? Promise.resolve(null)
      : d.unit.findUnique({ where: { id: params.unit }, select: { name: true } }),
  ]);
  if (!found) notFound();
  const { period, fulfilment } = found;
  return {
    period,
    fulfilment,
    obligations,
    filterUnitName: unit?.name ?? null,
    decisions,
    files,
    // exactly what closePeriod accepts early: opened and not closed
    canClose: can(user, "period:manage") && period.closedAt === null && period.openedAt !== null,
  };
}

/** How many units the dashboard's current-period widget lists (the most behind first). */
export const CURRENT_PERIOD_UNITS = 8;

export interface CurrentPeriodWidget {
  period: q.PeriodSummary;
  /** calendar days (China) from today to the deadline day: 0 on the day, negative once it has passed */
  daysToDeadline: number;
  fulfilment: q.PeriodFulfilment;
  /** the units with something outstanding, the most behind first (missing, then returned, then not approved) */
  lagging: q.PeriodFulfilment["units"];
}

/**
 * The dashboard's current-period widget: the period open today (China) with its fulfilment — the very figures of
 * its period page (queryFulfilment), so each number links to the same list there — or null when none is open
 * (custom periods with none current, or before the first period opens).
 */
export async function getCurrentPeriodWidget(): Promise<CurrentPeriodWidget | null> {
  await requirePermission("period:read");
  const at = await openDue();
  // The same for every reader at one data version and China day (the phase is judged by the day).
  const found = await readThrough(`period:current:${todayInChina(at)}`, [null], async () => {
    const d = db();
    const current = await currentPeriod(d, at);
    if (!current) return null;
    return q.queryPeriodFulfilment(d, current.id, at);
  });
  if (!found) return null;
  const { period, fulfilment } = found;
  const outstanding = (u: q.PeriodFulfilment["units"][number]) => u.required - u.approved;
  const lagging = fulfilment.units
    .filter((u) => outstanding(u) > 0)
    .sort(
      (a, b) =>
        b.missing - a.missing ||
        b.returned - a.returned ||
        outstanding(b) - outstanding(a) ||
        a.side.localeCompare(b.side) ||
        a.unit.localeCompare(b.unit, "zh-CN"),
    );
  return { period, daysToDeadline: daysBetween(todayInChina(at), period.deadline), fulfilment, lagging };
}

/** A frozen file for the route handler, which has authorised `user` (lib/auth/authorize-route.ts). */
export async function getPeriodFile(user: SessionUser, periodId: number, format: BulletinFormat) {
  if (!can(user, "period:read")) throw new Error("getPeriodFile: the user may not read periods");
  return q.queryPeriodFile(db(), periodId, format);
}

export type PeriodComparisonPage =
  | { kind: "form"; closed: q.ClosedPeriodRef[]; issues: CompareIssue[] }
  | {
      kind: "comparison";
      closed: q.ClosedPeriodRef[];
      from: q.ClosedPeriodRef;
      to: q.ClosedPeriodRef;
      comparison: Awaited<ReturnType<typeof q.queryPeriodComparison>>;
    };

/** Two closed periods compared on their frozen states (earlier first, whichever order they were given in). */
export async function getPeriodComparison(
  fromId: number | null,
  toId: number | null,
  issues: CompareIssue[] = [],
): Promise<PeriodComparisonPage> {
  await requirePermission("period:read");
  const closed = await q.queryClosedPeriods(db());
  if (issues.length > 0 || fromId === null || toId === null) return { kind: "form", closed, issues };
  const found: CompareIssue[] = [];
  const pick = async (param: "from" | "to", id: number) => {
    const ref = closed.find((p) => p.id === id);
    if (ref) return ref;
    const exists = await db().reportingPeriod.findUnique({ where: { id }, select: { id: true } });
    found.push({ param, message: exists ? "periods.compare.notClosed" : "periods.compare.unknown" });
    return null;
  };
  const a = await pick("from", fromId);
  const b = await pick("to", toId);
  if (!a || !b) return { kind: "form", closed, issues: found };
  const [from, to] = a.closedAt.getTime() <= b.closedAt.getTime() ? [a, b] : [b, a];
  return { kind: "comparison", closed, from, to, comparison: await q.queryPeriodComparison(db(), from, to) };
}

/** The cycle settings page: the settings and every period (administrators). */
export async function getCycleSettings() {
  await requirePermission("cycle:configure");
  const at = await openDue();
  const [settings, periods] = await Promise.all([
    db().cycleSettings.findUniqueOrThrow({ where: { id: 1 } }),
    q.queryPeriodList(db(), at),
  ]);
  return { settings, periods };
}
