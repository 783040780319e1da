"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmSubmit } from "@/components/forms/confirm-submit";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { removeEvidence } from "@/lib/actions/evidence";

/** Removing one file, after a confirmation; the action redraws the page without it. */
export function EvidenceRemove({ attachmentId, fileName }: { attachmentId: number; fileName: string }) {
  const t = useTranslations("evidence.remove");
  const [confirming, setConfirming] = useState(false);
  const { state, pending, onSubmit } = useActionForm(removeEvidence, { onSuccess: () => setConfirming(false) });
  return (
    <form onSubmit={onSubmit} aria-label={t("ariaLabel", { name: fileName })}>
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <ConfirmSubmit
        id={`evidence-remove-${attachmentId}`}
        confirming={confirming}
        setConfirming={setConfirming}
        pending={pending}
        pendingLabel={t("pending")}
        label={t("label")}
        question={t("question", { name: fileName })}
        submitLabel={t("confirm")}
        cancelLabel={t("cancel")}
      />
      <FormMessage state={state?.ok ? null : state} />
    </form>
  );
}
