// Closing a reporting period: when its closing day has passed (closeDuePeriods, run by the cycle tick) or early by a
// coordinator (closePeriod with early). The close freezes, in one transaction, everything the period will ever
// say — each obligation's outcome and answering report (with that report's state), every item's approved
// state at the close instant (from item_history), and the 情况通报 as Word and PDF with their sha256 — and
// only then sets closed_at: from that moment a database trigger refuses any change to them.
//
// Laying out the two documents takes seconds, so they are rendered before the write transaction opens, from
// the same figures the transaction then freezes. Under the lock the figures are read again: if a report moved
// in between, the files are rendered again (the last attempt renders under the lock, so a busy period still
// closes). Two closers (two app instances, the cycle tick and a coordinator) serialise on the period lock and the
// period row; the one that finds the period closed already loses cleanly and writes nothing.
//
// Reports drafted or returned and not submitted again by the close stay with their unit; the report lifecycle
// (lib/writes/reports.ts) counts them for the next period when they are submitted, marked late. A submission
// must read its period FOR SHARE (or take PERIOD_LOCK) so that it either lands before the close, which then
// counts it, or after it, in the next period.
import { createHash } from "node:crypto";
import { addDays, endOfDay, isoDay, todayInChina } from "../dates";
import { Prisma, type ReportingPeriod } from "../generated/prisma/client";
import type { Db } from "../prisma-client";
import {
  BULLETIN_FORMATS,
  BULLETIN_MEDIA_TYPES,
  bulletinFileName,
  type BulletinData,
  type BulletinRenderer,
} from "../report/bulletin";
import { itemStatesSql } from "../queries/as-of";
import { liveObligationsSql, queryBulletinData } from "../queries/periods";
import { writeAudit } from "./audit";
import { layOutPeriodContaining, PERIOD_LOCK } from "./periods";
import { emitWebhookEvent } from "./webhook-events";

type Tx = Prisma.TransactionClient;

export type CloseRefusal = "not-found" | "already-closed" | "not-open" | "not-due";
export type CloseResult = { closed: true; periodId: number; closedAt: Date } | { closed: false; reason: CloseRefusal };

export interface CloseOptions {
  /** who closes it early; null for the system (the cycle tick) */
  actorId: number | null;
  /** the close instant (lib/clock now()) */
  now: Date;
  /** close before its closing day has passed (a coordinator's 提前关闭) */
  early?: boolean;
  /** lays out the bulletin (lib/export/bulletin.ts renderBulletin; tests may pass their own) */
  render: BulletinRenderer;
}

/** How often the figures may move under a close before it renders under the lock. */
const RENDER_ATTEMPTS = 3;
/** A close that renders under the lock holds the transaction for as long as the layout takes. */
const LOCKED_RENDER_TIMEOUT_MS = 300_000;

class FiguresMoved extends Error {}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Whether the period's closing day (China) is over at `now`. */
export function isDue(period: Pick<ReportingPeriod, "closesOn">, now: Date): boolean {
  return now.getTime() >= endOfDay(isoDay(period.closesOn)).getTime();
}

function refusal(period: ReportingPeriod | null, now: Date, early: boolean): CloseRefusal | null {
  if (period === null) return "not-found";
  if (period.closedAt !== null) return "already-closed";
  if (period.openedAt === null) return "not-open";
  if (!early && !isDue(period, now)) return "not-due";
  return null;
}

async function freeze(
  tx: Tx,
  period: ReportingPeriod,
  closedAt: Date,
  actorId: number | null,
  files: { docx: Buffer; pdf: Buffer },
): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    UPDATE period_obligations o
       SET outcome = l.outcome::obligation_outcome, report_id = l.report_id, report_state = l.report_state::report_state
      FROM ${liveObligationsSql(Prisma.sql`p.id = ${period.id}`)} l
     WHERE o.id = l.obligation_id`);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO period_item_states (period_id, item_id, history_version, status, progress, confidence, snapshot)
    SELECT ${period.id}, s.id, s.version, s.status::item_status, s.progress, s.confidence::confidence, to_jsonb(s)
      FROM ${itemStatesSql(closedAt)} s`);
  for (const format of BULLETIN_FORMATS) {
    const content = files[format];
    await tx.periodFile.create({
      data: {
        periodId: period.id,
        format,
        fileName: bulletinFileName(period.label, format),
        mediaType: BULLETIN_MEDIA_TYPES[format],
        sha256: sha256(content),
        content: new Uint8Array(content),
        createdAt: closedAt,
      },
    });
  }
  if (actorId !== null)
    await writeAudit(tx, {
      actorId,
      action: "period.close",
      targetType: "period",
      targetId: period.id,
      details: { label: period.label },
    });
  await tx.reportingPeriod.update({ where: { id: period.id }, data: { closedAt, closedById: actorId } });
  await emitWebhookEvent(
    tx,
    "period.closed",
    {
      periodId: period.id,
      label: period.label,
      opensOn: isoDay(period.opensOn),
      closesOn: isoDay(period.closesOn),
      closedAt: closedAt.toISOString(),
      closedById: actorId,
      early: todayInChina(closedAt) <= isoDay(period.closesOn),
    },
    closedAt,
  );
  // Closed before its last day: reports made in the rest of it count for the next period (late), so that
  // period is laid out now (it still opens, and fixes its obligations, on its own day).
  const lastDay = isoDay(period.closesOn);
  if (todayInChina(closedAt) <= lastDay) await layOutPeriodContaining(tx, addDays(lastDay, 1));
}

/**
 * Closes period `periodId` at `now`: refuses one that does not exist, is closed already, has not opened, or
 * (unless `early`) whose closing day is not over. Exactly one of several racing closes succeeds.
 */
export async function closePeriod(client: Db, periodId: number, options: CloseOptions): Promise<CloseResult> {
  const { actorId, now: closedAt, early = false, render } = options;
  const period = await client.reportingPeriod.findUnique({ where: { id: periodId } });
  const refused = refusal(period, closedAt, early);
  if (refused !== null || period === null) return { closed: false, reason: refused ?? "not-found" };

  for (let attempt = 1; attempt <= RENDER_ATTEMPTS; attempt += 1) {
    const underLock = attempt === RENDER_ATTEMPTS;
    let rendered: { data: BulletinData; files: { docx: Buffer; pdf: Buffer } } | null = null;
    if (!underLock) {
      const data = await queryBulletinData(client, period, closedAt);
      rendered = { data, files: await render(data) };
    }
    try {
      return await client.$transaction(
        async (tx): Promise<CloseResult> => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PERIOD_LOCK})`;
          const [row] = await tx.$queryRaw<{ closed_at: Date | null }[]>`
            SELECT closed_at FROM reporting_periods WHERE id = ${periodId} FOR UPDATE`;
          if (!row) return { closed: false, reason: "not-found" };
          if (row.closed_at !== null) return { closed: false, reason: "already-closed" };
          const data = await queryBulletinData(tx, period, closedAt);
          let files: { docx: Buffer; pdf: Buffer };
          if (rendered === null) files = await render(data);
          else if (JSON.stringify(data) !== JSON.stringify(rendered.data)) throw new FiguresMoved();
          else files = rendered.files;
          await freeze(tx, period, closedAt, actorId, files);
          return { closed: true, periodId, closedAt };
        },
        underLock ? { timeout: LOCKED_RENDER_TIMEOUT_MS } : undefined,
      );
    } catch (error) {
      if (error instanceof FiguresMoved) continue;
      throw error;
    }
  }
  throw new Error("closePeriod: unreachable");
}

/**
 * Closes every open period whose closing day (China) is over at `now`, oldest first, as the system. Returns
 * the ids it closed (a period another instance closed meanwhile is not among them).
 */
export async function closeDuePeriods(client: Db, now: Date, render: BulletinRenderer): Promise<number[]> {
  const today = new Date(`${todayInChina(now)}T00:00:00Z`);
  const due = await client.reportingPeriod.findMany({
    where: { closedAt: null, openedAt: { not: null }, closesOn: { lt: today } },
    orderBy: { opensOn: "asc" },
    select: { id: true },
  });
  const closed: number[] = [];
  for (const { id } of due) {
    const result = await closePeriod(client, id, { actorId: null, now, render });
    if (result.closed) closed.push(id);
  }
  return closed;
}
