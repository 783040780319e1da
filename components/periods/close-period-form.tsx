"use client";
import { useTranslations } from "next-intl";
import { closePeriodEarly } from "@/lib/actions/periods";
import { ConfirmForm } from "@/components/forms/confirm-form";

/** 提前关闭: asks first, since a closed period can never change again. */
export function ClosePeriodForm({ periodId, label }: { periodId: number; label: string }) {
  const t = useTranslations("periods.close");
  return (
    <ConfirmForm
      action={closePeriodEarly}
      id={`close-period-${periodId}`}
      label={t("heading")}
      hidden={{ periodId }}
      messages="periods.close.step"
      values={{ label }}
      className="stack"
    >
      <p className="small muted">{t("hint")}</p>
    </ConfirmForm>
  );
}
