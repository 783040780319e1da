"use client";
import { useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import {
  CheckboxField,
  DecimalField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
  inState,
} from "@/components/forms/fields";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { ConfirmSubmit } from "@/components/forms/confirm-submit";
import { ReportHappenedNotice } from "@/components/cycle/report-happened";
import cycle from "@/components/cycle/cycle.module.css";
import { postProgressUpdate, type ItemFormState, type PostedUpdate } from "@/lib/actions/items";
import { saveReportDraft, withdrawReport } from "@/lib/actions/reports";
import type { OpenReportForm } from "@/lib/data/reviews";
import { ITEM_STATUSES, impliedProgress } from "@/lib/status";
import { CONFIDENCES, EVIDENCE_MAX, NOTE_MAX, TEXT_MAX } from "@/lib/validations/item-limits";
import { DOC_NUMBER_MAX } from "@/lib/validations/report-limits";
import { ConflictNotice } from "./conflict-notice";
import styles from "./editing.module.css";
import { Options } from "@/components/forms/options";

type Status = (typeof ITEM_STATUSES)[number];
type Conf = (typeof CONFIDENCES)[number];
type TextName = "note" | "nextSteps" | "blockers" | "evidenceLinks";

/** The update's texts, in order: the note (required) and the optional next steps, blockers and evidence links. */
const TEXTS: { name: TextName; rows: number; max: number; hint?: string; required?: boolean }[] = [
  { name: "note", rows: 4, max: NOTE_MAX, hint: "noteHint", required: true },
  { name: "nextSteps", rows: 2, max: TEXT_MAX },
  { name: "blockers", rows: 2, max: TEXT_MAX },
  { name: "evidenceLinks", rows: 2, max: EVIDENCE_MAX, hint: "evidenceHint" },
];

export interface ProgressUpdateDefaults {
  itemId: number;
  code: string;
  version: number;
  status: Status;
  progress: number | null;
  confidence: Conf | null;
}

/** Sends the report form to the action its pressed button names: save as a draft, or submit (报送). */
function saveOrSubmit(prev: ItemFormState<PostedUpdate>, formData: FormData) {
  return formData.get("intent") === "save" ? saveReportDraft(null, formData) : postProgressUpdate(prev, formData);
}

/**
 * The report form (填报): status, progress, confidence, a note and the optional texts, the 文号 and, for 已完成,
 * 申请销号 — prefilled with the unit's open report if it has one (a draft, one awaiting review, or one returned
 * with the coordinator's comment), else with the item's current state. Saved as a draft it stays here (and its
 * evidence can be attached); submitted it goes to review (or, with review off, takes effect at once) and the page
 * goes back to the item. Every value stays in component state, so a refused save loses nothing typed.
 */
export function ProgressUpdateForm({
  defaults,
  report,
  reviewRequired,
  evidence,
}: {
  defaults: ProgressUpdateDefaults;
  report: OpenReportForm | null;
  reviewRequired: boolean;
  /** the evidence uploader of a saved report (rendered by the page) */
  evidence?: ReactNode;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [version, setVersion] = useState(defaults.version);
  const [reportId, setReportId] = useState(report?.id ?? null);
  const [revision, setRevision] = useState(report?.revision ?? null);
  const { state, action, pending, failed, form } = useActionForm(saveOrSubmit, {
    ids: "pu",
    onSuccess: (result) => {
      if (!result.ok) return;
      setReportId(result.data.reportId);
      setRevision(result.data.revision);
      setVersion(result.data.version);
      if (result.data.state === "DRAFT" || result.data.state === "RETURNED") router.refresh();
      else router.push(`/items/${defaults.code}${result.data.state === "APPROVED" ? "#updates" : "#reports"}`);
    },
  });
  const initialStatus = (report?.status ?? defaults.status) as Status;
  const [status, setStatus] = useState<Status>(initialStatus === "NOT_ASSESSED" ? "IN_PROGRESS" : initialStatus);
  const [progress, setProgress] = useState(String(report?.progress ?? defaults.progress ?? 0));
  const [confidence, setConfidence] = useState<Conf>((report?.confidence ?? defaults.confidence ?? "GREEN") as Conf);
  const [texts, setTexts] = useState<Record<TextName, string>>({
    note: report?.note ?? "",
    nextSteps: report?.nextSteps ?? "",
    blockers: report?.blockers ?? "",
    evidenceLinks: report?.evidenceLinks.join("\n") ?? "",
  });
  const [docNumber, setDocNumber] = useState(report?.docNumber ?? "");
  const [monthInvestment, setMonthInvestment] = useState(report?.monthInvestment ?? "");
  const [closesItem, setClosesItem] = useState(report?.closesItem ?? false);
  const setText = (name: TextName, value: string) => setTexts((prev) => ({ ...prev, [name]: value }));

  const errors = failed?.fieldErrors;
  const conflict = failed?.conflict;
  const submitted = report?.state === "SUBMITTED" && reportId === report.id;

  const onStatus = (next: Status) => {
    setStatus(next);
    // The status fixes the progress for 已完成 and 未启动; show it rather than surprise on the item page.
    const implied = impliedProgress(next, null);
    if (implied !== null) setProgress(String(implied));
  };
  // The other direction: a progress above 0 means work has started, so 未启动 (which would zero it on save)
  // becomes 推进中 instead of silently dropping what the person typed.
  const onProgress = (next: string) => {
    setProgress(next);
    if (status === "NOT_STARTED" && Number(next) > 0) setStatus("IN_PROGRESS");
  };

  return (
    <>
      {report?.state === "RETURNED" && (
        <section className={`${cycle.stateBanner} ${cycle.returned}`} role="note" data-testid="report-returned">
          <strong>{t("cycle.form.returnedTitle")}</strong>{" "}
          {t("cycle.form.returnedBy", { by: report.reviewer ?? t("cycle.system") })}
          <p>
            {report.reviewComment
              ? t("cycle.commentQuoted", { comment: report.reviewComment })
              : t("cycle.form.noComment")}
          </p>
        </section>
      )}
      {report?.state === "SUBMITTED" && (
        <p className={cycle.stateBanner} role="note" data-testid="report-submitted">
          {t("cycle.form.submittedNote")}
        </p>
      )}
      {report?.state === "DRAFT" && (
        <p className="small muted" data-testid="report-draft">
          {t("cycle.form.draftNote")}
        </p>
      )}
      <form action={action} className={styles.form} noValidate data-testid="progress-update-form">
        <input type="hidden" name="itemId" value={defaults.itemId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <input type="hidden" name="reportId" value={reportId ?? ""} />
        <input type="hidden" name="expectedRevision" value={revision ?? ""} />
        <FormMessage state={state} omitFailure={Boolean(conflict)} />
        <ReportHappenedNotice happened={failed?.happened} />
        <ConflictNotice conflict={conflict}>
          {conflict && (
            <div className={styles.actions}>
              <SubmitButton
                pending={pending}
                name="intent"
                value="submit"
                label={t("editing.conflict.reapplyUpdate")}
                // Take the current version first so this submit posts on top of the other person's change.
                onClick={() => flushSync(() => setVersion(conflict.currentVersion))}
              />
            </div>
          )}
        </ConflictNotice>

        <Fields form={form} fieldClass={styles.field} uncapped>
          <div className={styles.row}>
            <SelectField
              name="status"
              label={t("editing.update.status")}
              value={status}
              onChange={(e) => onStatus(e.target.value as Status)}
            >
              <Options items={ITEM_STATUSES} label={(s) => t(`status.${s}`)} />
            </SelectField>
            <NumberField
              name="progress"
              label={t("editing.update.progress")}
              hint={t("editing.update.progressHint")}
              min={0}
              max={100}
              {...inState(progress, onProgress)}
            />
          </div>

          {status === "COMPLETED" && reviewRequired && (
            <CheckboxField
              name="closesItem"
              label={t("cycle.form.closesItem")}
              hint={t("cycle.form.closesItemHint")}
              value="true"
              checked={closesItem}
              onChange={(e) => setClosesItem(e.target.checked)}
            />
          )}

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

          {TEXTS.map(({ name, rows, hint, max, required }) => (
            <TextAreaField
              key={name}
              name={name}
              label={t(`editing.update.${name}`)}
              hint={hint ? t(`editing.update.${hint}`, { max }) : undefined}
              max={max}
              required={required}
              value={texts[name]}
              onChange={(e) => setText(name, e.target.value)}
              rows={rows}
              placeholder={name === "evidenceLinks" ? "https://" : undefined}
            />
          ))}

          <TextField
            name="docNumber"
            label={t("cycle.form.docNumber")}
            hint={t("cycle.form.docNumberHint")}
            max={DOC_NUMBER_MAX}
            {...inState(docNumber, setDocNumber)}
          />

          <DecimalField
            name="monthInvestment"
            label={t("investment.monthInvestment")}
            hint={t("investment.monthInvestmentHint")}
            {...inState(monthInvestment, setMonthInvestment)}
          />

          {/* Evidence (佐证材料) of a saved report: the panel itself follows the form (it holds forms of its own). */}
          <div className={styles.field} data-testid="evidence-slot">
            <span className={styles.legend}>{t("item.evidence")}</span>
            <span className={styles.hint}>
              {t(reportId && evidence ? "cycle.form.evidenceBelow" : "cycle.form.evidenceAfterSave")}
            </span>
            <FieldError id="pu-evidence-error" errors={errors?.evidence} />
          </div>
        </Fields>

        <div className={styles.actions}>
          {!conflict && (
            <>
              <SubmitButton
                pending={pending}
                name="intent"
                value="submit"
                pendingLabel={t("editing.update.submitting")}
                label={
                  reviewRequired
                    ? t(submitted ? "cycle.form.resubmit" : "cycle.form.submit")
                    : t("editing.update.submit")
                }
              />
              {!submitted && (
                <SubmitButton
                  pending={pending}
                  name="intent"
                  value="save"
                  variant="secondary"
                  pendingLabel={t("cycle.form.saving")}
                  label={t("cycle.form.saveDraft")}
                />
              )}
            </>
          )}
        </div>
      </form>
      {reportId !== null && evidence}
      {report && reportId === report.id && revision !== null && (
        <WithdrawReport reportId={report.id} revision={revision} code={defaults.code} />
      )}
    </>
  );
}

/** Withdraws the unit's open report before it is reviewed, after asking. */
function WithdrawReport({ reportId, revision, code }: { reportId: number; revision: number; code: string }) {
  const router = useRouter();
  const { state, action, pending, failed, form } = useActionForm(withdrawReport, {
    onSuccess: () => router.push(`/items/${code}`),
  });
  return (
    <form action={action} className={styles.form} data-testid="withdraw-report">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="expectedRevision" value={revision} />
      <FormMessage state={state} />
      <ReportHappenedNotice happened={failed?.happened} />
      <ConfirmSubmit id="withdraw-report" form={form} pending={pending} messages="cycle.form.withdrawStep" />
    </form>
  );
}
