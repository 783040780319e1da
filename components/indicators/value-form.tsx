"use client";
// Reporting an indicator's actual value as at a day (the progress report's permission). The same day reported
// again corrects it: the latest report counts.
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import { DateField, DecimalField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { HiddenInputs } from "@/components/forms/hidden-inputs";
import { useActionForm } from "@/components/forms/use-action-form";
import styles from "@/components/editing/editing.module.css";
import { reportIndicatorValue } from "@/lib/actions/indicators";

export function IndicatorValueForm({ indicatorId, unit, today }: { indicatorId: number; unit: string; today: string }) {
  const t = useTranslations("indicators.valueForm");
  const { state, pending, onSubmit, formRef, form } = useActionForm(reportIndicatorValue, {
    ids: `ind-${indicatorId}-value`,
  });
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className={styles.form}
      noValidate
      aria-label={t("summary")}
      data-testid="indicator-value-form"
    >
      <HiddenInputs values={{ indicatorId }} />
      <Fields form={form} fieldClass={styles.field} values={{ observedOn: today, actual: "" }}>
        <div className={styles.row}>
          <DateField name="observedOn" label={t("observedOn")} hint={t("observedOnHint")} required />
          <DecimalField name="actual" label={t("actual", { unit })} required />
        </div>
      </Fields>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} label={t("submit")} />
      </div>
    </form>
  );
}
