import "server-only";
import { requirePermission } from "../auth/session";
import { db } from "../db";
import { queryJobsOverview, type JobsOverview } from "../queries/jobs";

/** /admin/jobs: the queue by state (running, failed, waiting to retry, queued) and the timed tasks' last ticks. */
export async function getJobsOverview(): Promise<JobsOverview> {
  await requirePermission("jobs:manage");
  return queryJobsOverview(db());
}
