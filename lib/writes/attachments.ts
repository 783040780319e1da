// Evidence files (佐证材料) of a report: added and removed only while the report's unit may still change it
// (a draft, a returned report, or a submitted one no coordinator has decided yet), only by someone who may post
// updates for the item and for that report's unit, and only when the file is what its name says (checked by
// content, lib/file-kind.ts). Every refusal is thrown inside the caller's transaction, so nothing is stored.
//
// The report row is locked (FOR UPDATE) before anything is checked: two uploads to one report are counted
// against its 100 MB one after the other, and a coordinator's decision (which updates the same row) waits for
// an upload or removal in flight, or the other way round, so an approval that counts the evidence
// (countAttachments, after it has locked or updated the row) sees what is really there.
import { createHash } from "node:crypto";
import { checkEvidenceFile, FILE_KINDS, type FileKind } from "../file-kind";
import { now } from "../clock";
import { failure, type FailureCode } from "../forms/result";
import type { Prisma, ReportState } from "../generated/prisma/client";
import { can, type Actor, type UnitScope } from "../permissions";
import {
  EVIDENCE_FILE_MAX_BYTES,
  EVIDENCE_REPORT_MAX_BYTES,
  evidenceFileNameSchema,
  FILE_NAME_MAX,
} from "../validations/evidence";
import { Refusal } from "./failure";

type Tx = Prisma.TransactionClient;

/** States in which the report's unit may still change it: nothing has been decided about it yet. */
export const EDITABLE_REPORT_STATES: readonly ReportState[] = ["DRAFT", "SUBMITTED", "RETURNED"];

/**
 * A refusal of an upload or removal, with the HTTP status a route answers it with and the values its message
 * names (the detected kind, the limit…). The message is a catalogue key.
 */
export class EvidenceRefusal extends Refusal {
  constructor(
    message: string,
    readonly status: number,
    readonly values: Record<string, string | number> = {},
    code: FailureCode = "invalid",
  ) {
    super(failure(code, message));
    this.name = "EvidenceRefusal";
  }
}

const refuse = (key: string, status: number, values?: Record<string, string | number>, code?: FailureCode) =>
  new EvidenceRefusal(`evidence.errors.${key}`, status, values, code);

export interface StoredAttachment {
  id: number;
  reportId: number;
  fileName: string;
  kind: FileKind;
  mediaType: string;
  size: number;
  sha256: string;
}

/** The person acting, read again inside the transaction (a disabled account acts no more). */
async function loadActor(tx: Tx, userId: number): Promise<Actor> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, unitId: true, coordinatorScope: true, disabled: true },
  });
  if (!user || user.disabled) throw new Refusal(failure("forbidden"));
  return { id: user.id, role: user.role, unitId: user.unitId, coordinatorScope: user.coordinatorScope };
}

/**
 * The report, locked, once `actor` may change its evidence: the report exists, the actor may post updates for
 * its item and for the report's unit, the item is not retired, and the report is still open to its unit.
 */
async function loadReportForEvidence(tx: Tx, actor: Actor, reportId: number) {
  const locked = await tx.$queryRaw<
    { id: number }[]
  >`SELECT id FROM progress_updates WHERE id = ${reportId} FOR UPDATE`;
  if (locked.length === 0) throw new Refusal(failure("not-found", "evidence.errors.reportNotFound"));
  const report = await tx.progressUpdate.findUniqueOrThrow({
    where: { id: reportId },
    select: {
      id: true,
      state: true,
      unitId: true,
      item: {
        select: {
          retiredAt: true,
          leadUnitId: true,
          coLeadUnitId: true,
          supportingUnits: { select: { unitId: true } },
        },
      },
    },
  });
  const { item } = report;
  const itemScope: UnitScope = {
    leadUnitId: item.leadUnitId,
    coLeadUnitId: item.coLeadUnitId,
    supportingUnitIds: item.supportingUnits.map((s) => s.unitId),
  };
  // A report speaks for its unit: an editor of another unit of the item may not change its evidence.
  const unitScope: UnitScope = { leadUnitId: report.unitId, coLeadUnitId: null, supportingUnitIds: [] };
  if (
    !can(actor, "item:post-update", itemScope) ||
    (report.unitId !== null && !can(actor, "item:post-update", unitScope))
  ) {
    throw new Refusal(failure("forbidden"));
  }
  if (item.retiredAt) throw refuse("itemRetired", 409, {}, "conflict");
  if (!EDITABLE_REPORT_STATES.includes(report.state))
    throw refuse("notEditable", 409, { state: report.state }, "conflict");
  return report;
}

export interface NewAttachment {
  reportId: number;
  /** the name as uploaded; kept (NFC-normalised, trimmed) when it passes evidenceFileNameSchema */
  fileName: string;
  bytes: Uint8Array;
  /** who uploads it: checked as the actor */
  uploadedById: number;
  /** when (default: lib/clock now()); the sample dataset dates its evidence with its reports */
  at?: Date;
}

/** Stores one evidence file on a report, or throws a Refusal (EvidenceRefusal for the file's own problems). */
export async function addAttachment(tx: Tx, input: NewAttachment): Promise<StoredAttachment> {
  const actor = await loadActor(tx, input.uploadedById);
  const report = await loadReportForEvidence(tx, actor, input.reportId);

  const name = evidenceFileNameSchema.safeParse(input.fileName);
  if (!name.success) throw new EvidenceRefusal(name.error.issues[0]!.message, 400, { max: FILE_NAME_MAX });
  const fileName = name.data;
  const size = input.bytes.byteLength;
  if (size === 0) throw refuse("empty", 400);
  if (size > EVIDENCE_FILE_MAX_BYTES) throw refuse("tooLarge", 413, { max: megabytes(EVIDENCE_FILE_MAX_BYTES) });

  const verdict = checkEvidenceFile(fileName, input.bytes);
  if (!verdict.ok) {
    if (verdict.reason === "mismatch" || verdict.reason === "noExtension")
      throw refuse(verdict.reason, 415, {
        kind: verdict.kind,
        extension: verdict.extension,
        suggested: FILE_KINDS[verdict.kind].extensions[0]!,
      });
    throw verdict.reason === "empty" ? refuse("empty", 400) : refuse(`content.${verdict.reason}`, 415);
  }

  const used = await tx.attachment.aggregate({ where: { reportId: report.id }, _sum: { size: true } });
  const total = (used._sum.size ?? 0) + size;
  if (total > EVIDENCE_REPORT_MAX_BYTES)
    throw refuse("reportFull", 413, {
      max: megabytes(EVIDENCE_REPORT_MAX_BYTES),
      left: megabytes(Math.max(0, EVIDENCE_REPORT_MAX_BYTES - (used._sum.size ?? 0))),
    });

  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const same = await tx.attachment.findFirst({
    where: { reportId: report.id, sha256 },
    select: { fileName: true },
  });
  if (same) throw refuse("duplicate", 409, { name: same.fileName }, "conflict");

  const row = await tx.attachment.create({
    data: {
      reportId: report.id,
      fileName,
      mediaType: verdict.mediaType,
      size,
      sha256,
      content: new Uint8Array(input.bytes),
      uploadedById: actor.id,
      createdAt: input.at ?? now(),
    },
    select: { id: true },
  });
  return { id: row.id, reportId: report.id, fileName, kind: verdict.kind, mediaType: verdict.mediaType, size, sha256 };
}

/** Removes one evidence file under the same rules as adding one; answers the report it belonged to. */
export async function removeAttachment(
  tx: Tx,
  input: { attachmentId: number; actorId: number },
): Promise<{ reportId: number; fileName: string }> {
  const actor = await loadActor(tx, input.actorId);
  const found = await tx.attachment.findUnique({
    where: { id: input.attachmentId },
    select: { reportId: true, fileName: true },
  });
  if (!found) throw new Refusal(failure("not-found", "evidence.errors.fileNotFound"));
  await loadReportForEvidence(tx, actor, found.reportId);
  // Deleted under the report's lock: gone already means someone else removed it meanwhile.
  const deleted = await tx.attachment.deleteMany({ where: { id: input.attachmentId, reportId: found.reportId } });
  if (deleted.count === 0) throw new Refusal(failure("not-found", "evidence.errors.fileNotFound"));
  return { reportId: found.reportId, fileName: found.fileName };
}

/** How many evidence files a report has (销号 needs at least one). Call it after locking the report row. */
export async function countAttachments(tx: Tx, reportId: number): Promise<number> {
  return tx.attachment.count({ where: { reportId } });
}

/** Bytes as whole megabytes, for messages. */
function megabytes(bytes: number): number {
  return Math.floor(bytes / (1024 * 1024));
}
