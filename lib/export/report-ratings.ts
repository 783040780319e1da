// The status report's 考评 (红黑榜): the section "考评与红黑榜（<period>）" of the Word and PDF outline — the weights in
// force at the period's close, the 红榜 and 黑榜 (BOARD_SIZE ranks each), the full ranking and how it is scored —
// and the workbook's 考评 sheet. The figures are ReportData.ratings (the ratings page's own computation, already
// cut to what the reader may see: an editor's report holds their own unit's row and no 红黑榜); only worded here.
// The CSV export stays the items only (what the import reads back); the JSON holds ReportData.ratings as is.
import type ExcelJS from "exceljs";
import { chinaTime, chinaWallClock } from "../dates";
import type { Locale } from "../i18n/locales";
import { translator, type Translate } from "../i18n/translator";
import { BOARD_SIZE, RATING_COMPONENTS, type Board } from "../rating";
import type { ReportData, ReportRatingRow, ReportRatings } from "../report/types";
import type { OutlineBlock, OutlineColumn } from "./report-document";

const periodLabel = (r: ReportRatings, locale: Locale) => (locale === "en" ? r.period.labelEn : r.period.label);

/** A rate in [0, 1] as "93.3%"; a component the unit has nothing for as the ratings page says it. */
const rate = (value: number | null, t: Translate) =>
  value === null ? t("notCounted") : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
const score = (value: number | null, t: Translate) => (value === null ? t("notScored") : value.toFixed(1));

/** The sentence naming the weights the period was rated with, and who set them when. */
export function weightsSentence(r: ReportRatings, t: Translate): string {
  const set =
    r.weightsSetAt === null
      ? t("weightsDefault")
      : t("weightsSet", { who: r.weightsSetBy ?? t("someone"), at: chinaTime(r.weightsSetAt) });
  return `${t("weightsUsed", { ...r.weights })}${set}`;
}

/**
 * The section's outline blocks (after the summary sections, before the item tables by pillar). The documents
 * number their sections (五、); the page's preview does not (`numbered: false`).
 */
export function ratingsBlocks(data: ReportData, { numbered = true }: { numbered?: boolean } = {}): OutlineBlock[] {
  const { locale, ratings } = data;
  const t = translator(locale, "ratings");
  const tr = translator(locale, "ratings.report");
  const number = numbered ? tr("sectionNumber") : "";
  if (ratings === null)
    return [
      { kind: "heading", level: 1, text: number + tr("headingNone") },
      { kind: "paragraph", text: tr("none", { date: data.asOf }) },
    ];
  const side = translator(locale, "side");
  const label = periodLabel(ratings, locale);
  const at = chinaTime(ratings.period.closedAt);
  const blocks: OutlineBlock[] = [
    { kind: "heading", level: 1, text: number + tr("heading", { period: label }) },
    {
      kind: "paragraph",
      text: tr(ratings.seesAll ? "intro" : "introOwn", { period: label, at, count: ratings.rankedCount }),
    },
    { kind: "paragraph", text: weightsSentence(ratings, t) },
  ];

  if (ratings.seesAll) {
    const board = (which: Board) => {
      const rows = ratings.rows.filter((r) => r.board === which);
      blocks.push({
        kind: "heading",
        level: 2,
        text: tr(which === "RED" ? "redHeading" : "blackHeading", { size: BOARD_SIZE }),
      });
      // One line each (a numbered list would number tied ranks 1, 2, 3 where the ranks read 1, 2, 2).
      if (rows.length === 0) blocks.push({ kind: "paragraph", text: t("dashboard.empty") });
      for (const r of rows)
        blocks.push({
          kind: "paragraph",
          text: tr("boardEntry", { rank: r.rank ?? 0, unit: r.unit, side: side(r.side), score: score(r.score, t) }),
        });
    };
    board("RED");
    board("BLACK");
  }

  blocks.push({ kind: "heading", level: 2, text: ratings.seesAll ? t("ranking") : tr("ownHeading") });
  if (ratings.rows.length === 0) {
    blocks.push({ kind: "paragraph", text: ratings.seesAll ? t("noUnits") : t("noUnit") });
  } else {
    const columns: OutlineColumn[] = [
      { label: t("col.rank"), width: 0.07, align: "center" },
      { label: t("col.unit"), width: 0.25, align: "left" },
      { label: t("col.side"), width: 0.09, align: "center" },
      { label: t("col.score"), width: 0.08, align: "right" },
      ...RATING_COMPONENTS.map((k): OutlineColumn => ({
        label: t(`component.${k}`),
        width: k === "overdue" ? 0.13 : 0.1,
        align: "right",
      })),
      { label: t("col.board"), width: 0.08, align: "center" },
    ];
    const componentCell = (r: ReportRatingRow, k: (typeof RATING_COMPONENTS)[number]) =>
      k === "overdue" && r.counts.items > 0
        ? tr("overdueCell", { rate: rate(r.components.overdue, t), overdue: r.counts.overdue, items: r.counts.items })
        : rate(r.components[k], t);
    blocks.push({
      kind: "table",
      columns,
      rows: ratings.rows.map((r) => ({
        cells: [
          r.rank === null ? t("notRanked") : String(r.rank),
          r.unit,
          side(r.side),
          score(r.score, t),
          ...RATING_COMPONENTS.map((k) => componentCell(r, k)),
          r.board === null ? "" : t(`board.${r.board}`),
        ],
        strong: r.board === "RED",
      })),
    });
    blocks.push({ kind: "paragraph", text: tr("overdueNote") });
  }
  blocks.push({ kind: "paragraph", text: t("formula") });
  return blocks;
}

// ---- the workbook's 考评 sheet ----

type Value = string | number | Date | null;
interface Column {
  header: string;
  numFmt?: string;
  max?: number;
}
type Sheet = ExcelJS.Worksheet;
type Book = ExcelJS.stream.xlsx.WorkbookWriter;
/** xlsx.ts's own sheet helpers, handed in (this file is also loaded by the document worker, without exceljs). */
export interface SheetHelpers {
  addSheet: (wb: Book, name: string) => Sheet;
  writeTable: (sheet: Sheet, columns: Column[], rows: Value[][]) => void;
  writeLabelled: (sheet: Sheet, after: number, lines: [string, Value, string?][]) => void;
}

const PERCENT = "0.0%";
const SCORE = "0.0";

/** The 考评 sheet: the ranking the reader may see (rates as real fractions in % format), then the period and weights. */
export function ratingsSheet(wb: Book, data: ReportData, root: Translate, helpers: SheetHelpers): void {
  const t = (key: string, values?: Record<string, string | number>) => root(`ratings.${key}`, values);
  const sheet = helpers.addSheet(wb, t("report.sheet"));
  const { ratings } = data;
  if (ratings === null) {
    const row = sheet.getRow(1);
    row.getCell(1).value = t("report.none", { date: data.asOf });
    row.commit();
    sheet.commit();
    return;
  }
  helpers.writeTable(
    sheet,
    [
      { header: t("col.rank") },
      { header: t("col.unit"), max: 40 },
      { header: t("col.side") },
      { header: t("col.score"), numFmt: SCORE },
      ...RATING_COMPONENTS.map((k): Column => ({ header: t(`component.${k}`), numFmt: PERCENT })),
      { header: t("report.colOverdueItems") },
      { header: t("report.colItems") },
      { header: t("col.board") },
    ],
    ratings.rows.map((r) => [
      r.rank,
      r.unit,
      root(`side.${r.side}`),
      r.score,
      ...RATING_COMPONENTS.map((k) => r.components[k]),
      r.counts.overdue,
      r.counts.items,
      r.board === null ? null : t(`board.${r.board}`),
    ]),
  );
  const lines: [string, Value, string?][] = [
    [t("col.period"), periodLabel(ratings, data.locale)],
    [t("report.closedAt"), chinaWallClock(ratings.period.closedAt), "yyyy-mm-dd hh:mm"],
    [t("report.rankedCount"), ratings.rankedCount],
    ...RATING_COMPONENTS.map((k): [string, Value] => [
      `${t(`component.${k}`)} (${t("col.weight")})`,
      ratings.weights[k],
    ]),
  ];
  if (!ratings.seesAll) lines.push([t("report.ownOnly"), null]);
  if (ratings.rows.length === 0) lines.unshift([ratings.seesAll ? t("noUnits") : t("noUnit"), null]);
  helpers.writeLabelled(sheet, ratings.rows.length + 2, lines);
  sheet.commit();
}
