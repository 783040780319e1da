"use client";
// Reporting an indicator's actual value as at a day (the progress report's permission). The same day reported
// again corrects it: the latest report counts.
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { DateField, DecimalField } from "@/components/forms/fields";
import styles from "@/components/editing/editing.module.css";
import { reportIndicatorValue } from "@/lib/actions/indicators";

export function IndicatorValueForm({ indicatorId, unit, today }: { indicatorId: number; unit: string; today: string }) {
  const t = useTranslations("indicators.valueForm");
  return (
    <ActionForm
      action={reportIndicatorValue}
      ids={`ind-${indicatorId}-value`}
      className={styles.form}
      fieldClass={styles.field}
      label={t("summary")}
      testId="indicator-value-form"
      hidden={{ indicatorId }}
      values={{ observedOn: today, actual: "" }}
      submitLabel={t("submit")}
    >
      <div className={styles.row}>
        <DateField name="observedOn" label={t("observedOn")} hint={t("observedOnHint")} required />
        <DecimalField name="actual" label={t("actual", { unit })} required />
      </div>
    </ActionForm>
  );
}
