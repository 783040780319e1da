// Applying an approved report (进展) to its item: the item's status, progress, confidence and lastUpdateAt
// follow its latest APPROVED report, and item_history records the change in the same transaction. This is
// the one path by which a report changes an item: a coordinator's approval, the system's approval when review
// is off (both in lib/writes/reports.ts), and the sample data's back-dated updates (recordProgressUpdate).
import type { Confidence, ItemStatus, Prisma } from "../generated/prisma/client";
import { now } from "../clock";
import { impliedProgress } from "../status";
import { amountText } from "../money";
import { changeItem, type ChangeContext, type ChangeResult } from "./item-change";
import { addCompleted, reportYear } from "./investment";

type Tx = Prisma.TransactionClient;

/** What of a report reaches its item when it is approved. */
export interface ApprovedReport {
  itemId: number;
  status: ItemStatus;
  progress: number;
  confidence: Confidence;
  /** the report asks to close the item (销号): its approval is recorded as CLOSE_OUT */
  closesItem?: boolean;
  /** 本月完成投资 (万元): added to the item's 完成投资 of the report's year (its period's) */
  monthInvestment?: Prisma.Decimal | string | null;
  periodId?: number | null;
}

/**
 * Applies an approved report to its item. `expectedVersion` (the item version the reporter saw) makes a stale
 * form a conflict; a reviewer's approval passes none, since the report, not the item, is what they decided.
 */
export async function applyApprovedReport(
  tx: Tx,
  report: ApprovedReport,
  ctx: ChangeContext & { expectedVersion?: number },
): Promise<ChangeResult> {
  const at = ctx.at ?? now();
  const progress = impliedProgress(report.status, report.progress) ?? report.progress;
  const invested = report.monthInvestment == null ? null : amountText(report.monthInvestment);
  // Only an approval reaches here, and a report is approved once: its amount is added exactly once.
  const mutate =
    invested !== null && invested !== "0.00"
      ? addCompleted(report.itemId, await reportYear(tx, { periodId: report.periodId ?? null }, at), invested)
      : undefined;
  return changeItem(
    tx,
    report.itemId,
    {
      action: report.closesItem && report.status === "COMPLETED" ? "CLOSE_OUT" : "PROGRESS_UPDATE",
      expectedVersion: ctx.expectedVersion,
      // lastUpdateAt makes every report a recorded change, even one that repeats the last status.
      fields: { status: report.status, progress, confidence: report.confidence, lastUpdateAt: at },
      ...(mutate ? { mutate } : {}),
    },
    { ...ctx, at },
  );
}

export interface ProgressUpdateInput {
  itemId: number;
  authorId: number | null;
  unitId: number | null;
  status: ItemStatus;
  progress: number;
  confidence: Confidence;
  note: string;
  nextSteps?: string | null;
  blockers?: string | null;
  evidenceLinks?: string[];
  expectedVersion?: number;
  /** 本月完成投资 (万元, decimal string) */
  monthInvestment?: string | null;
}

/**
 * Records an update that is approved as it is written, outside any period and review (the sample data's
 * back-dated year, and tests of the item's history): the report row, already APPROVED, and its application.
 */
export async function recordProgressUpdate(
  tx: Tx,
  input: ProgressUpdateInput,
  ctx: ChangeContext,
): Promise<ChangeResult & { updateId: number }> {
  const at = ctx.at ?? now();
  const progress = impliedProgress(input.status, input.progress) ?? input.progress;
  const result = await applyApprovedReport(
    tx,
    {
      itemId: input.itemId,
      status: input.status,
      progress,
      confidence: input.confidence,
      monthInvestment: input.monthInvestment ?? null,
    },
    { ...ctx, at, expectedVersion: input.expectedVersion },
  );
  const update = await tx.progressUpdate.create({
    data: {
      itemId: input.itemId,
      authorId: input.authorId,
      unitId: input.unitId,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      decidedAt: at,
      state: "APPROVED",
      status: input.status,
      progress,
      confidence: input.confidence,
      note: input.note,
      nextSteps: input.nextSteps ?? null,
      blockers: input.blockers ?? null,
      evidenceLinks: input.evidenceLinks ?? [],
      monthInvestment: input.monthInvestment ?? null,
      isSample: ctx.isSample ?? false,
    },
  });
  return { ...result, updateId: update.id };
}
