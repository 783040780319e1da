"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { Fields } from "@/components/forms/field";
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
  const { state, action, pending, failed, form } = useActionForm(approveOrReturn, {
    ids: `decide-${reportId}`,
    onSuccess: () => router.refresh(),
  });
  return (
    <form action={action} className={styles.decide} noValidate data-testid="review-decision">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="expectedRevision" value={revision} />
      <Fields form={form}>
        <TextAreaField name="comment" label={t("cycle.review.comment")} className={styles.comment} max={COMMENT_MAX} />
      </Fields>
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
