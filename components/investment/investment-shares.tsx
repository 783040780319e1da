import { getLocale, getTranslations } from "next-intl/server";
import type { SideShares } from "@/lib/data/investment";
import { moneyLocale, yi } from "./format";
import styles from "./investment.module.css";

/** Each side's part of 总投资 (a joint project split by its reported shares); the three parts add up to it. */
export async function InvestmentShares({ shares }: { shares: SideShares }) {
  const [t, locale] = await Promise.all([getTranslations("investment.page.shares"), getLocale()]);
  const loc = moneyLocale(locale);
  const parts = [
    ["sichuan", shares.sichuan],
    ["chongqing", shares.chongqing],
    ["unsplit", shares.unsplit],
  ] as const;
  return (
    <section className={`card ${styles.section}`} aria-labelledby="shares-heading" data-testid="investment-shares">
      <h2 id="shares-heading">{t("heading")}</h2>
      <p className={styles.note}>{t("intro")}</p>
      <dl className={styles.figures}>
        {parts.map(([key, amount]) => (
          <div key={key} className={styles.figure} data-testid={`share-${key}`}>
            <dt>{t(key)}</dt>
            <dd data-amount={amount}>{yi(amount, loc)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
