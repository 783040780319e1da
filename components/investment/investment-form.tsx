"use client";
// The item's investment figures (万元): 总投资, each side's share of a joint project, and one year's 计划投资 and
// 完成投资. Amounts stay text end to end (the server parses them exactly); picking a year shows its saved figures.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import { DecimalField, SelectField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { ConflictNotice } from "@/components/editing/conflict-notice";
import styles from "@/components/editing/editing.module.css";
import { updateInvestment } from "@/lib/actions/investment";

export interface InvestmentValues {
  totalInvestment: string;
  sichuanShare: string;
  chongqingShare: string;
}

export function InvestmentForm({
  itemId,
  version,
  initial,
  years,
  yearChoices,
  defaultYear,
}: {
  itemId: number;
  version: number;
  initial: InvestmentValues;
  /** saved figures by year ("" for none) */
  years: Record<number, { planned: string; completed: string }>;
  yearChoices: number[];
  defaultYear: number;
}) {
  const t = useTranslations("investment.form");
  const { state, action, pending, failed, form } = useActionForm(updateInvestment, { ids: "inv" });
  const conflict = failed?.conflict;
  const saved = state?.ok ? state.data : undefined;
  const [values, setValues] = useState(initial);
  const [year, setYear] = useState(defaultYear);
  const [figures, setFigures] = useState(years);
  const current = figures[year] ?? { planned: "", completed: "" };
  const setFigure = (key: "planned" | "completed", value: string) =>
    setFigures((f) => ({ ...f, [year]: { ...current, [key]: value } }));
  const amount = (key: keyof InvestmentValues) => ({
    name: key,
    label: t(key),
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });
  // After a save or a conflict the form continues from the newest version it was told of.
  const base = saved?.version ?? conflict?.currentVersion ?? version;

  return (
    <form action={action} className={styles.form} noValidate data-testid="investment-form">
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="expectedVersion" value={base} />
      <p className="small muted">{t("intro")}</p>
      <FormMessage state={state} omitFailure={Boolean(conflict)} />
      <ConflictNotice conflict={conflict} />
      <Fields form={form} fieldClass={styles.field} uncapped>
        <div className={styles.row}>
          <DecimalField {...amount("totalInvestment")} hint={t("amountHint")} />
          <DecimalField {...amount("sichuanShare")} />
          <DecimalField {...amount("chongqingShare")} />
        </div>
        <div className={styles.row}>
          <SelectField
            name="year"
            label={t("year")}
            hint={t("yearHint")}
            value={String(year)}
            onChange={(e) => setYear(Number(e.target.value))}
          >
            {yearChoices.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          {(["planned", "completed"] as const).map((figure) => (
            <DecimalField
              key={figure}
              name={figure}
              label={t(figure)}
              value={current[figure]}
              onChange={(e) => setFigure(figure, e.target.value)}
            />
          ))}
        </div>
      </Fields>
      <div className={styles.actions}>
        <SubmitButton pending={pending} label={t("submit")} />
      </div>
    </form>
  );
}
