// XLSX and CSV written from a report on the sample data, read back with independent readers (exceljs
// reading the file; csv-parse), and checked against the ReportData and the database.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemStatesSql } from "../../lib/queries/as-of";
import { endOfDay, todayInChina } from "../../lib/dates";
import { neutraliseFormula, renderCsv } from "../../lib/export/csv";
import { reportFileNames } from "../../lib/export/filename";
import { contentDisposition } from "../../lib/http/content-disposition";
import { renderReport } from "../../lib/export/render";
import { renderXlsx } from "../../lib/export/xlsx";
import { Prisma } from "../../lib/generated/prisma/client";
import { changeItem } from "../../lib/writes/item-change";
import { buildReport } from "../../lib/queries/report";
import { ITEM_COLUMNS } from "../../lib/report/item-columns";
import type { ReportData } from "../../lib/report/types";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

const FORMULAS = ['=HYPERLINK("http://evil.example","点我")', "+86 28 8888 0000", "@SUM(A1:A9)", "-2+3"];
const col = (key: string) => ITEM_COLUMNS.findIndex((c) => c.key === key);

describe("XLSX and CSV exports", () => {
  let t: TestDatabase;
  let data: ReportData;
  let codes: string[];
  const today = todayInChina();

  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
    // Text that a spreadsheet would run as a formula, stored as responsible persons.
    const items = await t.db.item.findMany({
      where: { level: "ACTION", retiredAt: null },
      orderBy: { code: "asc" },
      take: FORMULAS.length,
    });
    codes = items.map((i) => i.code);
    await t.db.$transaction(async (tx) => {
      for (const [n, item] of items.entries())
        await changeItem(
          tx,
          item.id,
          { action: "UPDATE", expectedVersion: item.version, fields: { responsiblePerson: FORMULAS[n]! } },
          { actorId: null },
        );
    });
    data = await buildReport(t.db, {
      scope: { kind: "all" },
      asOf: today,
      compare: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`,
      locale: "zh-CN",
    });
  });
  afterAll(async () => t.drop());

  it("writes the workbook's items sheet in exactly the items columns, with real percentages and dates", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(data)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      "按方面汇总",
      "事项",
      "指标",
      "最新进展",
      "单位责任",
      "变化",
      "考评",
    ]);
    const sheet = wb.getWorksheet("事项")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(ITEM_COLUMNS.map((c) => c.zh));
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.actualRowCount).toBe(data.items.length + 1);

    // The database's own state for every item, independently of the report.
    const states = await t.db.$queryRaw<
      { code: string; title: string; status: string; progress: number | null; due_date: Date | null; version: number }[]
    >(
      Prisma.sql`SELECT code, title, status, progress, due_date, version FROM ${itemStatesSql(endOfDay(today))} s WHERE NOT retired`,
    );
    expect(states.length).toBe(data.items.length);
    const byCode = new Map(states.map((s) => [s.code, s]));
    const statusLabel: Record<string, string> = {
      NOT_ASSESSED: "未评估",
      NOT_STARTED: "未启动",
      IN_PROGRESS: "推进中",
      ON_HOLD: "暂缓",
      COMPLETED: "已完成",
      CANCELLED: "已取消",
    };
    for (let r = 2; r <= sheet.actualRowCount; r++) {
      const row = sheet.getRow(r);
      const code = String(row.getCell(col("code") + 1).value);
      const db = byCode.get(code)!;
      expect(db, code).toBeDefined();
      expect(row.getCell(col("title") + 1).value).toBe(db.title);
      expect(row.getCell(col("status") + 1).value).toBe(statusLabel[db.status]);
      expect(row.getCell(col("version") + 1).value).toBe(db.version);
      const progress = row.getCell(col("reportedProgress") + 1);
      if (db.progress === null) expect(progress.value).toBeNull();
      else {
        expect(progress.value).toBeCloseTo(db.progress / 100, 12);
        expect(progress.numFmt).toBe("0.0%");
      }
      // Only an item whose progress is rolled up from its children fills 汇总进度, with that progress.
      const item = data.items[r - 2]!;
      const rolled = row.getCell(col("progress") + 1);
      if (!item.rolledUp) expect(rolled.value, code).toBeNull();
      else {
        expect(rolled.value as number, code).toBeCloseTo(item.progress / 100, 12);
        expect(rolled.numFmt).toBe("0.0%");
      }
      const due = row.getCell(col("dueDate") + 1).value;
      expect(due instanceof Date ? due.toISOString().slice(0, 10) : due).toBe(
        db.due_date?.toISOString().slice(0, 10) ?? null,
      );
    }
    // Formula-looking text stays text (a string cell, never a formula).
    for (const [n, code] of codes.entries()) {
      const r = data.items.findIndex((i) => i.code === code) + 2;
      const cell = sheet.getRow(r).getCell(col("responsiblePerson") + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(FORMULAS[n]);
    }
  });

  it("summarises pillars, units and changes as in the report, with the headline", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(data)) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet("按方面汇总")!;
    for (const [n, p] of data.pillars.entries()) {
      const row = summary.getRow(n + 2);
      expect([
        row.getCell(1).value,
        row.getCell(2).value,
        row.getCell(4).value,
        row.getCell(5).value,
        row.getCell(6).value,
      ]).toEqual([p.number, p.title, p.items, p.completed, p.overdue]);
      expect(row.getCell(3).value).toBeCloseTo(p.progress! / 100, 12);
      expect(row.getCell(3).numFmt).toBe("0.0%");
    }
    const [counts] = await t.db.$queryRaw<{ items: number; overdue: number }[]>(Prisma.sql`
      SELECT count(*)::int AS items, count(*) FILTER (WHERE status NOT IN ('COMPLETED', 'CANCELLED') AND due_date < ${today}::date)::int AS overdue
      FROM ${itemStatesSql(endOfDay(today))} s WHERE level = 'ACTION' AND NOT retired`);
    const total = summary.getRow(data.pillars.length + 2);
    expect([total.getCell(4).value, total.getCell(6).value]).toEqual([counts!.items, counts!.overdue]);
    // The sample data is named as such in the workbook too.
    const summaryText: string[] = [];
    summary.eachRow((row) => row.eachCell((cell) => summaryText.push(String(cell.value ?? ""))));
    expect(data.sampleData).toBe(true);
    expect(summaryText.join("|")).toContain("【示例数据】");
    const units = wb.getWorksheet("单位责任")!;
    expect(units.actualRowCount).toBe(data.units.length + 1);
    expect(units.getRow(2).getCell(1).value).toBe(data.units[0]!.unit);
    const changes = wb.getWorksheet("变化")!;
    const c = data.changes!;
    expect(changes.actualRowCount).toBe(
      1 +
        c.newlyCompleted.length +
        c.newlyOverdue.length +
        c.statusDowngrades.length +
        c.dueDateRevisions.length +
        c.progressMoves.length,
    );
    const updates = wb.getWorksheet("最新进展")!;
    expect(updates.getRow(2).getCell(2).value).toBe(data.recentUpdates[0]!.code);
  });

  it("writes CSV as UTF-8 with a BOM and CRLF, the items columns, Chinese intact and formulas neutralised", async () => {
    const bytes = renderCsv(data);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n").length).toBeGreaterThan(data.items.length);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/(?<!")\n/); // no bare LF outside quoted cells
    const rows = parse(bytes, { bom: true, record_delimiter: "\r\n", relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(ITEM_COLUMNS.map((c) => c.zh));
    expect(rows.length).toBe(data.items.length + 1);
    for (const [n, item] of data.items.entries()) {
      const row = rows[n + 1]!;
      expect(row[col("code")]).toBe(item.code);
      expect(row[col("title")]).toBe(item.title);
      expect(row[col("reportedProgress")]).toBe(item.reportedProgress === null ? "" : `${item.reportedProgress}%`);
      expect(row[col("progress")]).toBe(item.rolledUp ? `${Math.round(item.progress * 10) / 10}%` : "");
      expect(row[col("dueDate")]).toBe(item.dueDate ?? "");
      expect(row[col("slippageDays")]).toBe(item.slippageDays === null ? "" : String(item.slippageDays));
    }
    expect(data.items.some((i) => /[\u4e00-\u9fff]/.test(i.title))).toBe(true);
    // Every recommendation of the sample data rolls up its actions, and its row says what the dashboard shows.
    const recommendations = data.items.filter((i) => i.level === "RECOMMENDATION");
    expect(recommendations.length).toBeGreaterThan(0);
    for (const rec of recommendations) expect(rows.find((r) => r[0] === rec.code)![col("progress")]).toMatch(/%$/);
    for (const [n, code] of codes.entries()) {
      const row = rows.find((r) => r[0] === code)!;
      expect(row[col("responsiblePerson")]).toBe(`'${FORMULAS[n]}`);
    }
  });

  it("writes the complete report data as JSON, and every other format from the same data", async () => {
    expect(JSON.parse((await renderReport(data, "json")).toString("utf8"))).toEqual(JSON.parse(JSON.stringify(data)));
    // DOCX (a zip) and PDF are checked in depth by their own tests; here: they render from real sample data.
    expect((await renderReport(data, "docx")).subarray(0, 2).toString("latin1")).toBe("PK");
    expect((await renderReport(data, "pdf")).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 120_000);

  it("neutralises only what a spreadsheet would run", () => {
    expect(["=1+1", "+1", "-a", "@x", "\tx", "-5", "12%", "正常"].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-a",
      "'@x",
      "'\tx",
      "-5",
      "12%",
      "正常",
    ]);
  });

  it("names the file in Chinese with an ASCII fallback", () => {
    const header = contentDisposition(reportFileNames("2026-11-28", "xlsx"));
    expect(header).toBe(
      `attachment; filename="chengyu-report-2026-11-28.xlsx"; filename*=UTF-8''${encodeURIComponent("成渝工作报告-2026-11-28.xlsx")}`,
    );
  });
});
