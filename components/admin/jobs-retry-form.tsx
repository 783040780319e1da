"use client";
import { useTranslations } from "next-intl";
import { retryJob } from "@/lib/actions/jobs";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { useActionForm } from "@/components/forms/use-action-form";
import styles from "./admin.module.css";

/** Retry one failed job (or one waiting for its next attempt): it runs again now. */
export function JobsRetryForm({ jobId, task }: { jobId: string; task: string }) {
  const t = useTranslations("jobs");
  const { state, pending, onSubmit } = useActionForm(retryJob);
  return (
    <form onSubmit={onSubmit} className={styles.form}>
      <input type="hidden" name="jobId" value={jobId} />
      <SubmitButton
        pending={pending}
        pendingLabel={t("retry")}
        label={t("retry")}
        variant="secondary"
        aria-label={`${t("retry")} ${task} #${jobId}`}
      />
      <FormMessage state={state} />
    </form>
  );
}
