import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { JobsFeedback } from "@/components/admin/jobs-feedback";
import { JobsTable } from "@/components/admin/jobs-table";
import { getJobsOverview } from "@/lib/data/jobs";
import { JOB_STATES } from "@/lib/queries/jobs";
import { headings } from "@/components/ui/data-table";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const [overview, t, format] = await Promise.all([getJobsOverview(), getTranslations("jobs"), getFormatter()]);
  const taskName = (task: string) => (t.has(`tasks.${task}` as never) ? t(`tasks.${task}` as never) : task);
  return (
    <section>
      <h1>{t("title")}</h1>
      <AdminNav current="jobs" />
      <p className="small">{t("intro")}</p>
      <p data-testid="jobs-counts">{t("counts", overview.counts)}</p>
      <JobsFeedback>
        {JOB_STATES.map((state) => (
          <JobsTable key={state} state={state} jobs={overview.jobs[state]} total={overview.counts[state]} />
        ))}
      </JobsFeedback>
      <Card id="jobs-cron" heading={t("cron.title")}>
        <p className="small muted">{t("cron.intro")}</p>
        {overview.cron.length === 0 ? (
          <p className="muted">{t("cron.empty")}</p>
        ) : (
          <AdminTable
            testId="jobs-cron"
            columns={headings(t, ["cron.identifier", "cron.lastExecution", "cron.knownSince"])}
          >
            {overview.cron.map((c) => (
              <tr key={c.identifier}>
                <td>
                  {taskName(c.identifier)} <code className="small">{c.identifier}</code>
                </td>
                <td>
                  {c.lastExecution
                    ? format.dateTime(c.lastExecution, { dateStyle: "medium", timeStyle: "medium" })
                    : t("cron.never")}
                </td>
                <td>{format.dateTime(c.knownSince, { dateStyle: "medium", timeStyle: "short" })}</td>
              </tr>
            ))}
          </AdminTable>
        )}
      </Card>
    </section>
  );
}
