"use server";
// The chase's rules (临近提醒, 催办, 督办, 签收 and 反馈 days, escalation, the notice prefix), set by administrators
// with the cycle's settings on /admin/cycle. Audited; they apply from the next run of the chase.
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { db } from "../db";
import { type ActionResult } from "../forms/result";
import { chaseSettingsSchema } from "../validations/chase";
import { updateChaseSettings as writeSettings } from "../writes/chase-settings";
import { toFailure } from "../writes/failure";

export async function updateChaseSettings(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("cycle:configure", chaseSettingsSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await writeSettings(db(), guard.user.id, guard.input);
  } catch (error) {
    return toFailure(error);
  }
  revalidatePath("/admin/cycle");
  revalidatePath("/admin/audit");
  return { ok: true, message: "chase.settings.saved" };
}
