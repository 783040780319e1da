// The investment columns through export → Excel → import: the XLSX holds real numbers written from the decimal
// strings (the sheet's XML says "98765432.1", not a float's noise), a person's edits come back as exactly the
// decimals typed, written as the item page's investment form writes them (one version, history in the same
// transaction), and a file exported and imported unchanged changes nothing. Bad amounts (negative, text,
// 1e400, 15 decimals, 17 digits) are refused by row and column, in XLSX and CSV, and nothing is written.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../lib/dates";
import { renderCsv } from "../../lib/export/csv";
import { renderXlsx } from "../../lib/export/xlsx";
import type { ImportPlan, ImportProblem } from "../../lib/import/types";
import { ITEM_COLUMNS } from "../../lib/report/item-columns";
import type { ReportScope } from "../../lib/report/types";
import { setInvestment, type InvestmentInput } from "../../lib/writes/investment";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { sampleStaff, type TestAccount } from "../support/actors";
import { investmentInput } from "../support/investment-figures";
import {
  editCsv,
  editXlsx,
  exportedReport,
  fileForm,
  headers,
  withoutColumnsCsv,
  withoutColumnsXlsx,
  type CellEdit,
} from "../support/import-files";
import { signIn } from "../support/session";

type Result = {
  ok: boolean;
  code?: string;
  plan?: ImportPlan;
  data?: { plan?: ImportPlan; changed?: { code: string }[] };
};

let t: TestDatabase;
let actions: typeof import("../../lib/actions/import");
let admin: TestAccount;
const year = Number(todayInChina().slice(0, 4));
const scope: ReportScope = { kind: "pillar", pillarNumber: 1 };
/** three action items of pillar 1 and a recommendation */
let a: Item, b: Item, c: Item, rec: Item;
type Item = { id: number; code: string };

const col = (key: string) => headers("zh")[ITEM_COLUMNS.findIndex((k) => k.key === key)]!;
const hashOf = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const preview = async (bytes: Buffer, name: string) =>
  (await actions.previewImport(null, fileForm(bytes, name))) as Result;
const apply = async (bytes: Buffer, name: string) =>
  (await actions.applyImport(null, fileForm(bytes, name, { fileHash: hashOf(bytes) }))) as Result;

const exportXlsx = async () => renderXlsx(await exportedReport(t.db, scope));
const exportCsv = async () => renderCsv(await exportedReport(t.db, scope));

/** Everything an investment import could write. */
async function fingerprint(): Promise<string> {
  const [row] = await t.db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT count(*)::int FROM item_history) AS history,
           (SELECT string_agg(id || ':' || version || ':' || coalesce(total_investment::text, '-'), ',' ORDER BY id) FROM items) AS items,
           (SELECT string_agg(item_id || ':' || year || ':' || coalesce(planned::text, '-') || ':' || coalesce(completed::text, '-'), ','
                              ORDER BY item_id, year) FROM item_investment_years) AS years`;
  return JSON.stringify(row);
}

/** The item's amounts as PostgreSQL prints its NUMERIC columns: the exact decimals stored. */
async function stored(item: Item): Promise<{ total: string | null; planned: string | null; completed: string | null }> {
  const [row] = await t.db.$queryRaw<{ total: string | null; planned: string | null; completed: string | null }[]>`
    SELECT i.total_investment::text AS total, y.planned::text AS planned, y.completed::text AS completed
      FROM items i LEFT JOIN item_investment_years y ON y.item_id = i.id AND y.year = ${year}
     WHERE i.id = ${item.id}`;
  return row!;
}

async function invest(item: Item, over: Partial<InvestmentInput>): Promise<void> {
  const input = await investmentInput(t.db, item.id, year, over);
  await t.db.$transaction((tx) => setInvestment(tx, admin, input));
}

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  actions = await import("../../lib/actions/import");
  ({ admin } = await sampleStaff(t.db));
  signIn(admin);
  const pillar = await t.db.pillar.findUniqueOrThrow({ where: { number: 1 } });
  const actionItems = await t.db.item.findMany({
    where: { pillarId: pillar.id, level: "ACTION", retiredAt: null },
    orderBy: { id: "asc" },
    select: { id: true, code: true },
    take: 3,
  });
  [a, b, c] = actionItems as [Item, Item, Item];
  rec = await t.db.item.findFirstOrThrow({
    where: { pillarId: pillar.id, level: "RECOMMENDATION", retiredAt: null },
    select: { id: true, code: true },
  });
  // Through the item page's write path: a's rate is 75.0%; b's total has 15 significant digits (the most a
  // spreadsheet number holds); c's has 18, which only text holds exactly.
  await invest(a, { totalInvestment: "1234567.89", planned: "2000.10", completed: "1500.08" });
  await invest(b, { totalInvestment: "9999999999999.99", planned: "0.07" });
  await invest(c, { totalInvestment: "1234567890123456.78" });
}, 180_000);

afterAll(async () => t?.drop());

describe("the XLSX investment columns", () => {
  it("are numbers in 万元 format written from the decimal strings, 完成率 a percentage; only an amount past a double is text", async () => {
    const bytes = await exportXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((ws) => ws.getRow(1).getCell(1).text === ITEM_COLUMNS[0]!.zh)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    for (const key of ["totalInvestment", "plannedInvestment", "completedInvestment", "investmentRate"])
      expect(header).toContain(col(key));
    expect(col("totalInvestment")).toBe("总投资(万元)");
    const at = (code: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).text === code) found = row;
      });
      return (key: string) => found!.getCell(ITEM_COLUMNS.findIndex((k) => k.key === key) + 1);
    };
    const cellA = at(a.code);
    expect(cellA("totalInvestment").value).toBe(1234567.89);
    expect(cellA("totalInvestment").numFmt).toBe("#,##0.00");
    expect(cellA("plannedInvestment").value).toBe(2000.1);
    expect(cellA("completedInvestment").value).toBe(1500.08);
    expect(cellA("investmentRate").value).toBe(0.75);
    expect(cellA("investmentRate").numFmt).toBe("0.0%");
    expect(at(b.code)("totalInvestment").value).toBe(9999999999999.99);
    expect(at(b.code)("completedInvestment").value).toBeNull();
    expect(at(c.code)("totalInvestment").value).toBe("1234567890123456.78");
    // The sheet's XML itself holds the decimals, not a computed double's digits.
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    for (const v of ["1234567.89", "2000.1", "1500.08", "9999999999999.99", "0.07", "0.75"])
      expect(xml).toContain(`<v>${v}</v>`);
  });

  it("are the decimal strings in the CSV", async () => {
    const text = (await exportCsv()).toString("utf8");
    expect(text).toContain(col("totalInvestment"));
    expect(text).toMatch(new RegExp(`${a.code.replace(/\./g, "\\.")},.*,1234567\\.89,2000\\.10,1500\\.08,75\\.0%,`));
  });
});

describe("export → edit the investment cells in Excel → import", () => {
  it("writes exactly the decimals typed, in one version with its history row; the same file again changes nothing", async () => {
    const historyBefore = await t.db.itemHistory.count({ where: { itemId: a.id } });
    const edits: CellEdit[] = [
      { code: a.code, key: "totalInvestment", value: 98765432.1 },
      { code: a.code, key: "plannedInvestment", value: 0.07 },
      { code: b.code, key: "completedInvestment", value: 12345.67 },
      // an amount typed with thousands separators as text
      { code: c.code, key: "plannedInvestment", value: "1,000,000.01" },
    ];
    const bytes = await editXlsx(await exportXlsx(), edits);
    const previewed = await preview(bytes, "investment.xlsx");
    expect(previewed.ok, JSON.stringify(previewed.plan?.errors)).toBe(true);
    const rows = previewed.data!.plan!.rows.filter((r) => r.changes.length > 0);
    expect(rows.map((r) => [r.code, r.changes.map((x) => [x.key, x.from, x.to])])).toEqual([
      [
        a.code,
        [
          ["totalInvestment", "1234567.89", "98765432.10"],
          ["plannedInvestment", "2000.10", "0.07"],
        ],
      ],
      [b.code, [["completedInvestment", null, "12345.67"]]],
      [c.code, [["plannedInvestment", null, "1000000.01"]]],
    ]);
    expect(await apply(bytes, "investment.xlsx")).toMatchObject({ ok: true });
    expect(await stored(a)).toEqual({ total: "98765432.10", planned: "0.07", completed: "1500.08" });
    expect(await stored(b)).toEqual({ total: "9999999999999.99", planned: "0.07", completed: "12345.67" });
    expect(await stored(c)).toEqual({ total: "1234567890123456.78", planned: "1000000.01", completed: null });
    // One new version of a, whose history snapshot carries the new figures as decimal strings.
    const history = await t.db.itemHistory.findMany({ where: { itemId: a.id }, orderBy: { version: "desc" } });
    expect(history.length).toBe(historyBefore + 1);
    const snapshot = history[0]!.snapshot as { totalInvestment: string; investmentYears: unknown[] };
    expect(snapshot.totalInvestment).toBe("98765432.10");
    expect(snapshot.investmentYears).toContainEqual({ year, planned: "0.07", completed: "1500.08" });
    expect(history[0]!.changedFields).toEqual(expect.arrayContaining(["totalInvestment", "investmentYears"]));

    // A fresh export imported unchanged: every amount reads back as stored, so nothing is written.
    const before = await fingerprint();
    for (const [file, name] of [
      [await exportXlsx(), "again.xlsx"],
      [await exportCsv(), "again.csv"],
    ] as const) {
      expect(await preview(file, name)).toMatchObject({ ok: true, data: { plan: { counts: { changed: 0 } } } });
      expect(await apply(file, name)).toMatchObject({ ok: true, data: { changed: [] } });
    }
    expect(await fingerprint()).toBe(before);
  });

  it("clears a figure left empty, through the CSV as well", async () => {
    const bytes = editCsv(await exportCsv(), [
      { code: c.code, key: "plannedInvestment", value: "" },
      { code: b.code, key: "totalInvestment", value: "123.4" },
    ]);
    expect(await apply(bytes, "clear.csv")).toMatchObject({ ok: true });
    expect(await stored(c)).toEqual({ total: "1234567890123456.78", planned: null, completed: null });
    expect(await stored(b)).toEqual({ total: "123.40", planned: "0.07", completed: "12345.67" });
  });
});

describe("a file exported before the investment columns existed", () => {
  const later = ["totalInvestment", "plannedInvestment", "completedInvestment", "investmentRate"];

  it("imports its other columns, leaves every item's investment as it is, and says so", async () => {
    const figures = { a: await stored(a), b: await stored(b), c: await stored(c) };
    const person = "张示例（示例） 处长";
    // Each file is exported after the previous import, as a person would take a fresh copy.
    const files: [() => Promise<Buffer>, string, string][] = [
      [
        async () =>
          withoutColumnsXlsx(
            await editXlsx(await exportXlsx(), [{ code: a.code, key: "responsiblePerson", value: person }]),
            later,
          ),
        "earlier.xlsx",
        a.code,
      ],
      [
        async () =>
          withoutColumnsCsv(
            editCsv(await exportCsv(), [{ code: b.code, key: "responsiblePerson", value: person }]),
            later,
          ),
        "earlier.csv",
        b.code,
      ],
    ];
    for (const [file, name, code] of files) {
      const bytes = await file();
      const previewed = await preview(bytes, name);
      expect(previewed.ok, JSON.stringify(previewed.plan?.errors)).toBe(true);
      const plan = previewed.data!.plan!;
      expect(plan.keptColumns).toEqual([col("totalInvestment"), col("plannedInvestment"), col("completedInvestment")]);
      expect(plan.rows.filter((r) => r.changes.length > 0).map((r) => [r.code, r.changes.map((x) => x.key)])).toEqual([
        [code, ["responsiblePerson"]],
      ]);
      expect(await apply(bytes, name)).toMatchObject({ ok: true, data: { changed: [{ code }] } });
    }
    expect({ a: await stored(a), b: await stored(b), c: await stored(c) }).toEqual(figures);
    const people = await t.db.item.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { responsiblePerson: true },
    });
    expect(people.map((p) => p.responsiblePerson)).toEqual([person, person]);
  });

  it("is refused when only some of them are missing, naming each missing one", async () => {
    const before = await fingerprint();
    const bytes = withoutColumnsCsv(await exportCsv(), ["plannedInvestment", "investmentRate"]);
    for (const result of [await preview(bytes, "partial.csv"), await apply(bytes, "partial.csv")]) {
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      expect(result.plan?.errors).toEqual([
        { row: 1, column: col("plannedInvestment"), message: "import.problems.missingColumn" },
        { row: 1, column: col("investmentRate"), message: "import.problems.missingColumn" },
      ]);
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe("bad amounts", () => {
  const cases: [what: string, xlsx: string | number, csv: string, problem: string][] = [
    ["negative", -5, "-5", "negative"],
    ["text", "一百万", "一百万", "format"],
    ["1e400", "1e400", "1e400", "format"],
    ["15 decimals", 1.123456789012345, "1.123456789012345", "decimals"],
    ["17 digits", "12345678901234567", "12345678901234567", "tooLarge"],
  ];

  async function expectRefused(bytes: Buffer, name: string, expected: ImportProblem[]): Promise<void> {
    const before = await fingerprint();
    for (const result of [await preview(bytes, name), await apply(bytes, name)]) {
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      expect(result.plan?.errors).toEqual(expected);
    }
    expect(await fingerprint()).toBe(before);
  }

  /** The row Excel shows for the item in the export (header = 1). */
  async function rowOf(code: string): Promise<number> {
    const { items } = await exportedReport(t.db, scope);
    return items.findIndex((i) => i.code === code) + 2;
  }

  it.each(cases)(
    "%s is refused by row and column in XLSX and CSV, and nothing is written",
    async (_w, x, v, problem) => {
      const keys = ["totalInvestment", "plannedInvestment", "completedInvestment"];
      for (const [i, key] of keys.entries()) {
        const item = [a, b, c][i]!;
        const message = `investment.validation.${problem}`;
        const expected = [{ row: await rowOf(item.code), column: col(key), message }];
        await expectRefused(
          await editXlsx(await exportXlsx(), [{ code: item.code, key, value: x }]),
          "bad.xlsx",
          expected,
        );
        await expectRefused(editCsv(await exportCsv(), [{ code: item.code, key, value: v }]), "bad.csv", expected);
      }
    },
  );

  it("refuses a total that no longer equals a joint project's shares, and investment on a recommendation", async () => {
    await invest(a, { totalInvestment: "1000.00", sichuanShare: "600.00", chongqingShare: "400.00" });
    const file = editCsv(await exportCsv(), [
      { code: a.code, key: "totalInvestment", value: "1200" },
      { code: rec.code, key: "plannedInvestment", value: "10" },
    ]);
    await expectRefused(
      file,
      "shares.csv",
      [
        {
          row: await rowOf(rec.code),
          column: col("plannedInvestment"),
          message: "investment.errors.notAction",
        },
        {
          row: await rowOf(a.code),
          column: col("totalInvestment"),
          message: "import.problems.investmentShares",
          values: { sichuan: "600.00", chongqing: "400.00" },
        },
      ].sort((p, q) => p.row - q.row),
    );
  });
});
