// The job queue as administrators see it (/admin/jobs), read from graphile-worker's public view
// graphile_worker.jobs. A job's state follows from its row: running while a worker holds its lock; failed once
// its attempts reached its max attempts (it stays, with its last error, until retried); retrying when it failed
// before and waits for its next attempt; queued otherwise (possibly scheduled for later). A completed job is
// deleted by the queue, so what has run shows as each timed task's last tick (its crontab bookkeeping).
import type { Db } from "../prisma-client";

export const JOB_STATES = ["running", "failed", "retrying", "queued"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** rows shown per state (the counts are exact) */
export const JOB_LIST_LIMIT = 100;

export interface JobRow {
  id: string;
  task: string;
  queue: string | null;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  /** the next attempt (queued, retrying) or when it was due (running, failed) */
  runAt: Date;
  createdAt: Date;
  updatedAt: Date;
  key: string | null;
  lockedAt: Date | null;
  lockedBy: string | null;
}

export interface CronTick {
  identifier: string;
  knownSince: Date;
  lastExecution: Date | null;
}

export interface JobsOverview {
  counts: Record<JobState, number>;
  jobs: Record<JobState, JobRow[]>;
  cron: CronTick[];
}

const STATE_SQL = `CASE
    WHEN locked_at IS NOT NULL THEN 'running'
    WHEN attempts >= max_attempts THEN 'failed'
    WHEN attempts > 0 THEN 'retrying'
    ELSE 'queued' END`;

export async function queryJobsOverview(client: Db, limit = JOB_LIST_LIMIT): Promise<JobsOverview> {
  const [counts, rows, cron] = await Promise.all([
    client.$queryRawUnsafe<{ state: JobState; n: number }[]>(
      `SELECT ${STATE_SQL} AS state, count(*)::int AS n FROM graphile_worker.jobs GROUP BY 1`,
    ),
    // per state the most recent rows: failed and retrying by their last failure, the others by run time
    client.$queryRawUnsafe<
      {
        id: string;
        task: string;
        queue: string | null;
        state: JobState;
        attempts: number;
        max_attempts: number;
        last_error: string | null;
        run_at: Date;
        created_at: Date;
        updated_at: Date;
        key: string | null;
        locked_at: Date | null;
        locked_by: string | null;
      }[]
    >(
      `SELECT * FROM (
         SELECT id::text, task_identifier AS task, queue_name AS queue, ${STATE_SQL} AS state, attempts::int,
                max_attempts::int, last_error, run_at, created_at, updated_at, key, locked_at, locked_by,
                row_number() OVER (PARTITION BY ${STATE_SQL} ORDER BY
                  CASE WHEN attempts > 0 AND locked_at IS NULL THEN updated_at END DESC NULLS LAST, run_at, id) AS n
           FROM graphile_worker.jobs) j
        WHERE n <= $1
        ORDER BY state, n`,
      limit,
    ),
    client.$queryRawUnsafe<{ identifier: string; known_since: Date; last_execution: Date | null }[]>(
      `SELECT identifier, known_since, last_execution FROM graphile_worker._private_known_crontabs ORDER BY identifier`,
    ),
  ]);
  const empty = () => ({ running: [], failed: [], retrying: [], queued: [] }) as Record<JobState, JobRow[]>;
  const jobs = empty();
  for (const r of rows)
    jobs[r.state].push({
      id: r.id,
      task: r.task,
      queue: r.queue,
      state: r.state,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      lastError: r.last_error,
      runAt: r.run_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      key: r.key,
      lockedAt: r.locked_at,
      lockedBy: r.locked_by,
    });
  const countByState = { running: 0, failed: 0, retrying: 0, queued: 0 } as Record<JobState, number>;
  for (const c of counts) countByState[c.state] = c.n;
  return {
    counts: countByState,
    jobs,
    cron: cron.map((c) => ({ identifier: c.identifier, knownSince: c.known_since, lastExecution: c.last_execution })),
  };
}

/** One job's state and lock, for a write that must know why it cannot act (gone, running). */
export async function queryJobState(
  client: Pick<Db, "$queryRaw">,
  jobId: number,
): Promise<{ state: JobState; task: string } | null> {
  const rows = await client.$queryRaw<{ state: JobState; task: string }[]>`
    SELECT CASE WHEN locked_at IS NOT NULL THEN 'running' WHEN attempts >= max_attempts THEN 'failed'
                WHEN attempts > 0 THEN 'retrying' ELSE 'queued' END AS state, task_identifier AS task
      FROM graphile_worker.jobs WHERE id = ${jobId}::bigint`;
  return rows[0] ?? null;
}

/** How many jobs of the shared queue are in each state (the metrics' queue depth, read at scrape time). */
export async function queryJobCounts(client: Pick<Db, "$queryRawUnsafe">): Promise<Record<JobState, number>> {
  const rows = await client.$queryRawUnsafe<{ state: JobState; n: number }[]>(
    `SELECT ${STATE_SQL} AS state, count(*)::int AS n FROM graphile_worker.jobs GROUP BY 1`,
  );
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}
