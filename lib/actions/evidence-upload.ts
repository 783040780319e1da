import "server-only";
// The evidence upload's write, for the route handler POST /api/evidence (app/api/evidence/route.ts). An upload
// is a route rather than a server action because the browser reports its progress (XMLHttpRequest) and the
// route refuses an oversized body from its headers alone. Deliberately NOT a "use server" file: nothing here is
// callable from a client by id; the route has authorised the user before it calls this.
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { addAttachment, type NewAttachment, type StoredAttachment } from "../writes/attachments";

/** What an upload answers (POST /api/evidence and the open API's attachment upload): the stored file. */
export type UploadedAttachment = Omit<StoredAttachment, "kind">;

/** Stores the file in one transaction, or throws the Refusal that says why not (nothing is stored then). */
export async function uploadEvidence(
  user: SessionUser,
  input: Omit<NewAttachment, "uploadedById">,
): Promise<UploadedAttachment> {
  const stored = await db().$transaction((tx) => addAttachment(tx, { ...input, uploadedById: user.id }));
  return {
    id: stored.id,
    reportId: stored.reportId,
    fileName: stored.fileName,
    mediaType: stored.mediaType,
    size: stored.size,
    sha256: stored.sha256,
  };
}
