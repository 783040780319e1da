// Items files for the import tests. The round trip edits the real export (lib/export/xlsx.ts, csv.ts) with
// editXlsx / editCsv; the bad-file cases build files in the export's layout from real report data
// (lib/queries/report.ts) with xlsxOf / csvOf, which makes broken layouts easy: the items sheet with a frozen header, progress as a fraction
// with a percent format and dates as real dates (XLSX); UTF-8 with BOM and CRLF with formula-looking text
// neutralised by a leading apostrophe (CSV). `edit` changes cells by column key before writing, as a person
// would in Excel.
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { stringify as stringifyCsv } from "csv-stringify/sync";
import enCommon from "../../lib/i18n/messages/en/common.json";
import zhCommon from "../../lib/i18n/messages/zh-CN/common.json";
import { todayInChina } from "../../lib/dates";
import type { Db } from "../../lib/prisma-client";
import { buildReport } from "../../lib/queries/report";
import { ITEM_COLUMNS } from "../../lib/report/item-columns";
import { AMOUNT_FORMAT, amountCellValue } from "../../lib/export/xlsx-amounts";
import type { ReportData, ReportItem, ReportScope } from "../../lib/report/types";

export type Lang = "zh" | "en";
export type CellValue = string | number | Date | null;
/** One data row as column key → value (what the export writes). */
export type Row = Record<string, CellValue>;

/** The report data an export of `scope` today renders (lib/queries/report.ts). */
export async function exportedReport(db: Db, scope: ReportScope, lang: Lang = "zh"): Promise<ReportData> {
  return buildReport(db, { scope, asOf: todayInChina(), compare: null, locale: lang === "zh" ? "zh-CN" : "en" });
}

export async function exportedItems(db: Db, scope: ReportScope, lang: Lang = "zh"): Promise<ReportItem[]> {
  return (await exportedReport(db, scope, lang)).items;
}

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export function rowOf(item: ReportItem, lang: Lang = "zh"): Row {
  const common = lang === "zh" ? zhCommon : enCommon;
  return {
    code: item.code,
    pillarNumber: item.pillarNumber,
    level: common.level[item.level],
    title: item.title,
    leadUnit: item.leadUnit,
    coLeadUnit: item.coLeadUnit,
    responsiblePerson: item.responsiblePerson,
    status: common.status[item.status],
    confidence: item.confidence ? common.confidence[item.confidence] : null,
    reportedProgress: item.reportedProgress,
    progress: item.rolledUp ? item.progress : null,
    startDate: day(item.startDate),
    dueDate: day(item.dueDate),
    originalDueDate: day(item.originalDueDate),
    slippageDays: item.slippageDays,
    overdue: item.overdue ? (lang === "zh" ? "是" : "Yes") : lang === "zh" ? "否" : "No",
    totalInvestment: item.totalInvestment,
    plannedInvestment: item.plannedInvestment,
    completedInvestment: item.completedInvestment,
    investmentRate: item.investmentRate === null ? null : `${item.investmentRate}%`,
    lastUpdateAt: item.lastUpdateAt ? item.lastUpdateAt.slice(0, 10) : null,
    version: item.version,
    changeNote: null,
  };
}

/** The investment amount columns: decimal strings in a Row, numbers in the XLSX as the export writes them. */
export const AMOUNT_KEYS = new Set(["totalInvestment", "plannedInvestment", "completedInvestment"]);

export const headers = (lang: Lang) => ITEM_COLUMNS.map((c) => (lang === "zh" ? c.zh : c.en));

/** The items sheet as the export writes it; `header` and `values` allow deliberately broken layouts. */
export async function xlsxOf(
  rows: Row[],
  options: { lang?: Lang; header?: string[]; sheetName?: string; raw?: (ws: ExcelJS.Worksheet) => void } = {},
): Promise<Buffer> {
  const lang = options.lang ?? "zh";
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(lang === "zh" ? "摘要" : "Summary").addRow(["x"]);
  const ws = wb.addWorksheet(options.sheetName ?? (lang === "zh" ? "事项" : "Items"), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  ws.addRow(options.header ?? headers(lang));
  for (const row of rows) {
    const added = ws.addRow(
      ITEM_COLUMNS.map((c) => {
        const v = row[c.key] ?? null;
        if (AMOUNT_KEYS.has(c.key) && typeof v === "string") return amountCellValue(v);
        return (c.key === "reportedProgress" || c.key === "progress") && typeof v === "number" ? v / 100 : v;
      }),
    );
    ITEM_COLUMNS.forEach((c, i) => {
      if (AMOUNT_KEYS.has(c.key)) added.getCell(i + 1).numFmt = AMOUNT_FORMAT;
      if (c.key === "reportedProgress" || c.key === "progress") added.getCell(i + 1).numFmt = "0.0%";
      if (c.key === "startDate" || c.key === "dueDate" || c.key === "originalDueDate")
        added.getCell(i + 1).numFmt = "yyyy-mm-dd";
    });
  }
  options.raw?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV as the export writes it: UTF-8 BOM, CRLF, every field quoted (test fixture, not product code). */
export function csvOf(rows: Row[], options: { lang?: Lang; header?: string[]; rawCells?: boolean } = {}): Buffer {
  const lang = options.lang ?? "zh";
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [(options.header ?? headers(lang)).map(quote).join(",")];
  for (const row of rows)
    lines.push(
      ITEM_COLUMNS.map((c) => quote(options.rawCells ? String(row[c.key] ?? "") : csvText(row[c.key] ?? null))).join(
        ",",
      ),
    );
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

export function fileForm(bytes: Buffer, name: string, extra: Record<string, string> = {}, type = ""): FormData {
  const fd = new FormData();
  fd.append("file", new File([new Uint8Array(bytes)], name, { type }));
  for (const [k, v] of Object.entries(extra)) fd.append(k, v);
  return fd;
}

/** One cell a person changes in the exported file: the item's row (by code) and the column (by key). */
export interface CellEdit {
  code: string;
  key: string;
  value: string | number | Date | null;
}

const columnIndex = (key: string) => {
  const i = ITEM_COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
};

/** Opens an exported workbook, changes cells of its items sheet as Excel would, and saves it. */
export async function editXlsx(bytes: Buffer, edits: CellEdit[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets.find((ws) =>
    [ITEM_COLUMNS[0]!.zh, ITEM_COLUMNS[0]!.en].includes(ws.getRow(1).getCell(1).text),
  );
  if (!sheet) throw new Error("no items sheet in the export");
  for (const edit of edits) {
    let found = false;
    sheet.eachRow((row) => {
      if (row.getCell(1).text !== edit.code) return;
      // A typed percentage is stored as a fraction in the percent-formatted cell, as Excel does.
      const value = edit.key === "reportedProgress" && typeof edit.value === "number" ? edit.value / 100 : edit.value;
      row.getCell(columnIndex(edit.key) + 1).value = value;
      found = true;
    });
    if (!found) throw new Error(`no row ${edit.code} in the export`);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Opens an exported CSV, changes cells (text as typed), and saves it as UTF-8 with BOM and CRLF. */
export function editCsv(bytes: Buffer, edits: CellEdit[]): Buffer {
  const records = parseCsv(bytes.toString("utf8"), { bom: true }) as string[][];
  for (const edit of edits) {
    const record = records.find((r) => r[0] === edit.code);
    if (!record) throw new Error(`no row ${edit.code} in the export`);
    record[columnIndex(edit.key)] =
      edit.value instanceof Date ? edit.value.toISOString().slice(0, 10) : String(edit.value ?? "");
  }
  return Buffer.from(`\uFEFF${stringifyCsv(records, { record_delimiter: "\r\n" })}`, "utf8");
}

/** The file an earlier version exported: the items sheet or CSV without the columns `keys` (test fixture). */
export async function withoutColumnsXlsx(bytes: Buffer, keys: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets.find((ws) => ws.getRow(1).getCell(1).text === ITEM_COLUMNS[0]!.zh);
  if (!sheet) throw new Error("no items sheet in the export");
  // Right to left, so the earlier indexes stay put.
  for (const i of keys.map(columnIndex).sort((x, y) => y - x)) sheet.spliceColumns(i + 1, 1);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function withoutColumnsCsv(bytes: Buffer, keys: string[]): Buffer {
  const drop = new Set(keys.map(columnIndex));
  const records = (parseCsv(bytes.toString("utf8"), { bom: true }) as string[][]).map((r) =>
    r.filter((_, i) => !drop.has(i)),
  );
  return Buffer.from(`\uFEFF${stringifyCsv(records, { record_delimiter: "\r\n" })}`, "utf8");
}
