// Timed work: graphile-worker's crontab. Each tick is enqueued once across all instances (the instances agree
// through graphile_worker's crontab bookkeeping), then runs on whichever instance takes it.
import type { CronItem } from "graphile-worker";
import type { JobTask } from "./payloads";

export const CYCLE_QUEUE = "cycle";
export const EMAIL_QUEUE = "email";
export const BACKUP_QUEUE = "backup";
export const WEBHOOK_QUEUE = "webhook";
export const API_QUEUE = "api";

/**
 * A task ticked every minute on its own queue, never backfilled (one tick catches up on everything due),
 * tried `maxAttempts` times.
 */
function everyMinute(task: JobTask, queueName: string, maxAttempts: number): CronItem & { task: JobTask } {
  return { task, match: "* * * * *", identifier: task, options: { backfillPeriod: 0, maxAttempts, queueName } };
}

export const CRON_ITEMS: (CronItem & { task: JobTask })[] = [
  // Every minute: open due periods, close due ones. No backfill: one tick catches up on everything due.
  // Ticks run one at a time (one queue); a tick that fails is retried twice, then stays visible as failed
  // on /admin/jobs — the next minute's tick tries the work again anyway.
  everyMinute("cycle-tick", CYCLE_QUEUE, 3),
  // Every minute: the outbox's due mails (and, once a day, each digest taker's digest). A queue of its own, so
  // a slow mail server never holds up the cycle; the outbox's claims make two runs at once harmless.
  everyMinute("email-deliver", EMAIL_QUEUE, 3),
  // Every minute: the day's backup into BACKUP_DIR once its time (BACKUP_AT, China) has come (nothing without
  // BACKUP_DIR). A queue of its own, so a dump of a big database never holds up the cycle or the mail. The
  // time is read from lib/clock.ts, not from the crontab, so tests move it; the slot's row in backup_runs
  // makes a slot run once. One attempt: a failed dump is recorded by the task itself, not retried each minute.
  everyMinute("backup-tick", BACKUP_QUEUE, 1),
  // Every minute: the webhook deliveries whose (next) attempt has come (a retry after its backoff). A new
  // delivery does not wait for this: the write that makes it enqueues the same task (lib/writes/webhook-events.ts).
  everyMinute("webhook-deliver", WEBHOOK_QUEUE, 3),
  {
    // Every hour: the open API's Idempotency-Key rows older than a day and its ended rate-limit windows. What is
    // due is computed from lib/clock.ts, not from the crontab, so tests move it; a missed hour is caught up by the next.
    task: "api-cleanup",
    match: "0 * * * *",
    identifier: "api-cleanup",
    options: { backfillPeriod: 0, maxAttempts: 3, queueName: API_QUEUE },
  },
];
