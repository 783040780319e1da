// The report as an Excel workbook (exceljs): summary by pillar with the headline, every item in exactly the
// items columns (what the import reads back), recent updates, accountability by unit, and the changes since
// the compare date. Every sheet has a frozen header row, a filter on its table and widths that fit its content.
// Progress is a real number formatted as a percentage (fraction + "0.0%"), so Excel can sum and sort it; so are
// the investment amounts (万元, "#,##0.00", written from their decimal strings: xlsx-amounts.ts) and 完成率, and
// the 指标 sheet's figures and 完成度 (report-indicators.ts).
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { ReportData } from "../report/types";
import { ITEM_COLUMNS } from "../report/item-columns";
import { chinaTime, chinaWallClock } from "../dates";
import { translator, type Translate } from "../i18n/translator";
import { itemCells, itemHeaders, type ItemCell } from "./cells";
import { AMOUNT_FORMAT, amountCellValue, rateFraction } from "./xlsx-amounts";
import { indicatorsSheet } from "./report-indicators";
import { ratingsSheet } from "./report-ratings";

const PERCENT = "0.0%";
const DATE = "yyyy-mm-dd";
const TIME = "yyyy-mm-dd hh:mm";

/** A calendar day as a date cell (exceljs writes UTC; UTC midnight reads back as the same day). */
const dayCell = (day: string) => new Date(`${day}T00:00:00Z`);
/** A moment as China wall-clock time (spreadsheets have no time zones). */
const timeCell = chinaWallClock;
const fraction = (progress: number | null) => (progress === null ? null : progress / 100);

type Value = string | number | Date | null;
/** A label, its value and the value's number format. */
type LabelledLine = [label: string, value: Value, numFmt?: string];
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

// exceljs types the streaming writer's sheets as plain worksheets; commit() is what streams them.
type Sheet = ExcelJS.Worksheet;
/** A number format for the cell at (data row index, column index), overriding the column's. */
type CellFormat = (row: number, column: number) => string | undefined;

/** Column widths that fit the content (CJK counts double) within each column's bounds. */
function fitWidths(sheet: Sheet, columns: Column[], rows: Value[][], minFirst = 0): void {
  columns.forEach((c, i) => {
    let widest = displayWidth(c.header);
    for (const r of rows) widest = Math.max(widest, displayWidth(r[i] ?? null, c.numFmt));
    const width = Math.min(c.max ?? 40, Math.max(8, widest + 2));
    sheet.getColumn(i + 1).width = i === 0 ? Math.max(width, minFirst) : width;
  });
}

/**
 * Writes a table from row 1: a bold header row, frozen, with an autofilter over the table, and widths that fit.
 * The sheet is streamed: each row is committed (serialised into the zip) as soon as it is written, so a
 * 10,000-item workbook is never held as a tree of cell objects (that took ~230 MB of heap per export). Widths
 * and the filter therefore have to be known before the first row goes out.
 */
function writeTable(
  sheet: Sheet,
  columns: Column[],
  rows: Value[][],
  cellFormat?: CellFormat,
  minFirstWidth = 0,
): void {
  fitWidths(sheet, columns, rows, minFirstWidth);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF5" } };
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  header.commit();
  // One style object per format, shared by its cells: a style per cell makes exceljs compare them one by one.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (numFmt: string) => styles.get(numFmt) ?? styles.set(numFmt, { numFmt }).get(numFmt)!;
  rows.forEach((values, r) => {
    const row = sheet.getRow(2 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      const numFmt = cellFormat?.(r, i) ?? columns[i]!.numFmt;
      if (numFmt) cell.style = styleOf(numFmt);
    });
    row.commit();
  });
}

/** A label and its value on each row from row `after + 1` down (values left-aligned, numbers with their format). */
function writeLabelled(sheet: Sheet, after: number, lines: LabelledLine[]): void {
  let at = after;
  for (const [label, value, numFmt] of lines) {
    const row = sheet.getRow(++at);
    row.getCell(1).value = label;
    row.getCell(2).value = value;
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.getCell(2).alignment = { horizontal: "left" };
    row.commit();
  }
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
    case "amount":
      return amountCellValue(cell.value);
    case "rate":
      return rateFraction(cell.value);
    case "date":
      return dayCell(cell.value);
    case "moment":
      return timeCell(cell.value);
  }
}

type Book = ExcelJS.stream.xlsx.WorkbookWriter;
/** A sheet whose header row stays in view when scrolling. */
const addSheet = (wb: Book, name: string): Sheet =>
  wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });

function summarySheet(wb: Book, data: ReportData, t: Translate): void {
  const sheet = addSheet(wb, t("reports.sheets.summary"));
  const c = (k: string) => t(`reports.cols.${k}`);
  const h = data.headline;
  const rows: Value[][] = data.pillars.map((p) => [
    p.number,
    p.title,
    fraction(p.progress),
    p.items,
    p.completed,
    p.overdue,
  ]);
  writeTable(
    sheet,
    [
      { header: c("pillar") },
      { header: c("pillarTitle"), max: 50 },
      { header: c("progress"), numFmt: PERCENT },
      { header: c("items") },
      { header: c("completed") },
      { header: c("overdue") },
    ],
    rows,
    undefined,
    14,
  );
  // The total row sits outside the filtered range so sorting the pillars never moves it.
  const total = sheet.getRow(rows.length + 2);
  total.values = [
    t("reports.headlineRows.heading"),
    data.scopeLabel,
    fraction(h.overallProgress),
    h.items,
    h.completed,
    h.overdue,
  ];
  total.font = { bold: true };
  total.getCell(3).numFmt = PERCENT;
  total.commit();

  const r = (k: string) => t(`reports.headlineRows.${k}`);
  const block: LabelledLine[] = [
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
  if (data.period)
    block.splice(1, 0, [
      r("period"),
      `${data.locale === "en" ? data.period.labelEn : data.period.label} (${chinaTime(data.period.closedAt)})`,
    ]);
  if (data.sampleData) block.unshift([r("sample"), t("reportDoc.sampleLine")]);
  const heading = sheet.getRow(rows.length + 4);
  heading.getCell(1).value = r("heading");
  heading.font = { bold: true };
  heading.commit();
  writeLabelled(sheet, rows.length + 4, block);
  sheet.commit();
}

const itemColumnKeys = ITEM_COLUMNS.map((c) => c.key);
/** Formats by column, not by the first row's values (which may be empty). */
function itemFormat(key: (typeof itemColumnKeys)[number]): string | undefined {
  if (key === "reportedProgress" || key === "progress" || key === "investmentRate") return PERCENT;
  if (key === "totalInvestment" || key === "plannedInvestment" || key === "completedInvestment") return AMOUNT_FORMAT;
  if (key === "startDate" || key === "dueDate" || key === "originalDueDate") return DATE;
  if (key === "lastUpdateAt") return TIME;
  return undefined;
}

function itemsSheet(wb: Book, data: ReportData, t: Translate): void {
  const sheet = addSheet(wb, t("reports.sheets.items"));
  const headers = itemHeaders(data.locale);
  const columns: Column[] = headers.map((header, i) => ({ header, numFmt: itemFormat(itemColumnKeys[i]!), max: 60 }));
  writeTable(
    sheet,
    columns,
    data.items.map((item) => itemCells(item, t).map(itemValue)),
  );
  sheet.commit();
}

function updatesSheet(wb: Book, data: ReportData, t: Translate): void {
  const sheet = addSheet(wb, t("reports.sheets.updates"));
  const c = (k: string) => t(`reports.cols.${k}`);
  writeTable(
    sheet,
    [
      { header: c("at"), numFmt: TIME },
      { header: c("code") },
      { header: c("title"), max: 50 },
      { header: c("unit") },
      { header: c("author") },
      { header: c("status") },
      { header: c("progress"), numFmt: PERCENT },
      { header: c("confidence") },
      { header: c("note"), max: 60 },
    ],
    data.recentUpdates.map((u) => [
      timeCell(u.at),
      u.code,
      u.title,
      u.unit,
      u.author,
      t(`status.${u.status}`),
      fraction(u.progress),
      t(`confidence.${u.confidence}`),
      u.note,
    ]),
  );
  sheet.commit();
}

function unitsSheet(wb: Book, data: ReportData, t: Translate): void {
  const sheet = addSheet(wb, t("reports.sheets.units"));
  const c = (k: string) => t(`reports.cols.${k}`);
  writeTable(
    sheet,
    [
      { header: c("unit"), max: 40 },
      { header: c("side") },
      { header: c("items") },
      { header: c("progress"), numFmt: PERCENT },
      { header: c("overdue") },
      { header: c("stale") },
      { header: c("daysSince") },
    ],
    data.units.map((u) => [
      u.unit,
      t(`side.${u.side}`),
      u.items,
      fraction(u.averageProgress),
      u.overdue,
      u.stale,
      u.daysSinceLastUpdate,
    ]),
  );
  sheet.commit();
}

function changesSheet(wb: Book, data: ReportData, t: Translate): void {
  if (data.changes === null) return;
  const sheet = addSheet(wb, t("reports.sheets.changes"));
  const c = (k: string) => t(`reports.cols.${k}`);
  const k = (kind: string) => t(`reports.changeKinds.${kind}`);
  const ch = data.changes;
  const label = (kind: "status" | "confidence", v: string) => t(`${kind}.${v}`);
  const rows: Value[][] = [
    ...ch.newlyCompleted.map((x) => [k("newlyCompleted"), x.code, x.title, x.leadUnit, null, null, null]),
    ...ch.newlyOverdue.map((x) => [k("newlyOverdue"), x.code, x.title, x.leadUnit, null, x.dueDate, null]),
    ...ch.statusDowngrades.map((x) => [
      k(x.kind === "status" ? "statusDowngrade" : "confidenceDowngrade"),
      x.code,
      x.title,
      null,
      label(x.kind, x.from),
      label(x.kind, x.to),
      null,
    ]),
    ...ch.dueDateRevisions.map((x) => [k("dueDateRevision"), x.code, x.title, null, x.from, x.to, x.reason]),
    ...ch.progressMoves.map((x) => [k("progressMove"), x.code, x.title, null, fraction(x.from), fraction(x.to), null]),
  ];
  // Progress moves (the last rows) show from/to as percentages; the other rows' from/to are labels or dates.
  const firstMove = rows.length - ch.progressMoves.length;
  writeTable(
    sheet,
    [
      { header: c("kind") },
      { header: c("code") },
      { header: c("title"), max: 50 },
      { header: c("leadUnit") },
      { header: c("from") },
      { header: c("to") },
      { header: c("reason"), max: 50 },
    ],
    rows,
    (row, column) => (row >= firstMove && (column === 4 || column === 5) ? PERCENT : undefined),
  );
  sheet.commit();
}

/** Collects a stream's bytes: the file cache and Content-Length need the whole file. */
class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    done();
  }
}

export async function renderXlsx(data: ReportData): Promise<Buffer> {
  const t = translator(data.locale);
  const out = new Collector();
  // Shared strings keep the file what Excel and WPS themselves write (inline "str" cells are a formula's type).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = "chengyu-tracker";
  wb.created = new Date(data.generatedAt);
  summarySheet(wb, data, t);
  itemsSheet(wb, data, t);
  indicatorsSheet(wb, data, t, { addSheet, writeTable });
  updatesSheet(wb, data, t);
  unitsSheet(wb, data, t);
  changesSheet(wb, data, t);
  ratingsSheet(wb, data, t, { addSheet, writeTable, writeLabelled });
  await wb.commit();
  return Buffer.concat(out.chunks);
}
