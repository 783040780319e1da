// An administrator retries a job (/admin/jobs): a failed one, or one waiting for its next attempt, runs again
// now with its attempts reset. The reschedule and the audit_log row share one transaction; the runners are
// woken at commit on the channel graphile-worker itself notifies when a job is added.
import { failure } from "../forms/result";
import type { Db } from "../prisma-client";
import { queryJobState } from "../queries/jobs";
import { writeAudit } from "./audit";
import { Refusal } from "./failure";

export async function retryJob(client: Db, actorId: number, jobId: number): Promise<void> {
  await client.$transaction(async (tx) => {
    const job = await queryJobState(tx, jobId);
    if (!job) throw new Refusal(failure("not-found", "jobs.errors.notFound"));
    if (job.state === "running") throw new Refusal(failure("conflict", "jobs.errors.running"));
    if (job.state === "queued") throw new Refusal(failure("invalid", "jobs.errors.notFailed"));
    // reschedule_jobs leaves a job a worker has just locked alone: then it is running after all.
    const moved = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM graphile_worker.reschedule_jobs(ARRAY[${jobId}::bigint], run_at => now(), attempts => 0)`;
    if (moved.length === 0) throw new Refusal(failure("conflict", "jobs.errors.running"));
    await tx.$executeRaw`SELECT pg_notify('jobs:insert', '{"count":1}')`;
    await writeAudit(tx, {
      actorId,
      action: "job.retry",
      targetType: "job",
      targetId: jobId,
      details: { label: `${job.task} #${jobId}` },
    });
  });
}
