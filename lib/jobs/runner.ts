// The job runner: graphile-worker inside the app process (started by instrumentation.ts; tests start their
// own). Jobs are rows in PostgreSQL taken with FOR UPDATE SKIP LOCKED, so any number of instances share one
// queue and each job runs once; LISTEN/NOTIFY wakes a runner as soon as a job is committed (polling every
// 2 s is only the fallback); a job that throws is retried with exponential backoff (e^attempts seconds) until
// its max attempts, then stays as failed, with its error, for /admin/jobs.
import { parseCronItems, run, type Runner, type TaskList } from "graphile-worker";
import { CRON_ITEMS, CYCLE_QUEUE } from "./crontab";
import { registerRunner } from "./lifecycle";
import { jobLogger } from "./logger";
import { logger } from "../log";
import { newPgPool } from "../pg-pool";
import { countJobFailure, registerPool } from "../metrics";
import type { JobTask } from "./payloads";
import { createTaskList, type JobDeps } from "./tasks";

/** The application_name of the runner's connections. */
export const JOB_RUNNER_APPLICATION = "tracker-jobs";

export interface JobRunnerOptions {
  connectionString: string;
  deps: JobDeps;
  /** jobs run at once in this process (default 2: this is a small app on a small machine) */
  concurrency?: number;
  /** the crontab (default crontab.ts; tests pass [] to run only what they enqueue) */
  cron?: typeof CRON_ITEMS;
  /** the tasks (default tasks/index.ts for `deps`; tests may add their own) */
  taskList?: TaskList;
  /** a cycle tick at start, as the crontab's first tick may be a minute away (default true) */
  tickAtStart?: boolean;
  /** how long a stop waits for running jobs before it fails them back to the queue (default 5 s) */
  stopTimeoutMs?: number;
  pollInterval?: number;
}

export interface JobRunner {
  readonly runner: Runner;
  /** stops taking jobs, lets running ones finish (or fails them back after stopTimeoutMs); idempotent */
  stop(): Promise<void>;
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  // Our own pool, so its idle connections have an error listener: a database restart (or a terminated
  // backend) must cost a reconnect, never the process. It serves the LISTEN connection, job fetching and
  // completion, and the crontab; the runner does not end a pool it was given, so stop() ends it.
  const pool = newPgPool({
    connectionString: options.connectionString,
    max: Math.max(4, (options.concurrency ?? 2) + 2),
    // named in pg_stat_activity, so an operator (and the tests) can tell the queue's connections apart
    application_name: JOB_RUNNER_APPLICATION,
  });
  const failed = (error: Error) =>
    logger().error({ component: "jobs" }, `job runner: a database connection failed: ${error.message}`);
  // pg-pool listens for errors only on idle connections; one that fails while checked out (the LISTEN
  // connection, a job being fetched or completed) would otherwise be an uncaught 'error' event. The runner
  // notices the failed query itself and reconnects.
  pool.on("error", failed);
  pool.on("connect", (client) => client.on("error", failed));
  const unregisterPool = registerPool("queue", () => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  }));
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      concurrency: options.concurrency ?? 2,
      pollInterval: options.pollInterval ?? 2000,
      // `npm start` owns SIGINT/SIGTERM (scripts/shutdown.ts) and stops the runner through lifecycle.ts
      noHandleSignals: true,
      logger: jobLogger(),
      taskList: options.taskList ?? createTaskList({ databaseUrl: options.connectionString, ...options.deps }),
      parsedCronItems: parseCronItems(options.cron ?? CRON_ITEMS),
    });
  } catch (error) {
    unregisterPool();
    await pool.end().catch(() => undefined);
    throw error;
  }
  // every failed attempt, and whether it was the job's last (it then stays failed until an administrator retries)
  runner.events.on("job:error", ({ job }) => {
    countJobFailure(job.task_identifier, job.attempts >= job.max_attempts);
  });
  let stopping: Promise<void> | undefined;
  const handle: JobRunner = {
    runner,
    stop: () =>
      (stopping ??= stopWithin(runner, options.stopTimeoutMs ?? 5000)
        .finally(() => {
          unregisterPool();
          return pool.end().catch(() => undefined);
        })
        .finally(unregister)),
  };
  const unregister = registerRunner(handle);
  // The runner ends on its own only when its pool fails for good; it is then no longer one of this process's.
  runner.promise.catch(() => undefined).finally(unregister);
  if (options.tickAtStart ?? true) {
    const task: JobTask = "cycle-tick";
    // keyed: several instances starting at once add one start tick between them
    await runner.addJob(task, {}, { jobKey: "cycle-tick:start", queueName: CYCLE_QUEUE, maxAttempts: 3 });
  }
  return handle;
}

async function stopWithin(runner: Runner, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    // stop() rejects when the runner has already ended (its pool failed): then there is nothing left to stop
    const stopped = runner.stop().then(
      () => "stopped" as const,
      () => "stopped" as const,
    );
    const outcome = await Promise.race([stopped, timedOut]);
    // still running a job: give it back to the queue (failed once, retried by another instance or the next start)
    if (outcome === "timeout") await runner.kill("the app is stopping");
  } finally {
    clearTimeout(timer);
  }
}
