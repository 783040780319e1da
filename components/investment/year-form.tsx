import { getTranslations } from "next-intl/server";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { INVESTMENT_YEARS } from "@/lib/validations/investment";
import { DEFAULT_DIMENSION, type InvestmentViewQuery } from "@/lib/validations/investment-view";
import styles from "./investment.module.css";

/** The year as a plain GET form (works without JavaScript); the view's other parameters ride along hidden. */
export async function YearForm({
  query,
  selection,
}: {
  query: InvestmentViewQuery;
  selection: Pick<AsOfSelection, "asOf" | "compare">;
}) {
  const t = await getTranslations("investment.page");
  const kept = [
    ["by", query.by === DEFAULT_DIMENSION ? null : query.by],
    ["asOf", selection.asOf],
    ["compare", selection.compare],
  ] as const;
  return (
    <form method="get" action="/investment" className={styles.yearForm} data-testid="year-form">
      {kept.map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label>
        <span>{t("yearLabel")}</span>
        <input
          type="number"
          name="year"
          defaultValue={query.year}
          min={INVESTMENT_YEARS[0]}
          max={INVESTMENT_YEARS[1]}
          step={1}
          required
          aria-describedby="year-hint"
        />
      </label>
      <button type="submit">{t("yearApply")}</button>
      <span id="year-hint" className="small muted">
        {t("yearHint")}
      </span>
    </form>
  );
}
