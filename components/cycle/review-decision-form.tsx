"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { approveReport, returnReport, type ReportFormState } from "@/lib/actions/reports";
import { COMMENT_MAX } from "@/lib/validations/report-limits";
import { DecisionButtons } from "./decision-buttons";
import { ReportHappenedNotice } from "./report-happened";
import styles from "./cycle.module.css";

function approveOrReturn(prev: ReportFormState, formData: FormData) {
  return formData.get("decision") === "return" ? returnReport(prev, formData) : approveReport(prev, formData);
}

/** A reviewer's decision on one report, at the revision shown: approve or return, with an optional comment. */
export function ReviewDecisionForm({ reportId, revision }: { reportId: number; revision: number }) {
  const t = useTranslations();
  const router = useRouter();
  const { state, action, pending, failed } = useActionForm(approveOrReturn, { onSuccess: () => router.refresh() });
  const commentId = `decide-${reportId}-comment`;
  return (
    <form action={action} className={styles.decide} noValidate data-testid="review-decision">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="expectedRevision" value={revision} />
      <label htmlFor={commentId}>{t("cycle.review.comment")}</label>
      <textarea id={commentId} name="comment" maxLength={COMMENT_MAX} aria-describedby={`${commentId}-error`} />
      <FieldError id={`${commentId}-error`} errors={failed?.fieldErrors?.comment} values={{ max: COMMENT_MAX }} />
      <div className={styles.decideActions}>
        <DecisionButtons
          pending={pending}
          approveLabel={t("cycle.review.approve")}
          returnLabel={t("cycle.review.return")}
        />
      </div>
      <FormMessage state={state} />
      <ReportHappenedNotice happened={failed?.happened} />
    </form>
  );
}
