"use client";
import { useTranslations } from "next-intl";
import { closePeriodEarly } from "@/lib/actions/periods";
import { ConfirmSubmit } from "@/components/forms/confirm-submit";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";

/** 提前关闭: asks first, since a closed period can never change again. */
export function ClosePeriodForm({ periodId, label }: { periodId: number; label: string }) {
  const t = useTranslations("periods.close");
  const { state, pending, onSubmit, form } = useActionForm(closePeriodEarly);
  return (
    <form onSubmit={onSubmit} aria-label={t("heading")} className="stack">
      <input type="hidden" name="periodId" value={periodId} />
      <p className="small muted">{t("hint")}</p>
      <ConfirmSubmit
        id={`close-period-${periodId}`}
        form={form}
        pending={pending}
        messages="periods.close.step"
        values={{ label }}
      />
      <FormMessage state={state} />
    </form>
  );
}
