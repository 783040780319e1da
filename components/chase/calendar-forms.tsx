"use client";
// The working-day calendar's entries: enter (or change) a day, remove one (after asking).
import { useTranslations } from "next-intl";
import { AdminForm } from "@/components/admin/admin-form";
import { DateField, SelectField, TextField } from "@/components/forms/fields";
import { ConfirmForm } from "@/components/forms/confirm-form";
import { addCalendarEntry, removeCalendarEntry } from "@/lib/actions/calendar";
import { CHASE_LIMITS } from "@/lib/validations/chase-limits";

export function CalendarEntryForm() {
  const t = useTranslations("chase.calendar");
  return (
    <AdminForm action={addCalendarEntry} ids="calendar" resetOnSuccess label={t("add")} submitLabel={t("save")}>
      <DateField name="day" label={t("day")} required />
      <SelectField name="workday" label={t("type")} defaultValue="off">
        <option value="off">{t("off")}</option>
        <option value="workday">{t("workday")}</option>
      </SelectField>
      <TextField name="name" label={t("name")} max={CHASE_LIMITS.calendarName} />
    </AdminForm>
  );
}

export function RemoveCalendarEntryForm({ day }: { day: string }) {
  const t = useTranslations("chase.calendar");
  return (
    <ConfirmForm
      action={removeCalendarEntry}
      id={`calendar-remove-${day}`}
      label={`${t("remove")} ${day}`}
      hidden={{ day }}
      messages="chase.calendar.removeStep"
      values={{ day }}
    />
  );
}
