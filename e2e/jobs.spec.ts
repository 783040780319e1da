// The background job queue's page (/admin/jobs): an administrator sees a failed job with its error and retries
// it; anyone else is refused with 403. The failed job is made with graphile-worker's own SQL functions, under a
// task name no runner has, so the app's runner (which runs under e2e) never takes it: after the retry it waits in
// the queue, where the page shows it, and the spec removes it.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

const messagesDir = join(import.meta.dirname, "..", "lib", "i18n", "messages", "zh-CN");
const catalogue: Record<string, unknown> = Object.assign(
  {},
  ...["jobs", "admin", "auth"].map((f) => JSON.parse(readFileSync(join(messagesDir, `${f}.json`), "utf8")) as object),
);
function msg(key: string): string {
  const text = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
  if (typeof text !== "string") throw new Error(`no message ${key}`);
  return text;
}

test("an administrator sees a failed job with its error and retries it", async ({ page, sql }) => {
  const task = `e2e-failed-${randomBytes(3).toString("hex")}`;
  const error = `上游接口超时 ${randomBytes(3).toString("hex")}`;
  const [job] = await sql<{ id: string }>(
    `SELECT id::text FROM graphile_worker.add_job($1, '{}'::json, max_attempts => 2)`,
    [task],
  );
  await sql(`SELECT graphile_worker.permanently_fail_jobs(ARRAY[$1::bigint], $2)`, [job!.id, error]);
  try {
    await signInAs(page, "admin");
    await page.goto("/admin");
    await page
      .getByRole("navigation", { name: msg("admin.nav.label") })
      .getByRole("link", { name: msg("admin.nav.jobs") })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg("jobs.title"));

    const failed = page.getByTestId("jobs-failed").locator(`tr[data-job-id="${job!.id}"]`);
    await expect(failed).toContainText(task);
    await expect(failed).toContainText(error);
    await expect(failed).toContainText("2 / 2");
    await failed.getByRole("button", { name: `${msg("jobs.retry")} ${task} #${job!.id}` }).click();
    // the row leaves the failed table at once; the answer stays above the tables
    await expect(page.getByTestId("jobs-feedback")).toHaveText(
      msg("jobs.retryDone").replace("{task}", task).replace("{id}", job!.id),
    );
    await expect(page.getByTestId("jobs-queued").locator(`tr[data-job-id="${job!.id}"]`)).toContainText("0 / 2");

    // After a reload too: queued again, attempts from zero, no longer failed.
    await page.reload();
    await expect(page.getByTestId("jobs-queued").locator(`tr[data-job-id="${job!.id}"]`)).toContainText("0 / 2");
    await expect(page.locator(`[data-testid="jobs-failed"] tr[data-job-id="${job!.id}"]`)).toHaveCount(0);
    const [row] = await sql<{ attempts: number; last_error: string | null }>(
      `SELECT attempts::int, last_error FROM graphile_worker.jobs WHERE id = $1::bigint`,
      [job!.id],
    );
    expect(row).toEqual({ attempts: 0, last_error: error });
  } finally {
    await sql(`SELECT graphile_worker.complete_jobs(ARRAY[$1::bigint])`, [job!.id]);
  }
});

test("the job queue is for administrators only", async ({ page }) => {
  for (const login of ["sc.fgw", "leader", "duban.joint"]) {
    await signInAs(page, login);
    const response = await page.goto("/admin/jobs");
    expect(response?.status(), login).toBe(403);
    await expect(page.getByRole("heading", { name: msg("auth.forbiddenTitle") })).toBeVisible();
    await page.context().clearCookies();
  }
});
