"use client";
import { useState } from "react";
import { flushSync } from "react-dom";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { postProgressUpdate } from "@/lib/actions/items";
import { ITEM_STATUSES, impliedProgress } from "@/lib/status";
import { CONFIDENCES, EVIDENCE_MAX, NOTE_MAX, TEXT_MAX } from "@/lib/validations/item-limits";
import { ConflictNotice } from "./conflict-notice";
import styles from "./editing.module.css";

type Status = (typeof ITEM_STATUSES)[number];
type Conf = (typeof CONFIDENCES)[number];

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
  const [note, setNote] = useState("");
  const [nextSteps, setNextSteps] = useState("");
  const [blockers, setBlockers] = useState("");
  const [evidenceLinks, setEvidenceLinks] = useState("");

  const errors = failed?.fieldErrors;
  const conflict = failed?.conflict;
  const described = (name: string, hint?: boolean) =>
    [hint ? `${name}-hint` : null, `${name}-error`].filter(Boolean).join(" ");

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
        <div className={styles.field}>
          <label htmlFor="pu-status">{t("editing.update.status")}</label>
          <select
            id="pu-status"
            name="status"
            value={status}
            onChange={(e) => onStatus(e.target.value as Status)}
            aria-invalid={Boolean(errors?.status)}
            aria-describedby={described("pu-status")}
          >
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          <FieldError id="pu-status-error" errors={errors?.status} />
        </div>
        <div className={styles.field}>
          <label htmlFor="pu-progress">{t("editing.update.progress")}</label>
          <input
            id="pu-progress"
            name="progress"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={progress}
            onChange={(e) => setProgress(e.target.value)}
            aria-invalid={Boolean(errors?.progress)}
            aria-describedby={described("pu-progress", true)}
          />
          <span id="pu-progress-hint" className={styles.hint}>
            {t("editing.update.progressHint")}
          </span>
          <FieldError id="pu-progress-error" errors={errors?.progress} />
        </div>
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

      <div className={styles.field}>
        <label htmlFor="pu-note">{t("editing.update.note")}</label>
        <textarea
          id="pu-note"
          name="note"
          required
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={Boolean(errors?.note)}
          aria-describedby={described("pu-note", true)}
          rows={4}
        />
        <span id="pu-note-hint" className={styles.hint}>
          {t("editing.update.noteHint", { max: NOTE_MAX })}
        </span>
        <FieldError id="pu-note-error" errors={errors?.note} values={{ max: NOTE_MAX }} />
      </div>
      <div className={styles.field}>
        <label htmlFor="pu-next">{t("editing.update.nextSteps")}</label>
        <textarea
          id="pu-next"
          name="nextSteps"
          value={nextSteps}
          onChange={(e) => setNextSteps(e.target.value)}
          aria-invalid={Boolean(errors?.nextSteps)}
          aria-describedby={described("pu-next")}
          rows={2}
        />
        <FieldError id="pu-next-error" errors={errors?.nextSteps} values={{ max: TEXT_MAX }} />
      </div>
      <div className={styles.field}>
        <label htmlFor="pu-blockers">{t("editing.update.blockers")}</label>
        <textarea
          id="pu-blockers"
          name="blockers"
          value={blockers}
          onChange={(e) => setBlockers(e.target.value)}
          aria-invalid={Boolean(errors?.blockers)}
          aria-describedby={described("pu-blockers")}
          rows={2}
        />
        <FieldError id="pu-blockers-error" errors={errors?.blockers} values={{ max: TEXT_MAX }} />
      </div>
      <div className={styles.field}>
        <label htmlFor="pu-evidence">{t("editing.update.evidenceLinks")}</label>
        <textarea
          id="pu-evidence"
          name="evidenceLinks"
          value={evidenceLinks}
          onChange={(e) => setEvidenceLinks(e.target.value)}
          aria-invalid={Boolean(errors?.evidenceLinks)}
          aria-describedby={described("pu-evidence", true)}
          rows={2}
          placeholder="https://"
        />
        <span id="pu-evidence-hint" className={styles.hint}>
          {t("editing.update.evidenceHint", { max: EVIDENCE_MAX })}
        </span>
        <FieldError id="pu-evidence-error" errors={errors?.evidenceLinks} values={{ max: EVIDENCE_MAX }} />
      </div>

      <div className={styles.actions}>
        {!conflict && (
          <SubmitButton
            pending={pending}
            pendingLabel={t("editing.update.submitting")}
            label={t("editing.update.submit")}
          />
        )}
      </div>
    </form>
  );
}
