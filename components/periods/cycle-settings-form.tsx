"use client";
import { useTranslations } from "next-intl";
import { AdminForm } from "@/components/admin/admin-form";
import { CheckboxField, DateField, NumberField, SelectField, TextField } from "@/components/forms/fields";
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
    <AdminForm action={updateCycleSettings} ids="cycle" values={settings} label={t("heading")} submitLabel={t("save")}>
      <SelectField name="periodKind" label={t("periodKind")} hint={t("periodKindHint")}>
        <Options items={Object.values(PeriodKind)} label={(k) => tKind(k)} />
      </SelectField>
      <NumberField name="deadlineDay" label={t("deadlineDay")} hint={t("deadlineDayHint")} min={1} max={31} required />
      <CheckboxField name="reviewRequired" label={t("reviewRequired")} hint={t("reviewRequiredHint")} />
    </AdminForm>
  );
}

/** A custom period: its names and its three days (period:manage). */
export function CustomPeriodForm() {
  const t = useTranslations("periods.settings");
  return (
    <AdminForm action={createCustomPeriod} ids="custom" resetOnSuccess label={t("custom")} submitLabel={t("create")}>
      <TextField name="label" label={t("labelZh")} max={PERIOD_LIMITS.label} required />
      <TextField name="labelEn" label={t("labelEn")} max={PERIOD_LIMITS.labelEn} required />
      {(["opensOn", "deadline", "closesOn"] as const).map((name) => (
        <DateField key={name} name={name} label={t(name)} required />
      ))}
    </AdminForm>
  );
}
