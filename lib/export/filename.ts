// Download names for report files: a Chinese name for browsers, and a plain ASCII one for clients that do not
// read `filename*` (lib/http/content-disposition.ts puts both in the header). Shared by every format.
import type { Locale } from "../i18n/locales";
import type { ReportFormat, ReportPeriod } from "../report/types";

export const ASCII_BASE = "chengyu-report";
const CHINESE_BASE = "成渝工作报告";
/** The mark of a report on 示例数据 (ReportData.sampleData), in the name as in every format's first lines. */
const SAMPLE_MARK = { ascii: "sample", chinese: "示例数据" } as const;

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  json: "application/json; charset=utf-8",
};

/**
 * The file names of a report: `ascii` like chengyu-report-2026-11-28.xlsx, `unicode` in the report's language.
 * A report taken as of a period's close names the period too (成渝工作报告-2026年11月-2026-11-30.csv), so a
 * saved file says which frozen figures it holds. A report on the sample data says so in its name
 * (成渝工作报告-示例数据-2026-12-06.csv): a CSV has no title lines to say it in, and a saved file of any format
 * should not pass for a real one.
 */
export function reportFileNames(
  asOf: string,
  format: ReportFormat,
  locale: Locale = "zh-CN",
  period?: Pick<ReportPeriod, "id" | "label" | "labelEn"> | null,
  sampleData = false,
): { ascii: string; unicode: string } {
  const sample = (mark: string) => (sampleData ? `${mark}-` : "");
  const ascii = `${ASCII_BASE}-${sample(SAMPLE_MARK.ascii)}${period ? `period${period.id}-` : ""}${asOf}.${format}`;
  if (locale === "en") {
    const label = period ? `${period.labelEn.replace(/[^A-Za-z0-9]+/g, "-")}-` : "";
    return { ascii, unicode: `${ASCII_BASE}-${sample(SAMPLE_MARK.ascii)}${label}${asOf}.${format}` };
  }
  return {
    ascii,
    unicode: `${CHINESE_BASE}-${sample(SAMPLE_MARK.chinese)}${period ? `${period.label}-` : ""}${asOf}.${format}`,
  };
}
