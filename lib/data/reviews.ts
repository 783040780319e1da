import "server-only";
// Reads of the reporting cycle's review: the coordinators' queue, and the report a unit is writing on an item.
import { requirePermission, type SessionUser } from "../auth/session";
import { db } from "../db";
import { queryQueueUnits, queryReviewQueue, type ReviewScope } from "../queries/review-queue";
import type { ReviewQueueFilters } from "../validations/reports";

export type { QueueRow } from "../queries/review-queue";

function scopeOf(user: SessionUser): ReviewScope {
  const side = user.role === "COORDINATOR" ? user.coordinatorScope : null;
  return side === "SICHUAN" || side === "CHONGQING" ? side : null;
}

/** Reports awaiting review in the signed-in reviewer's scope, oldest first, and the units to filter by. */
export async function listReviewQueue(filters: ReviewQueueFilters) {
  const user = await requirePermission("report:review");
  const scope = scopeOf(user);
  const [rows, units] = await Promise.all([
    queryReviewQueue(db(), scope, { unit: filters.unit, side: filters.side }),
    queryQueueUnits(db(), scope),
  ]);
  return { user, scope, rows, units };
}

/** Whether reports must be reviewed in this deployment (the cycle's settings; on unless turned off). */
export async function isReviewRequired(): Promise<boolean> {
  const settings = await db().cycleSettings.findUnique({ where: { id: 1 }, select: { reviewRequired: true } });
  return settings?.reviewRequired ?? true;
}

/**
 * The report the user's unit is writing on an item and has not had decided: its latest draft, submitted or
 * returned report (an administrator without a unit: their own), with its return comment and evidence count.
 * The caller has already checked the user may post on the item.
 */
export async function getOpenReport(user: SessionUser, itemId: number) {
  const mine = user.unitId !== null ? { unitId: user.unitId } : { authorId: user.id };
  const report = await db().progressUpdate.findFirst({
    where: { itemId, state: { in: ["DRAFT", "SUBMITTED", "RETURNED"] }, ...mine },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    include: { reviewer: { select: { displayName: true } }, _count: { select: { attachments: true } } },
  });
  if (!report) return null;
  return {
    id: report.id,
    revision: report.revision,
    state: report.state as "DRAFT" | "SUBMITTED" | "RETURNED",
    status: report.status,
    progress: report.progress,
    confidence: report.confidence,
    note: report.note,
    nextSteps: report.nextSteps,
    blockers: report.blockers,
    evidenceLinks: report.evidenceLinks,
    docNumber: report.docNumber,
    closesItem: report.closesItem,
    /** 本月完成投资 as a decimal string ("" for none): a Decimal does not cross to the client */
    monthInvestment: report.monthInvestment?.toFixed(2) ?? "",
    submittedAt: report.submittedAt?.toISOString() ?? null,
    decidedAt: report.decidedAt?.toISOString() ?? null,
    reviewer: report.reviewer?.displayName ?? null,
    reviewComment: report.reviewComment,
    attachments: report._count.attachments,
  };
}

export type OpenReportForm = NonNullable<Awaited<ReturnType<typeof getOpenReport>>>;
