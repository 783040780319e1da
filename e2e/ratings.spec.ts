// 考评 and 红黑榜 through the real pages: a closed period (made far in the future, so no other spec's current period
// is touched) rated from its frozen records; leadership reads the ranking on /ratings, on the dashboard and on the
// period's page; an editor reads their own unit's figures and the records behind them, and is refused another
// unit's; an administrator sets the weights. The period is closed the way the close leaves one: outcomes and
// item states written first, then closed_at.
import { randomBytes } from "node:crypto";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

test("leadership reads the 红黑榜 and an editor their own unit's figures", async ({ page, sql }) => {
  test.setTimeout(180_000);
  const [free] = await sql<{ next: string }>(
    `SELECT to_char(greatest(date '2099-01-01', date_trunc('month', max(closes_on)) + interval '1 month'), 'YYYY-MM-DD') AS next
       FROM reporting_periods`,
  );
  const opens = free?.next ?? "2099-01-01";
  const label = `考评周期${randomBytes(3).toString("hex")}`;
  const [period] = await sql<{ id: number }>(
    `INSERT INTO reporting_periods (kind, label, label_en, opens_on, deadline, closes_on, opened_at)
     VALUES ('CUSTOM', $1, $1, $2::date, $2::date + 19, ($2::date + interval '1 month' - interval '1 day')::date, now())
     RETURNING id`,
    [label, opens],
  );
  const periodId = period!.id;
  await sql(
    `INSERT INTO period_obligations (period_id, item_id, unit_id, side)
     SELECT $1, i.id, u.id, u.side FROM items i JOIN units u ON u.id IN (i.lead_unit_id, i.co_lead_unit_id)
      WHERE i.level = 'ACTION' AND i.retired_at IS NULL`,
    [periodId],
  );
  const [editor] = await sql<{ unit_id: number; unit: string }>(
    `SELECT u.unit_id, n.name AS unit FROM users u JOIN units n ON n.id = u.unit_id WHERE u.login_name = 'sc.fgw'`,
  );
  // The editor's unit: its first obligation reported on time and approved first time; every obligation of
  // another unit the same, so that unit ranks above.
  const [other] = await sql<{ unit_id: number; unit: string }>(
    `SELECT o.unit_id, n.name AS unit FROM period_obligations o JOIN units n ON n.id = o.unit_id
      WHERE o.period_id = $1 AND o.unit_id <> $2 ORDER BY o.unit_id LIMIT 1`,
    [periodId, editor!.unit_id],
  );
  await sql(
    `WITH chosen AS (
       SELECT o.* FROM period_obligations o WHERE o.period_id = $1 AND o.unit_id = $3
       UNION ALL
       (SELECT o.* FROM period_obligations o WHERE o.period_id = $1 AND o.unit_id = $2 ORDER BY o.id LIMIT 1))
     INSERT INTO progress_updates (item_id, unit_id, period_id, state, submitted_at, status, progress, confidence, note)
     SELECT c.item_id, c.unit_id, c.period_id, 'APPROVED', now(), 'IN_PROGRESS', 50, 'GREEN', 'e2e 考评报告' FROM chosen c`,
    [periodId, editor!.unit_id, other!.unit_id],
  );
  // Freeze as the close does, then close.
  await sql(
    `UPDATE period_obligations o
        SET report_id = r.id, report_state = 'APPROVED', outcome = 'ON_TIME'
       FROM progress_updates r
      WHERE o.period_id = $1 AND r.period_id = o.period_id AND r.item_id = o.item_id AND r.unit_id = o.unit_id`,
    [periodId],
  );
  await sql(`UPDATE period_obligations SET outcome = 'MISSING' WHERE period_id = $1 AND outcome IS NULL`, [periodId]);
  await sql(
    `INSERT INTO period_item_states (period_id, item_id, history_version, status, progress, confidence, snapshot)
     SELECT $1, i.id, i.version, i.status, i.progress, i.confidence,
            jsonb_build_object('code', i.code, 'level', i.level::text, 'title', i.title, 'title_en', i.title_en,
                               'lead_unit_id', i.lead_unit_id, 'co_lead_unit_id', i.co_lead_unit_id,
                               'due_date', i.due_date, 'retired', i.retired_at IS NOT NULL, 'pillar_id', i.pillar_id,
                               'parent_id', i.parent_id, 'weight', i.weight)
       FROM items i`,
    [periodId],
  );
  await sql(`UPDATE reporting_periods SET closed_at = now() WHERE id = $1`, [periodId]);

  // Leadership: the ranking, the other unit above the editor's.
  await signInAs(page, "leader");
  await page.goto(`/ratings?period=${periodId}`);
  await expect(page.getByTestId("ratings-period")).toContainText(label);
  const ranking = page.getByTestId("rating-ranking");
  await expect(ranking).toBeVisible();
  const otherRow = ranking.locator(`[data-unit="${other!.unit_id}"]`);
  const ownRow = ranking.locator(`[data-unit="${editor!.unit_id}"]`);
  await expect(otherRow.getByTestId("rating-board")).toHaveText("红榜");
  const rank = async (row: typeof otherRow) =>
    Number((await row.getByTestId("rating-rank").innerText()).match(/\d+/)![0]);
  expect(await rank(otherRow)).toBeLessThan(await rank(ownRow));
  expect(await ranking.getByTestId("rating-row").count()).toBeGreaterThan(2);
  const weightsUsed = await page.getByTestId("rating-weights").innerText();
  expect(weightsUsed).toContain("按时报送率");
  // A unit's records, one click away.
  await otherRow.getByRole("link", { name: other!.unit }).click();
  await expect(page.getByTestId("rating-unit")).toContainText(other!.unit);
  await expect(page.getByTestId("rating-component-onTime")).toContainText("100%");
  // The dashboard's 红黑榜 (in its units view; picking the period stays there) and the period page's ranking.
  await page.goto("/?view=units");
  const picker = page.getByTestId("rating-period-picker");
  await picker.getByLabel("考评周期").selectOption(String(periodId));
  await picker.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?view=units&ratingPeriod=${periodId}$`));
  await expect(page.getByTestId("ratings-panel-period")).toContainText(label);
  await expect(page.getByTestId("red-board")).toContainText(other!.unit);
  await page.goto(`/periods/${periodId}`);
  await expect(page.getByTestId("period-ratings").locator(`[data-unit="${editor!.unit_id}"]`)).toBeVisible();
  // The CSV.
  const csv = await page.request.get(`/api/periods/${periodId}/ratings`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(other!.unit);
  expect(text).toContain("红榜");

  // The editor: their own unit's figures and records, no ranking, another unit refused.
  await page.context().clearCookies();
  await signInAs(page, "sc.fgw");
  await page.goto(`/ratings?period=${periodId}`);
  await expect(page.getByTestId("rating-ranking")).toHaveCount(0);
  await expect(page.getByTestId("rating-unit")).toContainText(editor!.unit);
  await expect(page.getByTestId("rating-unit-score")).not.toHaveText("");
  await expect(page.getByTestId("rating-obligation").first()).toBeVisible();
  await expect(page.getByText(other!.unit)).toHaveCount(0);
  const refused = await page.goto(`/ratings?period=${periodId}&unit=${other!.unit_id}`);
  expect(refused!.status()).toBe(403);
  const ownCsv = await (await page.request.get(`/api/periods/${periodId}/ratings`)).text();
  expect(ownCsv).toContain(editor!.unit);
  expect(ownCsv).not.toContain(other!.unit);

  // An administrator sets the weights (they rate the periods closed from now on).
  await page.context().clearCookies();
  await signInAs(page, "admin");
  await page.goto("/admin/ratings");
  const [current] = await sql<{ on_time: number }>(
    `SELECT on_time FROM rating_weights ORDER BY set_at DESC, id DESC LIMIT 1`,
  );
  await page.getByLabel("按时报送率").fill(String(current!.on_time === 100 ? 99 : current!.on_time + 1));
  await page.getByRole("button", { name: "保存权重" }).click();
  await expect(page.getByText("权重已保存，用于此后关闭的周期。")).toBeVisible();
  // The closed period keeps the weights in force at its close.
  await page.goto(`/ratings?period=${periodId}`);
  await expect(page.getByTestId("rating-weights")).toHaveText(weightsUsed);
});
