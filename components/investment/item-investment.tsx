// An item's investment as the item page shows it, live or as of the page's day (the figures come from the
// item's snapshot then): 总投资 with each side's share, and per year 计划投资, 完成投资 and 完成率. Amounts are
// decimal strings formatted by lib/money.ts (万元, 亿元 from 1 亿 up); nothing here does arithmetic on floats.
import { getLocale, getTranslations } from "next-intl/server";
import { completionRate, formatAmount } from "@/lib/money";
import type { InvestmentYearSnapshot } from "@/lib/writes/snapshot";

export async function ItemInvestment({
  totalInvestment,
  sichuanShare,
  chongqingShare,
  years,
}: {
  totalInvestment: string | null;
  sichuanShare: string | null;
  chongqingShare: string | null;
  years: InvestmentYearSnapshot[] | undefined;
}) {
  const [t, locale] = await Promise.all([getTranslations("investment"), getLocale()]);
  const loc = locale === "en" ? "en" : "zh-CN";
  const list = years ?? [];
  if (totalInvestment === null && list.length === 0) return <p className="muted">{t("none")}</p>;
  const money = (v: string | null) => formatAmount(v, loc);
  return (
    <div className="stack" data-testid="item-investment">
      <dl>
        <dt>{t("total")}</dt>
        <dd data-amount={totalInvestment ?? ""}>
          {money(totalInvestment)}
          {sichuanShare !== null && chongqingShare !== null && (
            <span className="small muted">
              {" "}
              （{t("shares", { sichuan: money(sichuanShare), chongqing: money(chongqingShare) })}）
            </span>
          )}
        </dd>
      </dl>
      {list.length > 0 && (
        <table className="table">
          <caption className="small muted">{t("yearsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("year")}</th>
              <th scope="col">{t("planned")}</th>
              <th scope="col">{t("completed")}</th>
              <th scope="col">{t("rate")}</th>
            </tr>
          </thead>
          <tbody>
            {[...list]
              .sort((a, b) => b.year - a.year)
              .map((y) => {
                const rate = completionRate(y.completed ?? "0", y.planned);
                return (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td data-amount={y.planned ?? ""}>{money(y.planned)}</td>
                    <td data-amount={y.completed ?? ""}>{money(y.completed)}</td>
                    <td>{rate === null ? t("noRate") : t("rateValue", { rate })}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      )}
      <p className="small muted">{t("unitNote")}</p>
    </div>
  );
}
