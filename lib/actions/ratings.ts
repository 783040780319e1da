"use server";
// The 考评's weights, set by administrators on /admin/ratings. Audited; they rate the periods closed from now on
// (a past period keeps the weights in force at its close).
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { now } from "../clock";
import { db } from "../db";
import { type ActionResult } from "../forms/result";
import { ratingWeightsSchema } from "../validations/ratings";
import { toFailure } from "../writes/failure";
import { setRatingWeights } from "../writes/rating-settings";

export async function updateRatingWeights(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("rating:configure", ratingWeightsSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    const changed = await setRatingWeights(db(), guard.user.id, guard.input, now());
    if (!changed) return { ok: true, message: "ratings.settings.unchanged" };
  } catch (error) {
    return toFailure(error);
  }
  revalidatePath("/admin/ratings");
  revalidatePath("/admin/audit");
  return { ok: true, message: "ratings.settings.saved" };
}
