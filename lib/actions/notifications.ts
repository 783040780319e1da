"use server";
// The notification centre: mark one read, mark all read, open one (marks it read; the form then goes to its
// thing). The
// reader is the session's user; an id names a notification only if it is theirs — anyone else's is "not found",
// and nothing changes.
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { now } from "../clock";
import { db } from "../db";
import { failure, type ActionResult } from "../forms/result";
import { queryOwnNotificationLink } from "../queries/notifications";
import { markAllReadSchema, notificationIdSchema } from "../validations/notifications";
import { toFailure } from "../writes/failure";
import { markRead } from "../writes/notifications";

function refreshed(message: string): ActionResult {
  // The bell is in the root layout: every page's count changes.
  revalidatePath("/", "layout");
  return { ok: true, message };
}

export async function markNotificationRead(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("account:self", notificationIdSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    const found = await db().$transaction(async (tx) => {
      const link = await queryOwnNotificationLink(tx, guard.user.id, guard.input.notificationId);
      if (link === null) return false;
      await markRead(tx, guard.user.id, now(), [guard.input.notificationId]);
      return true;
    });
    if (!found) return failure("not-found");
  } catch (error) {
    return toFailure(error);
  }
  return refreshed("notifications.markedRead");
}

/** Marks read all of mine up to `upTo`, the latest one the page showed (one of mine, or nothing happens). */
export async function markAllNotificationsRead(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("account:self", markAllReadSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    const found = await db().$transaction(async (tx) => {
      if ((await queryOwnNotificationLink(tx, guard.user.id, guard.input.upTo)) === null) return false;
      await markRead(tx, guard.user.id, now(), undefined, { upTo: guard.input.upTo });
      return true;
    });
    if (!found) return failure("not-found");
  } catch (error) {
    return toFailure(error);
  }
  return refreshed("notifications.markedAllRead");
}

/** Marks the notification read and answers the page of its thing, which the form then opens. */
export async function openNotification(
  _prev: ActionResult<{ link: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ link: string }>> {
  const guard = await authorizeForm("account:self", notificationIdSchema, formData);
  if (!guard.ok) return guard.failure;
  let link: string | null;
  try {
    link = await db().$transaction(async (tx) => {
      const own = await queryOwnNotificationLink(tx, guard.user.id, guard.input.notificationId);
      if (own !== null) await markRead(tx, guard.user.id, now(), [guard.input.notificationId]);
      return own;
    });
  } catch (error) {
    return toFailure(error);
  }
  if (link === null) return failure("not-found");
  revalidatePath("/", "layout");
  // An app path (the table's CHECK refuses anything else), so opening it never leaves the site.
  return { ok: true, data: { link } };
}
