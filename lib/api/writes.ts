import "server-only";
// The open API's writes: the pages' own zod form schemas and the same lib/writes functions the server actions
// call (lib/actions/items.ts postProgressUpdate → submitNow), with the token's owner as the actor. A JSON body is
// first checked for its JSON types (lib/validations/api.ts), then written out as the form's string fields and
// parsed by the form's schema, so both refuse the same input with the same message keys.
import { revalidatePath } from "next/cache";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { fieldErrorsOf } from "../forms/result";
import type { ReportBody } from "../validations/api";
import { reportFormSchema, DOC_NUMBER_MAX } from "../validations/reports";
import { NOTE_MAX, TEXT_MAX } from "../validations/item-limits";
import { reportContent, stepSummary, submitNow } from "../writes/reports";
import { ApiProblem } from "./guard";

/** Placeholder values of the form's length messages, per field ({max} of validation.tooLong). */
const REPORT_FIELD_VALUES = {
  note: { max: NOTE_MAX },
  nextSteps: { max: TEXT_MAX },
  blockers: { max: TEXT_MAX },
  docNumber: { max: DOC_NUMBER_MAX },
};

/** The item's id for its code (404 when there is none). */
async function itemIdOf(code: string): Promise<number> {
  const item = await db().item.findUnique({ where: { code }, select: { id: true } });
  if (!item) throw new ApiProblem("not-found");
  return item.id;
}

/** Submit a progress report on an item, as the item page's report form does. */
export async function submitReport(user: SessionUser, code: string, expectedVersion: number, body: ReportBody) {
  const itemId = await itemIdOf(code);
  const form = reportFormSchema.safeParse({
    itemId: String(itemId),
    expectedVersion: String(expectedVersion),
    status: body.status,
    progress: String(body.progress),
    confidence: body.confidence,
    note: body.note,
    nextSteps: body.nextSteps ?? "",
    blockers: body.blockers ?? "",
    evidenceLinks: (body.evidenceLinks ?? []).join("\n"),
    docNumber: body.docNumber ?? "",
    closesItem: body.closesItem ? "true" : "false",
    reportId: body.reportId === undefined ? "" : String(body.reportId),
    expectedRevision: body.expectedRevision === undefined ? "" : String(body.expectedRevision),
  });
  if (!form.success)
    throw new ApiProblem("invalid", { fieldErrors: fieldErrorsOf(form.error), fieldValues: REPORT_FIELD_VALUES });
  const input = form.data;
  const step = await submitNow(db(), user, {
    itemId: input.itemId,
    expectedVersion: input.expectedVersion,
    reportId: input.reportId,
    expectedRevision: input.expectedRevision,
    content: reportContent(input),
  });
  for (const path of [`/items/${step.code}`, `/items/${step.code}/update`, "/my-items", "/review"])
    revalidatePath(path);
  return stepSummary(step);
}
