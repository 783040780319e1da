// The leadership dashboard on the sample data: figures equal what SQL written here (independently of the
// app's lib/) gives, "as of" and "compared with" show a real past update, labels follow the language, and the
// browser reports no errors.
import type { ConsoleMessage, Page } from "@playwright/test";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

/** Console errors, warnings (hydration mismatches are reported as errors) and uncaught exceptions. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

const pct = (v: number | null) => (v === null ? null : `${v.toFixed(1)}%`);

/** Items' state at a moment, from item_history (null = live, from items). Plain SQL, no app code. */
function statesSql(asOfParam: string | null): string {
  return asOfParam === null
    ? `SELECT id, parent_id, pillar_id, level::text AS level, status::text AS status, confidence::text AS confidence, progress, weight,
              due_date, retired_at IS NOT NULL AS retired, last_update_at FROM items`
    : `SELECT DISTINCT ON (item_id) item_id AS id, parent_id, pillar_id, snapshot->>'level' AS level, status::text AS status,
              confidence::text AS confidence, progress, weight, due_date, retired, last_update_at
         FROM item_history WHERE changed_at < ${asOfParam} ORDER BY item_id, version DESC`;
}

/**
 * Weighted progress per pillar and overall over a two-level tree (recommendation → actions): a
 * recommendation's progress is the weighted mean of its live, not cancelled actions (null = 0), or its own
 * progress when it has none. The test checks the sample tree really has only two levels.
 */
function progressSql(states: string): string {
  return `
    WITH s AS (${states}),
    kids AS (SELECT parent_id, sum(weight * coalesce(progress, 0))::float8 / nullif(sum(weight), 0) AS p
               FROM s WHERE parent_id IS NOT NULL AND NOT retired AND status <> 'CANCELLED' GROUP BY parent_id),
    tops AS (SELECT s.pillar_id, s.weight, coalesce(k.p, s.progress, 0)::float8 AS p
               FROM s LEFT JOIN kids k ON k.parent_id = s.id
              WHERE s.parent_id IS NULL AND NOT s.retired AND s.status <> 'CANCELLED')
    SELECT pl.number AS pillar, (sum(t.weight * t.p) / sum(t.weight))::float8 AS progress
      FROM tops t JOIN pillars pl ON pl.id = t.pillar_id GROUP BY GROUPING SETS ((pl.number), ())`;
}

test.describe("leadership dashboard", () => {
  test("headline figures and progress by pillar equal a direct SQL query", async ({ page, sql }) => {
    const problems = watchConsole(page);
    const [depth] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM items c JOIN items p ON p.id = c.parent_id WHERE p.parent_id IS NOT NULL`,
    );
    expect(depth!.n, "the independent SQL below assumes a two-level tree").toBe(0);
    const [h] = await sql<{
      items: number;
      completed: number;
      overdue: number;
      stale: number;
      green: number;
      amber: number;
      red: number;
    }>(`
      WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
           a AS (SELECT * FROM items WHERE level = 'ACTION' AND retired_at IS NULL),
           open AS (SELECT * FROM a WHERE status NOT IN ('COMPLETED', 'CANCELLED'))
      SELECT (SELECT count(*) FROM a)::int AS items,
             (SELECT count(*) FROM a WHERE status = 'COMPLETED')::int AS completed,
             (SELECT count(*) FROM open, today WHERE due_date < today.d)::int AS overdue,
             (SELECT count(*) FROM open, today
               WHERE last_update_at IS NULL
                  OR last_update_at < ((today.d + 1 - 30)::timestamp AT TIME ZONE 'Asia/Shanghai'))::int AS stale,
             (SELECT count(*) FROM open WHERE confidence = 'GREEN')::int AS green,
             (SELECT count(*) FROM open WHERE confidence = 'AMBER')::int AS amber,
             (SELECT count(*) FROM open WHERE confidence = 'RED')::int AS red`);
    const progress = await sql<{ pillar: number | null; progress: number }>(progressSql(statesSql(null)));
    expect(h!.items).toBeGreaterThan(100);
    expect(progress.filter((p) => p.pillar !== null)).toHaveLength(5);

    await signInAs(page, "leader");
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("领导驾驶舱");
    const figure = (key: string) => page.getByTestId(`headline-${key}`).locator("dd");
    await expect(figure("items")).toHaveText(String(h!.items));
    await expect(figure("completed")).toHaveText(String(h!.completed));
    await expect(figure("overdue")).toHaveText(String(h!.overdue));
    await expect(figure("stale")).toHaveText(String(h!.stale));
    await expect(figure("green")).toHaveText(String(h!.green));
    await expect(figure("amber")).toHaveText(String(h!.amber));
    await expect(figure("red")).toHaveText(String(h!.red));
    await expect(figure("overall")).toHaveText(pct(progress.find((p) => p.pillar === null)!.progress)!);
    for (const p of progress.filter((x) => x.pillar !== null)) {
      await expect(page.getByTestId(`pillar-${p.pillar}`).getByTestId("pillar-progress-value")).toHaveText(
        pct(p.progress)!,
      );
    }
    // Recommendations are one click away from their pillar.
    const [rec] = await sql<{ code: string; number: number }>(
      `SELECT i.code, p.number FROM items i JOIN pillars p ON p.id = i.pillar_id WHERE i.parent_id IS NULL AND i.retired_at IS NULL ORDER BY p.number, i.sort_order LIMIT 1`,
    );
    await expect(
      page
        .getByTestId(`pillar-${rec!.number}`)
        .getByRole("link", { name: new RegExp(`^${rec!.code.replace(".", "\\.")} `) }),
    ).toHaveAttribute("href", `/pillars/${rec!.number}#rec-${rec!.code}`);
    // The trend's table alternative is drawn when its fold is opened (by keyboard here), with a row per week;
    // until then none of its rows is in the page.
    const trendFold = page.getByTestId("trend").locator("details");
    await expect(trendFold.locator("tbody tr")).toHaveCount(0);
    await trendFold.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(trendFold.locator("tbody tr")).toHaveCount(53);
    // Each conference opens the items list filtered to it (in the updates and conferences view).
    await page.getByRole("navigation", { name: "驾驶舱视图" }).getByRole("link", { name: "最新进展与会议" }).click();
    await expect(page.getByRole("link", { name: /查看第3次会议关联事项$/ })).toHaveAttribute(
      "href",
      "/items?conference=3",
    );
    expect(problems).toEqual([]);
  });

  test("as of a day before a real update shows the old values, and the comparison lists that update", async ({
    page,
    sql,
  }) => {
    const problems = watchConsole(page);
    // The latest progress change older than two days that was the item's last change on its day.
    const [u] = await sql<{ code: string; day: string; prev_day: string; old: number | null; new: number | null }>(`
      WITH h AS (
        SELECT item_id, version, changed_at, action, progress, changed_fields,
               (changed_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
               lag(progress) OVER (PARTITION BY item_id ORDER BY version) AS old,
               lead((changed_at AT TIME ZONE 'Asia/Shanghai')::date) OVER (PARTITION BY item_id ORDER BY version) AS next_day,
               min((changed_at AT TIME ZONE 'Asia/Shanghai')::date) OVER (PARTITION BY item_id) AS first_day
        FROM item_history)
      SELECT i.code, h.day::text AS day, (h.day - 1)::text AS prev_day, h.old, h.progress AS new
        FROM h JOIN items i ON i.id = h.item_id
       WHERE h.action = 'PROGRESS_UPDATE' AND 'progress' = ANY(h.changed_fields) AND h.old IS DISTINCT FROM h.progress
         AND (h.next_day IS NULL OR h.next_day > h.day) AND h.first_day < h.day
         AND NOT EXISTS (SELECT 1 FROM item_history c WHERE c.item_id = h.item_id AND c.version < h.version
                           AND (c.changed_at AT TIME ZONE 'Asia/Shanghai')::date = h.day)
         AND h.day < (now() AT TIME ZONE 'Asia/Shanghai')::date - 2
         AND NOT EXISTS (SELECT 1 FROM items c WHERE c.parent_id = i.id)
       ORDER BY h.changed_at DESC LIMIT 1`);
    expect(u, "the sample data has a past progress update").toBeTruthy();
    const endOf = (day: string) => `('${day}'::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
    const before = await sql<{ pillar: number | null; progress: number }>(progressSql(statesSql(endOf(u!.prev_day))));
    const [itemsBefore] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${statesSql(endOf(u!.prev_day))}) s WHERE level = 'ACTION' AND NOT retired`,
    );

    await signInAs(page, "leader");
    await page.goto("/");
    // Through the control, as a person would.
    await page.getByLabel("截至日期").fill(u!.prev_day);
    await page.getByRole("button", { name: "应用" }).click();
    await expect(page).toHaveURL(new RegExp(`asOf=${u!.prev_day}`));
    await expect(page.getByTestId("as-of-banner")).toHaveText(`以下为 ${u!.prev_day} 日终状态（根据修改记录重建）`);
    await expect(page.getByTestId("headline-items").locator("dd")).toHaveText(String(itemsBefore!.n));
    await expect(page.getByTestId("headline-overall").locator("dd")).toHaveText(
      pct(before.find((p) => p.pillar === null)!.progress)!,
    );
    for (const p of before.filter((x) => x.pillar !== null)) {
      await expect(page.getByTestId(`pillar-${p.pillar}`).getByTestId("pillar-progress-value")).toHaveText(
        pct(p.progress)!,
      );
    }

    // The day of the update compared with the day before lists exactly that change.
    await page.goto(`/?asOf=${u!.day}&compare=${u!.prev_day}`);
    await expect(page.locator("#changes-heading")).toHaveText(`${u!.prev_day} 以来的变化`);
    const row = page.getByTestId(`change-${u!.code}`);
    await expect(row).toContainText(`进度 ${(u!.old ?? 0).toFixed(1)}% → ${(u!.new ?? 0).toFixed(1)}%`);
    await expect(page.getByRole("link", { name: "回到今天" })).toHaveAttribute("href", "/");
    expect(problems).toEqual([]);
  });

  test("a bad date is reported on the page, never as an error page", async ({ page }) => {
    const problems = watchConsole(page);
    await signInAs(page, "leader");
    const response = await page.goto("/?asOf=2099-01-01&compare=not-a-date");
    expect(response?.status()).toBe(200);
    const issues = page.getByTestId("as-of-issues");
    await expect(issues).toContainText("日期不能晚于今天");
    await expect(issues).toContainText("日期格式不正确");
    await expect(page.getByTestId("as-of-banner")).toHaveCount(0);
    await expect(page.getByTestId("headline-items").locator("dd")).not.toBeEmpty();
    expect(problems).toEqual([]);
  });

  test("the accountability table sorts through the URL", async ({ page, sql }) => {
    const problems = watchConsole(page);
    const byItems = (dir: "ASC" | "DESC") =>
      sql<{ name: string }>(`
        SELECT coalesce(u.short_name, u.name) AS name
          FROM units u JOIN items i ON i.lead_unit_id = u.id AND i.level = 'ACTION' AND i.retired_at IS NULL
         GROUP BY u.id ORDER BY count(*) ${dir}, u.name ASC`);
    const [desc, asc] = await Promise.all([byItems("DESC"), byItems("ASC")]);
    await signInAs(page, "leader");
    await page.goto("/?view=units&unitSort=items&unitDir=desc");
    const rows = page.getByTestId("unit-row").locator("th");
    // The table shows the first 25 units; "show all" lists the rest.
    await expect(rows).toHaveCount(Math.min(desc.length, 25));
    await expect(rows.first()).toHaveText(desc[0]!.name);
    await page.getByTestId("units").getByRole("columnheader", { name: /^事项/ }).getByRole("link").click();
    await expect(page).toHaveURL(/view=units&unitSort=items&unitDir=asc/);
    await expect(rows.first()).toHaveText(asc[0]!.name);
    expect(problems).toEqual([]);
  });

  test("switching the language changes the dashboard's labels", async ({ page }) => {
    const problems = watchConsole(page);
    await signInAs(page, "leader");
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "各方面进度" })).toBeVisible();
    await page.getByLabel("语言").selectOption("en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leadership dashboard");
    for (const heading of ["At a glance", "Progress by pillar", "Status and confidence", "Overdue and lagging items"]) {
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    }
    // the other views, by their English names; each keeps the language
    for (const [view, heading] of [
      ["Units and ratings", "Accountability by lead unit"],
      ["Updates and conferences", "Recent updates"],
      ["Updates and conferences", "Joint Sichuan–Chongqing conferences"],
    ] as const) {
      await page.getByRole("navigation", { name: "Dashboard views" }).getByRole("link", { name: view }).click();
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    }
    await page.getByRole("navigation", { name: "Dashboard views" }).getByRole("link", { name: "Summary" }).click();
    await expect(page.getByLabel("As of")).toBeVisible();
    await expect(page.getByRole("heading", { name: "各方面进度" })).toHaveCount(0);
    await page.getByLabel("Language").selectOption("zh-CN");
    await expect(page.getByRole("heading", { name: "各方面进度" })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("fits a phone screen without sideways scrolling, in every view", async ({ page }) => {
    const problems = watchConsole(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs(page, "leader");
    for (const [path, widget] of [
      ["/", "headline"],
      ["/?view=units", "units"],
      ["/?view=regions", "sides"],
      ["/?view=activity", "conferences"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByTestId(widget)).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      // Wide tables scroll inside their own box; the page itself must not.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    expect(problems).toEqual([]);
  });

  test("the views are links that keep the day shown; a bad view shows the overview", async ({ page }) => {
    const problems = watchConsole(page);
    await signInAs(page, "leader");
    const day = new Date(Date.now() + 8 * 3_600_000 - 20 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/?asOf=${day}`);
    const views = page.getByRole("navigation", { name: "驾驶舱视图" });
    await expect(views.getByRole("link", { name: "综合概况" })).toHaveAttribute("aria-current", "page");
    // only the overview's widgets are on the overview
    await expect(page.getByTestId("headline")).toBeVisible();
    for (const other of ["units", "ratings-panel", "sides", "updates", "conferences"])
      await expect(page.getByTestId(other)).toHaveCount(0);
    // by keyboard: focus the view's link and press Enter
    await views.getByRole("link", { name: "地区分布" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`\\?view=regions&asOf=${day}$`));
    await expect(page.getByTestId("sides")).toBeVisible();
    await expect(page.getByTestId("as-of-banner")).toBeVisible();
    await expect(views.getByRole("link", { name: "地区分布" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("headline")).toHaveCount(0);
    // the as-of form keeps the view
    await page.getByRole("link", { name: "回到今天" }).click();
    await expect(page).toHaveURL(/\?view=regions$/);
    await expect(page.getByTestId("sides")).toBeVisible();
    // an unknown view is the overview, not an error
    const response = await page.goto("/?view=nope");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("headline")).toBeVisible();
    await expect(views.getByRole("link", { name: "综合概况" })).toHaveAttribute("aria-current", "page");
    expect(problems).toEqual([]);
  });
});
