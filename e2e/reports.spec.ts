// The report page and the report route on the sample data: the preview's figures equal SQL written here
// (independently of lib/), XLSX and CSV downloaded through the page parse back to the same numbers, every
// role may export, a signed-out request gets 401 and bad parameters get a readable message.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

const DAY = 86_400_000;
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const pct = (v: number) => `${v.toFixed(1)}%`;

/** Items' state at the end of `day` (China), straight from item_history. */
const statesAt = (day: string) => `
  SELECT DISTINCT ON (item_id) item_id AS id, parent_id, pillar_id, snapshot->>'level' AS level, snapshot->>'code' AS code,
         status::text AS status, confidence::text AS confidence, progress, weight, due_date, retired, last_update_at
    FROM item_history WHERE changed_at < (('${day}'::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
   ORDER BY item_id, version DESC`;

/** Headline counts over action items, and weighted progress per pillar / overall over the two-level tree. */
async function expectedFigures(sql: Parameters<Parameters<typeof test>[2]>[0]["sql"], day: string) {
  const [h] = await sql<{ items: number; completed: number; overdue: number; red: number; all_items: number }>(`
    WITH s AS (${statesAt(day)}), a AS (SELECT * FROM s WHERE level = 'ACTION' AND NOT retired)
    SELECT (SELECT count(*) FROM a)::int AS items,
           (SELECT count(*) FROM a WHERE status = 'COMPLETED')::int AS completed,
           (SELECT count(*) FROM a WHERE status NOT IN ('COMPLETED', 'CANCELLED') AND due_date < '${day}'::date)::int AS overdue,
           (SELECT count(*) FROM a WHERE status NOT IN ('COMPLETED', 'CANCELLED') AND confidence = 'RED')::int AS red,
           (SELECT count(*) FROM s WHERE NOT retired)::int AS all_items`);
  const progress = await sql<{ pillar: number | null; progress: number }>(`
    WITH s AS (${statesAt(day)}),
    kids AS (SELECT parent_id, sum(weight * coalesce(progress, 0))::float8 / nullif(sum(weight), 0) AS p
               FROM s WHERE parent_id IS NOT NULL AND NOT retired AND status <> 'CANCELLED' GROUP BY parent_id),
    tops AS (SELECT s.pillar_id, s.weight, coalesce(k.p, s.progress, 0)::float8 AS p
               FROM s LEFT JOIN kids k ON k.parent_id = s.id WHERE s.parent_id IS NULL AND NOT s.retired AND s.status <> 'CANCELLED')
    SELECT pl.number AS pillar, (sum(t.weight * t.p) / sum(t.weight))::float8 AS progress
      FROM tops t JOIN pillars pl ON pl.id = t.pillar_id GROUP BY GROUPING SETS ((pl.number), ()) ORDER BY pl.number NULLS LAST`);
  return { h: h!, progress };
}

test.describe("reports", () => {
  test("the preview shows the figures of the day, and XLSX and CSV download with the same numbers", async ({
    page,
    sql,
  }) => {
    const day = addDays(chinaToday(), -10);
    const compare = addDays(day, -30);
    const [depth] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM items c JOIN items p ON p.id = c.parent_id WHERE p.parent_id IS NOT NULL`,
    );
    expect(depth!.n, "the SQL here assumes a two-level tree").toBe(0);
    const { h, progress } = await expectedFigures(sql, day);
    expect(h.items).toBeGreaterThan(100);

    await signInAs(page, "leader");
    await page.getByRole("link", { name: "报告", exact: true }).click();
    await expect(page).toHaveURL(/\/reports$/);
    await page.locator('input[name="asOf"]').fill(day);
    await page.locator('input[name="compare"]').fill(compare);
    await page.getByRole("button", { name: "生成预览" }).click();
    await expect(page.getByTestId("report-preview")).toBeVisible();
    await expect(page.getByTestId("headline-items")).toHaveText(String(h.items));
    await expect(page.getByTestId("headline-completed")).toHaveText(String(h.completed));
    await expect(page.getByTestId("headline-overdue")).toHaveText(String(h.overdue));
    await expect(page.getByTestId("headline-offTrack")).toHaveText(String(h.red));
    await expect(page.getByTestId("headline-overall")).toHaveText(
      pct(progress.find((p) => p.pillar === null)!.progress),
    );
    const pillarRows = page.getByTestId("report-pillars").locator("tbody tr");
    await expect(pillarRows).toHaveCount(5);
    for (const p of progress.filter((x) => x.pillar !== null)) {
      await expect(
        pillarRows
          .nth(p.pillar! - 1)
          .locator("td")
          .nth(2),
      ).toHaveText(pct(p.progress));
    }
    await expect(page.getByTestId("report-changes")).toBeVisible();

    // XLSX, through the page's own link: a real download with the Chinese file name (the e2e data is the sample).
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-format="xlsx"]').click()]);
    expect(xlsx.suggestedFilename()).toBe(`成渝工作报告-示例数据-${day}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(await xlsx.path())) as unknown as ArrayBuffer);
    const items = wb.getWorksheet("事项")!;
    expect(items.actualRowCount).toBe(h.all_items + 1);
    const summary = wb.getWorksheet("按方面汇总")!;
    for (const p of progress.filter((x) => x.pillar !== null)) {
      const row = summary.getRow(p.pillar! + 1);
      expect(row.getCell(1).value).toBe(p.pillar);
      expect(row.getCell(3).value as number).toBeCloseTo(p.progress / 100, 9);
    }
    expect(summary.getRow(7).getCell(4).value).toBe(h.items);

    // CSV: BOM, CRLF, the same items; named as sample data, which it has no title line to say.
    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-format="csv"]').click()]);
    expect(csv.suggestedFilename()).toBe(`成渝工作报告-示例数据-${day}.csv`);
    const bytes = await readFile(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\n");
    const rows = parse(bytes, { bom: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(["编号", "方面", "层级", "事项"]);
    expect(rows.length).toBe(h.all_items + 1);
    const [first] = await sql<{ code: string; title: string }>(
      `SELECT code, title FROM items WHERE retired_at IS NULL ORDER BY string_to_array(code, '.')::int[] LIMIT 1`,
    );
    expect(rows[1]!.slice(0, 1)).toEqual([first!.code]);

    // The other formats download from the same page: Word and PDF (checked in depth by their own tests), JSON.
    const magic: Record<string, string> = { docx: "PK", pdf: "%PDF-" };
    for (const format of ["docx", "pdf", "json"]) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`a[data-format="${format}"]`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`成渝工作报告-示例数据-${day}.${format}`);
      const body = await readFile(await download.path());
      if (format === "json")
        expect((JSON.parse(body.toString("utf8")) as { headline: { items: number } }).headline.items).toBe(h.items);
      else expect(body.subarray(0, magic[format]!.length).toString("latin1")).toBe(magic[format]);
    }
  });

  test("the items list's filters carry over to the report", async ({ page, sql }) => {
    const [n] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM items i JOIN pillars p ON p.id = i.pillar_id WHERE p.number = 2 AND i.level = 'ACTION' AND i.retired_at IS NULL`,
    );
    await signInAs(page, "leader");
    await page.goto("/items?pillar=2");
    await page.getByTestId("export-report").click();
    await expect(page).toHaveURL(/\/reports\?scope=filters/);
    await expect(page.getByTestId("headline-items")).toHaveText(String(n!.n));
    await expect(page.getByTestId("report-scope")).toHaveText(/pillar=2/);
  });

  for (const login of ["sc.fgw", "leader.cq"]) {
    test(`${login} may export through the route`, async ({ page, sql }) => {
      const day = chinaToday();
      const { h } = await expectedFigures(sql, day);
      await signInAs(page, login);
      const response = await page.request.get(`/api/reports?format=json&asOf=${day}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect(response.headers()["cache-control"]).toContain("no-store");
      expect(response.headers()["content-disposition"]).toContain(
        `filename*=UTF-8''${encodeURIComponent(`成渝工作报告-示例数据-${day}.json`)}`,
      );
      const data = (await response.json()) as { headline: { items: number; completed: number } };
      expect(data.headline).toMatchObject({ items: h.items, completed: h.completed });
    });
  }

  test("signed out gets 401 from the route; bad parameters get a readable message", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const refused = await anonymous.get("/api/reports?format=xlsx");
    expect(refused.status()).toBe(401);
    await anonymous.dispose();

    await signInAs(page, "leader");
    const bad = await page.request.get("/api/reports?format=xls&asOf=2026-02-30");
    expect(bad.status()).toBe(400);
    const text = await bad.text();
    expect(text).toContain("format");
    expect(text).toContain("日期格式不正确");
    const unknown = await page.request.get("/api/reports?format=json&scope=unit&id=999999");
    expect(unknown.status()).toBe(400);
    expect(await unknown.text()).toContain("所选范围不存在");

    await page.goto(`/reports?asOf=${addDays(chinaToday(), 3)}`);
    await expect(page.getByTestId("report-issues")).toContainText("日期不能晚于今天");
    await expect(page.getByTestId("report-preview")).toHaveCount(0);
    await page.goto("/reports?scope=pillar");
    await expect(page.getByTestId("report-issues")).toContainText("此项为必填项");
  });
});
