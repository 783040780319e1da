import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { getInvestmentSummary } from "@/lib/data/investment";
import styles from "../dashboard/dashboard.module.css";
import { withAsOf } from "../dashboard/format";
import { Widget } from "../dashboard/widget";
import { moneyLocale, yi } from "./format";

/** The dashboard's investment card: the year's totals at the dashboard's moment, and the way to the page. */
export async function InvestmentCard({ selection }: { selection: AsOfSelection }) {
  const [{ year, totals }, t, locale] = await Promise.all([
    getInvestmentSummary(selection),
    getTranslations("investment"),
    getLocale(),
  ]);
  const loc = moneyLocale(locale);
  const figures = [
    ["total", t("page.totals.total"), yi(totals.total, loc)],
    ["planned", t("page.totals.planned"), yi(totals.planned, loc)],
    ["completed", t("page.totals.completed"), yi(totals.completed, loc)],
    ["rate", t("page.totals.rate"), totals.rate === null ? t("noRate") : t("rateValue", { rate: totals.rate })],
  ] as const;
  return (
    <Widget id="investment" title={t("page.totals.heading", { year })}>
      {totals.items === 0 ? (
        <p>{t("card.empty", { year })}</p>
      ) : (
        <dl className={styles.figures}>
          {figures.map(([key, label, value]) => (
            <div key={key} className={styles.figure} data-testid={`investment-card-${key}`}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className={styles.note}>
        <Link href={withAsOf("/investment", selection)}>{t("card.link")}</Link>
      </p>
    </Widget>
  );
}
