// The rows the documents' 关键指标 table states for a report's headline indicators, in Chinese: what the Word, PDF
// and preview tests expect, written once from the report's data.
import { formatReportDate } from "@/lib/export/report-document";
import { formatWithUnit } from "@/lib/indicators";
import type { ReportIndicator } from "@/lib/report/types";

export function headlineTableRows(indicators: ReportIndicator[]): string[][] {
  return indicators
    .filter((x) => x.headline)
    .map((x) => [
      `${x.code} ${x.title}`,
      x.name,
      `${formatWithUnit(x.target, x.unit)}（${x.targetYear}年）`,
      x.actual === null
        ? "尚未报送"
        : `${formatWithUnit(x.actual, x.unit)}（${formatReportDate(x.observedOn!, "zh-CN")}）`,
      x.completion === null ? "—" : `${x.completion}%`,
    ]);
}
