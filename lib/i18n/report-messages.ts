// Readable text for report parameter issues (the route's 400 body and the page's message list).
import type { Translate } from "./translator";
import { MAX_FILTERS_LENGTH, type ReportParamIssue } from "../validations/report";

export function describeReportIssues(issues: ReportParamIssue[], t: Translate): string[] {
  return issues.map((i) =>
    t("reports.errors.param", { param: i.param, value: i.value, message: t(i.message, { max: MAX_FILTERS_LENGTH }) }),
  );
}
