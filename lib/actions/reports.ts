"use server";
// The reporting cycle's server actions: a unit saves and withdraws its reports (it submits them with
// postProgressUpdate in lib/actions/items.ts, the one "submit a report" action); a coordinator (or an
// administrator) approves or returns them, one at a time or several at once. Every action: authorizeAction
// first; parse the form with zod; then one transaction through lib/writes/reports.ts, which re-checks the
// permission against the report's item (ids from the client are untrusted), the report's state and the revision
// the form was loaded at, and records the step in report_events.
import { revalidatePath } from "next/cache";
import { db } from "../db";
import { authorizeForm } from "../auth/authorize";
import type { SessionUser } from "../auth/session";
import { now } from "../clock";
import { failure, type ActionResult, type FormState } from "../forms/result";
import { batchDecisionSchema, decisionSchema, reportFormSchema, withdrawSchema } from "../validations/reports";
import { describeChangesSince, type ConflictInfo } from "../writes/conflict";
import { toFailure } from "../writes/failure";
import { VersionConflictError } from "../writes/item-change";
import {
  approve,
  reportContent,
  returnReport as returnStep,
  saveDraft,
  stepSummary,
  withdraw,
  type ReportFailure,
  type ReportHappened,
  type StepResult,
  type StepSummary,
} from "../writes/reports";

/** A refusal of a report step: what happened to the report, what a 销号 lacks, or what changed on the item. */
export type ReportWriteFailure = ReportFailure & { conflict?: ConflictInfo };
export type ReportStep = StepSummary;
export type ReportResult = ActionResult<ReportStep, ReportWriteFailure>;
export type ReportFormState = FormState<ReportStep, ReportWriteFailure>;

/** One report's answer in a batch decision. */
export type BatchOutcome =
  | { reportId: number; ok: true; code: string; state: StepResult["state"] }
  | { reportId: number; ok: false; failure: string; message: string; happened?: ReportHappened };
export type BatchResult = ActionResult<
  { outcomes: BatchOutcome[]; decided: number },
  ReportWriteFailure & { outcomes?: BatchOutcome[] }
>;
export type BatchFormState = FormState<
  { outcomes: BatchOutcome[]; decided: number },
  ReportWriteFailure & { outcomes?: BatchOutcome[] }
>;

function revalidateReport(code: string): void {
  for (const path of [`/items/${code}`, `/items/${code}/update`, "/my-items", "/review"]) revalidatePath(path);
}

async function failed(error: unknown, itemId?: number, expectedVersion?: number): Promise<ReportWriteFailure> {
  if (error instanceof VersionConflictError && itemId !== undefined && expectedVersion !== undefined) {
    return { ...failure("conflict"), conflict: await describeChangesSince(db(), itemId, expectedVersion) };
  }
  return toFailure<ReportWriteFailure>(error);
}

/** Save a report as a draft (new, or a draft or returned report revised). */
export async function saveReportDraft(_prev: ReportFormState, formData: FormData): Promise<ReportResult> {
  const guard = await authorizeForm("item:post-update", reportFormSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    const step = await db().$transaction((tx) =>
      saveDraft(
        tx,
        guard.user,
        {
          itemId: input.itemId,
          expectedVersion: input.expectedVersion,
          reportId: input.reportId,
          expectedRevision: input.expectedRevision,
          content: reportContent(input),
        },
        now(),
      ),
    );
    revalidateReport(step.code);
    return { ok: true, data: stepSummary(step), message: "cycle.report.saved" };
  } catch (error) {
    return failed(error, input.itemId, input.expectedVersion);
  }
}

/** Withdraw a report before it is reviewed. */
export async function withdrawReport(_prev: ReportFormState, formData: FormData): Promise<ReportResult> {
  const guard = await authorizeForm("item:post-update", withdrawSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    const step = await db().$transaction((tx) => withdraw(tx, guard.user, guard.input, now()));
    revalidateReport(step.code);
    return { ok: true, data: stepSummary(step), message: "cycle.report.withdrawn" };
  } catch (error) {
    return failed(error);
  }
}

type Decision = "approve" | "return";

async function decide(
  user: SessionUser,
  decision: Decision,
  input: { reportId: number; expectedRevision: number; comment: string | null },
): Promise<StepResult> {
  const at = now();
  return db().$transaction((tx) =>
    decision === "approve" ? approve(tx, user, input, at) : returnStep(tx, user, input, at),
  );
}

async function decideOne(decision: Decision, formData: FormData): Promise<ReportResult> {
  const guard = await authorizeForm("report:review", decisionSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    const step = await decide(guard.user, decision, guard.input);
    revalidateReport(step.code);
    return { ok: true, data: stepSummary(step), message: `cycle.review.done.${decision}` };
  } catch (error) {
    return failed(error);
  }
}

/** Approve a submitted report (a coordinator of the item's side, or an administrator); a 销号 closes the item. */
export async function approveReport(_prev: ReportFormState, formData: FormData): Promise<ReportResult> {
  return decideOne("approve", formData);
}

/** Return a submitted report to its unit, with a comment. */
export async function returnReport(_prev: ReportFormState, formData: FormData): Promise<ReportResult> {
  return decideOne("return", formData);
}

/**
 * Approve or return several reports at once, with one optional comment. Each report is decided in its own
 * transaction (nothing half-written per report) and answered on its own; the batch fails only when no report
 * could be decided.
 */
export async function decideReports(_prev: BatchFormState, formData: FormData): Promise<BatchResult> {
  const guard = await authorizeForm("report:review", batchDecisionSchema, formData, ["reports"]);
  if (!guard.ok) return guard.failure;
  const { reports, decision, comment } = guard.input;
  const outcomes: BatchOutcome[] = [];
  // In id order, as every other multi-row write, so two batches over the same reports queue rather than deadlock.
  for (const { reportId, expectedRevision } of [...reports].sort((a, b) => a.reportId - b.reportId)) {
    try {
      const step = await decide(guard.user, decision, { reportId, expectedRevision, comment });
      revalidateReport(step.code);
      outcomes.push({ reportId, ok: true, code: step.code, state: step.state });
    } catch (error) {
      const f = await failed(error);
      outcomes.push({ reportId, ok: false, failure: f.code, message: f.message, happened: f.happened });
    }
  }
  const decided = outcomes.filter((o) => o.ok).length;
  if (decided === 0) {
    const first = outcomes.find((o): o is Extract<BatchOutcome, { ok: false }> => !o.ok)!;
    const code = first.failure as ReportWriteFailure["code"];
    // One report: its own message; several: the batch's, with each report's answer beside it.
    const message = outcomes.length === 1 ? first.message : "cycle.review.batchRefused";
    return { ...failure(code, message), outcomes };
  }
  return {
    ok: true,
    data: { outcomes, decided },
    message: decided === outcomes.length ? `cycle.review.done.${decision}` : "cycle.review.batchPartly",
  };
}
