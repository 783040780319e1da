// Permission-walk case for the job queue's action (/admin/jobs): each call retries a failed job of its own, made
// here with graphile-worker's own functions (a task no runner has, so nothing ever runs it).
import type { ActionCases } from "./types";

export const jobCases: ActionCases = {
  retryJob: {
    permission: "jobs:manage",
    buildArgs: async (ctx) => {
      const [job] = await ctx.db.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM graphile_worker.add_job('walk-failed', '{}'::json, max_attempts => 1)`;
      await ctx.db.$executeRaw`SELECT graphile_worker.permanently_fail_jobs(ARRAY[${job!.id}::bigint], 'walk failure')`;
      const form = new FormData();
      form.set("jobId", job!.id);
      return [null, form];
    },
  },
};
