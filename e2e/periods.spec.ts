// Reporting periods through the real pages: the list, a period's page with its fulfilment figures (each a link to
// the reports behind it), a coordinator closing the period early, and the frozen 情况通报 downloaded — the same
// bytes every time, with its sha256 as the page shows it. The spec makes its own period (far in the future, so no
// other spec's current period is touched) and marks it opened, as the ticker would on its opening day.
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

test("a coordinator closes a period early and its bulletin downloads byte-identical", async ({ page, sql }) => {
  test.setTimeout(180_000);
  const [free] = await sql<{ next: string }>(
    `SELECT to_char(greatest(date '2099-01-01', date_trunc('month', max(closes_on)) + interval '1 month'), 'YYYY-MM-DD') AS next
       FROM reporting_periods`,
  );
  const opens = free?.next ?? "2099-01-01";
  const label = `测试周期${randomBytes(3).toString("hex")}`;
  const [period] = await sql<{ id: number }>(
    `INSERT INTO reporting_periods (kind, label, label_en, opens_on, deadline, closes_on, opened_at)
     VALUES ('CUSTOM', $1, $1, $2::date, $2::date + 19, ($2::date + interval '1 month' - interval '1 day')::date, now())
     RETURNING id`,
    [label, opens],
  );
  await sql(
    `INSERT INTO period_obligations (period_id, item_id, unit_id, side)
     SELECT $1, i.id, u.id, u.side FROM items i JOIN units u ON u.id IN (i.lead_unit_id, i.co_lead_unit_id)
      WHERE i.level = 'ACTION' AND i.retired_at IS NULL`,
    [period!.id],
  );
  // One report approved on time, so the figures are not all zero.
  await sql(
    `INSERT INTO progress_updates (item_id, unit_id, period_id, state, submitted_at, status, progress, confidence, note)
     SELECT o.item_id, o.unit_id, o.period_id, 'APPROVED', now(), 'IN_PROGRESS', 50, 'GREEN', 'e2e 报告'
       FROM period_obligations o WHERE o.period_id = $1 ORDER BY o.id LIMIT 1`,
    [period!.id],
  );
  const [{ n: required }] = (await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM period_obligations WHERE period_id = $1`,
    [period!.id],
  )) as [{ n: number }];

  await signInAs(page, "duban.joint");
  await page.goto("/periods");
  const row = page.getByTestId(`period-${period!.id}`);
  await expect(row).toContainText(label);
  await expect(row.getByTestId(`period-${period!.id}-required`)).toHaveText(String(required));
  await row.getByRole("link", { name: label }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(label);

  // A figure opens the list behind it.
  await expect(page.getByTestId("total-required")).toHaveText(String(required));
  await page.getByTestId("total-approved").getByRole("link").click();
  await expect(page.getByTestId("obligations-heading")).toContainText("已通过：1 项");
  await expect(page.getByTestId("obligation-row")).toHaveCount(1);

  // Close early: asked first, then frozen with its files.
  await page.getByRole("button", { name: "提前关闭本周期" }).click();
  await page.getByRole("button", { name: "确认关闭" }).click();
  // The page comes back closed (the form goes with the open period), saying who closed it.
  await expect(page.getByTestId("period-phase")).toHaveText("已关闭", { timeout: 120_000 });
  await expect(page.getByText(/由 .+ 提前关闭/)).toBeVisible();
  await expect(page.getByRole("button", { name: "提前关闭本周期" })).toHaveCount(0);
  await expect(page.getByTestId("period-files").locator("tbody tr")).toHaveCount(2);
  const shown = (await page.getByTestId("sha256-docx").textContent())!.trim();

  // Downloaded through the page's link: the stored file, named in Chinese.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: `情况通报-${label}.docx` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`情况通报-${label}.docx`);
  const first = await readFile((await download.path())!);
  expect(createHash("sha256").update(first).digest("hex")).toBe(shown);

  // And again, by the route: the same bytes, as an attachment, never sniffed, with its sha256 as the ETag.
  const url = `/api/periods/${period!.id}/files/docx`;
  const again = await page.request.get(url);
  expect(again.status()).toBe(200);
  const headers = again.headers();
  expect(headers["content-disposition"]).toMatch(
    /^attachment; filename="period-\d+-bulletin\.docx"; filename\*=UTF-8''/,
  );
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["etag"]).toBe(`"${shown}"`);
  expect(Buffer.from(await again.body()).equals(first)).toBe(true);
  const cached = await page.request.get(url, { headers: { "If-None-Match": `"${shown}"` } });
  expect(cached.status()).toBe(304);
  const pdf = await page.request.get(`/api/periods/${period!.id}/files/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The database refuses to change the closed period.
  await expect(sql(`UPDATE period_files SET file_name = 'x' WHERE period_id = $1`, [period!.id])).rejects.toThrow(
    /closed/,
  );
});
