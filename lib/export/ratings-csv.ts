// A closed period's 考评 (the 红黑榜 rows the reader may see) as CSV: UTF-8 with a byte-order mark and CRLF line
// ends, as the items export (Excel and WPS open Chinese text correctly), text cells neutralised against formula
// injection. Rates are percentages with one decimal; a component the unit has nothing for is left empty.
import { stringify } from "csv-stringify/sync";
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translator";
import { RATING_COMPONENTS, type Board, type RatingComponents, type RatingWeights } from "../rating";
import { BOM, neutraliseFormula } from "./csv";

export interface RatingCsvRow {
  rank: number | null;
  unit: string;
  side: string;
  score: number | null;
  components: RatingComponents;
  board: Board | null;
}

export interface RatingCsvData {
  locale: Locale;
  periodLabel: string;
  weights: RatingWeights;
  rows: readonly RatingCsvRow[];
}

const percent = (value: number | null) => (value === null ? "" : `${(Math.round(value * 1000) / 10).toFixed(1)}%`);

export function renderRatingsCsv(data: RatingCsvData): Buffer {
  const t = translator(data.locale, "ratings");
  const tSide = translator(data.locale, "side");
  const header = [
    t("col.period"),
    t("col.rank"),
    t("col.unit"),
    t("col.side"),
    t("col.score"),
    ...RATING_COMPONENTS.map((k) => `${t(`component.${k}`)} (${t("col.weight")} ${data.weights[k]})`),
    t("col.board"),
  ];
  const rows = data.rows.map((r) => [
    data.periodLabel,
    r.rank === null ? "" : String(r.rank),
    r.unit,
    tSide(r.side),
    r.score === null ? "" : r.score.toFixed(1),
    ...RATING_COMPONENTS.map((k) => percent(r.components[k])),
    r.board === null ? "" : t(`board.${r.board}`),
  ]);
  const cells = [header, ...rows].map((row) => row.map(neutraliseFormula));
  return Buffer.from(BOM + stringify(cells, { record_delimiter: "\r\n" }), "utf8");
}
