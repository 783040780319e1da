// Telling people things. A notification is written in the same transaction as the change that causes it, so a
// rolled-back change tells no one; (user, key) is unique, so a repeated change — a retried job, a second
// instance running the same rule, a restart — tells no one twice. Whatever delivers it (the notification
// centre, e-mail) reads these rows. When e-mail is on, the same transaction queues the mail (email_outbox) of
// each new notification whose reader has an address, has not opted out and does not take the daily digest;
// lib/mail/outbox.ts sends it.
import { Prisma } from "../generated/prisma/client";
import { mailEnabled } from "../env";
import type { NotificationKind, NotificationParams } from "../notification-kinds";

type Tx = Prisma.TransactionClient;

export interface NotifyInput {
  userIds: readonly number[];
  kind: NotificationKind;
  /** names the thing told about, e.g. "urge:period:12:unit:5": the same key is told to a person once */
  key: string;
  params: NotificationParams;
  /** the app path of the thing concerned, e.g. /items/1.2.3 */
  link: string;
  at: Date;
  isSample?: boolean;
}

export interface NotifyOptions {
  /** queue e-mail for the new notifications: on when SMTP_URL is set */
  email?: boolean;
}

export interface Notified {
  id: number;
  userId: number;
}

/** Writes the notification for each person not told `key` before; returns the ones written now. */
export async function notify(tx: Tx, input: NotifyInput, options: NotifyOptions = {}): Promise<Notified[]> {
  const userIds = [...new Set(input.userIds)].sort((a, b) => a - b);
  if (userIds.length === 0) return [];
  if (!input.link.startsWith("/") || input.link.startsWith("//"))
    throw new RangeError(`notification link must be an app path: ${input.link}`);
  const rows = await tx.$queryRaw<{ id: number; user_id: number }[]>`
    INSERT INTO notifications (user_id, kind, key, params, link, created_at, is_sample)
    SELECT u, ${input.kind}, ${input.key}, ${JSON.stringify(input.params)}::jsonb, ${input.link}, ${input.at},
           ${input.isSample ?? false}
      FROM unnest(${userIds}::int[]) AS u
    ON CONFLICT (user_id, key) DO NOTHING
    RETURNING id, user_id`;
  if (rows.length > 0 && (options.email ?? mailEnabled()))
    await queueMails(
      tx,
      rows.map((r) => r.id),
      input.at,
    );
  return rows.map((r) => ({ id: r.id, userId: r.user_id })).sort((a, b) => a.userId - b.userId);
}

/**
 * Marks a person's notifications read (those named, or all when `ids` is omitted, or all up to and including id
 * `upTo` — what the person had on screen when they pressed "mark all read"); returns how many changed.
 */
export async function markRead(
  tx: Tx,
  userId: number,
  at: Date,
  ids?: readonly number[],
  { upTo }: { upTo?: number } = {},
): Promise<number> {
  const only = Prisma.sql`${ids === undefined ? Prisma.empty : Prisma.sql`AND id = ANY(${[...ids]}::int[])`} ${
    upTo === undefined ? Prisma.empty : Prisma.sql`AND id <= ${upTo}`
  }`;
  return tx.$executeRaw`
    UPDATE notifications SET read_at = ${at} WHERE user_id = ${userId} AND read_at IS NULL ${only}`;
}

/** Queues one mail per new notification whose reader takes e-mail one by one (the rest: the digest, or none). */
async function queueMails(tx: Tx, notificationIds: number[], at: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO email_outbox (user_id, notification_id, next_attempt_at, created_at, updated_at)
    SELECT n.user_id, n.id, ${at}, ${at}, ${at}
      FROM notifications n JOIN users u ON u.id = n.user_id
     WHERE n.id = ANY(${notificationIds}::int[])
       AND u.email IS NOT NULL AND NOT u.email_opt_out AND NOT u.email_digest
       AND NOT u.disabled AND NOT u.pending_approval
     ORDER BY n.id
    ON CONFLICT (notification_id) DO NOTHING`;
}
