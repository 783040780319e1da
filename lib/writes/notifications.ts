// Telling people things. A notification is written in the same transaction as the change that causes it, so a
// rolled-back change tells no one; (user, key) is unique, so a repeated change — a retried job, a second
// instance running the same rule, a restart — tells no one twice. Whatever delivers it (the notification
// centre, e-mail) reads these rows.
import { Prisma } from "../generated/prisma/client";
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

export interface Notified {
  id: number;
  userId: number;
}

/** Writes the notification for each person not told `key` before; returns the ones written now. */
export async function notify(tx: Tx, input: NotifyInput): Promise<Notified[]> {
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
  return rows.map((r) => ({ id: r.id, userId: r.user_id })).sort((a, b) => a.userId - b.userId);
}

/** Marks a person's notifications read (those named, or all when `ids` is omitted); returns how many changed. */
export async function markRead(tx: Tx, userId: number, at: Date, ids?: readonly number[]): Promise<number> {
  const only = ids === undefined ? Prisma.empty : Prisma.sql`AND id = ANY(${[...ids]}::int[])`;
  return tx.$executeRaw`
    UPDATE notifications SET read_at = ${at} WHERE user_id = ${userId} AND read_at IS NULL ${only}`;
}
