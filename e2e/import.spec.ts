// Import in the real app: an editor downloads their unit's items file from the report route, changes cells in it (as in Excel), uploads
// it on /items/import, sees the dry run, applies it: with review on (the sample data's setting) the status and
// progress cells become reports awaiting review (待审核), the items do not change until a coordinator approves them
// on the item page, and then show the new values. A bad file is answered with its row and column and changes nothing.
import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import type ZhAuth from "../lib/i18n/messages/zh-CN/auth.json";
import type ZhCycle from "../lib/i18n/messages/zh-CN/cycle.json";
import type ZhCommon from "../lib/i18n/messages/zh-CN/common.json";
import type ZhEditing from "../lib/i18n/messages/zh-CN/editing.json";
import { ITEM_COLUMNS } from "../lib/report/item-columns";
import { signInAs, signOut } from "./auth";
import { expect, test, type Sql } from "./fixtures";
import { catalogue } from "./support/catalogue";

const zhAuth = catalogue<typeof ZhAuth>("auth");
const zhCommon = catalogue<typeof ZhCommon>("common");
const im = catalogue<typeof ZhEditing>("editing").import;
const zc = catalogue<typeof ZhCycle>("cycle").cycle;
/** the joint office's coordinator: reviews both sides */
const JOINT = "duban.joint";

type Status = keyof typeof ZhCommon.status;
type Confidence = keyof typeof ZhCommon.confidence;
interface ItemRow {
  code: string;
  level: "RECOMMENDATION" | "ACTION";
  pillar: number;
  title: string;
  lead: string | null;
  co_lead: string | null;
  responsible_person: string | null;
  status: Status;
  confidence: Confidence | null;
  progress: number | null;
  start_date: string | null;
  due_date: string | null;
  original_due_date: string | null;
  version: number;
  has_open_report: boolean;
}

/** An editor (first or last by name: the two tests run in parallel on different units) whose unit leads at least two open action items with a free progress value, a confidence and no open report of the unit, and those items. */
async function editorWithItems(sql: Sql, order: "ASC" | "DESC") {
  const [editor] = await sql<{ login_name: string; unit_id: number }>(
    `SELECT u.login_name, u.unit_id FROM users u
      WHERE u.role = 'EDITOR' AND NOT u.disabled AND u.is_sample AND u.login_name <> 'cq.sthjj' -- sample accounts: other specs add editors with other passwords
        AND (SELECT count(*) FROM items i WHERE i.lead_unit_id = u.unit_id AND i.retired_at IS NULL AND i.level = 'ACTION'
               AND i.status NOT IN ('COMPLETED', 'NOT_STARTED') AND i.confidence IS NOT NULL AND i.progress IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM progress_updates r WHERE r.item_id = i.id AND r.unit_id = u.unit_id
                                 AND r.state IN ('DRAFT', 'SUBMITTED', 'RETURNED'))) >= 2
      ORDER BY u.login_name ${order} LIMIT 1`,
  );
  expect(editor, "the sample data has such an editor").toBeDefined();
  const rows = await sql<ItemRow>(
    `SELECT i.code, i.level, p.number AS pillar, i.title, lu.name AS lead, cu.name AS co_lead, i.responsible_person, i.status,
            i.confidence, i.progress, to_char(i.start_date, 'YYYY-MM-DD') AS start_date, to_char(i.due_date, 'YYYY-MM-DD') AS due_date,
            to_char(i.original_due_date, 'YYYY-MM-DD') AS original_due_date, i.version,
            EXISTS (SELECT 1 FROM progress_updates r WHERE r.item_id = i.id AND r.unit_id = i.lead_unit_id
                      AND r.state IN ('DRAFT', 'SUBMITTED', 'RETURNED')) AS has_open_report
       FROM items i JOIN pillars p ON p.id = i.pillar_id LEFT JOIN units lu ON lu.id = i.lead_unit_id LEFT JOIN units cu ON cu.id = i.co_lead_unit_id
      WHERE i.lead_unit_id = $1 AND i.retired_at IS NULL ORDER BY i.code`,
    [editor!.unit_id],
  );
  return { login: editor!.login_name, unitId: editor!.unit_id, rows };
}

/** The unit's items file from the report route (the real export), as the signed-in editor downloads it. */
async function downloadUnitXlsx(page: Page, unitId: number): Promise<Buffer> {
  const response = await page.request.get(`/api/reports?scope=unit&id=${unitId}&compare=none&format=xlsx`);
  expect(response.status()).toBe(200);
  return Buffer.from(await response.body());
}

/** Changes cells of the items sheet (row by code, column by key) as Excel would, and saves the workbook. */
async function editXlsx(bytes: Buffer, edits: { code: string; key: string; value: unknown }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets.find((ws) => ws.getRow(1).getCell(1).text === ITEM_COLUMNS[0]!.zh);
  expect(sheet, "the export has an items sheet with the zh header").toBeDefined();
  for (const edit of edits) {
    const rows: ExcelJS.Row[] = [];
    sheet!.eachRow((row) => {
      if (row.getCell(1).text === edit.code) rows.push(row);
    });
    expect(rows, `row ${edit.code} in the export`).toHaveLength(1);
    rows[0]!.getCell(ITEM_COLUMNS.findIndex((c) => c.key === edit.key) + 1).value = edit.value as ExcelJS.CellValue;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The versions of the file's items (other spec files may change other items meanwhile). */
const versionsOf = async (sql: Sql, rows: ItemRow[]) =>
  (
    await sql<{ v: string }>(
      `SELECT string_agg(code || ':' || version, ',' ORDER BY code) AS v FROM items WHERE code = ANY($1)`,
      [rows.map((r) => r.code)],
    )
  )[0]!.v;

test("an editor changes cells of their unit's items file, previews them as reports for review, applies them, and a coordinator's approval makes them count", async ({
  page,
  sql,
}) => {
  const { login, unitId, rows } = await editorWithItems(sql, "DESC");
  const open = rows.filter(
    (r) =>
      r.level === "ACTION" &&
      r.status !== "COMPLETED" &&
      r.status !== "NOT_STARTED" &&
      r.confidence !== null &&
      r.progress !== null &&
      !r.has_open_report,
  );
  const [a, b] = [open[0]!, open[1]!];
  const newStatus: Status = a.status === "ON_HOLD" ? "IN_PROGRESS" : "ON_HOLD";
  const newProgress = b.progress === 42 ? 43 : 42;

  await signInAs(page, login);
  // Download the unit's items (the real export), change two cells in it as in Excel (a percent cell holds a fraction).
  const file = await editXlsx(await downloadUnitXlsx(page, unitId), [
    { code: a.code, key: "status", value: zhCommon.status[newStatus] },
    { code: b.code, key: "reportedProgress", value: newProgress / 100 },
  ]);
  await page.goto("/my-items");
  await page.getByRole("link", { name: im.link }).click();
  await expect(page).toHaveURL(/\/items\/import$/);
  await page.getByLabel(im.file).setInputFiles({
    name: "本单位事项.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: file,
  });
  const before = await versionsOf(sql, rows);
  await page.getByRole("button", { name: im.preview }).click();

  const plan = page.getByTestId("import-plan");
  await expect(plan).toBeVisible();
  // Exactly the two changed rows are listed with their cells, old → new; the dry run wrote nothing.
  await expect(plan.locator("tbody tr[data-code]")).toHaveCount(2);
  await expect(plan.locator(`tr[data-code="${a.code}"] li[data-key="status"]`)).toHaveText(
    `状态: ${im.arrow.replace("{from}", zhCommon.status[a.status]).replace("{to}", zhCommon.status[newStatus])}`,
  );
  await expect(plan.locator(`tr[data-code="${b.code}"] li[data-key="reportedProgress"]`)).toHaveText(
    `进度: ${im.arrow.replace("{from}", b.progress === null ? im.empty : `${b.progress}%`).replace("{to}", `${newProgress}%`)}`,
  );
  // The page says these rows will be submitted for review (待审核), not applied.
  await expect(page.getByTestId("import-review-notice")).toHaveText(im.reviewNotice.replace("{reports}", "2"));
  for (const code of [a.code, b.code])
    await expect(plan.locator(`tr[data-code="${code}"] [data-testid="row-report"]`)).toHaveText(im.rowReview);
  expect(await versionsOf(sql, rows)).toBe(before);

  await page.getByRole("button", { name: im.apply }).click();
  const applied = page.getByTestId("import-applied");
  await expect(applied).toBeVisible();
  await expect(applied.getByRole("link")).toHaveCount(2);
  await expect(page.getByTestId("import-submitted")).toHaveText(im.appliedSubmitted.replace("{count}", "2"));
  await expect(applied.getByTestId("report-state")).toHaveCount(2);
  // Submitted, not applied: the items are as they were.
  expect(await versionsOf(sql, rows)).toBe(before);
  const [pending] = await sql<{ status: string; version: number }>(
    `SELECT status, version FROM items WHERE code = $1`,
    [a.code],
  );
  expect(pending).toEqual({ status: a.status, version: a.version });

  // The item page shows the report awaiting review; the item's status is still the approved one.
  await applied.getByRole("link", { name: new RegExp(`^${a.code.replaceAll(".", "\\.")} `) }).click();
  await expect(page.getByTestId("item-status")).toHaveAttribute("data-status", a.status);
  await expect(page.getByTestId("open-report")).toHaveAttribute("data-state", "SUBMITTED");

  // A coordinator approves both reports on the items' pages: now the items show the imported values.
  await signOut(page);
  await signInAs(page, JOINT, undefined, `/items/${a.code}`);
  await page.getByTestId("open-report").getByRole("button", { name: zc.review.approve }).click();
  await expect(page.getByTestId("open-report")).toHaveCount(0);
  await expect(page.getByTestId("item-status")).toHaveAttribute("data-status", newStatus);
  await page.goto(`/items/${b.code}`);
  await page.getByTestId("open-report").getByRole("button", { name: zc.review.approve }).click();
  await expect(page.getByTestId("open-report")).toHaveCount(0);
  await expect(page.getByTestId("item-progress")).toHaveAttribute("data-progress", String(newProgress));
  const [after] = await sql<{ status: string; version: number }>(`SELECT status, version FROM items WHERE code = $1`, [
    a.code,
  ]);
  expect(after).toEqual({ status: newStatus, version: a.version + 1 });
});

test("a bad file is answered with its row and column and changes nothing", async ({ page, sql }) => {
  const { login, unitId, rows } = await editorWithItems(sql, "ASC");
  expect(login).not.toBe((await editorWithItems(sql, "DESC")).login);
  await signInAs(page, login, undefined, "/items/import");
  // Progress 150% in the row of the unit's first item.
  const exported = await downloadUnitXlsx(page, unitId);
  const file = await editXlsx(exported, [{ code: rows[0]!.code, key: "reportedProgress", value: 1.5 }]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  let excelRow = 0;
  wb.worksheets
    .find((ws) => ws.getRow(1).getCell(1).text === ITEM_COLUMNS[0]!.zh)!
    .eachRow((row, n) => {
      if (row.getCell(1).text === rows[0]!.code) excelRow = n;
    });
  await page.goto("/items/import");
  const before = await versionsOf(sql, rows);
  await page.getByLabel(im.file).setInputFiles({
    name: "坏文件.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: file,
  });
  await page.getByRole("button", { name: im.preview }).click();

  await expect(page.getByTestId("import-refused")).toHaveText(im.refused.invalid);
  const problem = page.getByTestId("import-errors").locator(`tr[data-row="${excelRow}"][data-column="进度"]`);
  await expect(problem).toContainText(zhAuth.validation.progressRange);
  await expect(page.getByRole("button", { name: im.apply })).toHaveCount(0);
  expect(await versionsOf(sql, rows)).toBe(before);
});
