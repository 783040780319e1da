// The status report's 指标: the workbook's 指标 sheet (every indicator of the items in the report, figures as real
// numbers), and in the Word and PDF outline the 关键指标 table (in section 二, after the investment table, as a
// level-2 heading like it: the sections' numbering 一 to 六 does not move) and, under each pillar's item table,
// its items' indicators in one line each. The figures are ReportData.indicators — lib/queries/indicators.ts's own,
// as of the report's moment — only formatted here. The CSV stays one row per item (what the import reads back);
// the JSON holds ReportData.indicators as is (figures as decimal strings).
import type ExcelJS from "exceljs";
import { figureText, formatWithUnit, parseFigure } from "../indicators";
import type { Translate } from "../i18n/translator";
import type { ReportData, ReportIndicator, ReportItem } from "../report/types";
import type { OutlineBlock, OutlineColumn } from "./report-document";
import type { SheetHelpers } from "./report-ratings";
import { rateFraction } from "./xlsx-amounts";

const PERCENT = "0.0%";
const DATE = "yyyy-mm-dd";

/**
 * A figure ("120.5", "-3", up to 14 integer digits and 4 decimals) as the cell value: the number when the double
 * holds it exactly (up to 15 significant digits) — it then prints back as the same decimal — otherwise the exact
 * text, as the investment amounts do (xlsx-amounts.ts).
 */
export function figureCellValue(figure: string): number | string {
  const n = Number(figure);
  const back = parseFigure(String(n));
  return back.ok && back.value === figureText(figure) ? n : figure;
}

/** 完成度 in percent ("24.1", "-12.5", "150.0") as the fraction a percent-formatted cell holds, point moved. */
export function completionFraction(rate: string): number {
  return rate.startsWith("-") ? -rateFraction(rate.slice(1)) : rateFraction(rate);
}

/** The 指标 sheet: one row per indicator of the items in the report, then a note when there is none. */
export function indicatorsSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  data: ReportData,
  t: Translate,
  helpers: Pick<SheetHelpers, "addSheet" | "writeTable">,
): void {
  const c = (key: string, values?: Record<string, string | number>) => t(`reports.indicatorCols.${key}`, values);
  const sheet = helpers.addSheet(wb, t("reports.sheets.indicators"));
  const figure = (v: string | null) => (v === null ? null : figureCellValue(v));
  helpers.writeTable(
    sheet,
    [
      { header: c("code") },
      { header: c("item"), max: 50 },
      { header: c("name"), max: 40 },
      { header: c("unit") },
      { header: c("baseline") },
      { header: c("target") },
      { header: c("targetYear") },
      { header: c("direction") },
      { header: c("headline") },
      { header: c("actual") },
      { header: c("observedOn"), numFmt: DATE },
      { header: c("completion"), numFmt: PERCENT },
    ],
    data.indicators.map((x) => [
      x.code,
      x.title,
      x.name,
      x.unit,
      figure(x.baseline),
      figure(x.target),
      x.targetYear,
      t(`indicators.direction.${x.direction}`),
      t(x.headline ? "reports.yes" : "reports.no"),
      figure(x.actual),
      x.observedOn === null ? null : new Date(`${x.observedOn}T00:00:00Z`),
      x.completion === null ? null : completionFraction(x.completion),
    ]),
  );
  if (data.indicators.length === 0) {
    const row = sheet.getRow(3);
    row.getCell(1).value = c("none", { date: data.asOf });
    row.commit();
  }
  sheet.commit();
}

/** Words for one indicator's figures in the documents. */
function cellsOf(x: ReportIndicator, t: Translate, day: (iso: string) => string) {
  return {
    target: t("targetIn", { target: formatWithUnit(x.target, x.unit), year: x.targetYear }),
    actual:
      x.actual === null || x.observedOn === null
        ? t("noActual")
        : t("actualOn", { actual: formatWithUnit(x.actual, x.unit), day: day(x.observedOn) }),
    completion: x.completion === null ? t("noRate") : t("percent", { value: x.completion }),
  };
}

/** The 关键指标 table of the scope (t: the "reportDoc" catalogue; day: a YYYY-MM-DD day in the report's words). */
export function indicatorsBlocks(
  data: ReportData,
  t: Translate,
  asOf: string,
  day: (iso: string) => string,
): OutlineBlock[] {
  const headline = data.indicators.filter((x) => x.headline);
  const blocks: OutlineBlock[] = [{ kind: "heading", level: 2, text: t("indicatorsHeading") }];
  if (headline.length === 0) return [...blocks, { kind: "paragraph", text: t("indicatorsNone", { date: asOf }) }];
  const reported = headline.filter((x) => x.actual !== null).length;
  blocks.push({ kind: "paragraph", text: t("indicatorsIntro", { date: asOf, count: headline.length, reported }) });
  // Five columns, the item's code leading its title: no other table of the report has this shape.
  const columns: OutlineColumn[] = [
    { label: t("colItem"), width: 0.3, align: "left" },
    { label: t("colIndicator"), width: 0.2, align: "left" },
    { label: t("colTarget"), width: 0.18, align: "right" },
    { label: t("colActual"), width: 0.2, align: "right" },
    { label: t("colCompletion"), width: 0.12, align: "right" },
  ];
  blocks.push({
    kind: "table",
    columns,
    rows: headline.map((x) => {
      const f = cellsOf(x, t, day);
      return { cells: [`${x.code} ${x.title}`, x.name, f.target, f.actual, f.completion], strong: false };
    }),
  });
  return blocks;
}

/** Under a pillar's item table: the listed items' indicators, one line each (nothing when they have none). */
export function pillarIndicatorBlocks(
  data: ReportData,
  items: ReportItem[],
  t: Translate,
  day: (iso: string) => string,
): OutlineBlock[] {
  const codes = new Set(items.map((i) => i.code));
  const mine = data.indicators.filter((x) => codes.has(x.code));
  if (mine.length === 0) return [];
  return [
    { kind: "paragraph", text: t("indicatorsOfPillar") },
    {
      kind: "entries",
      entries: mine.map((x) => {
        const f = cellsOf(x, t, day);
        return t("indicatorEntry", { code: x.code, name: x.name, ...f });
      }),
    },
  ];
}
