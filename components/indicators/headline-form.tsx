"use client";
// 关键指标 on or off for one indicator (administrators): the dashboard lists the marked ones.
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { FormMessage } from "@/components/forms/form-message";
import { HiddenInputs } from "@/components/forms/hidden-inputs";
import { useActionForm } from "@/components/forms/use-action-form";
import { setIndicatorHeadline } from "@/lib/actions/indicators";

export function IndicatorHeadlineForm({ indicatorId, headline }: { indicatorId: number; headline: boolean }) {
  const t = useTranslations("indicators.headlineForm");
  const { state, pending, onSubmit } = useActionForm(setIndicatorHeadline);
  const label = headline ? t("unmark") : t("mark");
  return (
    <form onSubmit={onSubmit} aria-label={label} data-testid="indicator-headline-form">
      <HiddenInputs values={{ indicatorId, headline: headline ? "false" : "true" }} />
      <SubmitButton
        pending={pending}
        label={label}
        variant="secondary"
        aria-describedby={`ind-${indicatorId}-hl`}
      />{" "}
      <span id={`ind-${indicatorId}-hl`} className="small muted">
        {t("hint")}
      </span>
      <FormMessage state={state} />
    </form>
  );
}
