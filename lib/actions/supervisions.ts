"use server";
// 签收 and 办理反馈 of a 督办 by its unit (editors of that unit; administrators). The 督办 id comes from the form:
// the write re-checks the actor against the 督办's own unit.
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { now } from "../clock";
import { db } from "../db";
import { type ActionResult } from "../forms/result";
import { acknowledgeSchema, answerSchema } from "../validations/chase";
import { toFailure } from "../writes/failure";
import { acknowledgeSupervision as writeAcknowledge, answerSupervision as writeAnswer } from "../writes/supervisions";

function revalidate(id: number) {
  revalidatePath("/supervisions");
  revalidatePath(`/supervisions/${id}`);
}

/** 签收: the unit acknowledges the 督办. */
export async function acknowledgeSupervision(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("supervision:respond", acknowledgeSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await writeAcknowledge(db(), guard.user, guard.input.supervisionId, now());
  } catch (error) {
    return toFailure(error);
  }
  revalidate(guard.input.supervisionId);
  return { ok: true, message: "chase.supervision.acknowledged" };
}

/** 办理反馈: the unit answers the 督办 (acknowledging it too, if it had not). */
export async function answerSupervision(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("supervision:respond", answerSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await writeAnswer(db(), guard.user, guard.input.supervisionId, guard.input.answer, now());
  } catch (error) {
    return toFailure(error);
  }
  revalidate(guard.input.supervisionId);
  return { ok: true, message: "chase.supervision.answered" };
}
