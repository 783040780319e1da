// "The bell count rises when a 催办 arrives" (issue 15's acceptance), with nothing faked: an app and a database of
// this spec's own, started with TEST_CLOCK_FILE. The spec moves the app's clock to the first day of next month
// (its period opens), signs in as an editor of a unit whose reports for it are missing, notes the bell, then
// moves the clock to the period's deadline (the working day the 催办 falls on) and waits for the app's own cycle
// tick — the job runner runs it every minute and it runs the chase — to send the 催办. After a reload the bell
// counts more, and the list shows the 催办, whose link opens the period's missing reports of that unit.
// Port 39563 belongs to this spec.
import { expect, test, type Page } from "@playwright/test";
import { WorkCalendar } from "../lib/workdays";
import { signInAs } from "./auth";
import { firstOfMonthAfter, ownApp } from "./support/own-app";

test.describe.configure({ mode: "serial" });
const own = ownApp({ port: 39563, name: "bell_chase", clock: true });

/** The bell's unread count (no badge = 0). */
async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId("notification-count");
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test("the bell count rises when a 催办 arrives", async ({ browser }) => {
  test.setTimeout(480_000);
  const { app, database, moveClockTo } = own;
  // 1. Next month's first day, half past midnight in China: its period opens (a visit opens it at once).
  const opens = firstOfMonthAfter(1);
  moveClockTo(`${opens}T00:30:00+08:00`);
  const page = await (await browser.newContext({ locale: "zh-CN", baseURL: app.url })).newPage();
  await page.goto(`${app.url}/periods`);
  await expect
    .poll(
      async () =>
        (
          await database.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM reporting_periods WHERE opens_on = $1 AND opened_at IS NOT NULL`,
            [opens],
          )
        )[0]!.n,
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(1);
  const [period] = await database.query<{ id: number; label: string; deadline: string }>(
    `SELECT id, label, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM reporting_periods WHERE opens_on = $1`,
    [opens],
  );

  // 2. An editor of a unit that owes reports for it (none submitted yet: the period has just opened).
  const [editor] = await database.query<{ login: string; unit_id: number }>(
    `SELECT e.login_name AS login, e.unit_id FROM users e
      WHERE e.role = 'EDITOR' AND e.is_sample AND NOT e.disabled
        AND EXISTS (SELECT 1 FROM period_obligations o WHERE o.period_id = $1 AND o.unit_id = e.unit_id)
        AND NOT EXISTS (SELECT 1 FROM progress_updates r WHERE r.period_id = $1 AND r.unit_id = e.unit_id
                          AND r.state IN ('SUBMITTED', 'APPROVED'))
      ORDER BY e.login_name LIMIT 1`,
    [period!.id],
  );
  expect(editor, "an editor of a unit with missing reports").toBeDefined();
  const urgeKey = `urge:period:${period!.id}:unit:${editor!.unit_id}`;
  expect(await database.query(`SELECT 1 FROM chase_events WHERE key = $1`, [urgeKey])).toHaveLength(0);

  await signInAs(page, editor!.login);
  await page.goto(`${app.url}/notifications`);
  const before = await bellCount(page);

  // 3. The deadline (or, when it is a day off, the working day after it, still before any 督办): the app's
  //    cycle tick, every minute, runs the chase and sends the 催办.
  const urgeDay = new WorkCalendar().addWorkdays(period!.deadline, 0);
  moveClockTo(`${urgeDay}T09:00:00+08:00`);
  await expect
    .poll(async () => (await database.query(`SELECT 1 FROM chase_events WHERE key = $1`, [urgeKey])).length, {
      timeout: 240_000,
      intervals: [2_000],
    })
    .toBe(1);

  // 4. Reload: the bell counts more, and the list shows the 催办, unread, linking to the missing reports.
  await page.reload();
  await expect.poll(() => bellCount(page)).toBeGreaterThan(before);
  const after = await bellCount(page);
  const urge = page.getByTestId("notification").filter({ hasText: `到期催办：${period!.label}` });
  await expect(urge).toHaveCount(1);
  await expect(urge).toHaveAttribute("data-read", "false");
  await expect(urge.getByTestId("notification-open")).toContainText(period!.label);
  await urge.getByTestId("notification-open").click();
  await expect(page).toHaveURL(new RegExp(`/periods/${period!.id}\\?show=missing&unit=${editor!.unit_id}$`));
  // Opened, it is read: the bell counts one less.
  await expect.poll(() => bellCount(page)).toBe(after - 1);
});
