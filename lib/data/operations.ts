import "server-only";
// Reads for the operations endpoints (/api/ready, /api/metrics). These are the only reads without a permission
// check: /api/ready is for load balancers and service managers, which hold no session, and answers nothing but
// ok / not-ready per check; /api/metrics is guarded by address or token instead (lib/http/metrics-access.ts).
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { db } from "../db";
import { isDatabaseUnavailable } from "../db-errors";
import { runnerCount } from "../jobs/lifecycle";
import { logger } from "../log";
import { setBackupStatus, setJobQueue } from "../metrics";
import { backupStatus } from "../queries/backups";
import { isStopping } from "../process-stop";
import { queryJobCounts } from "../queries/jobs";
import { queryAppliedMigrations } from "../queries/operations";

export type CheckState = "ok" | "not-ready";

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckState>;
}

/** A check that has not answered by then counts as not ready: a hung database must not hang the prober. */
const CHECK_TIMEOUT_MS = 2000;

let expectedMigrations: Promise<string[]> | undefined;

/** The migration folders this build carries (read once: they change only with a new release). */
function migrationFolders(): Promise<string[]> {
  expectedMigrations ??= (async () => {
    const dir = join(process.cwd(), "prisma", "migrations");
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name);
  })();
  expectedMigrations.catch(() => (expectedMigrations = undefined));
  return expectedMigrations;
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this instance should be sent requests: it is not stopping, PostgreSQL answers, every migration of
 * this build is applied, and (unless JOBS=off) its job runner runs. The reasons go to the log, not the answer.
 */
export async function getReadiness(): Promise<Readiness> {
  const checks: Record<string, CheckState> = { serving: isStopping() ? "not-ready" : "ok" };
  try {
    const [applied, expected] = await within(
      Promise.all([queryAppliedMigrations(db()), migrationFolders()]),
      CHECK_TIMEOUT_MS,
    );
    checks.database = "ok";
    const missing = expected.filter((name) => !applied.has(name));
    checks.migrations = missing.length === 0 ? "ok" : "not-ready";
    if (missing.length > 0) logger().warn({ missing }, "ready: migrations not applied");
  } catch (error) {
    checks.database = "not-ready";
    checks.migrations = "not-ready";
    if (!isDatabaseUnavailable(error)) logger().warn({ err: error }, "ready: the database check failed");
  }
  if (process.env.JOBS !== "off") checks.jobs = runnerCount() > 0 ? "ok" : "not-ready";
  return { ready: Object.values(checks).every((c) => c === "ok"), checks };
}

/**
 * Reads the shared queue's depth and the scheduled backup's state into the metrics; a database that does not
 * answer leaves the last values.
 */
export async function refreshQueueMetrics(): Promise<void> {
  try {
    setJobQueue(await within(queryJobCounts(db()), CHECK_TIMEOUT_MS));
    const backup = await within(backupStatus(db()), CHECK_TIMEOUT_MS);
    setBackupStatus(backup.state, backup.lastSuccess?.finishedAt ?? null);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) logger().warn({ err: error }, "metrics: the job queue could not be read");
  }
}
