// Sending the e-mail outbox so that nothing is sent twice, with any number of app instances and across crashes.
//
// A row goes PENDING → SENDING (claimed: FOR UPDATE SKIP LOCKED, so two senders never take the same row; a
// fresh claim token and a lease) → COMMITTING (recorded, and committed, once the whole message is with the
// server and before the final "." — a compare-and-set on the claim token, so only one sender can ever reach it)
// → SENT (the 250). What a restart (or any sender) finds of a sender that died:
// - SENDING with its lease run out: the server never got the final ".", so it delivered nothing; the row goes
//   back to PENDING and is sent again (with the same Message-ID). Should the first sender still be alive, its
//   compare-and-set fails and it aborts the SMTP transaction: still only one "." per row.
// - COMMITTING with its lease run out: the server may have accepted it (the crash fell between "." and
//   recording the 250). It is never sent again: it becomes UNCERTAIN, for an administrator to look up by its
//   Message-ID in the mail server's log. SMTP cannot say more (README, "E-mail").
import { randomUUID } from "node:crypto";
import { mailEnv } from "../env";
import type { Db } from "../prisma-client";
import { buildMessage, digestMail, notificationMail, type ComposeInput, type MailNotification } from "./compose";
import { digestItems } from "./digest";
import type { MailTransport } from "./transport";

export interface SendOptions {
  /** at most this many mails in one call */
  batch?: number;
  from?: string;
  /** the app's public address, for links */
  appUrl?: string;
  /** how long a claim holds before another sender may take the row back (must exceed the transport's timeouts) */
  leaseMs?: number;
  /** temporary failures before a mail is given up as FAILED */
  maxAttempts?: number;
}

export interface SendReport {
  sent: number;
  retrying: number;
  failed: number;
  uncertain: number;
  cancelled: number;
  /** taken over by another sender midway */
  abandoned: number;
}

export const LEASE_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 10;

/** Minutes before the next attempt after `attempts` failures: 1, 2, 4 … capped at 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

interface Claimed {
  id: number;
  user_id: number;
  notification_id: number | null;
  digest_day: Date | null;
  message_id: string;
  attempts: number;
}

/**
 * Resolves what dead senders left behind (see the top of this file). Returns how many rows were taken back
 * and how many became UNCERTAIN.
 */
export async function resolveAbandoned(
  db: Db,
  now: Date,
  maxAttempts = MAX_ATTEMPTS,
): Promise<{ requeued: number; uncertain: number }> {
  const requeued = await db.$executeRaw`
    UPDATE email_outbox
       SET state = CASE WHEN attempts >= ${maxAttempts} THEN 'FAILED'::"EmailState" ELSE 'PENDING'::"EmailState" END,
           last_error = 'the sender stopped before the message was complete at the server (nothing delivered)',
           updated_at = ${now}
     WHERE state = 'SENDING' AND lease_until < ${now}`;
  const uncertain = await db.$executeRaw`
    UPDATE email_outbox
       SET state = 'UNCERTAIN', updated_at = ${now},
           last_error = 'the sender stopped after handing the message to the server, before its answer was recorded: not sent again (it may have been delivered)'
     WHERE state = 'COMMITTING' AND lease_until < ${now}`;
  return { requeued, uncertain };
}

async function claimOne(db: Db, now: Date, token: string, leaseMs: number): Promise<Claimed | null> {
  const rows = await db.$queryRaw<Claimed[]>`
    WITH next AS (
      SELECT id FROM email_outbox
       WHERE state = 'PENDING' AND next_attempt_at <= ${now}
       ORDER BY next_attempt_at, id
       LIMIT 1
       FOR UPDATE SKIP LOCKED)
    UPDATE email_outbox o
       SET state = 'SENDING', claim_token = ${token}::uuid, lease_until = ${new Date(now.getTime() + leaseMs)},
           attempts = o.attempts + 1, updated_at = ${now}
      FROM next WHERE o.id = next.id
    RETURNING o.id, o.user_id, o.notification_id, o.digest_day, o.message_id, o.attempts`;
  return rows[0] ?? null;
}

/** Records the end of an attempt, if the row is still this sender's. */
async function finish(
  db: Db,
  id: number,
  token: string,
  now: Date,
  set: {
    state: "SENT" | "PENDING" | "FAILED" | "UNCERTAIN" | "CANCELLED";
    error?: string;
    response?: string;
    nextAt?: Date;
  },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE email_outbox
       SET state = ${set.state}::"EmailState", updated_at = ${now},
           last_error = ${set.error ?? null}, smtp_response = coalesce(${set.response ?? null}, smtp_response),
           sent_at = CASE WHEN ${set.state} = 'SENT' THEN ${now} ELSE sent_at END,
           next_attempt_at = coalesce(${set.nextAt ?? null}, next_attempt_at)
     WHERE id = ${id} AND claim_token = ${token}::uuid
       AND state IN ('SENDING', 'COMMITTING', 'UNCERTAIN')`;
  return changed === 1;
}

interface Recipient {
  email: string | null;
  display_name: string;
  email_opt_out: boolean;
  disabled: boolean;
}

async function contentOf(
  db: Db,
  row: Claimed,
): Promise<{ recipient: Recipient | null; notifications: MailNotification[]; day: string | null }> {
  const [recipient] = await db.$queryRaw<Recipient[]>`
    SELECT email, display_name, email_opt_out, disabled FROM users WHERE id = ${row.user_id}`;
  if (row.notification_id !== null) {
    const notifications = await db.$queryRaw<MailNotification[]>`
      SELECT kind, params, link FROM notifications WHERE id = ${row.notification_id}`;
    return { recipient: recipient ?? null, notifications, day: null };
  }
  const day = row.digest_day!.toISOString().slice(0, 10);
  return { recipient: recipient ?? null, notifications: await digestItems(db, row.user_id, day), day };
}

/**
 * Claims due mails one at a time (up to `batch`) and sends each through `transport`. Safe to run at the same
 * time in any number of processes; a mail is never sent twice (see the top of this file).
 */
export async function sendPendingEmails(
  db: Db,
  transport: MailTransport,
  now: Date,
  options: SendOptions = {},
): Promise<SendReport> {
  const batch = options.batch ?? 20;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const defaults = options.from && options.appUrl ? null : mailEnv();
  const from = options.from ?? defaults!.from;
  const appUrl = (options.appUrl ?? defaults!.appUrl).replace(/\/+$/, "");
  const report: SendReport = { sent: 0, retrying: 0, failed: 0, uncertain: 0, cancelled: 0, abandoned: 0 };

  await resolveAbandoned(db, now, maxAttempts);
  for (let i = 0; i < batch; i++) {
    const token = randomUUID();
    const row = await claimOne(db, now, token, leaseMs);
    if (!row) break;
    const { recipient, notifications, day } = await contentOf(db, row);
    // The person removed their address, opted out or left since the mail was queued; or a digest has nothing.
    if (!recipient?.email || recipient.email_opt_out || recipient.disabled || notifications.length === 0) {
      await finish(db, row.id, token, now, { state: "CANCELLED" });
      report.cancelled++;
      continue;
    }
    const input: ComposeInput = {
      from,
      to: recipient.email,
      name: recipient.display_name,
      messageId: row.message_id,
      appUrl,
      date: now,
    };
    const content = day === null ? notificationMail(input, notifications[0]!) : digestMail(input, day, notifications);
    const raw = await buildMessage(input, content);
    const to = recipient.email;
    const outcome = await transport.send({ from, to, raw }, async () => {
      const committed = await db.$executeRaw`
        UPDATE email_outbox SET state = 'COMMITTING', recipient = ${to}, updated_at = ${now}
         WHERE id = ${row.id} AND claim_token = ${token}::uuid AND state = 'SENDING'`;
      return committed === 1;
    });
    switch (outcome.kind) {
      case "sent":
        await finish(db, row.id, token, now, { state: "SENT", response: outcome.response });
        report.sent++;
        break;
      case "uncertain":
        await finish(db, row.id, token, now, { state: "UNCERTAIN", error: outcome.error });
        report.uncertain++;
        break;
      case "abandoned":
        report.abandoned++;
        break;
      case "refused":
      case "failed": {
        const giveUp = (outcome.kind === "refused" && outcome.permanent) || row.attempts >= maxAttempts;
        await finish(db, row.id, token, now, {
          state: giveUp ? "FAILED" : "PENDING",
          error: outcome.error,
          nextAt: giveUp ? undefined : new Date(now.getTime() + backoffMs(row.attempts)),
        });
        if (giveUp) report.failed++;
        else report.retrying++;
        break;
      }
    }
  }
  return report;
}
