import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { AsOfSelection } from "@/lib/as-of-selection";
import type { InvestmentRow, InvestmentView } from "@/lib/data/investment";
import { formatAmount, formatAmountChange, toCents } from "@/lib/money";
import { ROLLUP_DIMENSIONS } from "@/lib/validations/investment-view";
import { itemsHref, withAsOf } from "../dashboard/format";
import { investmentHref, moneyLocale } from "./format";
import styles from "./investment.module.css";

type Selection = Pick<AsOfSelection, "asOf" | "compare">;

/** Where a row leads: the items list filtered to its group, or — a recommendation — its own page. */
function rowHref(by: InvestmentView["by"], row: InvestmentRow, selection: Selection): string | null {
  if (row.key === null) return null;
  switch (by) {
    case "pillar":
      return itemsHref({ level: "ACTION", pillar: row.key }, selection);
    case "recommendation":
      return withAsOf(`/items/${row.key}`, selection);
    case "unit":
      return itemsHref({ level: "ACTION", unit: row.key, leadOnly: 1 }, selection);
    case "side":
      return itemsHref({ level: "ACTION", side: row.key }, selection);
    case "region":
      return itemsHref({ level: "ACTION", region: row.key }, selection);
  }
}

/** The roll-up by one dimension, with links that switch the dimension (plain links: keyboard and no-JS alike). */
export async function RollupTable({
  view,
  defaultYear,
  selection,
}: {
  view: InvestmentView;
  defaultYear: number;
  selection: Selection;
}) {
  const [t, tInv, tRoot, locale] = await Promise.all([
    getTranslations("investment.page.rollup"),
    getTranslations("investment"),
    getTranslations(),
    getLocale(),
  ]);
  const loc = moneyLocale(locale);
  const { by } = view;
  const label = (row: InvestmentRow): string => {
    const title = (locale === "en" ? row.labelEn : row.label) ?? row.label ?? "";
    switch (by) {
      case "pillar":
        return t("pillarLabel", { number: row.key ?? "", title });
      case "recommendation":
        return `${row.key} ${title}`;
      case "unit":
        return row.key === null ? t("noUnit") : title;
      case "side":
        return row.key === null ? t("noSide") : tRoot(`side.${row.key}`);
      case "region":
        return title;
    }
  };
  const money = (v: string | undefined) => formatAmount(v ?? null, loc);
  const dimension = t(`dimension.${by}`);
  return (
    <section className={`card ${styles.section}`} aria-labelledby="rollup-heading" data-testid="investment-rollup">
      <h2 id="rollup-heading">{t("heading")}</h2>
      <nav aria-label={t("switchLabel")} className={styles.switch}>
        <ul>
          {ROLLUP_DIMENSIONS.map((d) => (
            <li key={d}>
              <Link
                href={investmentHref({ year: view.year, by: d }, defaultYear, selection, "#rollup-heading")}
                aria-current={d === by ? "page" : undefined}
              >
                {t(`dimension.${d}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className={styles.tableWrap}>
        <table data-dimension={by}>
          <caption className="small muted">{t("caption", { year: view.year, dimension })}</caption>
          <thead>
            <tr>
              <th scope="col">{dimension}</th>
              <th scope="col" className={styles.num}>
                {t("items")}
              </th>
              <th scope="col" className={styles.num}>
                {tInv("total")}
              </th>
              {by === "side" ? (
                <>
                  <th scope="col" className={styles.num}>
                    {t("sichuanShare")}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t("chongqingShare")}
                  </th>
                </>
              ) : null}
              <th scope="col" className={styles.num}>
                {tInv("planned")}
              </th>
              <th scope="col" className={styles.num}>
                {tInv("completed")}
              </th>
              <th scope="col" className={styles.num}>
                {tInv("rate")}
              </th>
              {selection.compare ? (
                <th scope="col" className={styles.num}>
                  {t("change", { day: selection.compare })}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => {
              const href = rowHref(by, row, selection);
              const name = label(row);
              return (
                <tr key={row.key ?? "none"} data-key={row.key ?? ""}>
                  <th scope="row">{href ? <Link href={href}>{name}</Link> : name}</th>
                  <td className={styles.num}>{row.items}</td>
                  <td className={styles.num} data-amount={row.total}>
                    {money(row.total)}
                  </td>
                  {by === "side" ? (
                    <>
                      <td className={styles.num} data-amount={row.sichuanShare}>
                        {money(row.sichuanShare)}
                      </td>
                      <td className={styles.num} data-amount={row.chongqingShare}>
                        {money(row.chongqingShare)}
                      </td>
                    </>
                  ) : null}
                  <td className={styles.num} data-amount={row.planned}>
                    {money(row.planned)}
                  </td>
                  <td className={styles.num} data-amount={row.completed}>
                    {money(row.completed)}
                  </td>
                  <td className={styles.num}>
                    {row.rate === null ? tInv("noRate") : tInv("rateValue", { rate: row.rate })}
                  </td>
                  {row.completedDelta !== null ? (
                    <td className={styles.num} data-amount={row.completedDelta}>
                      {formatAmountChange(toCents(row.completedDelta), loc)}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={styles.note}>{by === "region" ? `${t("regionNote")} ${t("linkNote")}` : t("linkNote")}</p>
      <p className={styles.note}>{tInv("unitNote")}</p>
    </section>
  );
}
