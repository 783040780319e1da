"use server";
// Removing an evidence file (佐证材料) from a report its unit may still change. Uploads go through the route
// handler POST /api/evidence (lib/actions/evidence-upload.ts); both follow the rules of lib/writes/attachments.ts.
import { refresh } from "next/cache";
import { db } from "../db";
import { authorizeForm } from "../auth/authorize";
import { type ActionResult, type FormState } from "../forms/result";
import { removeEvidenceSchema } from "../validations/evidence";
import { toFailure } from "../writes/failure";
import { removeAttachment } from "../writes/attachments";

type RemoveResult = ActionResult<{ reportId: number; fileName: string }>;

export async function removeEvidence(
  _prev: FormState<{ reportId: number; fileName: string }>,
  formData: FormData,
): Promise<RemoveResult> {
  const guard = await authorizeForm("item:post-update", removeEvidenceSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    const removed = await db().$transaction((tx) =>
      removeAttachment(tx, { attachmentId: guard.input.attachmentId, actorId: guard.user.id }),
    );
    // The page showing the list (whichever it is) is drawn again without the file.
    refresh();
    return { ok: true, data: removed };
  } catch (error) {
    return toFailure(error);
  }
}
