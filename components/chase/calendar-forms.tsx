"use client";
// The working-day calendar's entries: enter (or change) a day, remove one (after asking).
import { useTranslations } from "next-intl";
import { AdminForm } from "@/components/admin/admin-form";
import { DateField, SelectField, TextField } from "@/components/forms/fields";
import { ConfirmSubmit } from "@/components/forms/confirm-submit";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { addCalendarEntry, removeCalendarEntry } from "@/lib/actions/calendar";
import { CHASE_LIMITS } from "@/lib/validations/chase";

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
  const { state, pending, onSubmit, form } = useActionForm(removeCalendarEntry);
  return (
    <form onSubmit={onSubmit} aria-label={`${t("remove")} ${day}`}>
      <input type="hidden" name="day" value={day} />
      <ConfirmSubmit
        id={`calendar-remove-${day}`}
        form={form}
        pending={pending}
        messages="chase.calendar.removeStep"
        values={{ day }}
      />
      <FormMessage state={state} />
    </form>
  );
}
