// Browsing: the items list (filters in the URL), the pillar page (rolled-up progress) and the item page as of
// a past day. Every expected value is computed here with SQL on the app's database.
import type { ConsoleMessage, Page } from "@playwright/test";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

/** Console errors and warnings (hydration mismatches are reported as errors) seen on a page. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

const rowCodes = (page: Page) =>
  page
    .getByTestId("items-table")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));

test.describe("browsing", () => {
  test("a filter combination in the URL gives the SQL count and the same list after reload", async ({ page, sql }) => {
    const problems = watchConsole(page);
    // The pillar with the most in-progress actions, so the combination is not empty.
    const [pick] = await sql<{ number: number }>(
      `SELECT p.number FROM items i JOIN pillars p ON p.id = i.pillar_id
        WHERE i.retired_at IS NULL AND i.status = 'IN_PROGRESS' AND i.level = 'ACTION'
        GROUP BY p.number ORDER BY count(*) DESC, p.number LIMIT 1`,
    );
    const expected = await sql<{ code: string }>(
      `SELECT i.code FROM items i JOIN pillars p ON p.id = i.pillar_id
        WHERE i.retired_at IS NULL AND p.number = $1 AND i.status = 'IN_PROGRESS' AND i.level = 'ACTION'
        ORDER BY i.due_date DESC NULLS LAST, string_to_array(i.code, '.')::int[]`,
      [pick!.number],
    );
    expect(expected.length).toBeGreaterThan(0);
    await signInAs(page, "leader");
    const url = `/items?pillar=${pick!.number}&status=IN_PROGRESS&level=ACTION&sort=due&dir=desc&size=10`;
    await page.goto(url);
    await expect(page.getByTestId("result-count")).toHaveAttribute("data-count", String(expected.length));
    const first = await rowCodes(page);
    expect(first).toEqual(expected.slice(0, 10).map((r) => r.code));
    await page.reload();
    await expect(page.getByTestId("result-count")).toHaveAttribute("data-count", String(expected.length));
    expect(await rowCodes(page)).toEqual(first);

    // The form writes the URL: add "overdue" with the keyboard-reachable checkbox and submit.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const [overdue] = await sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM items i JOIN pillars p ON p.id = i.pillar_id
        WHERE i.retired_at IS NULL AND p.number = $1 AND i.status = 'IN_PROGRESS' AND i.level = 'ACTION' AND i.due_date < $2::date`,
      [pick!.number, today],
    );
    await page.getByLabel("仅看逾期事项").check();
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/overdue=1/);
    // Empty fields stay out of the shared link.
    await expect(page).not.toHaveURL(/[?&](q|region|unit)=(&|$)/);
    await expect(page).toHaveURL(new RegExp(`pillar=${pick!.number}`));
    await expect(page.getByTestId("result-count")).toHaveAttribute("data-count", overdue!.n);
    expect(problems).toEqual([]);
  });

  test("shows invalid parameters, falls back, and says what to do when nothing matches", async ({ page, sql }) => {
    const problems = watchConsole(page);
    const [all] = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM items WHERE retired_at IS NULL`);
    await signInAs(page, "leader");
    const response = await page.goto("/items?status=BOGUS&page=abc&unit=999999&q=%25%27%20OR%201%3D1");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("param-issues")).toContainText("BOGUS");
    await expect(page.getByTestId("param-issues").getByRole("listitem")).toHaveCount(3);
    // The search for the literal text "%' OR 1=1" matches nothing: wildcards and quotes are plain text.
    await expect(page.getByTestId("empty-state")).toBeVisible();
    await page.getByTestId("empty-state").getByRole("link", { name: "清除全部筛选" }).click();
    await expect(page).toHaveURL(/\/items$/);
    await expect(page.getByTestId("result-count")).toHaveAttribute("data-count", all!.n);
    expect(problems).toEqual([]);
  });

  test("the pillar page shows the rolled-up progress computed here in SQL", async ({ page, sql }) => {
    const problems = watchConsole(page);
    // Roll-up written independently of the app: a recommendation's progress is the weight-weighted average
    // of its live, non-cancelled actions (no progress = 0); the pillar's, the weighted average of its
    // live, non-cancelled recommendations.
    const recs = await sql<{ code: string; weight: number; progress: number }>(
      `SELECT r.code, r.weight,
              coalesce((SELECT sum(a.weight * coalesce(a.progress, 0))::float8 / nullif(sum(a.weight), 0)
                          FROM items a WHERE a.parent_id = r.id AND a.retired_at IS NULL AND a.status <> 'CANCELLED'),
                       coalesce(r.progress, 0))::float8 AS progress
         FROM items r JOIN pillars p ON p.id = r.pillar_id
        WHERE p.number = 1 AND r.parent_id IS NULL AND r.retired_at IS NULL AND r.status <> 'CANCELLED'
        ORDER BY r.sort_order`,
    );
    expect(recs.length).toBeGreaterThan(0);
    const total = recs.reduce((s, r) => s + r.weight, 0);
    const pillar = recs.reduce((s, r) => s + r.weight * r.progress, 0) / total;
    const [p] = await sql<{ requirement: string }>(`SELECT requirement FROM pillars WHERE number = 1`);

    await signInAs(page, "leader");
    await page.goto("/pillars/1");
    await expect(page.getByTestId("pillar-requirement")).toHaveText(p!.requirement);
    const shown = Number(await page.getByTestId("pillar-progress").getAttribute("data-progress"));
    expect(shown).toBeCloseTo(pillar, 6);
    await expect(page.getByTestId("pillar-progress")).toContainText(`${Math.round(pillar * 10) / 10}%`);
    for (const r of recs) {
      const row = page.locator(`#rec-${r.code.replace(".", "\\.")} tr[data-code="${r.code}"]`);
      expect(Number(await row.getAttribute("data-progress"))).toBeCloseTo(r.progress, 6);
    }

    // As of 60 days ago, from item_history: the same roll-up over the states then.
    const [{ day }] = (await sql<{ day: string }>(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date - 60, 'YYYY-MM-DD') AS day`,
    )) as [{ day: string }];
    const [past] = await sql<{ progress: number | null }>(
      `WITH s AS (
         SELECT DISTINCT ON (item_id) item_id AS id, parent_id, pillar_id, status::text AS status, progress, weight, retired
           FROM item_history WHERE changed_at < ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
          ORDER BY item_id, version DESC),
       r AS (
         SELECT t.weight, coalesce((SELECT sum(a.weight * coalesce(a.progress, 0))::float8 / nullif(sum(a.weight), 0)
                                     FROM s a WHERE a.parent_id = t.id AND NOT a.retired AND a.status <> 'CANCELLED'),
                                    coalesce(t.progress, 0))::float8 AS p
           FROM s t JOIN pillars pl ON pl.id = t.pillar_id
          WHERE pl.number = 1 AND t.parent_id IS NULL AND NOT t.retired AND t.status <> 'CANCELLED')
       SELECT (sum(weight * p) / nullif(sum(weight), 0))::float8 AS progress FROM r`,
      [day],
    );
    await page.goto(`/pillars/1?asOf=${day}`);
    await expect(page.getByTestId("as-of-banner")).toContainText(day);
    const then = await page.getByTestId("pillar-progress").getAttribute("data-progress");
    if (past!.progress === null) expect(then).toBe("");
    else expect(Number(then)).toBeCloseTo(past!.progress, 6);
    expect(past!.progress).not.toBeCloseTo(pillar, 6);
    expect(problems).toEqual([]);
  });

  test("the item page as of a day before a known update shows the old value, and the comparison lists it", async ({
    page,
    sql,
  }) => {
    const problems = watchConsole(page);
    // A progress change at least two days ago, where the state at the end of the day before differs from
    // today's: the old value must come from history, not from the current row.
    const [change] = await sql<{ code: string; item_id: number; day: string; progress: number | null; status: string }>(
      `SELECT i.code, i.id AS item_id, c.day, t.progress, t.status
         FROM item_history h
         JOIN item_history prev ON prev.item_id = h.item_id AND prev.version = h.version - 1
         JOIN items i ON i.id = h.item_id
         CROSS JOIN LATERAL (SELECT to_char((h.changed_at AT TIME ZONE 'Asia/Shanghai')::date - 1, 'YYYY-MM-DD') AS day) c
         CROSS JOIN LATERAL (
           SELECT x.progress, x.status::text AS status FROM item_history x
            WHERE x.item_id = h.item_id AND x.changed_at < (c.day::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
            ORDER BY x.version DESC LIMIT 1) t
        WHERE h.progress IS DISTINCT FROM prev.progress AND h.changed_at < now() - interval '2 days'
          AND i.level = 'ACTION' AND t.progress IS DISTINCT FROM i.progress
        ORDER BY h.changed_at DESC LIMIT 1`,
    );
    expect(change).toBeDefined();
    const day = change!.day;
    const then = change!;

    await signInAs(page, "leader");
    await page.goto(`/items/${change!.code}?asOf=${day}`);
    await expect(page.getByTestId("as-of-banner")).toContainText(day);
    await expect(page.getByTestId("item-progress")).toHaveAttribute(
      "data-progress",
      then.progress === null ? "" : String(then.progress),
    );
    await expect(page.getByTestId("item-status")).toHaveAttribute("data-status", then.status);
    // No history entry after that day is listed.
    const [versions] = await sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM item_history WHERE item_id = $1 AND changed_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
      [change!.item_id, day],
    );
    await expect(page.getByTestId("history-entry")).toHaveCount(Math.min(100, Number(versions!.n)));

    // Compared with that day, today's page lists the progress change.
    await page.goto(`/items/${change!.code}?compare=${day}`);
    await expect(page.getByTestId("compare-changes").locator('li[data-field="progress"]')).toBeVisible();

    // Before the item existed, the page says so instead of showing today's values.
    const response = await page.goto(`/items/${change!.code}?asOf=2000-01-01`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("not-yet")).toBeVisible();
    await expect(page.getByTestId("item-fields")).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test("the list, pillar and item pages speak English when the language is switched", async ({
    page,
    context,
    sql,
  }) => {
    const problems = watchConsole(page);
    const [item] = await sql<{ code: string }>(
      `SELECT i.code FROM items i WHERE i.level = 'ACTION' AND i.co_lead_unit_id IS NOT NULL ORDER BY i.id LIMIT 1`,
    );
    await signInAs(page, "leader");
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
    // Labels, headers, buttons, field names and badges are English (unit, region and item names stay Chinese).
    const LABELS =
      "main label > span:first-child, main th[scope=col], main button, main legend, main h2, main dt, main .badge";
    for (const [url, heading] of [
      ["/items?compare=2000-01-02", "Items"],
      ["/pillars/1?compare=2000-01-02", /Pillar 1/],
      [`/items/${item!.code}?compare=2000-01-02`, item!.code],
    ] as const) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
      const labels = await page.locator(LABELS).allInnerTexts();
      expect(labels.length, url).toBeGreaterThan(5);
      for (const text of labels) expect(text, `${url}: ${text}`).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(problems).toEqual([]);
  });
});
