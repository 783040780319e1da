// The items of a report as CSV, in exactly the items columns (lib/report/item-columns.ts) so the import reads
// it back. UTF-8 with a byte-order mark and CRLF line ends: Excel and WPS then open Chinese text correctly.
// Quoting is csv-stringify's.
//
// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @ (or a tab or
// carriage return) as a formula, so any such text cell is written with a leading single quote, which the
// spreadsheet shows as text. Plain numbers like -3 (a negative slippage) are left alone: they cannot be formulas.
//
// No 指标 here: an item has any number of indicators, each with eight figures and labels, which one row per item
// cannot hold as columns, and a count column would be a read-only column the import has to skip. The 指标 are
// in the workbook's 指标 sheet and in the JSON (lib/export/report-indicators.ts).
import { stringify } from "csv-stringify/sync";
import type { ReportData } from "../report/types";
import { chinaTime } from "../dates";
import { translator } from "../i18n/translator";
import { itemCells, itemHeaders, type ItemCell } from "./cells";
import { formatNumber } from "./report-document";

export const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?%?$/;

/** OWASP's neutralisation: prefix text that a spreadsheet would read as a formula with a single quote. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function cellText(cell: ItemCell): string {
  switch (cell.kind) {
    case "empty":
      return "";
    case "text":
      return neutraliseFormula(cell.value);
    case "number":
      return String(cell.value);
    case "percent":
      return `${formatNumber(cell.value)}%`;
    case "amount":
      // The decimal string itself ("12345.67"): exact, and what the import reads back.
      return cell.value;
    case "rate":
      return `${cell.value}%`;
    case "date":
      return cell.value;
    case "moment":
      return chinaTime(cell.value);
  }
}

export function renderCsv(data: ReportData): Buffer {
  const t = translator(data.locale);
  const rows = [
    itemHeaders(data.locale).map(neutraliseFormula),
    ...data.items.map((item) => itemCells(item, t).map(cellText)),
  ];
  return Buffer.from(BOM + stringify(rows, { record_delimiter: "\r\n" }), "utf8");
}
