// The one report lifecycle (填报 → 审核). A report (a progress_updates row) goes DRAFT → SUBMITTED → APPROVED,
// or SUBMITTED → RETURNED → (revised) → SUBMITTED again; its unit may edit or withdraw it until it is reviewed.
// Only an approval changes the item (through applyApprovedReport), so the item, the dashboard and every "as of"
// view show approved state only. With review off (CycleSettings.reviewRequired = false) a submission is approved
// at once by the same `approve`, decided by the system.
//
// Every step runs in the caller's transaction and: takes the period lock shared (a period close, which takes it
// exclusively, never sees a step half-way), locks the item and then the report row (one order everywhere, so
// steps on the same report queue instead of deadlocking), checks the report's state and the revision the form
// was loaded at — two coordinators deciding the same report, or a withdrawal racing an approval: exactly one
// wins, the other is told what happened — bumps the revision and appends a report_events row.
import type {
  Confidence,
  ItemStatus,
  Prisma,
  ProgressUpdate,
  ReportAction,
  ReportState,
  Side,
} from "../generated/prisma/client";
import { now } from "../clock";
import { failure, type ActionFailure } from "../forms/result";
import { can, type Actor, type UnitScope } from "../permissions";
import { amountText } from "../money";
import { impliedProgress } from "../status";
import { Refusal } from "./failure";
import { VersionConflictError } from "./item-change";
import { loadItemForWriting, lockItem, type LockedItem } from "./item-scope";
import { isLate, openDuePeriods, PERIOD_LOCK, reportingPeriod } from "./periods";
import { applyApprovedReport } from "./progress-update";
import { emitWebhookEvent } from "./webhook-events";

type Tx = Prisma.TransactionClient;

/** What a unit writes in a report. */
export interface ReportContent {
  status: ItemStatus;
  progress: number;
  confidence: Confidence;
  note: string;
  nextSteps: string | null;
  blockers: string | null;
  evidenceLinks: string[];
  /** 文号 of the official document the report rests on */
  docNumber: string | null;
  /** 申请销号: only meaningful with status COMPLETED */
  closesItem: boolean;
  /** 本月完成投资 (万元, decimal string): counts toward 完成投资 once the report is approved */
  monthInvestment: string | null;
}

/** A report's content from a parsed report form (or anything else carrying its fields). */
export function reportContent(input: {
  status: ReportContent["status"];
  progress: number;
  confidence: ReportContent["confidence"];
  note: string;
  nextSteps: string | null;
  blockers: string | null;
  evidenceLinks: string[];
  docNumber?: string | null;
  closesItem?: boolean;
  monthInvestment?: string | null;
}): ReportContent {
  return {
    status: input.status,
    progress: input.progress,
    confidence: input.confidence,
    note: input.note,
    nextSteps: input.nextSteps,
    blockers: input.blockers,
    evidenceLinks: input.evidenceLinks,
    docNumber: input.docNumber ?? null,
    closesItem: input.closesItem ?? false,
    monthInvestment: input.monthInvestment ?? null,
  };
}

/** Who decides a report: a person (a coordinator or an administrator), or the system when review is off. */
export type Decider = Actor | "system";

/** What happened to a report since the form was loaded: its state now, and its last step (who, when, why). */
export interface ReportHappened {
  reportId: number;
  state: ReportState;
  action: ReportAction | null;
  by: string | null;
  at: string | null;
  comment: string | null;
}

/** What a 销号 still lacks: the 申请销号 mark, or evidence. */
export type CloseOutMissing = "closesItem" | "evidence";

/** A refusal of a report step, with what the report forms show beside the message. */
export type ReportFailure = ActionFailure & { happened?: ReportHappened; missing?: CloseOutMissing[] };

/** What a report action tells its form about a step: the report and the item as they now stand. */
export type StepSummary = Pick<StepResult, "reportId" | "code" | "revision" | "state" | "version">;

export function stepSummary(step: StepResult): StepSummary {
  return {
    reportId: step.reportId,
    code: step.code,
    revision: step.revision,
    state: step.state,
    version: step.version,
  };
}

export interface StepResult {
  reportId: number;
  itemId: number;
  code: string;
  revision: number;
  state: ReportState;
  /** the item's version after the step (moves only when a report is approved) */
  version: number;
}

/** States in which the unit may still change or withdraw its report. */
const OPEN: readonly ReportState[] = ["DRAFT", "SUBMITTED", "RETURNED"];
/** States in which the unit may save its report as a draft (a submitted report is resubmitted or withdrawn). */
const SAVABLE: readonly ReportState[] = ["DRAFT", "RETURNED"];

/** The sides of an item's lead and co-lead units as coordinators review them: a unit of both sides is each. */
export function reviewSides(unitSides: readonly Side[]): Side[] {
  const sides = new Set<Side>();
  for (const side of unitSides) {
    if (side === "JOINT") {
      sides.add("SICHUAN");
      sides.add("CHONGQING");
    } else sides.add(side);
  }
  return [...sides];
}

/** The sides a coordinator reviews an item for: those of its lead and co-lead units (reviewSides). */
export async function leadSidesOf(tx: Tx, scope: UnitScope): Promise<Side[]> {
  const ids = [scope.leadUnitId, scope.coLeadUnitId].filter((id): id is number => id !== null);
  if (ids.length === 0) return [];
  const units = await tx.unit.findMany({ where: { id: { in: ids } }, select: { side: true } });
  return reviewSides(units.map((u) => u.side));
}

async function happenedTo(tx: Tx, report: Pick<ProgressUpdate, "id" | "state">): Promise<ReportHappened> {
  const last = await tx.reportEvent.findFirst({
    where: { reportId: report.id },
    orderBy: { id: "desc" },
    select: { action: true, at: true, comment: true, actor: { select: { displayName: true } } },
  });
  return {
    reportId: report.id,
    state: report.state,
    action: last?.action ?? null,
    by: last ? (last.actor?.displayName ?? null) : null,
    at: last?.at.toISOString() ?? null,
    comment: last?.comment ?? null,
  };
}

const HAPPENED_MESSAGE: Record<ReportState, string> = {
  APPROVED: "cycle.errors.alreadyApproved",
  RETURNED: "cycle.errors.alreadyReturned",
  WITHDRAWN: "cycle.errors.alreadyWithdrawn",
  SUBMITTED: "cycle.errors.changedMeanwhile",
  DRAFT: "cycle.errors.changedMeanwhile",
};

/**
 * The refusal of a step the report no longer allows, saying what happened to it: changed by someone since the
 * form was loaded (its revision moved), or in a state this step does not apply to.
 */
async function refuseStale(tx: Tx, report: ProgressUpdate, revisionMoved: boolean): Promise<never> {
  const happened = await happenedTo(tx, report);
  const message = revisionMoved ? HAPPENED_MESSAGE[report.state] : `cycle.errors.state.${report.state}`;
  throw new Refusal<ReportFailure>({ ...failure("conflict", message), happened });
}

/** Locks the report's item, then the report; both as they are now, or a "not found" refusal. */
async function lockReport(
  tx: Tx,
  reportId: number,
  itemId?: number,
): Promise<{ item: LockedItem; report: ProgressUpdate }> {
  const found = await tx.progressUpdate.findUnique({ where: { id: reportId }, select: { itemId: true } });
  // A report id that names another item's report is as unknown as one that names none.
  if (!found || (itemId !== undefined && found.itemId !== itemId)) throw new Refusal(failure("not-found"));
  const item = await lockItem(tx, found.itemId);
  if (!item) throw new Refusal(failure("not-found"));
  await tx.$queryRaw`SELECT id FROM progress_updates WHERE id = ${reportId} FOR UPDATE`;
  const report = await tx.progressUpdate.findUniqueOrThrow({ where: { id: reportId } });
  return { item, report };
}

/** The report's own unit (or an administrator) may change it; another unit of the item may not. */
function mayChange(actor: Actor, item: LockedItem, report: Pick<ProgressUpdate, "unitId" | "authorId">): boolean {
  if (!can(actor, "item:post-update", item.scope)) return false;
  if (actor.role === "ADMIN") return true;
  return actor.unitId !== null && report.unitId === actor.unitId;
}

async function expectRevision(
  tx: Tx,
  report: ProgressUpdate,
  expectedRevision: number,
  allowed: readonly ReportState[],
): Promise<void> {
  const revisionMoved = report.revision !== expectedRevision;
  if (revisionMoved || !allowed.includes(report.state)) await refuseStale(tx, report, revisionMoved);
}

async function event(
  tx: Tx,
  report: Pick<ProgressUpdate, "id" | "itemId" | "periodId" | "state" | "revision" | "isSample">,
  action: ReportAction,
  actorId: number | null,
  at: Date,
  comment: string | null = null,
): Promise<void> {
  await tx.reportEvent.create({
    data: {
      reportId: report.id,
      itemId: report.itemId,
      periodId: report.periodId,
      actorId,
      at,
      action,
      comment,
      // The review trail of a sample report (示例数据) is sample data too.
      isSample: report.isSample,
    },
  });
  const announced = WEBHOOK_EVENT_OF[action];
  if (announced)
    await emitWebhookEvent(
      tx,
      announced,
      {
        reportId: report.id,
        itemId: report.itemId,
        periodId: report.periodId,
        state: report.state,
        revision: report.revision,
        closesItem: action === "CLOSE_OUT",
        actorId,
        comment,
      },
      at,
    );
}

/** The report steps webhooks hear of (a 销号 is an approval that closes the item: closesItem says so). */
const WEBHOOK_EVENT_OF: Partial<Record<ReportAction, "report.submitted" | "report.approved" | "report.returned">> = {
  SUBMIT: "report.submitted",
  APPROVE: "report.approved",
  CLOSE_OUT: "report.approved",
  RETURN: "report.returned",
};

function contentData(content: ReportContent) {
  const progress = impliedProgress(content.status, content.progress) ?? content.progress;
  return {
    status: content.status,
    progress,
    confidence: content.confidence,
    note: content.note,
    nextSteps: content.nextSteps,
    blockers: content.blockers,
    evidenceLinks: content.evidenceLinks,
    docNumber: content.docNumber,
    // 销号 is asked only of a report that marks the item done.
    closesItem: content.closesItem && content.status === "COMPLETED",
    monthInvestment: content.monthInvestment,
  };
}

async function sharedPeriodLock(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${PERIOD_LOCK})`;
}

async function attachmentCount(tx: Tx, reportId: number | null): Promise<number> {
  return reportId === null ? 0 : tx.attachment.count({ where: { reportId } });
}

/** What a report marking the item 已完成 lacks before it may be submitted or approved (empty: nothing). */
async function closeOutMissing(
  tx: Tx,
  reportId: number | null,
  content: Pick<ReportContent, "status" | "closesItem">,
): Promise<CloseOutMissing[]> {
  if (content.status !== "COMPLETED") return [];
  const missing: CloseOutMissing[] = [];
  if (!content.closesItem) missing.push("closesItem");
  if ((await attachmentCount(tx, reportId)) === 0) missing.push("evidence");
  return missing;
}

/** The refusal of an incomplete 销号, naming what is missing (in the message and next to the fields). */
function refuseCloseOut(missing: CloseOutMissing[]): never {
  const fieldErrors: Record<string, string[]> = {};
  if (missing.includes("closesItem")) fieldErrors.closesItem = ["cycle.errors.closesItemRequired"];
  if (missing.includes("evidence")) fieldErrors.evidence = ["cycle.errors.evidenceRequired"];
  const which = missing.length === 2 ? "both" : missing[0]!;
  throw new Refusal<ReportFailure>({ ...failure("invalid", `cycle.errors.closeOut.${which}`, fieldErrors), missing });
}

export interface SaveInput {
  itemId: number;
  /** a new report is 示例数据 (the sample dataset writes its reports through these same steps) */
  isSample?: boolean;
  /** the item version the form showed: a stale one is a conflict, as for every item form */
  expectedVersion?: number;
  /** the report to change; none: a new draft */
  reportId?: number | null;
  expectedRevision?: number | null;
  content: ReportContent;
}

function expectVersion(item: LockedItem, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== item.version)
    throw new VersionConflictError(item.id, expectedVersion, item.version);
}

/** Saves a report as a draft (a returned report stays RETURNED until it is submitted again). */
export async function saveDraft(tx: Tx, actor: Actor, input: SaveInput, at: Date): Promise<StepResult> {
  await sharedPeriodLock(tx);
  if (input.reportId) {
    const { item, report } = await lockReport(tx, input.reportId, input.itemId);
    if (!mayChange(actor, item, report)) throw new Refusal(failure("forbidden"));
    if (item.retired) throw new Refusal(failure("invalid", "editing.errors.retired"));
    expectVersion(item, input.expectedVersion);
    await expectRevision(tx, report, input.expectedRevision ?? -1, SAVABLE);
    const saved = await tx.progressUpdate.update({
      where: { id: report.id },
      data: { ...contentData(input.content), revision: report.revision + 1, updatedAt: at },
    });
    await event(tx, saved, "SAVE", actor.id, at);
    return result(item, saved, item.version);
  }
  const item = await loadItemForWriting(tx, actor, "item:post-update", input.itemId);
  expectVersion(item, input.expectedVersion);
  const period = (await reportingPeriod(tx, at))?.period;
  const created = await tx.progressUpdate.create({
    data: {
      ...contentData(input.content),
      itemId: item.id,
      authorId: actor.id,
      unitId: actor.unitId,
      periodId: period?.id ?? null,
      state: "DRAFT",
      revision: 1,
      createdAt: at,
      updatedAt: at,
      isSample: input.isSample ?? false,
    },
  });
  await event(tx, created, "SAVE", actor.id, at);
  return result(item, created, item.version);
}

function result(item: LockedItem, report: ProgressUpdate, version: number): StepResult {
  return {
    reportId: report.id,
    itemId: item.id,
    code: item.code,
    revision: report.revision,
    state: report.state,
    version,
  };
}

/**
 * Whether a report submitted at `at` is late: made after its period closed early (it counts for the next),
 * after its period's deadline, or the catch-up of an obligation that an already closed period recorded as
 * missing (or returned and not resubmitted).
 */
async function lateness(
  tx: Tx,
  target: Awaited<ReturnType<typeof reportingPeriod>>,
  report: { id: number | null; itemId: number; unitId: number | null },
  at: Date,
): Promise<boolean> {
  if (!target) return false;
  const { period, afterClose } = target;
  if (afterClose || isLate(period, at)) return true;
  const unit = report.unitId === null ? {} : { unitId: report.unitId };
  const lastClosed = await tx.periodObligation.findFirst({
    where: { itemId: report.itemId, ...unit, period: { closedAt: { not: null }, opensOn: { lt: period.opensOn } } },
    orderBy: { period: { opensOn: "desc" } },
    select: { outcome: true },
  });
  if (lastClosed?.outcome !== "MISSING" && lastClosed?.outcome !== "RETURNED") return false;
  // Only the first submission that catches up counts as the late one; a later report of the period is on time.
  const earlier = await tx.progressUpdate.count({
    where: {
      itemId: report.itemId,
      ...unit,
      periodId: period.id,
      submittedAt: { not: null },
      ...(report.id === null ? {} : { id: { not: report.id } }),
    },
  });
  return earlier === 0;
}

export interface SubmitInput extends SaveInput {
  /** the item version the form showed: a stale one is a conflict, as for every item form */
  expectedVersion?: number;
}

/**
 * Submits a report (a new one, a draft, a returned one revised, or a submitted one edited before review) to the
 * current period. With review off it is approved at once, by the same `approve`, as the system's decision.
 */
export async function submit(
  tx: Tx,
  actor: Actor,
  input: SubmitInput,
  at: Date,
  { reviewRequired }: { reviewRequired: boolean },
): Promise<StepResult> {
  await sharedPeriodLock(tx);
  let item: LockedItem;
  let existing: ProgressUpdate | null = null;
  if (input.reportId) {
    const locked = await lockReport(tx, input.reportId, input.itemId);
    item = locked.item;
    existing = locked.report;
    if (!mayChange(actor, item, existing)) throw new Refusal(failure("forbidden"));
    if (item.retired) throw new Refusal(failure("invalid", "editing.errors.retired"));
  } else {
    item = await loadItemForWriting(tx, actor, "item:post-update", input.itemId);
  }
  expectVersion(item, input.expectedVersion);
  if (existing) await expectRevision(tx, existing, input.expectedRevision ?? -1, OPEN);

  const content = contentData(input.content);
  if (reviewRequired) {
    const missing = await closeOutMissing(tx, existing?.id ?? null, content);
    if (missing.length > 0) refuseCloseOut(missing);
  }
  const target = await reportingPeriod(tx, at);
  const unitId = existing ? existing.unitId : actor.unitId;
  const late = await lateness(tx, target, { id: existing?.id ?? null, itemId: item.id, unitId }, at);
  const data = {
    ...content,
    state: "SUBMITTED" as const,
    periodId: target?.period.id ?? null,
    late,
    submittedAt: at,
    updatedAt: at,
  };
  const submitted = existing
    ? await tx.progressUpdate.update({ where: { id: existing.id }, data: { ...data, revision: existing.revision + 1 } })
    : await tx.progressUpdate.create({
        data: {
          ...data,
          itemId: item.id,
          authorId: actor.id,
          unitId,
          revision: 1,
          createdAt: at,
          isSample: input.isSample ?? false,
        },
      });
  await event(tx, submitted, "SUBMIT", actor.id, at);
  if (reviewRequired) return result(item, submitted, item.version);
  return approve(tx, "system", { reportId: submitted.id, expectedRevision: submitted.revision, comment: null }, at, {
    submitter: actor.id,
  });
}

export interface DecisionInput {
  reportId: number;
  expectedRevision: number;
  comment: string | null;
}

/** Records a decision on a submitted report: its new state and revision, who decided (null: the system), when, why. */
function decide(
  tx: Tx,
  report: { id: number; revision: number },
  state: "APPROVED" | "RETURNED",
  reviewerId: number | null,
  comment: string | null,
  at: Date,
) {
  return tx.progressUpdate.update({
    where: { id: report.id },
    data: { state, revision: report.revision + 1, decidedAt: at, reviewerId, reviewComment: comment, updatedAt: at },
  });
}

/** Refuses a person who may not review this item's reports (a coordinator of the other side). */
async function checkReviewer(tx: Tx, decider: Decider, item: LockedItem): Promise<void> {
  if (decider === "system") return;
  const scope: UnitScope = { ...item.scope, leadSides: await leadSidesOf(tx, item.scope) };
  if (!can(decider, "report:review", scope)) throw new Refusal(failure("forbidden", "cycle.errors.notYourSide"));
}

/**
 * Approves a submitted report: it is applied to its item (status, progress, confidence; item_history records
 * the change, as CLOSE_OUT when it is a 销号). With review on, marking an item 已完成 needs 申请销号, at least one
 * attachment and this approval by a coordinator (or an administrator). With review off the deployment has
 * chosen to do without review, 销号 included: the system approves every submission as it did before the cycle.
 */
export async function approve(
  tx: Tx,
  decider: Decider,
  input: DecisionInput,
  at: Date,
  { submitter }: { submitter?: number | null } = {},
): Promise<StepResult> {
  await sharedPeriodLock(tx);
  const { item, report } = await lockReport(tx, input.reportId);
  await checkReviewer(tx, decider, item);
  await expectRevision(tx, report, input.expectedRevision, ["SUBMITTED"]);
  // Evidence may have been removed since the submission: checked again when a person decides.
  if (decider !== "system") {
    const missing = await closeOutMissing(tx, report.id, report);
    if (missing.length > 0) refuseCloseOut(missing);
  }
  const reviewerId = decider === "system" ? null : decider.id;
  const applied = await applyApprovedReport(tx, report, {
    // The item now shows what its author reported: the change is theirs (the review trail beside it in the
    // item's history says who approved it); a report with no author is the decider's.
    actorId: report.authorId ?? submitter ?? reviewerId,
    at,
    // A sample report's approval is sample history.
    isSample: report.isSample,
  });
  const approved = await decide(tx, report, "APPROVED", reviewerId, input.comment, at);
  const closes = report.closesItem && report.status === "COMPLETED";
  await event(tx, approved, closes ? "CLOSE_OUT" : "APPROVE", reviewerId, at, input.comment);
  return result(item, approved, applied.version);
}

/** Returns a submitted report to its unit with a comment; the item does not change. */
export async function returnReport(tx: Tx, decider: Actor, input: DecisionInput, at: Date): Promise<StepResult> {
  await sharedPeriodLock(tx);
  const { item, report } = await lockReport(tx, input.reportId);
  await checkReviewer(tx, decider, item);
  await expectRevision(tx, report, input.expectedRevision, ["SUBMITTED"]);
  const returned = await decide(tx, report, "RETURNED", decider.id, input.comment, at);
  await event(tx, returned, "RETURN", decider.id, at, input.comment);
  return result(item, returned, item.version);
}

/** Withdraws a report its unit no longer wants reviewed (a draft, a submitted or a returned one). */
export async function withdraw(
  tx: Tx,
  actor: Actor,
  input: { reportId: number; itemId?: number; expectedRevision: number },
  at: Date,
): Promise<StepResult> {
  await sharedPeriodLock(tx);
  const { item, report } = await lockReport(tx, input.reportId, input.itemId);
  if (!mayChange(actor, item, report)) throw new Refusal(failure("forbidden"));
  await expectRevision(tx, report, input.expectedRevision, OPEN);
  const withdrawn = await tx.progressUpdate.update({
    where: { id: report.id },
    data: { state: "WITHDRAWN", revision: report.revision + 1, updatedAt: at },
  });
  await event(tx, withdrawn, "WITHDRAW", actor.id, at);
  return result(item, withdrawn, item.version);
}

type Client = Parameters<typeof openDuePeriods>[0];

/**
 * openDuePeriods inside the caller's transaction, for a write of many reports that must be all or nothing (an
 * import, a bulk change): a refused write then opens nothing either. It holds the period lock exclusively until
 * that transaction ends (report steps and a period close wait for it), so call it first, before any item lock.
 */
export async function openDuePeriodsWithin(tx: Tx, at: Date): Promise<void> {
  await openDuePeriods({ $transaction: (fn) => fn(tx) } as Client, at);
}

/**
 * Submits a report now, in a transaction of its own: first opens any period whose day has come (the periods
 * open on their own, whoever needs one first), then `submit`s to the current one with the deployment's review
 * setting. The report form's action and postProgressUpdate both come here.
 */
export async function submitNow(
  client: Client,
  actor: Actor,
  input: SubmitInput & { expectedVersion: number },
): Promise<StepResult> {
  const at = now();
  await openDuePeriods(client, at);
  return client.$transaction(async (tx) => submit(tx, actor, input, at, { reviewRequired: await reviewRequired(tx) }));
}

/**
 * The actor's open report (draft, submitted or returned) on each of these items, the latest per item: the one the
 * report form revises (its unit's, or for an actor with no unit their own), as lib/data/reviews getOpenReport.
 */
export async function openReportsOf(tx: Tx, actor: Actor, itemIds: number[]): Promise<Map<number, ProgressUpdate>> {
  if (itemIds.length === 0) return new Map();
  const mine = actor.unitId !== null ? { unitId: actor.unitId } : { authorId: actor.id };
  const reports = await tx.progressUpdate.findMany({
    where: { itemId: { in: itemIds }, state: { in: [...OPEN] }, ...mine },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
  });
  const latest = new Map<number, ProgressUpdate>();
  for (const r of reports) if (!latest.has(r.itemId)) latest.set(r.itemId, r);
  return latest;
}

/**
 * The content of a report that sets status, progress and confidence: an open report revised as the report form
 * revises it (its texts, evidence links, 文号 and 申请销号 kept; a given note replaces its note), or a new one.
 */
export function revisedContent(
  open: ProgressUpdate | null | undefined,
  set: Pick<ReportContent, "status" | "progress" | "confidence"> & { note: string | null; defaultNote: string },
): ReportContent {
  return reportContent({
    status: set.status,
    progress: set.progress,
    confidence: set.confidence,
    note: set.note ?? open?.note ?? set.defaultNote,
    nextSteps: open?.nextSteps ?? null,
    blockers: open?.blockers ?? null,
    evidenceLinks: open?.evidenceLinks ?? [],
    docNumber: open?.docNumber ?? null,
    closesItem: open?.closesItem ?? false,
    monthInvestment: open?.monthInvestment == null ? null : amountText(open.monthInvestment),
  });
}

/** Whether reports must be reviewed (one settings row; missing means the default, on). */
export async function reviewRequired(tx: Tx): Promise<boolean> {
  const settings = await tx.cycleSettings.findUnique({ where: { id: 1 }, select: { reviewRequired: true } });
  return settings?.reviewRequired ?? true;
}
