// The job runner on PostgreSQL (lib/jobs, graphile-worker), against a real database: two runners — two pools,
// as two app instances would have — share one queue and run each job exactly once; a job is picked up through
// LISTEN/NOTIFY, not by polling; a failing job backs off exponentially, ends as failed with its error on
// /admin/jobs' data, and the retry action runs it again; a job enqueued in a rolled-back transaction does not
// exist; the cycle tick, run through the queue with a moved clock, opens and closes periods. No sleeps: every
// wait polls a condition with a deadline, and the backoff is checked on the scheduled time, then brought forward.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TaskList } from "graphile-worker";
import { retryJob } from "@/lib/actions/jobs";
import { now, resetClock, setClock } from "@/lib/clock";
import { getJobsOverview } from "@/lib/data/jobs";
import { CRON_ITEMS } from "@/lib/jobs/crontab";
import { enqueue } from "@/lib/jobs/enqueue";
import { runnerCount, stopJobRunners } from "@/lib/jobs/lifecycle";
import { JOB_RUNNER_APPLICATION, startJobRunner, type JobRunner } from "@/lib/jobs/runner";
import { createTaskList, type JobDeps } from "@/lib/jobs/tasks";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { fakeBulletinRenderer, fakeSupervisionRenderer } from "../support/fake-renderers";
import { signIn, signOut } from "../support/session";
import { pollUntil } from "../support/poll";

let t: TestDatabase;
const runners: JobRunner[] = [];
let deps: JobDeps;

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  deps = { db: t.db, now, renderBulletin: fakeBulletinRenderer, renderSupervision: fakeSupervisionRenderer };
  await t.db.$executeRawUnsafe(
    `CREATE TABLE job_effects (n int NOT NULL, runner text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );
});
afterEach(async () => {
  resetClock();
  signOut();
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});
afterAll(async () => t.drop());

const until = <T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000) =>
  pollUntil(t.db, what, check, timeoutMs);

async function start(options: { taskList?: TaskList; pollInterval?: number; tickAtStart?: boolean } = {}) {
  const runner = await startJobRunner({
    connectionString: t.url,
    deps,
    cron: [],
    tickAtStart: options.tickAtStart ?? false,
    taskList: options.taskList,
    pollInterval: options.pollInterval,
  });
  runners.push(runner);
  return runner;
}

const jobCount = async (task: string) =>
  Number(
    (
      await t.db.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = ${task}`
    )[0]!.n,
  );

describe("two runners on one database", () => {
  it("run each of N jobs exactly once between them", async () => {
    const N = 200;
    // Which runner gets how many jobs is up to timing: one idle runner can drain all 200 before the other
    // wakes. To check that both take part without depending on timing, each runner's first job waits
    // (bounded) until the other runner has started one too — a job locked by one runner is invisible to the
    // other, so the other must fetch a different one.
    const started = new Set<string>();
    const effect =
      (name: string): TaskList[string] =>
      async (payload) => {
        const { n } = payload as { n: number };
        started.add(name);
        await until("the other runner to start a job", async () => started.size === 2, 20_000);
        await t.db.$executeRaw`INSERT INTO job_effects (n, runner) VALUES (${n}, ${name})`;
      };
    await start({ taskList: { "test-effect": effect("a") } });
    await start({ taskList: { "test-effect": effect("b") } });
    const startedAt = Date.now();
    // one transaction, N jobs: both runners are told at its commit
    await t.db.$executeRaw`
      SELECT graphile_worker.add_jobs(array_agg(('test-effect', json_build_object('n', n), null, null, null, null, null, null)::graphile_worker.job_spec))
        FROM generate_series(1, ${N}::int) n`;
    await until("every job to run", async () => (await jobCount("test-effect")) === 0);
    const elapsed = Date.now() - startedAt;
    const rows = await t.db.$queryRaw<{ n: number; times: number }[]>`
      SELECT n, count(*)::int AS times FROM job_effects GROUP BY n ORDER BY n`;
    expect(rows.length).toBe(N);
    expect(rows.filter((r) => r.times !== 1)).toEqual([]);
    const byRunner = await t.db.$queryRaw<{ runner: string; n: number }[]>`
      SELECT runner, count(*)::int AS n FROM job_effects GROUP BY runner ORDER BY runner`;
    console.log(`two runners: ${N} jobs in ${elapsed} ms, split ${JSON.stringify(byRunner)}`);
    expect(byRunner.map((r) => r.runner)).toEqual(["a", "b"]);
  });

  it("pick a committed job up through LISTEN/NOTIFY, not by polling", async () => {
    const pickedAt: number[] = [];
    // Polling once an hour (the runner's one poll is at its start, before any job exists): every job picked up
    // at all within the wait was woken by the notification. The latency is logged, not asserted — a loaded
    // machine may take seconds; speed is measured in bench/, not here.
    await start({
      pollInterval: 3_600_000,
      taskList: {
        "test-latency": async () => {
          pickedAt.push(Date.now());
        },
      },
    });
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const committed = await t.db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT graphile_worker.add_job('test-latency', '{}'::json)`;
        return () => Date.now();
      });
      const at = committed();
      await until("the job to start", async () => pickedAt.length === i + 1, 120_000);
      latencies.push(pickedAt[i]! - at);
    }
    latencies.sort((a, b) => a - b);
    console.log(`pickup latency over 10 jobs: median ${latencies[5]} ms, max ${latencies[9]} ms`);
    expect(pickedAt).toHaveLength(10);
  });
});

describe("the runner's database connections", () => {
  it("may all be terminated: the process keeps running and the runner takes the next job", async () => {
    const ran: number[] = [];
    // graphile-worker warns at start about a pool whose connections have no error listener of their own
    const warn = vi.spyOn(console, "warn");
    try {
      await start({
        pollInterval: 500,
        taskList: { "test-after-kill": async (p) => void ran.push((p as { n: number }).n) },
      });
      expect(warn.mock.calls.filter((c) => String(c[0]).includes("error handlers"))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
    await t.db.$queryRaw`SELECT graphile_worker.add_job('test-after-kill', json_build_object('n', 1))`;
    await until("the first job to run", async () => ran.length === 1);
    const killed = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
       WHERE application_name = ${JOB_RUNNER_APPLICATION} AND datname = current_database()`;
    // at least the LISTEN connection, which the runner holds all the time
    expect(killed[0]!.n).toBeGreaterThan(0);
    await t.db.$queryRaw`SELECT graphile_worker.add_job('test-after-kill', json_build_object('n', 2))`;
    await until("a job after the connections were terminated", async () => ran.length === 2, 60_000);
    expect(ran).toEqual([1, 2]);
  });
});

describe("a failing job", () => {
  it("backs off, ends as failed with its error on /admin/jobs, and runs again when an administrator retries it", async () => {
    let failing = true;
    let runs = 0;
    await start({
      taskList: {
        "test-flaky": async () => {
          runs += 1;
          if (failing) throw new Error(`接口暂不可用 (attempt ${runs})`);
          await t.db.$executeRaw`INSERT INTO job_effects (n, runner) VALUES (-1, 'flaky')`;
        },
      },
    });
    const [{ id }] = (await t.db.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM graphile_worker.add_job('test-flaky', '{}'::json, max_attempts => 3)`) as [{ id: string }];
    const jobRow = async () =>
      (
        await t.db.$queryRaw<{ attempts: number; last_error: string | null; delay: number; locked: boolean }[]>`
          SELECT attempts::int, last_error, extract(epoch FROM run_at - updated_at)::float8 AS delay,
                 locked_at IS NOT NULL AS locked
            FROM graphile_worker.jobs WHERE id = ${id}::bigint`
      )[0];
    // graphile-worker schedules attempt k+1 e^k seconds after the k-th failure
    for (const attempt of [1, 2]) {
      const row = await until(`failure ${attempt}`, async () => {
        const r = await jobRow();
        return r && r.attempts === attempt && !r.locked ? r : undefined;
      });
      expect(row.last_error).toContain(`接口暂不可用 (attempt ${attempt})`);
      expect(row.delay).toBeGreaterThan(Math.exp(attempt) - 0.5);
      expect(row.delay).toBeLessThan(Math.exp(attempt) + 0.5);
      // time passes: bring the next attempt forward instead of waiting for it
      await t.db.$executeRaw`SELECT graphile_worker.reschedule_jobs(ARRAY[${id}::bigint], run_at => now())`;
      await t.db.$executeRaw`SELECT pg_notify('jobs:insert', '{"count":1}')`;
    }
    await until("the last failure", async () => {
      const r = await jobRow();
      return r && r.attempts === 3 && !r.locked;
    });

    const admin = await t.db.user.findFirstOrThrow({ where: { role: "ADMIN", disabled: false } });
    signIn(admin);
    const overview = await getJobsOverview();
    const failed = overview.jobs.failed.find((j) => j.id === id);
    expect(failed).toMatchObject({ task: "test-flaky", attempts: 3, maxAttempts: 3, state: "failed" });
    expect(failed!.lastError).toContain("接口暂不可用 (attempt 3)");
    expect(overview.counts.failed).toBeGreaterThanOrEqual(1);
    expect(runs).toBe(3);

    // not for a viewer
    const viewer = await t.db.user.findFirstOrThrow({ where: { role: "VIEWER", disabled: false } });
    signIn(viewer);
    const form = new FormData();
    form.set("jobId", id);
    expect(await retryJob(null, form)).toMatchObject({ ok: false, code: "forbidden" });

    failing = false;
    signIn(admin);
    expect(await retryJob(null, form)).toEqual({ ok: true, message: "jobs.retryDone" });
    await until("the retried job to complete", async () => (await jobCount("test-flaky")) === 0);
    expect(runs).toBe(4);
    expect(await t.db.$queryRaw`SELECT runner FROM job_effects WHERE n = -1`).toEqual([{ runner: "flaky" }]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "job.retry", targetId: id } });
    expect(audit.actorId).toBe(admin.id);
    // it is gone now: a second retry is refused as not found, and nothing is written
    expect(await retryJob(null, form)).toMatchObject({ ok: false, code: "not-found", message: "jobs.errors.notFound" });
  });

  it("is refused a retry while it is still queued", async () => {
    const admin = await t.db.user.findFirstOrThrow({ where: { role: "ADMIN", disabled: false } });
    signIn(admin);
    const [{ id }] = (await t.db.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM graphile_worker.add_job('test-nobody-runs', '{}'::json)`) as [{ id: string }];
    const form = new FormData();
    form.set("jobId", id);
    expect(await retryJob(null, form)).toMatchObject({ ok: false, code: "invalid", message: "jobs.errors.notFailed" });
    form.set("jobId", "abc");
    expect(await retryJob(null, form)).toMatchObject({ ok: false, code: "invalid" });
    await t.db.$executeRaw`SELECT graphile_worker.complete_jobs(ARRAY[${id}::bigint])`;
  });
});

describe("enqueue in the caller's transaction", () => {
  it("leaves no job when the transaction rolls back, and one when it commits", async () => {
    const keyed = async (key: string) =>
      Number(
        (await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${key}`)[0]!
          .n,
      );
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.unit.update({ where: { id: (await tx.unit.findFirstOrThrow()).id }, data: { shortName: "回滚" } });
        await enqueue(tx, "cycle-tick", {}, { jobKey: "rolled-back" });
        expect(await keyed("rolled-back")).toBe(0); // not visible outside the transaction either
        throw new Error("the data change fails");
      }),
    ).rejects.toThrow("the data change fails");
    expect(await keyed("rolled-back")).toBe(0);
    expect(await t.db.unit.count({ where: { shortName: "回滚" } })).toBe(0);

    const id = await t.db.$transaction((tx) => enqueue(tx, "cycle-tick", {}, { jobKey: "committed", maxAttempts: 2 }));
    expect(await keyed("committed")).toBe(1);
    // the same key again replaces the waiting job instead of adding one
    const again = await t.db.$transaction((tx) => enqueue(tx, "cycle-tick", {}, { jobKey: "committed" }));
    expect(again).toBe(id);
    expect(await keyed("committed")).toBe(1);
    await t.db.$executeRaw`SELECT graphile_worker.remove_job('committed')`;
  });
});

describe("the cycle tick on the queue", () => {
  it("opens and closes periods as the clock moves, with a tick at start and one per enqueue", async () => {
    expect(CRON_ITEMS.map((c) => [c.task, c.match])).toEqual([
      ["cycle-tick", "* * * * *"],
      ["email-deliver", "* * * * *"],
      ["backup-tick", "* * * * *"],
      ["webhook-deliver", "* * * * *"],
      ["api-cleanup", "0 * * * *"],
    ]);
    setClock("2036-03-10T02:00:00Z");
    const march = () => t.db.reportingPeriod.findFirst({ where: { label: "2036年3月" } });
    // the runner's start tick opens the month the clock is in
    await start({ taskList: createTaskList(deps), tickAtStart: true });
    const opened = await until("March 2036 to open", async () => (await march())?.openedAt ?? undefined);
    expect(opened).toEqual(new Date("2036-03-10T02:00:00Z"));
    expect((await march())!.closedAt).toBeNull();

    setClock("2036-03-31T16:01:00Z"); // 00:01 on 1 April in China
    await t.db.$transaction((tx) => enqueue(tx, "cycle-tick", {}));
    const closed = await until("March 2036 to close", async () => (await march())?.closedAt ?? undefined);
    expect(closed).toEqual(new Date("2036-03-31T16:01:00Z"));
    const april = await until("April 2036 to open", async () =>
      t.db.reportingPeriod
        .findFirst({ where: { label: "2036年4月", openedAt: { not: null } } })
        .then((p) => p ?? undefined),
    );
    expect(april.openedAt).toEqual(new Date("2036-03-31T16:01:00Z"));

    // ticking again changes nothing: the work is idempotent
    await t.db.$transaction((tx) => enqueue(tx, "cycle-tick", {}));
    await until("the tick to complete", async () => (await jobCount("cycle-tick")) === 0);
    expect(await t.db.reportingPeriod.count({ where: { label: { in: ["2036年3月", "2036年4月"] } } })).toBe(2);
  });

  it("registers the crontab's tick with the queue, and stops with the process's other runners", async () => {
    const before = runnerCount();
    await startJobRunner({ connectionString: t.url, deps, tickAtStart: false, taskList: {} });
    expect(runnerCount()).toBe(before + 1);
    try {
      const known = await until("the crontab to register its tick", async () => {
        const rows = await t.db.$queryRaw<{ identifier: string }[]>`
          SELECT identifier FROM graphile_worker._private_known_crontabs WHERE identifier = 'cycle-tick'`;
        return rows[0];
      });
      expect(known).toEqual({ identifier: "cycle-tick" });
    } finally {
      await stopJobRunners();
    }
    expect(runnerCount()).toBe(0);
  });
});
