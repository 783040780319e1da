"use server";
// The staff's writes to items: progress updates (reports), field edits and the bulk status/confidence change
// (one report per item).
// Every action: authorizeAction first; parse the form with zod; load the item (locked) and re-check the
// permission against ITS units (ids from the client are untrusted); write only through changeItem / the report
// lifecycle (lib/writes/reports.ts), which record history in the same transaction; the hidden expectedVersion makes a
// stale form answer "conflict" with what changed meanwhile instead of overwriting it.
import { revalidatePath } from "next/cache";
import { db } from "../db";
import { now } from "../clock";
import type { ProgressUpdate } from "../generated/prisma/client";
import { requestTranslator } from "../i18n/request-translator";
import { authorizeAction, authorizeForm } from "../auth/authorize";
import { formFields } from "../forms/form-data";
import { failure, invalid, type ActionResult, type FormState } from "../forms/result";
import { can } from "../permissions";
import { impliedProgress } from "../status";
import { bulkUpdateSchema, itemEditSchema } from "../validations/items";
import { reportFormSchema } from "../validations/reports";
import { describeChangesSince, type ConflictInfo } from "../writes/conflict";
import { Refusal, toFailure } from "../writes/failure";
import { editItem } from "../writes/item-edit";
import { VersionConflictError } from "../writes/item-change";
import { lockItem, type LockedItem } from "../writes/item-scope";
import {
  openReportsOf,
  reportContent,
  reviewRequired,
  revisedContent,
  openDuePeriodsWithin,
  stepSummary,
  submit,
  submitNow,
  type ReportContent,
  type ReportFailure,
  type StepSummary,
} from "../writes/reports";

export interface BulkProblem {
  code: string;
  /** close-out: the report would mark the item 已完成, which needs evidence per item (review on);
   *  needs-confidence: no confidence chosen and the item has none, and a report needs one */
  problem: "forbidden" | "conflict" | "not-found" | "close-out" | "needs-confidence";
}

/** What a bulk change answers: how many items got a report, and whether those wait for review (待审核). */
export interface BulkResult {
  changed: number;
  reviewRequired: boolean;
}

/** A refusal of an item write, with what the item's forms show beside the message (for a report: what happened
 *  to it meanwhile, or what a 销号 lacks). */
export type ItemWriteFailure = ReportFailure & {
  /** set when code is "conflict": what changed since the version the form was loaded at */
  conflict?: ConflictInfo;
  /** bulk only: the items that stopped the whole batch */
  items?: BulkProblem[];
};
/** What submitting a report answers: the item's version after it, and the report (its revision and state). */
export type PostedUpdate = StepSummary;
export type ItemWriteResult<T> = ActionResult<T, ItemWriteFailure>;
export type ItemFormState<T> = FormState<T, ItemWriteFailure>;

async function conflictFailure(itemId: number, expectedVersion: number): Promise<ItemWriteFailure> {
  const conflict = await describeChangesSince(db(), itemId, expectedVersion);
  return { ...failure("conflict"), conflict };
}

function revalidateItem(code: string): void {
  for (const path of [`/items/${code}`, `/items/${code}/edit`, `/items/${code}/update`, "/my-items"])
    revalidatePath(path);
}

/**
 * Submit a report (报送): the report form's submit, and the one-step "post a progress update" (no report id: a
 * new report). With review on (the default) the report goes to review and the item does not change until a
 * coordinator approves it; with review off it is approved at once and the item's status, progress and
 * confidence follow it. Either way a form loaded at an older item version is answered "conflict" with what
 * changed meanwhile, and a report decided or withdrawn meanwhile is answered with what happened to it.
 */
export async function postProgressUpdate(
  _prev: ItemFormState<PostedUpdate>,
  formData: FormData,
): Promise<ItemWriteResult<PostedUpdate>> {
  const guard = await authorizeForm("item:post-update", reportFormSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    const step = await submitNow(db(), guard.user, {
      itemId: input.itemId,
      expectedVersion: input.expectedVersion,
      reportId: input.reportId,
      expectedRevision: input.expectedRevision,
      content: reportContent(input),
    });
    revalidateItem(step.code);
    revalidatePath("/review");
    const data = stepSummary(step);
    return step.state === "APPROVED" ? { ok: true, data } : { ok: true, data, message: "cycle.report.submitted" };
  } catch (error) {
    if (error instanceof VersionConflictError) return conflictFailure(input.itemId, input.expectedVersion);
    return toFailure<ItemWriteFailure>(error);
  }
}

const UNIT_KEYS = ["leadUnitId", "coLeadUnitId", "supportingUnitIds", "assignUnits"] as const;

/** Edit an item's fields; lead / co-lead / supporting units only with item:assign-units (administrators). */
export async function updateItem(
  _prev: ItemFormState<{ code: string; version: number; changed: number }>,
  formData: FormData,
): Promise<ItemWriteResult<{ code: string; version: number; changed: number }>> {
  const guard = await authorizeAction("item:update");
  if (!guard.ok) return guard.failure;
  // Any unit field in the request, even one the form never shows, needs the stronger permission.
  const touchesUnits = formData instanceof FormData && UNIT_KEYS.some((k) => formData.has(k));
  if (touchesUnits && !can(guard.user, "item:assign-units")) return failure("forbidden");
  const raw = formFields(formData, ["regionIds", "conferenceIds", "supportingUnitIds"]);
  raw.assignUnits = touchesUnits;
  if (!touchesUnits) delete raw.supportingUnitIds;
  const parsed = itemEditSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  try {
    const edited = await editItem(db(), guard.user, input);
    const result = { code: edited.code, version: edited.version, changed: edited.changedFields.length };
    revalidateItem(result.code);
    return { ok: true, data: result, message: result.changed === 0 ? "editing.edit.noChange" : "editing.edit.saved" };
  } catch (error) {
    if (error instanceof VersionConflictError) return conflictFailure(input.itemId, input.expectedVersion);
    return toFailure<ItemWriteFailure>(error);
  }
}

/**
 * Set status and/or confidence of several of my items in one go: one report per item through the report
 * lifecycle (submit: 待审核 with review on, approved at once with review off; the unit's open report on an item is
 * revised, as its report form would), all in one transaction, each item at the version the list showed. If any
 * item is outside my units, changed meanwhile, gone, would be marked 已完成 with review on (销号 needs evidence,
 * item by item) or has no confidence to report, nothing is written and the answer names those items.
 */
export async function bulkUpdateItems(
  _prev: ItemFormState<BulkResult>,
  formData: FormData,
): Promise<ItemWriteResult<BulkResult>> {
  const guard = await authorizeForm("item:post-update", bulkUpdateSchema, formData, ["items"]);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    const at = now();
    const t = await requestTranslator();
    const defaultNote = t("editing.bulk.reportNote");
    const done = await db().$transaction(
      async (tx) => {
        // First the periods whose day has come are opened (as submitNow does, but in this transaction: a refused
        // change opens nothing either), which holds the period lock before the items, as every report step; items
        // in id order so two bulk saves over overlapping items cannot deadlock.
        await openDuePeriodsWithin(tx, at);
        const review = await reviewRequired(tx);
        const targets = [...input.items].sort((a, b) => a.id - b.id);
        const problems: BulkProblem[] = [];
        const loaded: { item: LockedItem; version: number }[] = [];
        for (const target of targets) {
          const item = await lockItem(tx, target.id);
          if (!item || item.retired) problems.push({ code: item?.code ?? `#${target.id}`, problem: "not-found" });
          else if (!can(guard.user, "item:post-update", item.scope))
            problems.push({ code: item.code, problem: "forbidden" });
          else if (item.version !== target.version) problems.push({ code: item.code, problem: "conflict" });
          else loaded.push({ item, version: target.version });
        }
        const open = await openReportsOf(
          tx,
          guard.user,
          loaded.map((l) => l.item.id),
        );
        const planned: { item: LockedItem; version: number; content: ReportContent; open: ProgressUpdate | null }[] =
          [];
        for (const { item, version } of loaded) {
          // "Keep" keeps what the unit reports now: its open report if it has one (as the report form shows it), else
          // the item's approved state.
          const base = open.get(item.id) ?? null;
          const status = input.status ?? base?.status ?? item.status;
          const confidence = input.confidence ?? base?.confidence ?? item.confidence;
          const progress = impliedProgress(status, base?.progress ?? item.progress) ?? 0;
          if (review && status === "COMPLETED") problems.push({ code: item.code, problem: "close-out" });
          else if (confidence === null) problems.push({ code: item.code, problem: "needs-confidence" });
          else {
            const said = base ?? item;
            // Nothing new to report: the unit's report (or, without one, the item) already says this.
            if (said.status === status && said.confidence === confidence && said.progress === progress) continue;
            const content = revisedContent(base, { status, progress, confidence, note: input.note, defaultNote });
            planned.push({ item, version, content, open: base });
          }
        }
        if (problems.length > 0) {
          const code = problems.some((p) => p.problem === "forbidden")
            ? "forbidden"
            : problems.some((p) => p.problem === "conflict")
              ? "conflict"
              : problems.some((p) => p.problem === "not-found")
                ? "not-found"
                : "invalid";
          const message =
            code !== "invalid"
              ? `editing.bulk.refused.${code}`
              : problems.some((p) => p.problem === "close-out")
                ? "editing.bulk.refused.closeOut"
                : "editing.bulk.refused.needsConfidence";
          throw new Refusal<ItemWriteFailure>({ ...failure(code, message), items: problems });
        }
        for (const { item, version, content, open: report } of planned) {
          await submit(
            tx,
            guard.user,
            {
              itemId: item.id,
              expectedVersion: version,
              reportId: report?.id ?? null,
              expectedRevision: report?.revision ?? null,
              content,
            },
            at,
            { reviewRequired: review },
          );
        }
        return { count: planned.length, codes: loaded.map((l) => l.item.code), review };
      },
      // Opening a period (once a month, whoever comes first) fixes every item's obligation: more than the 5 s default.
      { timeout: 30_000, maxWait: 10_000 },
    );
    for (const code of done.codes) revalidateItem(code);
    revalidatePath("/review");
    return { ok: true, data: { changed: done.count, reviewRequired: done.review } };
  } catch (error) {
    return toFailure<ItemWriteFailure>(error);
  }
}
