import { getLocale, getTranslations } from "next-intl/server";
import type { InvestmentView } from "@/lib/data/investment";
import { formatAmount, fromCents, toCents, type MoneyLocale } from "@/lib/money";
import { moneyLocale, yi } from "./format";
import styles from "./investment.module.css";

/** "完成投资较 2026-03-31 增加 12.30亿元": a figure's move since the comparison day, in words. */
export function changeSentence(
  t: (key: string, values?: Record<string, string | number>) => string,
  figure: string,
  delta: string,
  day: string,
  locale: MoneyLocale,
): string {
  const cents = toCents(delta);
  if (cents === 0n) return t("unchangedSince", { figure, day });
  // the direction is a word, so the amount goes without its sign
  const amount = formatAmount(fromCents(cents < 0n ? -cents : cents), locale);
  return t("changeSince", { figure, day, direction: t(cents < 0n ? "fell" : "rose"), amount });
}

/** 总投资, the year's plan and done, 完成率, and — with a comparison day — how plan and done moved since. */
export async function InvestmentTotals({ view, compare }: { view: InvestmentView; compare: string | null }) {
  const [t, locale] = await Promise.all([getTranslations("investment"), getLocale()]);
  const loc = moneyLocale(locale);
  const { totals } = view;
  const figure = (key: string, label: string, value: string, amount?: string) => (
    <div className={styles.figure} data-testid={`investment-${key}`}>
      <dt>{label}</dt>
      <dd data-amount={amount}>{value}</dd>
    </div>
  );
  return (
    <section className={`card ${styles.section}`} aria-labelledby="totals-heading" data-testid="investment-totals">
      <h2 id="totals-heading">{t("page.totals.heading", { year: view.year })}</h2>
      <dl className={styles.figures}>
        {figure("total", t("page.totals.total"), yi(totals.total, loc), totals.total)}
        {figure("planned", t("page.totals.planned"), yi(totals.planned, loc), totals.planned)}
        {figure("completed", t("page.totals.completed"), yi(totals.completed, loc), totals.completed)}
        {figure(
          "rate",
          t("page.totals.rate"),
          totals.rate === null ? t("noRate") : t("rateValue", { rate: totals.rate }),
        )}
      </dl>
      <p className={styles.note}>{t("page.totals.items", { count: totals.items })}</p>
      {view.change && compare ? (
        <ul className={styles.changes} data-testid="investment-change">
          <li>{changeSentence(t, t("completed"), view.change.completedDelta, compare, loc)}</li>
          <li>{changeSentence(t, t("planned"), view.change.plannedDelta, compare, loc)}</li>
        </ul>
      ) : null}
    </section>
  );
}
