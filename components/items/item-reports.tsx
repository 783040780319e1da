import { getFormatter, getTranslations } from "next-intl/server";
import { ReportStateBadge } from "@/components/cycle/report-state-badge";
import { ReviewDecisionForm } from "@/components/cycle/review-decision-form";
import { FormMessages } from "@/components/i18n/form-messages";
import cycle from "@/components/cycle/cycle.module.css";
import type { OpenReport } from "@/lib/queries/item-view";
import { UpdateHeader } from "./item-updates";
import styles from "./item.module.css";

/**
 * The item's reports awaiting review (待审核) or returned to their unit (已退回): what each says — note, next
 * steps, blockers, 文号, evidence — and, for a reviewer of this item, the decision. They do not count yet: the
 * item shows its approved state until one is approved.
 */
export async function ItemReports({
  reports,
  mayReview,
  evidenceOf,
}: {
  reports: OpenReport[];
  mayReview: boolean;
  /** the evidence list of a report (read-only), rendered by the page */
  evidenceOf?: (reportId: number) => React.ReactNode;
}) {
  const [t, tc, format, tInvestment] = await Promise.all([
    getTranslations("item"),
    getTranslations("cycle"),
    getFormatter(),
    getTranslations("investment"),
  ]);
  return (
    <ol className="plain" data-testid="open-reports">
      {reports.map((r) => (
        <li key={r.id} id={`report-${r.id}`} className={cycle.report} data-testid="open-report" data-state={r.state}>
          <div>
            <ReportStateBadge state={r.state} />{" "}
            {r.submittedAt && (
              <span className="small muted">
                {tc("submittedAt", {
                  at: format.dateTime(r.submittedAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </span>
            )}
            {r.late && <span className="small"> · {tc("late")}</span>}
            {r.closesItem && <strong className="small"> · {tc("closesItem")}</strong>}
          </div>
          <UpdateHeader u={r} />
          <p className={styles.note}>{r.note}</p>
          {r.nextSteps && (
            <p className={`small ${styles.tight}`}>
              {t("nextSteps")}：{r.nextSteps}
            </p>
          )}
          {r.blockers && (
            <p className={`small ${styles.tight}`}>
              {t("blockers")}：{r.blockers}
            </p>
          )}
          {r.docNumber && (
            <p className={`small ${styles.tight}`}>
              {tc("form.docNumber")}：{r.docNumber}
            </p>
          )}
          {r.monthInvestment !== null && (
            <p className={`small ${styles.tight}`} data-testid="month-investment">
              {tInvestment("monthInvestment")}：{r.monthInvestment}
            </p>
          )}
          {evidenceOf?.(r.id)}
          {r.state === "RETURNED" && (
            <p className={`small ${cycle.stateBanner} ${cycle.returned}`} data-testid="return-comment">
              {tc("returnedBy", { by: r.reviewer ?? tc("system") })}
              {r.reviewComment && <> {tc("commentQuoted", { comment: r.reviewComment })}</>}
            </p>
          )}
          {mayReview && r.state === "SUBMITTED" && (
            // The item page is read-only for most readers: only a reviewer's decision form gets the catalogue.
            <FormMessages namespaces={["cycle"]}>
              <ReviewDecisionForm reportId={r.id} revision={r.revision} />
            </FormMessages>
          )}
        </li>
      ))}
    </ol>
  );
}
