"use client";
import { useTranslations } from "next-intl";
import { AdminForm } from "@/components/admin/admin-form";
import { Field } from "@/components/forms/field";
import { DateField, NumberField, TextField } from "@/components/forms/fields";
import { createCustomPeriod, updateCycleSettings } from "@/lib/actions/periods";
import { PeriodKind } from "@/lib/generated/prisma/enums";
import { PERIOD_LIMITS } from "@/lib/validations/period-limits";
import { Options } from "@/components/forms/options";

export interface CycleSettingsValues {
  periodKind: string;
  deadlineDay: number;
  reviewRequired: boolean;
}

/** Period kind, deadline day and review on or off (administrators). */
export function CycleSettingsForm({ settings }: { settings: CycleSettingsValues }) {
  const t = useTranslations("periods.settings");
  const tKind = useTranslations("periods.kind");
  return (
    <AdminForm
      action={updateCycleSettings}
      label={t("heading")}
      idName="settings"
      idValue={undefined}
      submitLabel={t("save")}
      pendingLabel={t("saving")}
    >
      {(errorsOf) => (
        <>
          <Field id="cycle-kind" label={t("periodKind")} hint={t("periodKindHint")} errors={errorsOf("periodKind")}>
            {(a11y) => (
              <select name="periodKind" defaultValue={settings.periodKind} {...a11y}>
                <Options items={Object.values(PeriodKind)} label={(k) => tKind(k)} />
              </select>
            )}
          </Field>
          <NumberField
            id="cycle-deadline-day"
            label={t("deadlineDay")}
            hint={t("deadlineDayHint")}
            errors={errorsOf("deadlineDay")}
            name="deadlineDay"
            min={1}
            max={31}
            defaultValue={settings.deadlineDay}
            required
          />
          <Field
            id="cycle-review"
            label={t("reviewRequired")}
            hint={t("reviewRequiredHint")}
            errors={errorsOf("reviewRequired")}
          >
            {(a11y) => (
              <input name="reviewRequired" type="checkbox" defaultChecked={settings.reviewRequired} {...a11y} />
            )}
          </Field>
        </>
      )}
    </AdminForm>
  );
}

/** A custom period: its names and its three days (period:manage). */
export function CustomPeriodForm() {
  const t = useTranslations("periods.settings");
  const text = (name: "label" | "labelEn", id: string, label: string, errorsOf: (f: string) => string[]) => (
    <TextField
      id={id}
      label={label}
      errors={errorsOf(name)}
      max={PERIOD_LIMITS[name]}
      name={name}
      required
      maxLength={PERIOD_LIMITS[name]}
    />
  );
  const date = (name: "opensOn" | "deadline" | "closesOn", errorsOf: (f: string) => string[]) => (
    <DateField id={`custom-${name}`} label={t(name)} errors={errorsOf(name)} name={name} required />
  );
  return (
    <AdminForm
      action={createCustomPeriod}
      resetOnSuccess
      label={t("custom")}
      idName="period"
      idValue={undefined}
      submitLabel={t("create")}
      pendingLabel={t("saving")}
    >
      {(errorsOf) => (
        <>
          {text("label", "custom-label", t("labelZh"), errorsOf)}
          {text("labelEn", "custom-label-en", t("labelEn"), errorsOf)}
          {date("opensOn", errorsOf)}
          {date("deadline", errorsOf)}
          {date("closesOn", errorsOf)}
        </>
      )}
    </AdminForm>
  );
}
