"use client";
import Link from "@/components/ui/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button, SubmitButton } from "@/components/forms/buttons";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { applyImport, previewImport } from "@/lib/actions/import";
import type { ImportApplied, ImportCellChange, ImportPlan, ImportProblem } from "@/lib/import/types";
import cycle from "@/components/cycle/cycle.module.css";
import styles from "./import.module.css";

/**
 * Upload → dry run (per row and cell, old → new, and every problem with its row and column) → apply. The
 * chosen file stays in component state, so "apply" re-sends exactly the previewed file with the hash the
 * dry run answered (the server refuses any other file).
 */
export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations();
  const preview = useActionForm(previewImport);
  const apply = useActionForm(applyImport);
  const { pending: previewing, state: previewState } = preview;
  const { pending: applying, state: applyState } = apply;
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [shown, setShown] = useState<"preview" | "apply">("preview");
  const maxMb = maxBytes / 1024 / 1024;

  const state = shown === "apply" ? applyState : previewState;
  const plan: ImportPlan | undefined = previewState?.ok ? previewState.data.plan : undefined;
  const refusedPlan = (shown === "apply" ? apply.failed : preview.failed)?.plan;
  const applied = shown === "apply" && applyState?.ok ? applyState.data : undefined;

  const onApply = () => {
    if (!file || !plan) return;
    const data = new FormData();
    data.append("file", file);
    data.append("fileHash", plan.fileHash);
    setShown("apply");
    apply.submit(data);
  };

  return (
    <>
      <form
        action={preview.action}
        className={styles.form}
        noValidate
        data-testid="import-form"
        onSubmit={(e) => {
          // Say it here rather than send a file the server will refuse anyway.
          if (file && file.size > maxBytes) {
            e.preventDefault();
            setTooLarge(true);
            return;
          }
          setTooLarge(false);
          setShown("preview");
        }}
      >
        <div className={styles.field}>
          <label htmlFor="import-file">{t("import.file")}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            required
            aria-describedby="import-file-hint"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <span id="import-file-hint" className={styles.hint}>
            {t("import.fileHint", { max: maxMb })}
          </span>
        </div>
        <div className={styles.actions}>
          <SubmitButton
            pending={previewing}
            disabled={applying}
            pendingLabel={t("import.previewing")}
            label={t("import.preview")}
          />
        </div>
      </form>

      <div className={styles.section}>
        {tooLarge && (
          <p className={styles.alert} role="alert">
            {t("import.tooLargeClient", { max: maxMb })}
          </p>
        )}
        <FormMessage state={state} failureTestId="import-refused">
          {applied && <Applied applied={applied} />}
        </FormMessage>
      </div>

      {refusedPlan && refusedPlan.errors.length > 0 && <Problems problems={refusedPlan.errors} />}
      {shown === "preview" && plan && (
        <PlanView plan={plan}>
          {plan.counts.changed > 0 ? (
            <div className={styles.actions}>
              <Button variant="primary" onClick={onApply} disabled={applying || previewing || !file}>
                {applying ? t("import.applying") : t("import.apply")}
              </Button>
            </div>
          ) : (
            <p className={styles.note}>{t("import.nothingToApply")}</p>
          )}
        </PlanView>
      )}
      {shown === "apply" && !applied && plan && applying && <p className={styles.hint}>{t("import.applying")}</p>}
    </>
  );
}

function Applied({ applied }: { applied: ImportApplied }) {
  const t = useTranslations();
  const submitted = applied.changed.filter((c) => c.report === "SUBMITTED").length;
  const approved = applied.changed.filter((c) => c.report === "APPROVED").length;
  return (
    <div className={styles.success} data-testid="import-applied">
      <p>
        {t("import.applied", { file: applied.fileName, changed: applied.changed.length, unchanged: applied.unchanged })}
      </p>
      {submitted > 0 && <p data-testid="import-submitted">{t("import.appliedSubmitted", { count: submitted })}</p>}
      {approved > 0 && <p data-testid="import-approved">{t("import.appliedApproved", { count: approved })}</p>}
      {applied.changed.length > 0 && (
        <ul className={styles.changes}>
          {applied.changed.map((c) => (
            <li key={c.code} data-code={c.code}>
              <Link href={`/items/${c.code}`}>
                {t("import.appliedItem", { code: c.code, title: c.title, cells: c.cells })}
              </Link>
              {c.report === "SUBMITTED" && (
                <>
                  {" "}
                  <span
                    className={`${cycle.stateBadge} ${cycle.SUBMITTED}`}
                    data-testid="report-state"
                    data-state="SUBMITTED"
                  >
                    {t("cycle.state.SUBMITTED")}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function useProblemText() {
  const t = useTranslations();
  return (p: ImportProblem) =>
    t.has(p.message as never) ? t(p.message as never, p.values as never) : t("actionErrors.invalid");
}

function Problems({ problems }: { problems: ImportProblem[] }) {
  const t = useTranslations();
  const text = useProblemText();
  return (
    <section className={styles.section} data-testid="import-errors">
      <h2>{t("import.errorsTitle", { count: problems.length })}</h2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t("import.row")}</th>
            <th scope="col">{t("import.column")}</th>
            <th scope="col">{t("import.problem")}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i} data-row={p.row ?? ""} data-column={p.column ?? ""}>
              <td>{p.row ?? t("import.wholeFile")}</td>
              <td>{p.column ?? (p.row === null ? "" : t("import.wholeRow"))}</td>
              <td>{text(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ChangeText({ change }: { change: ImportCellChange }) {
  const t = useTranslations();
  const show = (v: string | null) => {
    if (v === null || v === "") return t("import.empty");
    if (change.kind === "status") return t(`status.${v}` as never);
    if (change.kind === "confidence") return t(`confidence.${v}` as never);
    if (change.kind === "progress") return `${v}%`;
    return v;
  };
  return (
    <>
      {change.column}: {t("import.arrow", { from: show(change.from), to: show(change.to) })}
    </>
  );
}

/** What the row's status, progress and confidence become: a report, 待审核 or in effect at once. */
function RowReport({ report }: { report: NonNullable<ImportPlan["rows"][number]["report"]> }) {
  const t = useTranslations();
  if (report.pending)
    return (
      <p className="small" data-testid="row-report" data-outcome="pending">
        {t("import.rowPending")}
      </p>
    );
  return (
    <p className="small" data-testid="row-report" data-outcome={report.outcome}>
      {report.outcome === "review" ? (
        <span className={`${cycle.stateBadge} ${cycle.SUBMITTED}`}>{t("import.rowReview")}</span>
      ) : (
        t("import.rowApproved")
      )}
      {report.revises && <> · {t("import.rowRevises", { state: t(`cycle.state.${report.revises}`) })}</>}
    </p>
  );
}

function PlanView({ plan, children }: { plan: ImportPlan; children: React.ReactNode }) {
  const t = useTranslations();
  const text = useProblemText();
  const changed = plan.rows.filter((r) => r.changes.length > 0 || r.warnings.length > 0 || r.report?.pending);
  const unchanged = plan.rows.filter((r) => r.changes.length === 0);
  return (
    <section className={styles.section} data-testid="import-plan">
      <p className={styles.success}>{t("import.noErrors", plan.counts)}</p>
      {plan.keptColumns.length > 0 && (
        <p className={styles.note} role="note" data-testid="import-kept-notice">
          {t("import.keptColumns", { columns: plan.keptColumns.join(t("import.columnSeparator")) })}
        </p>
      )}
      {plan.counts.reports > 0 && (
        <p className={styles.note} role="note" data-testid="import-review-notice">
          {plan.reviewRequired
            ? t("import.reviewNotice", { reports: plan.counts.reports })
            : t("import.approvedNotice", { reports: plan.counts.reports })}
        </p>
      )}
      {changed.length > 0 && (
        <>
          <h2>{t("import.changesTitle")}</h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("import.row")}</th>
                <th scope="col">{t("import.code")}</th>
                <th scope="col">{t("import.item")}</th>
                <th scope="col">{t("import.change")}</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((r) => (
                <tr key={r.row} data-code={r.code}>
                  <td>{r.row}</td>
                  <td>
                    <Link href={`/items/${r.code}`}>{r.code}</Link>
                  </td>
                  <td>{r.title}</td>
                  <td>
                    {r.changes.length === 0 ? (
                      <span className="muted">{t("import.unchanged")}</span>
                    ) : (
                      <ul className={styles.changes}>
                        {r.changes.map((c) => (
                          <li key={c.key} data-key={c.key}>
                            <ChangeText change={c} />
                          </li>
                        ))}
                      </ul>
                    )}
                    {r.report && <RowReport report={r.report} />}
                    {r.warnings.map((w, i) => (
                      <p key={i} className={styles.warning}>
                        {w.column}: {text(w)}
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {children}
      {unchanged.length > 0 && (
        <details>
          <summary>
            {t("import.unchanged")} ({unchanged.length})
          </summary>
          <p className="small">{unchanged.map((r) => r.code).join("、")}</p>
        </details>
      )}
    </section>
  );
}
