// The report as an Excel workbook (exceljs): summary by pillar with the headline, every item in exactly the
// items columns (what the import reads back), recent updates, accountability by unit, and the changes since
// the compare date. Every sheet has a frozen header row, a filter on its table and widths that fit its content.
// Progress is a real number formatted as a percentage (fraction + "0.0%"), so Excel can sum and sort it.
import ExcelJS from "exceljs";
import type { ReportData } from "../report/types";
import { ITEM_COLUMNS } from "../report/item-columns";
import { catalogueTranslator, itemCells, itemHeaders, type ItemCell, type Translate } from "./cells";

const PERCENT = "0.0%";
const DATE = "yyyy-mm-dd";
const TIME = "yyyy-mm-dd hh:mm";
const CHINA_OFFSET = 8 * 3600_000;

/** A calendar day as a date cell (exceljs writes UTC; UTC midnight reads back as the same day). */
const dayCell = (day: string) => new Date(`${day}T00:00:00Z`);
/** A moment as China wall-clock time (spreadsheets have no time zones). */
const timeCell = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET);
const fraction = (progress: number | null) => (progress === null ? null : progress / 100);

type Value = string | number | Date | null;
interface Column {
  header: string;
  numFmt?: string;
  /** width bounds in characters; the content decides within them */
  max?: number;
}

/** Display width in characters: a CJK character takes two columns. */
function displayWidth(value: Value, numFmt?: string): number {
  if (value === null) return 0;
  if (value instanceof Date) return numFmt === TIME ? 16 : 10;
  if (typeof value === "number") return numFmt === PERCENT ? 7 : String(value).length;
  let w = 0;
  for (const ch of value) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** Adds a table: header row at `startRow`, frozen when it is row 1, with an autofilter and fitted widths. */
function addTable(sheet: ExcelJS.Worksheet, columns: Column[], rows: Value[][], startRow = 1): void {
  const header = sheet.getRow(startRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF5" } };
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  // One style object per column, shared by its cells: setting cell.numFmt gives every cell a style of its
  // own, which exceljs then compares one by one when it writes (most of the time of a 10,000-row sheet).
  const styles = columns.map((c) => (c.numFmt ? ({ numFmt: c.numFmt } as Partial<ExcelJS.Style>) : undefined));
  rows.forEach((values, r) => {
    const row = sheet.getRow(startRow + 1 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      const style = styles[i];
      if (style) cell.style = style;
    });
  });
  columns.forEach((c, i) => {
    const widest = Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? null, c.numFmt)));
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, Math.min(c.max ?? 40, Math.max(8, widest + 2)));
  });
  sheet.autoFilter = { from: { row: startRow, column: 1 }, to: { row: startRow + rows.length, column: columns.length } };
  if (startRow === 1) sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
}

function itemValue(cell: ItemCell): Value {
  switch (cell.kind) {
    case "empty":
      return null;
    case "text":
    case "number":
      return cell.value;
    case "percent":
      return fraction(cell.value);
    case "date":
      return dayCell(cell.value);
    case "moment":
      return timeCell(cell.value);
  }
}

function summarySheet(wb: ExcelJS.Workbook, data: ReportData, t: Translate): void {
  const sheet = wb.addWorksheet(t("reports.sheets.summary"));
  const c = (k: string) => t(`reports.cols.${k}`);
  const h = data.headline;
  const rows: Value[][] = data.pillars.map((p) => [p.number, p.title, fraction(p.progress), p.items, p.completed, p.overdue]);
  addTable(
    sheet,
    [{ header: c("pillar") }, { header: c("pillarTitle"), max: 50 }, { header: c("progress"), numFmt: PERCENT }, { header: c("items") }, { header: c("completed") }, { header: c("overdue") }],
    rows,
  );
  // The total row sits outside the filtered range so sorting the pillars never moves it.
  const total = sheet.getRow(rows.length + 2);
  total.values = [t("reports.headlineRows.heading"), data.scopeLabel, fraction(h.overallProgress), h.items, h.completed, h.overdue];
  total.font = { bold: true };
  total.getCell(3).numFmt = PERCENT;

  const r = (k: string) => t(`reports.headlineRows.${k}`);
  const block: [string, Value, string?][] = [
    [r("asOf"), dayCell(data.asOf), DATE],
    [r("scope"), data.scopeLabel],
    [r("compare"), data.compare === null ? null : dayCell(data.compare), DATE],
    [r("items"), h.items],
    [r("overall"), fraction(h.overallProgress), PERCENT],
    [r("onTrack"), h.onTrack],
    [r("atRisk"), h.atRisk],
    [r("offTrack"), h.offTrack],
    [r("completed"), h.completed],
    [r("overdue"), h.overdue],
    [r("stale"), h.stale],
  ];
  if (data.sampleData) block.unshift([r("sample"), t("reportDoc.sampleLine")]);
  let at = rows.length + 4;
  sheet.getRow(at).getCell(1).value = r("heading");
  sheet.getRow(at).font = { bold: true };
  for (const [label, value, fmt] of block) {
    const row = sheet.getRow(++at);
    row.getCell(1).value = label;
    row.getCell(2).value = value;
    if (fmt) row.getCell(2).numFmt = fmt;
    row.getCell(2).alignment = { horizontal: "left" };
  }
  sheet.getColumn(1).width = Math.max(sheet.getColumn(1).width ?? 0, 14);
}

const itemColumnKeys = ITEM_COLUMNS.map((c) => c.key);
/** Formats by column, not by the first row's values (which may be empty). */
function itemFormat(key: (typeof itemColumnKeys)[number]): string | undefined {
  if (key === "reportedProgress") return PERCENT;
  if (key === "startDate" || key === "dueDate" || key === "originalDueDate") return DATE;
  if (key === "lastUpdateAt") return TIME;
  return undefined;
}

function itemsSheet(wb: ExcelJS.Workbook, data: ReportData, t: Translate): void {
  const sheet = wb.addWorksheet(t("reports.sheets.items"));
  const headers = itemHeaders(data.locale);
  const columns: Column[] = headers.map((header, i) => ({ header, numFmt: itemFormat(itemColumnKeys[i]!), max: 60 }));
  addTable(sheet, columns, data.items.map((item) => itemCells(item, t).map(itemValue)));
}

function updatesSheet(wb: ExcelJS.Workbook, data: ReportData, t: Translate): void {
  const sheet = wb.addWorksheet(t("reports.sheets.updates"));
  const c = (k: string) => t(`reports.cols.${k}`);
  addTable(
    sheet,
    [{ header: c("at"), numFmt: TIME }, { header: c("code") }, { header: c("title"), max: 50 }, { header: c("unit") }, { header: c("author") }, { header: c("status") }, { header: c("progress"), numFmt: PERCENT }, { header: c("confidence") }, { header: c("note"), max: 60 }],
    data.recentUpdates.map((u) => [timeCell(u.at), u.code, u.title, u.unit, u.author, t(`status.${u.status}`), fraction(u.progress), t(`confidence.${u.confidence}`), u.note]),
  );
}

function unitsSheet(wb: ExcelJS.Workbook, data: ReportData, t: Translate): void {
  const sheet = wb.addWorksheet(t("reports.sheets.units"));
  const c = (k: string) => t(`reports.cols.${k}`);
  addTable(
    sheet,
    [{ header: c("unit"), max: 40 }, { header: c("side") }, { header: c("items") }, { header: c("progress"), numFmt: PERCENT }, { header: c("overdue") }, { header: c("stale") }, { header: c("daysSince") }],
    data.units.map((u) => [u.unit, t(`side.${u.side}`), u.items, fraction(u.averageProgress), u.overdue, u.stale, u.daysSinceLastUpdate]),
  );
}

function changesSheet(wb: ExcelJS.Workbook, data: ReportData, t: Translate): void {
  if (data.changes === null) return;
  const sheet = wb.addWorksheet(t("reports.sheets.changes"));
  const c = (k: string) => t(`reports.cols.${k}`);
  const k = (kind: string) => t(`reports.changeKinds.${kind}`);
  const ch = data.changes;
  const label = (kind: "status" | "confidence", v: string) => t(`${kind}.${v}`);
  const rows: Value[][] = [
    ...ch.newlyCompleted.map((x) => [k("newlyCompleted"), x.code, x.title, x.leadUnit, null, null, null]),
    ...ch.newlyOverdue.map((x) => [k("newlyOverdue"), x.code, x.title, x.leadUnit, null, x.dueDate, null]),
    ...ch.statusDowngrades.map((x) => [k(x.kind === "status" ? "statusDowngrade" : "confidenceDowngrade"), x.code, x.title, null, label(x.kind, x.from), label(x.kind, x.to), null]),
    ...ch.dueDateRevisions.map((x) => [k("dueDateRevision"), x.code, x.title, null, x.from, x.to, x.reason]),
    ...ch.progressMoves.map((x) => [k("progressMove"), x.code, x.title, null, fraction(x.from), fraction(x.to), null]),
  ];
  addTable(
    sheet,
    [{ header: c("kind") }, { header: c("code") }, { header: c("title"), max: 50 }, { header: c("leadUnit") }, { header: c("from") }, { header: c("to") }, { header: c("reason"), max: 50 }],
    rows,
  );
  // Progress moves show as percentages; the other rows' from/to are labels or dates (text).
  const firstMove = 2 + rows.length - ch.progressMoves.length;
  for (let r = firstMove; r <= rows.length + 1; r++) for (const col of [5, 6]) sheet.getRow(r).getCell(col).numFmt = PERCENT;
}

export async function renderXlsx(data: ReportData): Promise<Buffer> {
  const t = catalogueTranslator(data.locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = "chengyu-tracker";
  wb.created = new Date(data.generatedAt);
  summarySheet(wb, data, t);
  itemsSheet(wb, data, t);
  updatesSheet(wb, data, t);
  unitsSheet(wb, data, t);
  changesSheet(wb, data, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
