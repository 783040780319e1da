import { getFormatter, getTranslations } from "next-intl/server";
import type { JobRow, JobState } from "@/lib/queries/jobs";
import { AdminTable } from "./admin-table";
import { Card } from "@/components/ui/card";
import { JobsRetryForm } from "./jobs-retry-form";

/** One state's jobs (running, failed, waiting to retry, queued): a table, or a line saying there are none. */
export async function JobsTable({ state, jobs, total }: { state: JobState; jobs: JobRow[]; total: number }) {
  const [t, format] = await Promise.all([getTranslations("jobs"), getFormatter()]);
  const taskName = (task: string) => (t.has(`tasks.${task}` as never) ? t(`tasks.${task}` as never) : task);
  const when = (d: Date) => (
    <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" })}</time>
  );
  const retryable = state === "failed" || state === "retrying";
  const columns = [
    t("columns.id"),
    t("columns.task"),
    t("columns.attempts"),
    t("columns.runAt"),
    state === "running" ? t("columns.lockedBy") : t("columns.lastError"),
    ...(retryable ? [t("columns.actions")] : []),
  ];
  return (
    <Card id={`jobs-${state}`} heading={`${t(`states.${state}`)}（${total}）`}>
      {jobs.length === 0 ? (
        <p className="muted" data-testid={`jobs-${state}-empty`}>
          {t(`empty.${state}`)}
        </p>
      ) : (
        <>
          {total > jobs.length && <p className="small muted">{t("more", { shown: jobs.length, total })}</p>}
          <AdminTable testId={`jobs-${state}`} columns={columns}>
            {jobs.map((job) => (
              <tr key={job.id} data-job-id={job.id}>
                <td>{job.id}</td>
                <td>
                  {taskName(job.task)}
                  <div className="small muted">
                    <code>{job.task}</code>
                    {job.queue ? ` · ${t("columns.queue")} ${job.queue}` : ""}
                  </div>
                </td>
                <td>{t("attempts", { attempts: job.attempts, max: job.maxAttempts })}</td>
                <td>{when(job.runAt)}</td>
                <td>
                  {state === "running" ? (
                    <code>{job.lockedBy ?? ""}</code>
                  ) : job.lastError ? (
                    <pre className="small" style={{ whiteSpace: "pre-wrap", margin: 0, maxWidth: "40rem" }}>
                      {job.lastError}
                    </pre>
                  ) : (
                    t("noError")
                  )}
                </td>
                {retryable && (
                  <td>
                    <JobsRetryForm jobId={job.id} task={job.task} />
                  </td>
                )}
              </tr>
            ))}
          </AdminTable>
        </>
      )}
    </Card>
  );
}
