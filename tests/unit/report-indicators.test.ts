// The report's 指标 on a hand-made report: the workbook's 指标 sheet holds every indicator with its figures as real
// numbers (text only where a double cannot hold the decimal) and 完成度 as a percent fraction; the Word/PDF outline
// has the 关键指标 table in section 二 without moving the sections' numbering, and each pillar's indicator lines;
// the preview shows the same blocks; and an exported workbook with its 指标 sheet reads back in the import exactly
// as one without it (the sheet is ignored, with no problem).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ReportIndicators } from "@/components/reports/report-indicators";
import { buildReportOutline, type OutlineBlock } from "@/lib/export/report-document";
import { completionFraction, figureCellValue } from "@/lib/export/report-indicators";
import { renderXlsx } from "@/lib/export/xlsx";
import { isParsed, parseImportFile } from "@/lib/import/parse";
import { translator } from "@/lib/i18n/translator";
import type { ReportData, ReportIndicator } from "@/lib/report/types";
import { headlineTableRows } from "../support/indicator-table";
import { reportFixture } from "../support/report-fixture";

const level1 = (blocks: OutlineBlock[]) =>
  blocks.flatMap((b) => (b.kind === "heading" && b.level === 1 ? [b.text] : []));

/** The 关键指标 rows as the documents must word them, from the data (computed apart from the renderer). */
const expectedRows = (data: ReportData): string[][] => headlineTableRows(data.indicators);

async function sheetRows(data: ReportData): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(data)) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(data.locale === "en" ? "Indicators" : "指标")!;
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

describe("figure cells", () => {
  it("writes a figure as the number that prints back as the same decimal, else as its exact text", () => {
    for (const f of ["0", "12.5", "-3", "0.0001", "1234567.8901", "99999999999.9999"]) {
      const v = figureCellValue(f);
      expect(typeof v, f).toBe("number");
      expect(String(v), f).toBe(f);
    }
    // 18 significant digits: a double would round it.
    expect(figureCellValue("12345678901234.5678")).toBe("12345678901234.5678");
  });

  it("moves the point of 完成度 for a percent cell, negative and over 100 too", () => {
    expect(completionFraction("24.1")).toBe(0.241);
    expect(completionFraction("-5.0")).toBe(-0.05);
    expect(completionFraction("-0.7")).toBe(-0.007);
    expect(completionFraction("246913.6")).toBe(2469.136);
  });
});

describe("the workbook's 指标 sheet", () => {
  it("has one row per indicator of the report's items, figures as numbers and 完成度 as a fraction", async () => {
    const data = reportFixture();
    const big: ReportIndicator = { ...data.indicators[0]!, baseline: "0", target: "12345678901234.5678" };
    data.indicators.push(big);
    const rows = await sheetRows(data);
    expect(rows[0]).toEqual([
      "编号",
      "事项",
      "指标",
      "计量单位",
      "基期值",
      "目标值",
      "目标年份",
      "方向",
      "关键指标",
      "最新实际值",
      "实际值截至日期",
      "完成度",
    ]);
    expect(rows.slice(1)).toHaveLength(data.indicators.length);
    data.indicators.forEach((x, i) => {
      const row = rows[i + 1]!;
      const num = (v: string | null) => (v === null ? undefined : v === big.target ? v : Number(v));
      expect(row.slice(0, 4), x.code).toEqual([x.code, x.title, x.name, x.unit]);
      expect(row[4], x.code).toBe(num(x.baseline));
      expect(row[5], x.code).toBe(num(x.target));
      expect(row[6]).toBe(x.targetYear);
      expect(row[7]).toBe(x.direction === "HIGHER" ? "越高越好" : "越低越好");
      expect(row[8]).toBe(x.headline ? "是" : "否");
      expect(row[9], x.code).toBe(num(x.actual));
      expect(row[10]).toEqual(x.observedOn === null ? undefined : new Date(`${x.observedOn}T00:00:00Z`));
      // 完成度 as a fraction whose digits are the percent's own (no division)
      if (x.completion === null) expect(row[11]).toBeUndefined();
      else expect(String(Math.round((row[11] as number) * 1e6) / 1e4)).toBe(String(Number(x.completion)));
    });
    expect(rows.slice(1).some((r) => typeof r[11] === "number" && r[11] < 0)).toBe(true);
  });

  it("says so when no item has an indicator, in English too", async () => {
    const rows = await sheetRows({ ...reportFixture({ locale: "en" }), indicators: [] });
    expect(rows[0]![0]).toBe("Code");
    expect(rows.at(-1)).toEqual(["No item in scope has indicators as of 2026-11-28."]);
  });

  it("is ignored by the import: the workbook reads back exactly as one without it, with no problem", async () => {
    const data = reportFixture();
    expect(data.indicators.length).toBeGreaterThan(0);
    const read = async (d: ReportData) => {
      const parsed = await parseImportFile({ name: "报告.xlsx", type: "", bytes: await renderXlsx(d) });
      expect(isParsed(parsed)).toBe(true);
      const { hash: _hash, ...rest } = parsed as Extract<typeof parsed, { rows: unknown }>;
      return rest;
    };
    const withSheet = await read(data);
    expect(withSheet.problems).toEqual([]);
    expect(withSheet.rows).toHaveLength(data.items.length);
    expect(withSheet).toEqual(await read({ ...data, indicators: [] }));
  });
});

describe("the written report's 关键指标", () => {
  it("sits in section 二 after the investment table; the sections keep their numbers", () => {
    const data = reportFixture();
    const { blocks } = buildReportOutline(data);
    expect(level1(blocks)).toEqual([
      "一、总体情况",
      "二、分方面推进情况",
      "三、滞后和逾期事项",
      expect.stringMatching(/^四、/),
      "五、考评与红黑榜",
      "六、分方面事项明细",
    ]);
    const at = blocks.findIndex((b) => b.kind === "heading" && b.text === "关键指标完成情况");
    const investment = blocks.findIndex((b) => b.kind === "heading" && b.text.startsWith("分方面投资完成情况"));
    const lagging = blocks.findIndex((b) => b.kind === "heading" && b.text === "三、滞后和逾期事项");
    expect(investment).toBeGreaterThan(0);
    expect(at).toBeGreaterThan(investment);
    expect(at).toBeLessThan(lagging);
    const headline = data.indicators.filter((x) => x.headline);
    expect(blocks[at + 1]).toEqual({
      kind: "paragraph",
      text: expect.stringContaining(
        `共设关键指标${headline.length}项，其中已报送实际值${headline.filter((x) => x.actual !== null).length}项`,
      ),
    });
    const table = blocks[at + 2] as Extract<OutlineBlock, { kind: "table" }>;
    expect(table.columns.map((c) => c.label)).toEqual([
      "事项",
      "指标",
      "目标值（年份）",
      "最新实际值（截至）",
      "完成度",
    ]);
    expect(table.rows.map((r) => r.cells)).toEqual(expectedRows(data));
  });

  it("lists each pillar's indicators under its item table, and says when none is headline", () => {
    const data = reportFixture();
    const { blocks } = buildReportOutline(data);
    const entries = blocks.flatMap((b) => (b.kind === "entries" ? b.entries : []));
    for (const x of data.indicators)
      expect(entries, x.code).toContainEqual(expect.stringMatching(new RegExp(`^${x.code} ${x.name}：实际值`)));
    const none = buildReportOutline({ ...data, indicators: [] }).blocks;
    expect(none).toContainEqual({ kind: "paragraph", text: "报告范围内事项截至2026年11月28日未设关键指标。" });
    expect(none.some((b) => b.kind === "entries" && b.entries.some((e) => e.includes("实际值")))).toBe(false);
  });

  it("the preview shows the same table", () => {
    const data = reportFixture();
    const html = renderToStaticMarkup(createElement(ReportIndicators, { data, t: translator("zh-CN", "reportDoc") }));
    expect(html).toContain("<h3>关键指标完成情况</h3>");
    for (const row of expectedRows(data)) for (const cell of row) expect(html).toContain(`>${cell}</td>`);
  });
});
