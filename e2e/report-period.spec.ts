// The status report "as of the close of a period", through the real page and route: the form offers the closed
// periods, choosing one takes the report at that period's close (named on the preview, carried by the download
// links), and an open or unknown period is refused with a message naming the parameter — never a 500. The spec
// closes a period of its own (far in the future, so no other spec's current period is touched).
import { randomBytes } from "node:crypto";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

test("a report as of the close of a period, and refusals of open or unknown periods", async ({ page, sql }) => {
  test.setTimeout(180_000);
  const [free] = await sql<{ next: string }>(
    `SELECT to_char(greatest(date '2099-01-01', date_trunc('month', max(closes_on)) + interval '1 month'), 'YYYY-MM-DD') AS next
       FROM reporting_periods`,
  );
  const opens = free?.next ?? "2099-01-01";
  const label = `报告周期${randomBytes(3).toString("hex")}`;
  const [period] = await sql<{ id: number }>(
    `INSERT INTO reporting_periods (kind, label, label_en, opens_on, deadline, closes_on, opened_at)
     VALUES ('CUSTOM', $1, $1, $2::date, $2::date + 19, ($2::date + interval '1 month' - interval '1 day')::date, now())
     RETURNING id`,
    [label, opens],
  );
  // Closed a minute ago (the report only needs the close instant; the frozen files are another spec's concern).
  await sql(`UPDATE reporting_periods SET closed_at = now() - interval '1 minute' WHERE id = $1`, [period!.id]);
  const [open] = await sql<{ id: number }>(
    `SELECT id FROM reporting_periods WHERE closed_at IS NULL ORDER BY id LIMIT 1`,
  );
  expect(open).toBeDefined();

  await signInAs(page, "leader");
  await page.goto("/reports");
  await expect(page.getByTestId("report-preview")).toBeVisible();
  const liveItems = await page.getByTestId("headline-items").textContent();

  // The form offers the closed period (and not the open one); choosing it takes the report at its close.
  const select = page.getByRole("combobox", { name: "截至周期关闭时" });
  await expect(select.locator(`option[value="${open!.id}"]`)).toHaveCount(0);
  await select.selectOption({ label });
  await page.getByRole("button", { name: "生成预览" }).click();
  await expect(page).toHaveURL(new RegExp(`period=${period!.id}`));
  await expect(page.getByTestId("report-as-of-period")).toContainText(`截至 ${label} 关闭时`);
  await expect(page.getByTestId("headline-items")).toHaveText(liveItems!);
  await expect(select).toHaveValue(String(period!.id));

  // The download links carry the period; the file is the report at the close.
  const json = page.locator('a[data-format="json"]');
  await expect(json).toHaveAttribute("href", new RegExp(`period=${period!.id}`));
  const response = await page.request.get((await json.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { period: { id: number; label: string } | null };
  expect(body.period).toMatchObject({ id: period!.id, label });
  // The file's name says which period's frozen figures it holds.
  const disposition = decodeURIComponent(response.headers()["content-disposition"] ?? "");
  expect(disposition).toContain(`成渝工作报告-示例数据-${label}-`);

  // An open period, or one that does not exist: refused by name, on the page and by the route.
  await page.goto(`/reports?period=${open!.id}`);
  await expect(page.getByTestId("report-issues")).toContainText("该填报周期尚未关闭");
  await expect(page.getByTestId("report-preview")).toHaveCount(0);
  const unknown = await page.request.get("/api/reports?period=999999&format=json");
  expect(unknown.status()).toBe(400);
  expect(await unknown.text()).toContain("没有这个填报周期");
  const malformed = await page.request.get("/api/reports?period=abc&format=csv");
  expect(malformed.status()).toBe(400);
  expect(await malformed.text()).toContain("“period”");
});
