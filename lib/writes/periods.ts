// Reporting periods open on their own: whoever first needs the current period (a page, a submission, the
// cycle tick) calls `openDuePeriods`, which lays out the period containing today (unless periods are CUSTOM) and
// opens every period whose day has come by fixing its obligations. Idempotent and safe to race: one
// transaction-scoped advisory lock serialises the openers, and each step re-reads what the last one wrote.
import type { PeriodKind, Prisma, ReportingPeriod } from "../generated/prisma/client";
import { endOfDay, isoDay, todayInChina } from "../dates";
import { periodContaining } from "../periods-calendar";

type Tx = Prisma.TransactionClient;
type Client = { $transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }): Promise<T> };

/** pg_advisory_xact_lock key of period opening and closing ("cycl"). */
export const PERIOD_LOCK = 0x6379636c;

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Fixes a period's obligations: one report from the lead unit of every active action item, and one from the
 * co-lead unit of a joint item. An item already closed (已完成 after its 销号, or 已取消) is no longer active and
 * owes nothing. Items created, retired or closed later do not change them.
 */
async function fixObligations(tx: Tx, periodId: number): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO period_obligations (period_id, item_id, unit_id, side)
    SELECT ${periodId}, i.id, u.id, u.side
      FROM items i
      JOIN units u ON u.id IN (i.lead_unit_id, i.co_lead_unit_id)
     WHERE i.level = 'ACTION' AND i.retired_at IS NULL AND i.status NOT IN ('COMPLETED', 'CANCELLED')
    ON CONFLICT (period_id, item_id, unit_id) DO NOTHING`;
}

/** Creates the period containing `day` if periods are laid out automatically and none covers it. */
export async function layOutPeriodContaining(tx: Tx, day: string): Promise<void> {
  const settings = await tx.cycleSettings.findUniqueOrThrow({ where: { id: 1 } });
  if (settings.periodKind === "CUSTOM") return;
  const covering = await tx.reportingPeriod.findFirst({
    where: { opensOn: { lte: asDate(day) }, closesOn: { gte: asDate(day) } },
    select: { id: true },
  });
  if (covering) return;
  const p = periodContaining(day, settings.periodKind, settings.deadlineDay);
  // A custom period may overlap the computed one's start: then the computed one starts after it.
  const overlapping = await tx.reportingPeriod.findFirst({
    where: { closesOn: { gte: asDate(p.opensOn) }, opensOn: { lte: asDate(p.closesOn) } },
    select: { id: true },
  });
  if (overlapping) return;
  await tx.reportingPeriod.create({
    data: {
      kind: settings.periodKind,
      label: p.label,
      labelEn: p.labelEn,
      opensOn: asDate(p.opensOn),
      deadline: asDate(p.deadline),
      closesOn: asDate(p.closesOn),
    },
  });
}

/**
 * Whether openDuePeriods(client, now) would change nothing: a period already covers today (so none is laid out)
 * and none whose day has come is still unopened. One read, no transaction and no lock, for readers that call it
 * on every page: the periods change only when a period is written, but the key readers keep (the data version)
 * moves with every progress update.
 */
export async function nothingDue(client: Tx, now: Date): Promise<boolean> {
  const today = asDate(todayInChina(now));
  const [row] = await client.$queryRaw<{ covered: boolean; due: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM reporting_periods WHERE opens_on <= ${today} AND closes_on >= ${today}) AS covered,
           EXISTS (SELECT 1 FROM reporting_periods
                    WHERE opened_at IS NULL AND closed_at IS NULL AND opens_on <= ${today}) AS due`;
  return row!.covered && !row!.due;
}

/** Lays out the period containing `today` and opens every period whose day has come; the lock is held. */
async function openUnderLock(tx: Tx, now: Date): Promise<number[]> {
  const today = todayInChina(now);
  await layOutPeriodContaining(tx, today);
  const due = await tx.reportingPeriod.findMany({
    where: { openedAt: null, closedAt: null, opensOn: { lte: asDate(today) } },
    orderBy: { opensOn: "asc" },
    select: { id: true },
  });
  for (const p of due) {
    await fixObligations(tx, p.id);
    await tx.reportingPeriod.update({ where: { id: p.id }, data: { openedAt: now } });
  }
  return due.map((p) => p.id);
}

/** Lays out the current period and opens every period whose day has come. Returns the ids it opened. */
export async function openDuePeriods(client: Client, now: Date): Promise<number[]> {
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PERIOD_LOCK})`;
    return openUnderLock(tx, now);
  });
}

/**
 * openDuePeriods for a reader, which must not wait: when another transaction holds the periods' lock (the cycle
 * tick opening a period or closing one, which at 10,000 items takes tens of seconds), returns null at once and
 * the page shows what is committed; the holder opens what is due, or the reader's next call does.
 */
export async function openDuePeriodsIfFree(client: Client, now: Date): Promise<number[] | null> {
  return client.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${PERIOD_LOCK}) AS locked`;
    return row!.locked ? openUnderLock(tx, now) : null;
  });
}

/** The open period that covers today, if any. */
export async function currentPeriod(tx: Tx, now: Date): Promise<ReportingPeriod | null> {
  const today = asDate(todayInChina(now));
  return tx.reportingPeriod.findFirst({
    where: { openedAt: { not: null }, closedAt: null, opensOn: { lte: today }, closesOn: { gte: today } },
    orderBy: { opensOn: "desc" },
  });
}

/**
 * The period a report made now counts for: the open period covering today; or, once a coordinator has closed
 * that period early, the next one (laid out by the close, opened on its own day), and then the report is late
 * for the closed period's obligation, so `afterClose` says so. None when no period covers today (a gap between
 * custom periods): such a report belongs to no period.
 */
export async function reportingPeriod(
  tx: Tx,
  now: Date,
): Promise<{ period: ReportingPeriod; afterClose: boolean } | null> {
  const open = await currentPeriod(tx, now);
  if (open) return { period: open, afterClose: false };
  const today = asDate(todayInChina(now));
  const closed = await tx.reportingPeriod.findFirst({
    where: { closedAt: { not: null }, opensOn: { lte: today }, closesOn: { gte: today } },
    select: { closesOn: true },
  });
  if (!closed) return null;
  const next = await tx.reportingPeriod.findFirst({
    where: { closedAt: null, opensOn: { gt: closed.closesOn } },
    orderBy: { opensOn: "asc" },
  });
  return next ? { period: next, afterClose: true } : null;
}

/** Whether a report submitted at `at` is late for `period` (after the end of its deadline day in China). */
export function isLate(period: Pick<ReportingPeriod, "deadline">, at: Date): boolean {
  return at.getTime() >= endOfDay(isoDay(period.deadline)).getTime();
}

export type { PeriodKind };
