// Download names for report files: a Chinese name for browsers (RFC 6266 / RFC 5987 `filename*`), and a
// plain ASCII `filename` for clients that do not read `filename*`. Shared by every format.
import type { Locale } from "../i18n/locales";
import type { ReportFormat } from "../report/types";

export const ASCII_BASE = "chengyu-report";
const CHINESE_BASE = "成渝工作报告";

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  json: "application/json; charset=utf-8",
};

/** The file names of a report: `ascii` like chengyu-report-2026-11-28.xlsx, `unicode` in the report's language. */
export function reportFileNames(
  asOf: string,
  format: ReportFormat,
  locale: Locale = "zh-CN",
): { ascii: string; unicode: string } {
  const ascii = `${ASCII_BASE}-${asOf}.${format}`;
  return { ascii, unicode: locale === "en" ? ascii : `${CHINESE_BASE}-${asOf}.${format}` };
}

/** RFC 5987 percent-encoding: encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded unicode>` */
export function contentDisposition(names: { ascii: string; unicode: string }): string {
  const ascii = names.ascii.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(names.unicode)}`;
}
