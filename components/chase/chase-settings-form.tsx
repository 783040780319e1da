"use client";
// The chase's rules (administrators), shown with the cycle's settings on /admin/cycle.
import { useTranslations } from "next-intl";
import { AdminForm } from "@/components/admin/admin-form";
import { CheckboxField, NumberField, TextField } from "@/components/forms/fields";
import { updateChaseSettings } from "@/lib/actions/chase";
import { CHASE_LIMITS, CHASE_SETTING_RANGES } from "@/lib/validations/chase-limits";

export interface ChaseSettingsValues {
  reminderWorkdays: number;
  superviseWorkdays: number;
  overdueDays: number;
  acknowledgeWorkdays: number;
  answerWorkdays: number;
  escalate: boolean;
  noticePrefix: string;
}

const DAY_FIELDS = [
  "reminderWorkdays",
  "superviseWorkdays",
  "overdueDays",
  "acknowledgeWorkdays",
  "answerWorkdays",
] as const;

export function ChaseSettingsForm({ settings }: { settings: ChaseSettingsValues }) {
  const t = useTranslations("chase.settings");
  return (
    <AdminForm action={updateChaseSettings} ids="chase" values={settings} label={t("heading")} submitLabel={t("save")}>
      {DAY_FIELDS.map((name) => {
        const [min, max] = CHASE_SETTING_RANGES[name];
        return <NumberField key={name} name={name} label={t(name)} min={min} max={max} required />;
      })}
      <CheckboxField name="escalate" label={t("escalate")} />
      <TextField name="noticePrefix" label={t("noticePrefix")} max={CHASE_LIMITS.noticePrefix} required />
    </AdminForm>
  );
}
