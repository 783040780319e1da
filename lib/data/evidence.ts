import "server-only";
// Reads of evidence files (佐证材料): every signed-in role holds period:read, so evidence is readable by anyone
// signed in and by no one else. The queries are in lib/queries/evidence.ts.
import { requirePermission, type SessionUser } from "../auth/session";
import { readThrough } from "../cache/data-version";
import { db } from "../db";
import { can } from "../permissions";
import { listReportAttachments, readAttachmentFile, type EvidenceEntry, type EvidenceFile } from "../queries/evidence";

export type { EvidenceEntry, EvidenceFile };

/** A report's files (without their bytes), for a page. */
export async function listEvidence(reportId: number): Promise<EvidenceEntry[]> {
  await requirePermission("period:read");
  // attachments move the data version: the list is kept until the next write
  return readThrough(`evidence:report:${reportId}`, [], () => listReportAttachments(db(), reportId));
}

/** One file with its bytes, for the download route, which has authorised `user` (lib/auth/authorize-route.ts). */
export async function getEvidenceFile(user: SessionUser, id: number): Promise<EvidenceFile | null> {
  if (!can(user, "period:read")) throw new Error("getEvidenceFile: the user may not read evidence");
  return readAttachmentFile(db(), id);
}
