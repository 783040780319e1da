"use server";
// The working-day calendar's administrator entries (calendar:manage): a year the chinese-days package does not
// carry yet, entered from the State Council's published notice, or a correction. Each change is audited.
import { revalidatePath } from "next/cache";
import { authorizeAction } from "../auth/authorize";
import { now } from "../clock";
import { db } from "../db";
import { formFields } from "../forms/form-data";
import { invalid, type ActionResult } from "../forms/result";
import { calendarEntrySchema, calendarRemoveSchema } from "../validations/chase";
import { removeCalendarDay, setCalendarDay } from "../writes/chase-settings";
import { toFailure } from "../writes/failure";

function done(message: string): ActionResult {
  revalidatePath("/admin/calendar");
  revalidatePath("/admin/audit");
  return { ok: true, message };
}

export async function addCalendarEntry(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeAction("calendar:manage");
  if (!guard.ok) return guard.failure;
  const parsed = calendarEntrySchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await setCalendarDay(db(), guard.user.id, parsed.data, now());
  } catch (error) {
    return toFailure(error);
  }
  return done("chase.calendar.saved");
}

export async function removeCalendarEntry(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeAction("calendar:manage");
  if (!guard.ok) return guard.failure;
  const parsed = calendarRemoveSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await removeCalendarDay(db(), guard.user.id, parsed.data.day);
  } catch (error) {
    return toFailure(error);
  }
  return done("chase.calendar.removed");
}
