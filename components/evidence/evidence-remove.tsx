"use client";
import { useTranslations } from "next-intl";
import { ConfirmSubmit } from "@/components/forms/confirm-submit";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { removeEvidence } from "@/lib/actions/evidence";

/** Removing one file, after a confirmation; the action redraws the page without it. */
export function EvidenceRemove({ attachmentId, fileName }: { attachmentId: number; fileName: string }) {
  const t = useTranslations("evidence.remove");
  const { state, pending, onSubmit, form } = useActionForm(removeEvidence);
  return (
    <form onSubmit={onSubmit} aria-label={t("ariaLabel", { name: fileName })}>
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <ConfirmSubmit
        id={`evidence-remove-${attachmentId}`}
        form={form}
        pending={pending}
        messages="evidence.remove.step"
        values={{ name: fileName }}
      />
      <FormMessage state={state?.ok ? null : state} />
    </form>
  );
}
