"use client";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { FieldError } from "@/components/forms/field-error";
import { TextAreaField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { SelectAllHeader, useSelection } from "@/components/forms/selection";
import { Fields } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { ColumnHeaders } from "@/components/ui/data-table";
import { decideReports, type BatchOutcome } from "@/lib/actions/reports";
import type { QueueRow } from "@/lib/data/reviews";
import { COMMENT_MAX } from "@/lib/validations/report-limits";
import { DecisionButtons } from "./decision-buttons";
import { ReportHappenedNotice } from "./report-happened";
import styles from "./cycle.module.css";

/**
 * The review queue: pending reports oldest first, each with what it proposes and a link to the whole report on
 * its item; select several and approve or return them with one optional comment. Each report is answered on
 * its own (one decided by someone else meanwhile says so, the others go through).
 */
export function ReviewQueue({ rows }: { rows: QueueRow[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const en = useLocale() === "en";
  const router = useRouter();
  const selection = useSelection(rows.map((r) => r.id));
  const { selected, toggle } = selection;
  const { state, action, pending, failed, form } = useActionForm(decideReports, {
    ids: "queue",
    onSuccess: () => {
      selection.setAll(false);
      router.refresh();
    },
  });
  const outcomes = new Map<number, BatchOutcome>(
    (state?.ok ? state.data.outcomes : (failed?.outcomes ?? [])).map((o) => [o.reportId, o]),
  );
  const refused = [...outcomes.values()].filter((o): o is Extract<BatchOutcome, { ok: false }> => !o.ok);

  return (
    <form action={action} noValidate data-testid="review-queue">
      <div className={styles.queueBar} role="group" aria-label={t("cycle.review.batchLegend")}>
        <span>{t("cycle.review.selected", { count: selected.size })}</span>
        <Fields form={form}>
          <TextAreaField
            name="comment"
            label={t("cycle.review.comment")}
            className={styles.comment}
            errorsApart
            max={COMMENT_MAX}
          />
        </Fields>
        <DecisionButtons
          pending={pending}
          approveLabel={t("cycle.review.approveSelected")}
          returnLabel={t("cycle.review.returnSelected")}
        />
      </div>
      <FieldError
        id="queue-comment-error"
        errors={failed?.fieldErrors?.comment ?? failed?.fieldErrors?.reports}
        values={{ max: COMMENT_MAX }}
      />
      <FormMessage
        state={state}
        success={state?.ok ? t(state.message as never, { count: state.data.decided } as never) : undefined}
      />
      {refused.length > 0 && (
        <ul className={styles.outcomes} data-testid="batch-refused">
          {refused.map((o) => (
            <li key={o.reportId}>
              #{o.reportId}:{" "}
              {t.has(o.message as never) ? t(o.message as never) : t(`actionErrors.${o.failure}` as never)}
              <ReportHappenedNotice happened={o.happened} />
            </li>
          ))}
        </ul>
      )}

      <table className={styles.queue}>
        <thead>
          <tr>
            <SelectAllHeader selection={selection} label={t("cycle.review.selectAll")} />
            <ColumnHeaders
              labels={[
                t("cycle.review.submittedColumn"),
                t("cycle.review.itemColumn"),
                t("cycle.review.unitColumn"),
                t("cycle.review.proposedColumn"),
                t("cycle.review.reportColumn"),
              ]}
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="queue-row" data-report={r.id} data-code={r.code}>
              <td>
                <input
                  type="checkbox"
                  name="reports"
                  value={`${r.id}:${r.revision}`}
                  checked={selected.has(r.id)}
                  onChange={(e) => toggle(r.id, e.target.checked)}
                  aria-label={t("cycle.review.select", { code: r.code })}
                />
              </td>
              <td className="small">
                {format.dateTime(new Date(r.submittedAt), { dateStyle: "medium", timeStyle: "short" })}
                {(en ? r.periodLabelEn : r.periodLabel) && (
                  <div className="muted">{en ? r.periodLabelEn : r.periodLabel}</div>
                )}
                {r.late && <div>{t("cycle.late")}</div>}
              </td>
              <td>
                <Link href={`/items/${r.code}#report-${r.id}`}>
                  <span className="muted">{r.code}</span> {en && r.titleEn ? r.titleEn : r.title}
                </Link>
                {r.closesItem && <div className="small">{t("cycle.closesItem")}</div>}
              </td>
              <td className="small">
                {r.unitName ?? "—"}
                {r.unitSide && <div className="muted">{t(`side.${r.unitSide}` as never)}</div>}
                {r.author && <div className="muted">{r.author}</div>}
              </td>
              <td className="small">
                <span className={`badge badge--${r.status}`}>{t(`status.${r.status}` as never)}</span>{" "}
                <span className={`badge badge--${r.confidence}`}>{t(`confidence.${r.confidence}` as never)}</span>{" "}
                {r.progress}%
                <div className="muted">
                  {t("cycle.review.now", {
                    status: t(`status.${r.itemStatus}` as never),
                    progress: r.itemProgress === null ? "—" : `${r.itemProgress}%`,
                  })}
                </div>
              </td>
              <td className="small">
                <p>{r.note}</p>
                {r.nextSteps && (
                  <p>
                    {t("item.nextSteps")}：{r.nextSteps}
                  </p>
                )}
                {r.blockers && (
                  <p>
                    {t("item.blockers")}：{r.blockers}
                  </p>
                )}
                {r.docNumber && (
                  <p>
                    {t("cycle.form.docNumber")}：{r.docNumber}
                  </p>
                )}
                {r.monthInvestment !== null && (
                  <p data-testid="month-investment">
                    {t("investment.monthInvestment")}：{r.monthInvestment}
                  </p>
                )}
                <p className="muted">{t("cycle.review.attachments", { count: r.attachments })}</p>
                {outcomes.get(r.id)?.ok === true && (
                  <p role="status">{t(`cycle.state.${(outcomes.get(r.id) as { state: string }).state}` as never)}</p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </form>
  );
}
