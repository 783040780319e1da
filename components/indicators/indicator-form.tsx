"use client";
// An indicator's definition: added to an item, or edited (with the indicator's own version, so a form loaded
// before someone else's save is refused). Figures stay text end to end; the server parses them exactly.
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { DecimalField, SelectField, TextField } from "@/components/forms/fields";
import { Options } from "@/components/forms/options";
import styles from "@/components/editing/editing.module.css";
import { addIndicator, updateIndicator } from "@/lib/actions/indicators";
import { DIRECTIONS, INDICATOR_NAME_MAX, INDICATOR_UNIT_MAX } from "@/lib/indicators";

export interface IndicatorValues {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  targetYear: string;
  direction: string;
}

export function IndicatorForm(
  props:
    | { mode: "add"; itemId: number; defaultYear: number }
    | { mode: "edit"; indicatorId: number; version: number; values: IndicatorValues },
) {
  const t = useTranslations("indicators");
  const adding = props.mode === "add";
  const ids = adding ? "ind-new" : `ind-${props.indicatorId}`;
  // After a save the edit form continues from the indicator's new version.
  const hidden = (answer: Awaited<ReturnType<typeof updateIndicator>> | null): Record<string, number> =>
    props.mode === "add"
      ? { itemId: props.itemId }
      : {
          indicatorId: props.indicatorId,
          expectedVersion: answer?.ok ? answer.data.indicatorVersion : props.version,
        };
  const values: IndicatorValues = adding
    ? { name: "", unit: "", baseline: "", target: "", targetYear: String(props.defaultYear), direction: "HIGHER" }
    : props.values;
  return (
    <ActionForm
      action={adding ? addIndicator : updateIndicator}
      ids={ids}
      resetOnSuccess={adding}
      className={styles.form}
      fieldClass={styles.field}
      label={adding ? t("form.addHeading") : t("form.editSummary")}
      testId={adding ? "indicator-add-form" : "indicator-edit-form"}
      hidden={hidden}
      values={values}
      submitLabel={adding ? t("form.add") : t("form.save")}
    >
      <div className={styles.row}>
        <TextField name="name" label={t("form.name")} hint={t("form.nameHint")} max={INDICATOR_NAME_MAX} required />
        <TextField name="unit" label={t("form.unit")} hint={t("form.unitHint")} max={INDICATOR_UNIT_MAX} required />
      </div>
      <div className={styles.row}>
        <DecimalField name="baseline" label={t("form.baseline")} hint={t("form.figureHint")} required />
        <DecimalField name="target" label={t("form.target")} required />
        <TextField name="targetYear" label={t("form.targetYear")} inputMode="numeric" autoComplete="off" required />
        <SelectField name="direction" label={t("form.direction")}>
          <Options items={DIRECTIONS} label={(d) => t(`direction.${d}`)} />
        </SelectField>
      </div>
    </ActionForm>
  );
}
