"use client";
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { retryJob } from "@/lib/actions/jobs";
import type { ActionResult } from "@/lib/forms/result";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import styles from "./admin.module.css";
import { useJobsAnnounce } from "./jobs-feedback";

/**
 * Retry one failed job (or one waiting for its next attempt): it runs again now. A refusal shows in the row. A
 * success moves the row to the queued table, unmounting this form in the same render — too soon for
 * useActionForm's onSuccess effect — so the action is awaited here and the success announced above the tables
 * (JobsFeedback), which stays mounted.
 */
export function JobsRetryForm({ jobId, task }: { jobId: string; task: string }) {
  const t = useTranslations("jobs");
  const announce = useJobsAnnounce();
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await retryJob(null, formData);
      if (result.ok) announce(t("retryDone", { id: jobId, task }));
      setState(result);
    });
  };
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
      <FormMessage state={state?.ok ? null : state} />
    </form>
  );
}
