// Enqueueing a job in the caller's transaction. graphile_worker.add_job() is a SQL function, so the job row is
// written by the same transaction as the data change that causes it: it exists if and only if that change
// commits (no job for a rolled-back change, no change without its job), and the runners are woken by the
// NOTIFY that PostgreSQL delivers at commit.
import type { Prisma } from "../generated/prisma/client";
import { JOB_PAYLOADS, type JobPayload, type JobTask } from "./payloads";

type Tx = Prisma.TransactionClient;

export interface EnqueueOptions {
  /**
   * Makes enqueueing idempotent: a job waiting with the same key is replaced (its payload and run time
   * updated, its attempts reset) instead of a second one being added; a running one is left to finish and a
   * new job is added, since the call means there is news it has not seen.
   */
  jobKey?: string;
  /** not before this moment (default: now) */
  runAt?: Date;
  /** attempts before the job counts as failed (default 25; retries back off exponentially: e^attempts s) */
  maxAttempts?: number;
  /** jobs of one queue run one at a time, in order */
  queueName?: string;
}

/** Adds a job (validating its payload first) and returns its id. */
export async function enqueue<T extends JobTask>(
  tx: Tx,
  task: T,
  payload: JobPayload<T>,
  options: EnqueueOptions = {},
): Promise<string> {
  const checked: unknown = JOB_PAYLOADS[task].parse(payload);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM graphile_worker.add_job(
      identifier => ${task}::text,
      payload => ${JSON.stringify(checked)}::json,
      queue_name => ${options.queueName ?? null}::text,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text)`;
  return rows[0]!.id;
}
