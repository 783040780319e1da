// The daily digest: for people who chose it, one mail per day listing that day's notifications (China days),
// queued once the day is over. (person, day) is unique in the outbox, so calling queueDigests again — every
// tick, from every instance — queues nothing twice.
import { addDays, endOfDay, todayInChina } from "../dates";
import type { Db } from "../prisma-client";
import type { MailNotification } from "./compose";

/** The notifications a digest of `day` lists: those of that day not mailed on their own. */
export async function digestItems(db: Db, userId: number, day: string): Promise<MailNotification[]> {
  const from = endOfDay(addDays(day, -1));
  return db.$queryRaw<MailNotification[]>`
    SELECT n.kind, n.params, n.link FROM notifications n
     WHERE n.user_id = ${userId} AND n.created_at >= ${from} AND n.created_at < ${endOfDay(day)}
       AND NOT EXISTS (SELECT 1 FROM email_outbox e WHERE e.notification_id = n.id)
     ORDER BY n.created_at, n.id`;
}

/**
 * Queues the digest of each finished day of the last `days` (default 3: a day missed while no instance ran is
 * still sent) for every person who takes the digest, has an address and had notifications that day that were
 * not mailed on their own. Returns how many digests were queued now.
 */
export async function queueDigests(db: Db, now: Date, { days = 3 }: { days?: number } = {}): Promise<number> {
  const today = todayInChina(now);
  const from = endOfDay(addDays(today, -days - 1));
  const until = endOfDay(addDays(today, -1));
  return db.$executeRaw`
    INSERT INTO email_outbox (user_id, digest_day, next_attempt_at, created_at, updated_at)
    SELECT DISTINCT n.user_id, (n.created_at AT TIME ZONE 'Asia/Shanghai')::date, ${now}::timestamptz,
           ${now}::timestamptz, ${now}::timestamptz
      FROM notifications n JOIN users u ON u.id = n.user_id
     WHERE n.created_at >= ${from} AND n.created_at < ${until}
       AND u.email IS NOT NULL AND u.email_digest AND NOT u.email_opt_out AND NOT u.disabled AND NOT u.pending_approval
       AND NOT EXISTS (SELECT 1 FROM email_outbox e WHERE e.notification_id = n.id)
    ON CONFLICT (user_id, digest_day) DO NOTHING`;
}
