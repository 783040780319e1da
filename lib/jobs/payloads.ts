// The task list's contract: every background task the app runs, by name, with the payload it accepts. Kept in
// the core (no Next.js, no writes) so that a write in lib/writes can enqueue a typed job in its own transaction
// (enqueue.ts) and the runner (runner.ts, tasks/) can check what it is handed.
//
// To add a task (a reminder, a 催办, an email): name it here with its payload schema, write its handler in
// tasks/<name>.ts (idempotent: it may run twice after a crash, and must take the time from its deps' clock),
// and list it in tasks/index.ts. A timed task also gets a line in crontab.ts.
import { z } from "zod";

export const JOB_PAYLOADS = {
  /** opens the reporting periods whose day has come and closes those whose last day is over (crontab.ts) */
  "cycle-tick": z.looseObject({}),
  /** queues the day's e-mail digests and sends a batch of the e-mail outbox (nothing without SMTP_URL) */
  "email-deliver": z.looseObject({}),
  /** takes the day's scheduled backup into BACKUP_DIR when it is due (nothing without BACKUP_DIR) */
  "backup-tick": z.looseObject({}),
  /** sends the due webhook deliveries (lib/webhooks/deliver.ts): enqueued with each new one, and every minute */
  "webhook-deliver": z.looseObject({}),
  /** drops the open API's expired Idempotency-Key rows and ended rate-limit windows (lib/writes/api-housekeeping.ts) */
  "api-cleanup": z.looseObject({}),
} as const;

export type JobTask = keyof typeof JOB_PAYLOADS;
export type JobPayload<T extends JobTask> = z.input<(typeof JOB_PAYLOADS)[T]>;

export const JOB_TASKS = Object.keys(JOB_PAYLOADS) as JobTask[];

export function isJobTask(name: string): name is JobTask {
  return Object.hasOwn(JOB_PAYLOADS, name);
}
