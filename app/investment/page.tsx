import { getTranslations } from "next-intl/server";
import { AsOfBanner } from "@/components/as-of/as-of-banner";
import { AsOfControl } from "@/components/as-of/as-of-control";
import { CumulativePanel } from "@/components/investment/cumulative-panel";
import { InvestmentShares } from "@/components/investment/investment-shares";
import { InvestmentTotals } from "@/components/investment/investment-totals";
import styles from "@/components/investment/investment.module.css";
import { RollupTable } from "@/components/investment/rollup-table";
import { YearForm } from "@/components/investment/year-form";
import { defaultYear, getInvestmentView } from "@/lib/data/investment";
import { parseAsOfParams } from "@/lib/validations/as-of";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata() {
  const t = await getTranslations("investment.page");
  return { title: t("title") };
}

/** 重大项目投资: the year's totals, the sides' shares, a roll-up by one dimension and the months against the plan. */
export default async function InvestmentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const selection = parseAsOfParams(params);
  const [view, t, tRoot] = await Promise.all([
    getInvestmentView(params, selection),
    getTranslations("investment.page"),
    getTranslations(),
  ]);
  const fallback = { year: t("fallbackYear", { year: view.year }), by: t("fallbackBy") };
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <AsOfControl selection={selection} />
      <AsOfBanner selection={selection} />
      <YearForm query={view} selection={selection} />
      {view.issues.length > 0 ? (
        <ul className={styles.issues} role="alert" data-testid="param-issues">
          {view.issues.map((issue) => (
            <li key={issue.param}>
              {t("invalidParam", { param: t(`params.${issue.param}`), value: issue.value })} {tRoot(issue.message)}{" "}
              {fallback[issue.param]}
            </li>
          ))}
        </ul>
      ) : null}
      {view.totals.items === 0 ? (
        <div className={`card ${styles.section}`} data-testid="empty-state">
          <p>
            <strong>{t("empty", { year: view.year })}</strong>
          </p>
          <p>{t("emptyHint")}</p>
        </div>
      ) : (
        <>
          <InvestmentTotals view={view} compare={selection.compare} />
          <InvestmentShares shares={view.shares} />
          <RollupTable view={view} defaultYear={defaultYear(selection)} selection={selection} />
          <CumulativePanel view={view} />
        </>
      )}
    </>
  );
}
