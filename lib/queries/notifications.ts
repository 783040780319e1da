// SQL reads of a person's notifications. Every query is bounded by the reader's own user id: there is no way
// to ask for someone else's.
import type { Db } from "../prisma-client";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** The bell's number: one count on notifications (user_id, read_at). */
export async function queryUnreadCount(db: Db, userId: number): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`;
  return row?.n ?? 0;
}

export interface NotificationRow {
  id: number;
  kind: string;
  params: unknown;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/** One page of the reader's notifications, latest first, with the totals. */
export async function queryNotifications(
  db: Db,
  userId: number,
  page: number,
  pageSize = NOTIFICATIONS_PAGE_SIZE,
): Promise<{ rows: NotificationRow[]; total: number; unread: number; latestId: number | null }> {
  const [rows, [totals]] = await Promise.all([
    db.$queryRaw<NotificationRow[]>`
      SELECT id, kind, params, link, created_at AS "createdAt", read_at AS "readAt"
        FROM notifications WHERE user_id = ${userId}
       ORDER BY created_at DESC, id DESC
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ total: number; unread: number; latest: number | null }[]>`
      SELECT count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread, max(id) AS latest
        FROM notifications WHERE user_id = ${userId}`,
  ]);
  return { rows, total: totals?.total ?? 0, unread: totals?.unread ?? 0, latestId: totals?.latest ?? null };
}

/** The app path a notification of the reader's leads to, or null when it is not theirs (or gone). */
export async function queryOwnNotificationLink(
  db: Pick<Db, "$queryRaw">,
  userId: number,
  id: number,
): Promise<string | null> {
  const [row] = await db.$queryRaw<{ link: string }[]>`
    SELECT link FROM notifications WHERE id = ${id} AND user_id = ${userId}`;
  return row?.link ?? null;
}
