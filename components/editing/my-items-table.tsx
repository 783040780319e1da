"use client";
import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { FieldError } from "@/components/forms/field-error";
import { SelectField, TextField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { SelectAllHeader, useSelection } from "@/components/forms/selection";
import { Fields } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { ColumnHeaders } from "@/components/ui/data-table";
import { LightBadge } from "@/components/ui/light-badge";
import type { ItemLight } from "@/lib/item-light";
import { bulkUpdateItems } from "@/lib/actions/items";
import { ITEM_STATUSES } from "@/lib/status";
import { CONFIDENCES, NOTE_MAX } from "@/lib/validations/item-limits";
import cycle from "@/components/cycle/cycle.module.css";
import styles from "./editing.module.css";
import { Options } from "@/components/forms/options";

export interface MyItemRow {
  id: number;
  code: string;
  title: string;
  titleEn: string | null;
  version: number;
  status: (typeof ITEM_STATUSES)[number];
  progress: number | null;
  confidence: (typeof CONFIDENCES)[number] | null;
  dueDate: string | null;
  overdue: boolean;
  /** 红黄灯 today (lib/item-light.ts) */
  light: ItemLight | null;
  daysSinceUpdate: number | null;
  role: "lead" | "coLead" | "supporting";
  /** the unit's report on the item not decided yet: 草稿, 待审核 or 已退回 */
  reportState: "DRAFT" | "SUBMITTED" | "RETURNED" | null;
}

/**
 * My items with checkboxes; the bar above sets status and/or confidence of the selected ones in one save: one
 * report per item, 待审核 until a coordinator approves it when review is on (in effect at once when it is off).
 */
export function MyItemsTable({ items, reviewRequired }: { items: MyItemRow[]; reviewRequired: boolean }) {
  const t = useTranslations();
  const en = useLocale() === "en";
  const { state, action, pending, failed, form } = useActionForm(bulkUpdateItems, { ids: "bulk" });
  const selection = useSelection(items.map((i) => i.id));
  const { selected, toggle } = selection;
  const errors = failed?.fieldErrors;
  const problems = failed?.items;

  return (
    <form action={action} noValidate data-testid="bulk-form">
      <div className={styles.bulkBar} role="group" aria-label={t("editing.bulk.legend")}>
        <span>{t("editing.bulk.selected", { count: selected.size })}</span>
        <Fields form={form} fieldClass={styles.field}>
          <SelectField name="status" label={t("editing.bulk.status")} errorsApart defaultValue="">
            <option value="">{t("editing.bulk.keep")}</option>
            <Options items={ITEM_STATUSES} label={(s) => t(`status.${s}`)} />
          </SelectField>
          <SelectField name="confidence" label={t("editing.bulk.confidence")} defaultValue="">
            <option value="">{t("editing.bulk.keep")}</option>
            <Options items={CONFIDENCES} label={(c) => t(`confidence.${c}`)} />
          </SelectField>
          <TextField name="note" label={t("editing.bulk.note")} hint={t("editing.bulk.noteHint")} max={NOTE_MAX} />
        </Fields>
        <SubmitButton pending={pending} pendingLabel={t("editing.bulk.submitting")} label={t("editing.bulk.submit")} />
      </div>
      {reviewRequired && (
        <p className="small" role="note" data-testid="bulk-review-hint">
          {t("editing.bulk.reviewHint")}
        </p>
      )}
      <FieldError id="bulk-status-error" errors={errors?.status ?? errors?.items} values={{ max: 200 }} />
      {/* a refused batch names its items below, the conflict among them */}
      <FormMessage
        state={state}
        success={
          state?.ok
            ? t(state.data.reviewRequired ? "editing.bulk.submitted" : "editing.bulk.done", {
                count: state.data.changed,
              })
            : undefined
        }
        omitFailure={failed?.code === "conflict"}
      />
      {problems && (
        <ul className={styles.alert} data-testid="bulk-problems">
          {problems.map((p) => (
            <li key={p.code}>
              {p.code}: {t(`editing.bulk.problem.${p.problem}`)}
            </li>
          ))}
        </ul>
      )}

      <table className={styles.table}>
        <thead>
          <tr>
            <SelectAllHeader selection={selection} label={t("editing.bulk.selectAll")} />
            <ColumnHeaders
              labels={[
                t("myItems.item"),
                t("myItems.myRole"),
                t("item.status"),
                t("item.progress"),
                t("item.confidence"),
                t("item.dueDate"),
                t("myItems.lastUpdate"),
              ]}
            />
            <th scope="col">
              <span className="visually-hidden">{t("myItems.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} data-testid="my-item" data-code={i.code}>
              <td>
                <input
                  type="checkbox"
                  name="items"
                  value={`${i.id}:${i.version}`}
                  checked={selected.has(i.id)}
                  onChange={(e) => toggle(i.id, e.target.checked)}
                  aria-label={t("myItems.select", { code: i.code })}
                />
              </td>
              <td>
                <Link href={`/items/${i.code}`}>
                  <span className="muted">{i.code}</span> {en && i.titleEn ? i.titleEn : i.title}
                </Link>
              </td>
              <td className="small">{t(`myItems.role.${i.role}`)}</td>
              <td>
                <span className={`badge badge--${i.status}`}>{t(`status.${i.status}`)}</span>
                {i.reportState && (
                  <div>
                    <Link
                      href={`/items/${i.code}/update`}
                      className={`${cycle.stateBadge} ${cycle[i.reportState]}`}
                      data-testid="report-state"
                      data-state={i.reportState}
                    >
                      {t(`cycle.state.${i.reportState}`)}
                    </Link>
                  </div>
                )}
              </td>
              <td>{i.progress === null ? "—" : `${i.progress}%`}</td>
              <td>
                {i.confidence ? (
                  <span className={`badge badge--${i.confidence}`}>{t(`confidence.${i.confidence}`)}</span>
                ) : (
                  "—"
                )}
              </td>
              <td className={i.overdue ? styles.overdue : undefined}>
                {i.dueDate ?? "—"}
                {i.light && (
                  <div className="small">
                    <LightBadge light={i.light} />
                  </div>
                )}
              </td>
              <td>
                {i.daysSinceUpdate === null ? t("myItems.never") : t("myItems.daysAgo", { days: i.daysSinceUpdate })}
              </td>
              <td>
                <Link href={`/items/${i.code}/update`} aria-label={t("myItems.postUpdateFor", { code: i.code })}>
                  {t("myItems.postUpdate")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </form>
  );
}
