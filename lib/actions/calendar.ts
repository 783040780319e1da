"use server";
// The working-day calendar's administrator entries (calendar:manage): a year the chinese-days package does not
// carry yet, entered from the State Council's published notice, or a correction. Each change is audited.
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { now } from "../clock";
import { db } from "../db";
import { type ActionResult } from "../forms/result";
import { calendarEntrySchema, calendarRemoveSchema } from "../validations/chase";
import { removeCalendarDay, setCalendarDay } from "../writes/chase-settings";
import { toFailure } from "../writes/failure";

function done(message: string): ActionResult {
  revalidatePath("/admin/calendar");
  revalidatePath("/admin/audit");
  return { ok: true, message };
}

export async function addCalendarEntry(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("calendar:manage", calendarEntrySchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await setCalendarDay(db(), guard.user.id, guard.input, now());
  } catch (error) {
    return toFailure(error);
  }
  return done("chase.calendar.saved");
}

export async function removeCalendarEntry(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("calendar:manage", calendarRemoveSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await removeCalendarDay(db(), guard.user.id, guard.input.day);
  } catch (error) {
    return toFailure(error);
  }
  return done("chase.calendar.removed");
}
