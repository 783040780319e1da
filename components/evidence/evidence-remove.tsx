"use client";
import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/components/forms/confirm-form";
import { removeEvidence } from "@/lib/actions/evidence";

/** Removing one file, after a confirmation; the action redraws the page without it. */
export function EvidenceRemove({ attachmentId, fileName }: { attachmentId: number; fileName: string }) {
  const t = useTranslations("evidence.remove");
  return (
    <ConfirmForm
      action={removeEvidence}
      id={`evidence-remove-${attachmentId}`}
      label={t("ariaLabel", { name: fileName })}
      hidden={{ attachmentId }}
      messages="evidence.remove.step"
      values={{ name: fileName }}
    />
  );
}
