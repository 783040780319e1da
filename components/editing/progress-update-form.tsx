"use client";
import { useState } from "react";
import { flushSync } from "react-dom";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { Field } from "@/components/forms/field";
import { NumberField, TextAreaField } from "@/components/forms/fields";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { postProgressUpdate } from "@/lib/actions/items";
import { ITEM_STATUSES, impliedProgress } from "@/lib/status";
import { CONFIDENCES, EVIDENCE_MAX, NOTE_MAX, TEXT_MAX } from "@/lib/validations/item-limits";
import { ConflictNotice, SaveUnlessConflict } from "./conflict-notice";
import styles from "./editing.module.css";

type Status = (typeof ITEM_STATUSES)[number];
type Conf = (typeof CONFIDENCES)[number];
type TextName = "note" | "nextSteps" | "blockers" | "evidenceLinks";

/** The update's texts, in order: the note (required) and the optional next steps, blockers and evidence links. */
const TEXTS: { id: string; name: TextName; rows: number; max: number; hint?: string; required?: boolean }[] = [
  { id: "pu-note", name: "note", rows: 4, max: NOTE_MAX, hint: "noteHint", required: true },
  { id: "pu-next", name: "nextSteps", rows: 2, max: TEXT_MAX },
  { id: "pu-blockers", name: "blockers", rows: 2, max: TEXT_MAX },
  { id: "pu-evidence", name: "evidenceLinks", rows: 2, max: EVIDENCE_MAX, hint: "evidenceHint" },
];

export interface ProgressUpdateDefaults {
  itemId: number;
  code: string;
  version: number;
  status: Status;
  progress: number | null;
  confidence: Conf | null;
}

/**
 * One short form: status, progress, confidence and a note, prefilled with the item's current state. On
 * success it goes back to the item page, which shows the new update. Every value stays in component state,
 * so a refused or conflicting save loses nothing the person typed.
 */
export function ProgressUpdateForm({ defaults }: { defaults: ProgressUpdateDefaults }) {
  const t = useTranslations();
  const router = useRouter();
  const { state, action, pending, failed } = useActionForm(postProgressUpdate, {
    onSuccess: () => router.push(`/items/${defaults.code}#updates`),
  });
  const [version, setVersion] = useState(defaults.version);
  const [status, setStatus] = useState<Status>(defaults.status === "NOT_ASSESSED" ? "IN_PROGRESS" : defaults.status);
  const [progress, setProgress] = useState(String(defaults.progress ?? 0));
  const [confidence, setConfidence] = useState<Conf>(defaults.confidence ?? "GREEN");
  const [texts, setTexts] = useState<Record<TextName, string>>({
    note: "",
    nextSteps: "",
    blockers: "",
    evidenceLinks: "",
  });
  const setText = (name: TextName, value: string) => setTexts((prev) => ({ ...prev, [name]: value }));

  const errors = failed?.fieldErrors;
  const conflict = failed?.conflict;

  const onStatus = (next: Status) => {
    setStatus(next);
    // The status fixes the progress for 已完成 and 未启动; show it rather than surprise on the item page.
    const implied = impliedProgress(next, null);
    if (implied !== null) setProgress(String(implied));
  };

  return (
    <form action={action} className={styles.form} noValidate data-testid="progress-update-form">
      <input type="hidden" name="itemId" value={defaults.itemId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FormMessage state={state} omitFailure={Boolean(conflict)} />
      <ConflictNotice conflict={conflict}>
        {conflict && (
          <div className={styles.actions}>
            <SubmitButton
              pending={pending}
              label={t("editing.conflict.reapplyUpdate")}
              // Take the current version first so this submit posts on top of the other person's change.
              onClick={() => flushSync(() => setVersion(conflict.currentVersion))}
            />
          </div>
        )}
      </ConflictNotice>

      <div className={styles.row}>
        <Field className={styles.field} id="pu-status" label={t("editing.update.status")} errors={errors?.status}>
          {(a11y) => (
            <select {...a11y} name="status" value={status} onChange={(e) => onStatus(e.target.value as Status)}>
              {ITEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <NumberField
          className={styles.field}
          id="pu-progress"
          label={t("editing.update.progress")}
          hint={t("editing.update.progressHint")}
          errors={errors?.progress}
          name="progress"
          min={0}
          max={100}
          value={progress}
          onChange={(e) => setProgress(e.target.value)}
        />
      </div>

      <fieldset className={styles.field} aria-describedby="pu-confidence-error">
        <legend className={styles.legend}>{t("editing.update.confidence")}</legend>
        <div className={styles.choices}>
          {CONFIDENCES.map((c) => (
            <label key={c}>
              <input
                type="radio"
                name="confidence"
                value={c}
                checked={confidence === c}
                onChange={() => setConfidence(c)}
              />
              {t(`confidence.${c}`)}
            </label>
          ))}
        </div>
        <FieldError id="pu-confidence-error" errors={errors?.confidence} />
      </fieldset>

      {TEXTS.map(({ id, name, rows, hint, max, required }) => (
        <TextAreaField
          key={name}
          className={styles.field}
          id={id}
          label={t(`editing.update.${name}`)}
          hint={hint ? t(`editing.update.${hint}`, { max }) : undefined}
          errors={errors?.[name]}
          max={max}
          name={name}
          required={required}
          value={texts[name]}
          onChange={(e) => setText(name, e.target.value)}
          rows={rows}
          placeholder={name === "evidenceLinks" ? "https://" : undefined}
        />
      ))}

      <SaveUnlessConflict conflict={conflict} pending={pending} messages="update" />
    </form>
  );
}
