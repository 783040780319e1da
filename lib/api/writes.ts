import "server-only";
// The open API's writes: the pages' own zod form schemas and the same lib/writes functions the server actions
// and the upload route call, with the token's owner as the actor:
//   a report      — lib/actions/items.ts postProgressUpdate → lib/writes/reports.ts submitNow
//   an item edit  — lib/actions/items.ts updateItem → lib/writes/item-edit.ts editItem (itemEditSchema)
//   a milestone   — lib/actions/milestones.ts completeMilestone → lib/writes/milestones.ts completeMilestone
//   evidence      — POST /api/evidence → lib/http/evidence-upload.ts + lib/writes/attachments.ts addAttachment
// A JSON body is first checked for its JSON types (lib/validations/api.ts), then written out as the form's string
// fields and parsed by the form's schema, so both refuse the same input with the same message keys.
import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { uploadEvidence } from "../actions/evidence-upload";
import type { SessionUser } from "../auth/session";
import { isoDay, todayInChina } from "../dates";
import { db } from "../db";
import { fieldErrorsOf } from "../forms/result";
import { readEvidenceUpload } from "../http/evidence-upload";
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translator";
import { can } from "../permissions";
import { ITEM_UNIT_FIELDS, type ItemPatchBody, type ReportBody } from "../validations/api";
import { evidenceUploadSchema, FILE_NAME_MAX } from "../validations/evidence";
import { parseId } from "../validations/id";
import { itemEditSchema } from "../validations/items";
import { reportFormSchema, DOC_NUMBER_MAX } from "../validations/reports";
import { NOTE_MAX, PERSON_MAX, REASON_MAX, TEXT_MAX } from "../validations/item-limits";
import { EvidenceRefusal } from "../writes/attachments";
import { editItem } from "../writes/item-edit";
import { completeMilestone } from "../writes/milestones";
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

function revalidateItem(code: string): void {
  for (const path of [`/items/${code}`, `/items/${code}/edit`, `/items/${code}/update`, "/my-items"])
    revalidatePath(path);
}

/**
 * Edit an item's fields, as the item edit page does. A field the body leaves out keeps the value it has at the
 * version of If-Match (read here; the write then refuses any other version with 412, so what is kept is exactly
 * what the client read).
 */
export async function patchItem(user: SessionUser, code: string, expectedVersion: number, body: ItemPatchBody) {
  const item = await db().item.findUnique({
    where: { code },
    select: {
      id: true,
      responsiblePerson: true,
      startDate: true,
      dueDate: true,
      weight: true,
      leadUnitId: true,
      coLeadUnitId: true,
      supportingUnits: { select: { unitId: true } },
      regions: { select: { regionId: true } },
      conferences: { select: { conferenceId: true } },
    },
  });
  if (!item) throw new ApiProblem("not-found");
  // The units are the administrators' (item:assign-units): naming any of them takes that permission, as on the page.
  const assignUnits = ITEM_UNIT_FIELDS.some((field) => body[field] !== undefined);
  if (assignUnits && !can(user, "item:assign-units")) throw new ApiProblem("forbidden");
  const text = (sent: string | null | undefined, kept: string | null) => (sent === undefined ? kept : sent) ?? "";
  const day = (sent: string | null | undefined, kept: Date | null) => (sent === undefined ? isoDay(kept) : sent) ?? "";
  const id = (sent: number | null | undefined, kept: number | null) => {
    const value = sent === undefined ? kept : sent;
    return value === null ? "" : String(value);
  };
  const form = itemEditSchema.safeParse({
    itemId: String(item.id),
    expectedVersion: String(expectedVersion),
    responsiblePerson: text(body.responsiblePerson, item.responsiblePerson),
    startDate: day(body.startDate, item.startDate),
    dueDate: day(body.dueDate, item.dueDate),
    dueDateReason: body.dueDateReason ?? "",
    weight: String(body.weight ?? item.weight),
    regionIds: (body.regionIds ?? item.regions.map((r) => r.regionId)).map(String),
    conferenceIds: (body.conferenceIds ?? item.conferences.map((c) => c.conferenceId)).map(String),
    assignUnits,
    ...(assignUnits
      ? {
          leadUnitId: id(body.leadUnitId, item.leadUnitId),
          coLeadUnitId: id(body.coLeadUnitId, item.coLeadUnitId),
          supportingUnitIds: (body.supportingUnitIds ?? item.supportingUnits.map((u) => u.unitId)).map(String),
        }
      : {}),
  });
  if (!form.success)
    throw new ApiProblem("invalid", {
      fieldErrors: fieldErrorsOf(form.error),
      fieldValues: { responsiblePerson: { max: PERSON_MAX }, dueDateReason: { max: REASON_MAX } },
    });
  const edited = await editItem(db(), user, form.data);
  if (edited.changedFields.length > 0) revalidateItem(edited.code);
  return edited;
}

/** Complete one of the item's milestones (today in China), as the item edit page's milestone list does. */
export async function completeItemMilestone(
  user: SessionUser,
  code: string,
  rawMilestoneId: string,
  expectedVersion: number,
  at: Date,
) {
  const itemId = await itemIdOf(code);
  const milestoneId = parseId(rawMilestoneId);
  if (milestoneId === null) throw new ApiProblem("not-found");
  const today = new Date(`${todayInChina(at)}T00:00:00Z`);
  const written = await completeMilestone(db(), user, { itemId, milestoneId, expectedVersion }, today);
  revalidateItem(written.code);
  const milestone = await db().milestone.findUniqueOrThrow({
    where: { id: milestoneId },
    select: { id: true, title: true, plannedDate: true, completedDate: true },
  });
  return {
    code: written.code,
    version: written.version,
    milestone: {
      id: milestone.id,
      title: milestone.title,
      plannedDate: isoDay(milestone.plannedDate),
      completedDate: isoDay(milestone.completedDate),
    },
  };
}

/** An evidence upload of the API, read and checked as POST /api/evidence reads it. */
export interface AttachmentUpload {
  reportId: number;
  fileName: string;
  bytes: Uint8Array;
}

/** A refusal of the upload's own (lib/http/evidence-upload.ts, lib/writes/attachments.ts) as a problem. */
function uploadProblem(
  locale: Locale,
  status: number,
  key: string,
  values: Record<string, string | number> = {},
  headers?: Record<string, string>,
): ApiProblem {
  const t = translator(locale);
  // a detected kind by its name in the reader's language, as the page shows it
  const shown = typeof values.kind === "string" ? { ...values, kind: t(`evidence.kinds.${values.kind}`) } : values;
  const options = { detailKey: key, values: shown, ...(headers ? { headers } : {}) };
  switch (status) {
    case 413:
      return new ApiProblem("payload-too-large", options);
    case 415:
      return new ApiProblem("unsupported-media-type", options);
    case 404:
      return new ApiProblem("not-found", options);
    case 409:
      return new ApiProblem("conflict", options);
    default:
      return new ApiProblem("invalid", { ...options, fieldErrors: { file: [key] } });
  }
}

/**
 * The guard's body reader for the upload: multipart/form-data with `reportId` and one `file`, under the evidence
 * upload's own ceiling; the fingerprint (what an Idempotency-Key's retry must repeat) is the report, the name and
 * the file's SHA-256.
 */
export async function readAttachmentUpload(
  request: Request,
  locale: Locale,
): Promise<{ body: AttachmentUpload; fingerprint: string }> {
  const upload = await readEvidenceUpload(request);
  if (!upload.ok) {
    // refused before the whole body was read: the connection is closed after the answer (the rest is still coming)
    const headers = upload.unread ? { Connection: "close" } : undefined;
    // not multipart/form-data at all: said in the API's words (the page's message speaks of choosing a file again)
    if (upload.status === 415)
      throw new ApiProblem("unsupported-media-type", {
        detailKey: "api.problems.multipartRequired",
        ...(headers ? { headers } : {}),
      });
    throw uploadProblem(locale, upload.status, upload.message, upload.values, headers);
  }
  const fields = evidenceUploadSchema.safeParse({ reportId: upload.reportId, fileName: upload.file.name });
  if (!fields.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of fields.error.issues) {
      if (issue.path[0] === "reportId")
        fieldErrors.reportId = [
          upload.reportId === undefined || upload.reportId.trim() === ""
            ? "validation.required"
            : "validation.unknownId",
        ];
      else fieldErrors.file = [issue.message];
    }
    throw new ApiProblem("invalid", { fieldErrors, fieldValues: { file: { max: FILE_NAME_MAX } } });
  }
  const bytes = new Uint8Array(await upload.file.arrayBuffer());
  const digest = createHash("sha256").update(bytes).digest("hex");
  return {
    body: { reportId: fields.data.reportId, fileName: upload.file.name, bytes },
    fingerprint: `${fields.data.reportId}\n${fields.data.fileName}\n${digest}`,
  };
}

/** Add an evidence file to one of the item's reports, as the report page's upload does. */
export async function uploadItemAttachment(user: SessionUser, code: string, upload: AttachmentUpload, locale: Locale) {
  const itemId = await itemIdOf(code);
  // The report must be this item's: another item's report is not found here (whether it exists is not told).
  const report = await db().progressUpdate.findUnique({ where: { id: upload.reportId }, select: { itemId: true } });
  if (!report || report.itemId !== itemId)
    throw new ApiProblem("not-found", { detailKey: "evidence.errors.reportNotFound" });
  try {
    return await uploadEvidence(user, upload);
  } catch (error) {
    if (error instanceof EvidenceRefusal)
      throw uploadProblem(locale, error.status, error.failure.message, error.values);
    throw error;
  }
}
