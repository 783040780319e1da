"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { closePeriodEarly } from "@/lib/actions/periods";
import { ConfirmSubmit } from "@/components/forms/confirm-submit";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";

/** 提前关闭: asks first, since a closed period can never change again. */
export function ClosePeriodForm({ periodId, label }: { periodId: number; label: string }) {
  const t = useTranslations("periods.close");
  const [confirming, setConfirming] = useState(false);
  const { state, pending, onSubmit } = useActionForm(closePeriodEarly, { onSuccess: () => setConfirming(false) });
  return (
    <form onSubmit={onSubmit} aria-label={t("heading")} className="stack">
      <input type="hidden" name="periodId" value={periodId} />
      <p className="small muted">{t("hint")}</p>
      <ConfirmSubmit
        id={`close-period-${periodId}`}
        confirming={confirming}
        setConfirming={setConfirming}
        pending={pending}
        pendingLabel={t("pending")}
        label={t("button")}
        question={t("question", { label })}
        submitLabel={t("submit")}
        cancelLabel={t("cancel")}
      />
      <FormMessage state={state} />
    </form>
  );
}
