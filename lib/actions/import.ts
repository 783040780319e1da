"use server";
// Importing an items file (XLSX or CSV in the export's item columns): a dry run that writes nothing and
// answers, per row and cell, what would change and every error; then the apply, which receives the same file
// again (its sha256 must equal the previewed one), re-plans it inside ONE transaction with the items locked,
// and writes every row — or nothing at all. A row's own fields (dates, responsible person) change the item
// through changeItem (version check + history row); its report fields (status, progress, confidence) become a
// report through the one report lifecycle (lib/writes/reports.ts submit): 待审核 with review on, approved at
// once with review off. Its investment columns change the item as the item page's investment form does.
import { revalidatePath } from "next/cache";
import { db } from "../db";
import { now } from "../clock";
import { requestTranslator } from "../i18n/request-translator";
import { changeItem, VersionConflictError, type ItemFields } from "../writes/item-change";
import { Refusal, toFailure } from "../writes/failure";
import { revisedContent, openDuePeriodsWithin, submit } from "../writes/reports";
import { authorizeAction } from "../auth/authorize";
import { failure, type ActionFailure, type ActionResult, type FormState } from "../forms/result";
import { isParsed, parseImportFile, sha256, type UploadedFile } from "../import/parse";
import { buildImportPlan, importYear, type PlannedChange } from "../import/plan";
import type { ImportApplied, ImportPlan, ImportProblem } from "../import/types";
import { IMPORT_MAX_BYTES } from "../validations/import";
import { investmentChange } from "../writes/investment";
import type { Prisma } from "../generated/prisma/client";

export type ImportFailure = ActionFailure & { plan?: ImportPlan };
export type PreviewResult = ActionResult<{ plan: ImportPlan }, ImportFailure>;
export type ApplyResult = ActionResult<ImportApplied, ImportFailure>;

const emptyPlan = (fileName: string, fileHash: string, errors: ImportProblem[]): ImportPlan => ({
  fileName,
  fileHash,
  rows: [],
  errors,
  counts: { rows: 0, changed: 0, unchanged: 0, cells: 0, reports: 0 },
  reviewRequired: true,
  keptColumns: [],
});

/** The refusal code of a plan with errors: rows outside the user's units first, then stale rows. */
function refusal(plan: ImportPlan): ImportFailure {
  const has = (key: string) => plan.errors.some((e) => e.message === key);
  const code = has("import.problems.forbidden")
    ? "forbidden"
    : has("import.problems.conflict")
      ? "conflict"
      : "invalid";
  return { ...failure(code, `import.refused.${code}`), plan };
}

async function readUpload(formData: FormData): Promise<UploadedFile | ImportFailure> {
  // A hand-made request can send anything as the form: no form, no file.
  const file = formData instanceof FormData ? formData.get("file") : null;
  if (!(file instanceof Blob) || (file.size === 0 && !file.name)) return failure("invalid", "import.errors.noFile");
  const name = file.name || "upload";
  // Refuse an oversize upload before reading it into memory.
  if (file.size > IMPORT_MAX_BYTES) {
    return {
      ...failure("invalid", "import.refused.invalid"),
      plan: emptyPlan(name, "", [
        {
          row: null,
          column: null,
          message: "import.problems.tooLarge",
          values: { max: IMPORT_MAX_BYTES / 1024 / 1024 },
        },
      ]),
    };
  }
  return { name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) };
}

/** Dry run: parse and plan against the current state. Writes nothing. */
export async function previewImport(
  _prev: FormState<{ plan: ImportPlan }, ImportFailure>,
  formData: FormData,
): Promise<PreviewResult> {
  const guard = await authorizeAction("item:import");
  if (!guard.ok) return guard.failure;
  const upload = await readUpload(formData);
  if ("ok" in upload) return upload;
  try {
    const parsed = await parseImportFile(upload);
    if (!isParsed(parsed)) return refusal(emptyPlan(upload.name, parsed.hash, parsed.problems));
    const { plan } = await buildImportPlan(db(), guard.user, parsed, upload.name);
    return plan.errors.length > 0 ? refusal(plan) : { ok: true, data: { plan } };
  } catch (error) {
    return toFailure<ImportFailure>(error);
  }
}

function fieldsOf(change: PlannedChange): ItemFields {
  const day = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));
  const fields: ItemFields = {};
  const t = change.target;
  for (const key of change.changedKeys) {
    // status, progress and confidence never come here: they reach the item through a report.
    if (key === "startDate" || key === "dueDate") fields[key] = day(t[key]);
    else if (key === "responsiblePerson") fields.responsiblePerson = t.responsiblePerson;
  }
  if (change.originalDueDate !== undefined) fields.originalDueDate = day(change.originalDueDate);
  return fields;
}

/** The row's investment changes as the item page's investment form makes them (lib/writes/investment.ts). */
function investmentOf(tx: Prisma.TransactionClient, change: PlannedChange) {
  const t = change.target;
  const changed = (key: keyof typeof t) => change.changedKeys.includes(key);
  const year = changed("plannedInvestment") || changed("completedInvestment");
  return investmentChange(
    tx,
    change.itemId,
    changed("totalInvestment") ? { totalInvestment: t.totalInvestment } : {},
    year ? [{ year: change.investmentYear, planned: t.plannedInvestment, completed: t.completedInvestment }] : [],
  );
}

/**
 * Apply: the form sends the previewed file again with the hash the preview answered; a different file is
 * refused. Everything is re-checked inside the transaction (permissions, versions, values), so an item saved
 * by someone else since the preview stops the whole file.
 */
export async function applyImport(
  _prev: FormState<ImportApplied, ImportFailure>,
  formData: FormData,
): Promise<ApplyResult> {
  const guard = await authorizeAction("item:import");
  if (!guard.ok) return guard.failure;
  const upload = await readUpload(formData);
  if ("ok" in upload) return upload;
  if (formData.get("fileHash") !== sha256(upload.bytes)) return failure("invalid", "import.errors.fileChanged");
  try {
    const parsed = await parseImportFile(upload);
    if (!isParsed(parsed)) return refusal(emptyPlan(upload.name, parsed.hash, parsed.problems));
    const at = now();
    const t = await requestTranslator();
    const applied = await db().$transaction(
      async (tx) => {
        // First the periods whose day has come are opened (as submitNow does, but in this transaction: a refused
        // file opens nothing either), which holds the period lock before the items, as every report step takes
        // them; then every named item in id order (two imports over overlapping items cannot deadlock); then
        // plan against exactly that state.
        await openDuePeriodsWithin(tx, at);
        const codes = parsed.rows.map((r) => r.values.code);
        await tx.$queryRaw`SELECT id FROM items WHERE code = ANY(${codes}) ORDER BY id FOR UPDATE`;
        const { plan, changes } = await buildImportPlan(tx, guard.user, parsed, upload.name, importYear(at));
        if (plan.errors.length > 0) throw new Refusal(refusal(plan));
        const reportState = new Map<string, "SUBMITTED" | "APPROVED">();
        for (const change of changes) {
          let version = change.expectedVersion;
          if (change.changedKeys.length > 0) {
            // The row's investment goes through the investment form's write path, in this same changeItem: one
            // new version and one history row carry the row's dates, person and figures together.
            const investment = await investmentOf(tx, change);
            const written = await changeItem(
              tx,
              change.itemId,
              {
                action: "UPDATE",
                expectedVersion: change.expectedVersion,
                ...investment,
                fields: { ...fieldsOf(change), ...investment.fields },
              },
              { actorId: guard.user.id, reason: change.reason, at },
            );
            version = written.version;
          }
          if (change.report) {
            const { open, ...values } = change.report;
            const step = await submit(
              tx,
              guard.user,
              {
                itemId: change.itemId,
                expectedVersion: version,
                reportId: open?.id ?? null,
                expectedRevision: open?.revision ?? null,
                content: revisedContent(open, {
                  ...values,
                  // The row's 修改说明 is the report's note; else the open report's, else where it came from.
                  note: change.reason,
                  defaultNote: t("import.reportNote", { file: upload.name, row: change.row }),
                }),
              },
              at,
              { reviewRequired: plan.reviewRequired },
            );
            reportState.set(change.code, step.state === "APPROVED" ? "APPROVED" : "SUBMITTED");
          }
        }
        return {
          fileName: upload.name,
          changed: plan.rows
            .filter((r) => r.changes.length > 0)
            .map((r) => ({
              code: r.code,
              title: r.title,
              cells: r.changes.length,
              report: reportState.get(r.code) ?? null,
            })),
          unchanged: plan.counts.unchanged,
          reviewRequired: plan.reviewRequired,
        } satisfies ImportApplied;
      },
      // A whole portfolio in one file is a few hundred statements: more than the 5 s default on a busy server.
      { timeout: 60_000, maxWait: 10_000 },
    );
    for (const { code } of applied.changed)
      for (const path of [`/items/${code}`, `/items/${code}/edit`, `/items/${code}/update`]) revalidatePath(path);
    revalidatePath("/my-items");
    revalidatePath("/items");
    revalidatePath("/review");
    return { ok: true, data: applied };
  } catch (error) {
    if (error instanceof VersionConflictError) return failure("conflict", "import.refused.conflict");
    return toFailure<ImportFailure>(error);
  }
}
