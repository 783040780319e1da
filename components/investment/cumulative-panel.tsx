import { getLocale, getTranslations } from "next-intl/server";
import type { InvestmentView } from "@/lib/data/investment";
import { ChartTable } from "@/components/ui/chart-table";
import { completionRate, formatAmount, toCents, type MoneyLocale } from "@/lib/money";
import { moneyLocale } from "./format";
import styles from "./investment.module.css";
import { LazyCumulativeChart } from "./lazy-cumulative-chart";

export const CUMULATIVE_HEIGHT = 300;

/**
 * An amount as the chart's axis draws it: 亿元 (zh-CN) or billions of yuan (en). Drawing only — a point's
 * position on the screen; every figure a person reads is formatted from the exact decimal.
 */
function axisValue(amount: string, locale: MoneyLocale): number {
  // cents of a 万元: 1 亿元 = 10^6 of them, 1 billion yuan = 10^7
  return Number(toCents(amount)) / (locale === "en" ? 1e7 : 1e6);
}

/** Cumulative 完成投资 by month against the year's plan: the chart, and the same figures as a table. */
export async function CumulativePanel({ view }: { view: InvestmentView }) {
  const [t, tInv, locale] = await Promise.all([
    getTranslations("investment.page.months"),
    getTranslations("investment"),
    getLocale(),
  ]);
  const loc = moneyLocale(locale);
  // "1月" / "Jan": the month's short name in the page's language
  const monthName = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const planned = view.totals.planned;
  const rows = view.months.map((m) => ({
    ...m,
    label: monthName.format(Date.UTC(2000, m.month - 1, 15)),
    text: formatAmount(m.completed, loc),
    rate: completionRate(m.completed, planned),
  }));
  return (
    <section className={`card ${styles.section}`} aria-labelledby="months-heading" data-testid="investment-months">
      <h2 id="months-heading">{t("heading", { year: view.year })}</h2>
      {rows.length === 0 ? (
        <p>{t("empty", { year: view.year })}</p>
      ) : (
        <>
          <LazyCumulativeChart
            points={rows.map((r) => ({ label: r.label, value: axisValue(r.completed, loc), text: r.text }))}
            plan={{ value: axisValue(planned, loc), text: formatAmount(planned, loc), label: t("plan") }}
            seriesLabel={t("completed")}
            unit={t("unit")}
            height={CUMULATIVE_HEIGHT}
            values={rows.map((r) => r.completed).join(",")}
          />
          <ChartTable
            summary={t("showTable")}
            caption={t("caption", { year: view.year, plan: formatAmount(planned, loc) })}
            testId="months-table"
          >
            <thead>
              <tr>
                <th scope="col">{t("month")}</th>
                <th scope="col" className={styles.num}>
                  {t("completed")}
                </th>
                <th scope="col" className={styles.num}>
                  {t("ofPlan")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.month}>
                  <th scope="row">{r.label}</th>
                  <td className={styles.num} data-amount={r.completed}>
                    {r.text}
                  </td>
                  <td className={styles.num}>
                    {r.rate === null ? tInv("noRate") : tInv("rateValue", { rate: r.rate })}
                  </td>
                </tr>
              ))}
            </tbody>
          </ChartTable>
          <p className={styles.note}>{t("note")}</p>
        </>
      )}
    </section>
  );
}
