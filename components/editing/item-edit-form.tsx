"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateItem } from "@/lib/actions/items";
import { PERSON_MAX, REASON_MAX } from "@/lib/validations/item-limits";
import { ConflictNotice } from "./conflict-notice";
import styles from "./editing.module.css";

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

const KEYS = [
  "responsiblePerson",
  "startDate",
  "dueDate",
  "weight",
  "regionIds",
  "conferenceIds",
  "leadUnitId",
  "coLeadUnitId",
  "supportingUnitIds",
] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The item's fields. When the page brings a newer version (after our own save, a milestone change, or a
 * conflict), fields the person has not touched take the new values and fields they changed keep theirs —
 * a three-way merge, so re-applying after a conflict keeps the other person's edits too.
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
  const router = useRouter();
  const { state, action, pending, failed } = useActionForm(updateItem);
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState(initial);
  const [reason, setReason] = useState("");

  if (initial.version !== base.version) {
    const merged: EditValues = { ...values, version: initial.version };
    for (const key of KEYS)
      if (same(values[key], base[key])) (merged as unknown as Record<string, unknown>)[key] = initial[key];
    setBase(initial);
    setValues(merged);
    if (merged.dueDate === initial.dueDate) setReason("");
  }

  const conflict = failed?.conflict;
  useEffect(() => {
    // Fetch the current version so the form can merge it and offer to re-apply on top of it.
    if (conflict) router.refresh();
  }, [conflict, router]);

  const errors = failed?.fieldErrors;
  const set = <K extends keyof EditValues>(key: K, value: EditValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const toggle = (key: "regionIds" | "conferenceIds" | "supportingUnitIds", id: number, on: boolean) =>
    setValues((v) => ({ ...v, [key]: on ? [...v[key], id].sort((a, b) => a - b) : v[key].filter((x) => x !== id) }));
  const dueRevised = base.dueDate !== "" && values.dueDate !== base.dueDate;
  const rebased = conflict ? base.version >= conflict.currentVersion : false;

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

      {canAssignUnits && (
        <>
          <div className={styles.row}>
            <div className={styles.field}>
              <label htmlFor="ie-lead">{t("editing.edit.leadUnit")}</label>
              <select
                id="ie-lead"
                name="leadUnitId"
                value={values.leadUnitId}
                onChange={(e) => set("leadUnitId", e.target.value)}
                aria-describedby="ie-leadUnitId-error"
              >
                <option value="">{t("editing.edit.none")}</option>
                {options.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.label}
                  </option>
                ))}
              </select>
              <FieldError id="ie-leadUnitId-error" errors={errors?.leadUnitId} />
            </div>
            <div className={styles.field}>
              <label htmlFor="ie-colead">{t("editing.edit.coLeadUnit")}</label>
              <select
                id="ie-colead"
                name="coLeadUnitId"
                value={values.coLeadUnitId}
                onChange={(e) => set("coLeadUnitId", e.target.value)}
                aria-describedby="ie-coLeadUnitId-error"
              >
                <option value="">{t("editing.edit.none")}</option>
                {options.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.label}
                  </option>
                ))}
              </select>
              <FieldError id="ie-coLeadUnitId-error" errors={errors?.coLeadUnitId} />
            </div>
          </div>
          {checklist("supportingUnitIds", t("editing.edit.supportingUnits"), options.units)}
        </>
      )}

      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="ie-person">{t("editing.edit.responsiblePerson")}</label>
          <input
            id="ie-person"
            name="responsiblePerson"
            value={values.responsiblePerson}
            maxLength={PERSON_MAX * 2}
            onChange={(e) => set("responsiblePerson", e.target.value)}
            aria-invalid={Boolean(errors?.responsiblePerson)}
            aria-describedby="ie-person-error"
          />
          <FieldError id="ie-person-error" errors={errors?.responsiblePerson} values={{ max: PERSON_MAX }} />
        </div>
        <div className={styles.field}>
          <label htmlFor="ie-weight">{t("editing.edit.weight")}</label>
          <input
            id="ie-weight"
            name="weight"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step={1}
            value={values.weight}
            onChange={(e) => set("weight", e.target.value)}
            aria-invalid={Boolean(errors?.weight)}
            aria-describedby="ie-weight-hint ie-weight-error"
          />
          <span id="ie-weight-hint" className={styles.hint}>
            {t("editing.edit.weightHint")}
          </span>
          <FieldError id="ie-weight-error" errors={errors?.weight} />
        </div>
      </div>

      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="ie-start">{t("editing.edit.startDate")}</label>
          <input
            id="ie-start"
            name="startDate"
            type="date"
            value={values.startDate}
            onChange={(e) => set("startDate", e.target.value)}
            aria-invalid={Boolean(errors?.startDate)}
            aria-describedby="ie-start-error"
          />
          <FieldError id="ie-start-error" errors={errors?.startDate} />
        </div>
        <div className={styles.field}>
          <label htmlFor="ie-due">{t("editing.edit.dueDate")}</label>
          <input
            id="ie-due"
            name="dueDate"
            type="date"
            value={values.dueDate}
            onChange={(e) => set("dueDate", e.target.value)}
            aria-invalid={Boolean(errors?.dueDate)}
            aria-describedby="ie-due-error"
          />
          <FieldError id="ie-due-error" errors={errors?.dueDate} />
        </div>
      </div>
      {(dueRevised || errors?.dueDateReason) && (
        <div className={styles.field}>
          <label htmlFor="ie-reason">{t("editing.edit.dueDateReason")}</label>
          <textarea
            id="ie-reason"
            name="dueDateReason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            aria-invalid={Boolean(errors?.dueDateReason)}
            aria-describedby="ie-reason-hint ie-reason-error"
          />
          <span id="ie-reason-hint" className={styles.hint}>
            {t("editing.edit.dueDateReasonHint")}
          </span>
          <FieldError id="ie-reason-error" errors={errors?.dueDateReason} values={{ max: REASON_MAX }} />
        </div>
      )}

      {checklist("regionIds", t("editing.edit.regions"), options.regions)}
      {checklist("conferenceIds", t("editing.edit.conferences"), options.conferences)}

      {!conflict && (
        <div className={styles.actions}>
          <SubmitButton
            pending={pending}
            pendingLabel={t("editing.edit.submitting")}
            label={t("editing.edit.submit")}
          />
        </div>
      )}
    </form>
  );
}
