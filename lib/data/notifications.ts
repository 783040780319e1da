import "server-only";
// Reads of the signed-in person's own notifications and e-mail settings. Each read takes the user id from the
// session, never from the request: a person only ever sees their own.
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { requirePermission, type SessionUser } from "../auth/session";
import { db } from "../db";
import { mailEnabled } from "../env";
import { notificationText } from "../i18n/notification-text";
import type { Translate } from "../i18n/translator";
import { can } from "../permissions";
import { NOTIFICATIONS_PAGE_SIZE, queryNotifications, queryUnreadCount } from "../queries/notifications";
import type { EmailDelivery } from "../validations/notification-limits";

/** The bell's number for the signed-in user (once per request); 0 for an account without the permission. */
export const getUnreadCount = cache(async (user: SessionUser): Promise<number> => {
  if (!can(user, "account:self")) return 0;
  return queryUnreadCount(db(), user.id);
});

/** One page of my notifications, latest first, each rendered in the reader's language. */
export async function listMyNotifications(page: number) {
  const user = await requirePermission("account:self");
  const [{ rows, total, unread, latestId }, t] = await Promise.all([
    queryNotifications(db(), user.id, page),
    getTranslations("notifications"),
  ]);
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  return {
    total,
    unread,
    /** "mark all read" marks up to this one: what arrives after the page was shown stays unread */
    latestId,
    page,
    pages,
    items: rows.map((r) => ({
      id: r.id,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
      ...notificationText(t as unknown as Translate, r.kind, r.params),
    })),
  };
}

export type MyNotification = Awaited<ReturnType<typeof listMyNotifications>>["items"][number];

/** My e-mail address and how I take e-mail, and whether this installation sends e-mail at all. */
export async function getMyEmailSettings() {
  const user = await requirePermission("account:self");
  const row = await db().user.findUniqueOrThrow({
    where: { id: user.id },
    select: { email: true, emailOptOut: true, emailDigest: true },
  });
  const delivery: EmailDelivery = row.emailOptOut ? "none" : row.emailDigest ? "digest" : "each";
  return { email: row.email ?? "", delivery, mailOn: mailEnabled() };
}
