"use client";
// The chase's rules (administrators), shown with the cycle's settings on /admin/cycle.
import { useTranslations } from "next-intl";
import { AdminForm } from "@/components/admin/admin-form";
import { Field } from "@/components/forms/field";
import { NumberField, TextField } from "@/components/forms/fields";
import { updateChaseSettings } from "@/lib/actions/chase";
import { CHASE_LIMITS, CHASE_SETTING_RANGES } from "@/lib/validations/chase";

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
    <AdminForm
      action={updateChaseSettings}
      label={t("heading")}
      idName="chase"
      idValue={undefined}
      submitLabel={t("save")}
      pendingLabel={t("saving")}
    >
      {(errorsOf) => (
        <>
          {DAY_FIELDS.map((name) => (
            <NumberField
              key={name}
              id={`chase-${name}`}
              label={t(name)}
              errors={errorsOf(name)}
              name={name}
              min={CHASE_SETTING_RANGES[name][0]}
              max={CHASE_SETTING_RANGES[name][1]}
              defaultValue={settings[name]}
              required
            />
          ))}
          <Field id="chase-escalate" label={t("escalate")} errors={errorsOf("escalate")}>
            {(a11y) => <input name="escalate" type="checkbox" defaultChecked={settings.escalate} {...a11y} />}
          </Field>
          <TextField
            id="chase-prefix"
            label={t("noticePrefix")}
            errors={errorsOf("noticePrefix")}
            max={CHASE_LIMITS.noticePrefix}
            name="noticePrefix"
            defaultValue={settings.noticePrefix}
            required
            maxLength={CHASE_LIMITS.noticePrefix}
          />
        </>
      )}
    </AdminForm>
  );
}
