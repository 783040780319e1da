"use client";
import { useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import { FieldError } from "@/components/forms/field-error";
import { DateField, NumberField, SelectField, TextAreaField, TextField, inState } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateItem } from "@/lib/actions/items";
import { PERSON_MAX, REASON_MAX } from "@/lib/validations/item-limits";
import { ConflictNotice, SaveUnlessConflict } from "./conflict-notice";
import styles from "./editing.module.css";
import { useMergedValues } from "./use-merged-values";
import { Options } from "@/components/forms/options";

export interface EditValues {
  version: number;
  responsiblePerson: string;
  startDate: string;
  dueDate: string;
  weight: string;
  regionIds: number[];
  conferenceIds: number[];
  leadUnitId: string;
  coLeadUnitId: string;
  supportingUnitIds: number[];
}

interface Option {
  id: number;
  label: string;
}

export interface EditOptions {
  regions: Option[];
  conferences: Option[];
  units: Option[];
}

/**
 * The item's fields, merged with each newer version the page brings (after our own save, a milestone change,
 * or a conflict): see useMergedValues. The due-date reason goes when the merged due date is the page's.
 */
export function ItemEditForm({
  itemId,
  initial,
  options,
  canAssignUnits,
}: {
  itemId: number;
  initial: EditValues;
  options: EditOptions;
  canAssignUnits: boolean;
}) {
  const t = useTranslations();
  const { state, action, pending, failed, form } = useActionForm(updateItem, { ids: "ie" });
  const conflict = failed?.conflict;
  const [reason, setReason] = useState("");
  const { base, values, setValues } = useMergedValues(initial, conflict, (merged) => {
    if (merged.dueDate === initial.dueDate) setReason("");
  });

  const errors = failed?.fieldErrors;
  const set = <K extends keyof EditValues>(key: K, value: EditValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const toggle = (key: "regionIds" | "conferenceIds" | "supportingUnitIds", id: number, on: boolean) =>
    setValues((v) => ({ ...v, [key]: on ? [...v[key], id].sort((a, b) => a - b) : v[key].filter((x) => x !== id) }));
  const dueRevised = base.dueDate !== "" && values.dueDate !== base.dueDate;
  const rebased = conflict ? base.version >= conflict.currentVersion : false;
  /** A one-line field of the values: named and labelled by its key, filled from them, kept in them as typed. */
  const bound = (key: "responsiblePerson" | "weight" | "startDate" | "dueDate") => ({
    name: key,
    label: t(`editing.edit.${key}`),
    value: values[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(key, e.target.value),
  });

  const checklist = (key: "regionIds" | "conferenceIds" | "supportingUnitIds", legend: string, list: Option[]) => (
    <fieldset className={styles.field} aria-describedby={`ie-${key}-error`}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.checklist}>
        {list.map((o) => (
          <label key={o.id}>
            <input
              type="checkbox"
              name={key}
              value={o.id}
              checked={values[key].includes(o.id)}
              onChange={(e) => toggle(key, o.id, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={`ie-${key}-error`} errors={errors?.[key]} />
    </fieldset>
  );

  return (
    <form action={action} className={styles.form} noValidate data-testid="item-edit-form">
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="expectedVersion" value={base.version} />
      {canAssignUnits && <input type="hidden" name="assignUnits" value="1" />}
      <FormMessage state={state} omitFailure={Boolean(conflict)} />
      <ConflictNotice conflict={conflict}>
        <div className={styles.actions}>
          <SubmitButton
            pending={pending}
            disabled={!rebased}
            label={rebased ? t("editing.conflict.reapplyEdit") : t("editing.conflict.loading")}
          />
        </div>
      </ConflictNotice>

      <Fields form={form} fieldClass={styles.field} uncapped>
        {canAssignUnits && (
          <>
            <div className={styles.row}>
              {(["leadUnitId", "coLeadUnitId"] as const).map((key) => (
                <SelectField
                  key={key}
                  name={key}
                  label={t(key === "leadUnitId" ? "editing.edit.leadUnit" : "editing.edit.coLeadUnit")}
                  value={values[key]}
                  onChange={(e) => set(key, e.target.value)}
                >
                  <option value="">{t("editing.edit.none")}</option>
                  <Options items={options.units} value={(u) => u.id} label={(u) => u.label} />
                </SelectField>
              ))}
            </div>
            {checklist("supportingUnitIds", t("editing.edit.supportingUnits"), options.units)}
          </>
        )}

        <div className={styles.row}>
          <TextField {...bound("responsiblePerson")} max={PERSON_MAX} maxLength={PERSON_MAX * 2} />
          <NumberField {...bound("weight")} min={1} max={100} hint={t("editing.edit.weightHint")} />
        </div>
        <div className={styles.row}>
          <DateField {...bound("startDate")} />
          <DateField {...bound("dueDate")} />
        </div>
        {(dueRevised || errors?.dueDateReason) && (
          <TextAreaField
            name="dueDateReason"
            label={t("editing.edit.dueDateReason")}
            hint={t("editing.edit.dueDateReasonHint")}
            max={REASON_MAX}
            rows={2}
            {...inState(reason, setReason)}
          />
        )}

        {checklist("regionIds", t("editing.edit.regions"), options.regions)}
        {checklist("conferenceIds", t("editing.edit.conferences"), options.conferences)}
      </Fields>

      <SaveUnlessConflict conflict={conflict} pending={pending} messages="edit" />
    </form>
  );
}
