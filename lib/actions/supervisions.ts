"use server";
// 签收 and 办理反馈 of a 督办 by its unit (editors of that unit; administrators). The 督办 id comes from the form:
// the write re-checks the actor against the 督办's own unit.
import { revalidatePath } from "next/cache";
import { authorizeAction } from "../auth/authorize";
import { now } from "../clock";
import { db } from "../db";
import { formFields } from "../forms/form-data";
import { invalid, type ActionResult } from "../forms/result";
import { acknowledgeSchema, answerSchema } from "../validations/chase";
import { toFailure } from "../writes/failure";
import { acknowledgeSupervision as writeAcknowledge, answerSupervision as writeAnswer } from "../writes/supervisions";

function revalidate(id: number) {
  revalidatePath("/supervisions");
  revalidatePath(`/supervisions/${id}`);
}

/** 签收: the unit acknowledges the 督办. */
export async function acknowledgeSupervision(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeAction("supervision:respond");
  if (!guard.ok) return guard.failure;
  const parsed = acknowledgeSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await writeAcknowledge(db(), guard.user, parsed.data.supervisionId, now());
  } catch (error) {
    return toFailure(error);
  }
  revalidate(parsed.data.supervisionId);
  return { ok: true, message: "chase.supervision.acknowledged" };
}

/** 办理反馈: the unit answers the 督办 (acknowledging it too, if it had not). */
export async function answerSupervision(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeAction("supervision:respond");
  if (!guard.ok) return guard.failure;
  const parsed = answerSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await writeAnswer(db(), guard.user, parsed.data.supervisionId, parsed.data.answer, now());
  } catch (error) {
    return toFailure(error);
  }
  revalidate(parsed.data.supervisionId);
  return { ok: true, message: "chase.supervision.answered" };
}
