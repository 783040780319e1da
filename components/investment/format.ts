// Display helpers of the /investment page and the dashboard's card (server side).
import type { AsOfSelection } from "@/lib/as-of-selection";
import { formatAmount, type AmountLike, type MoneyLocale } from "@/lib/money";
import type { InvestmentViewQuery } from "@/lib/validations/investment-view";
import { DEFAULT_DIMENSION } from "@/lib/validations/investment-view";

export function moneyLocale(locale: string): MoneyLocale {
  return locale === "en" ? "en" : "zh-CN";
}

/** A headline amount: in 亿元 (zh-CN), as the totals of Chinese investment reports are written. */
export function yi(amount: AmountLike | null, locale: MoneyLocale): string {
  return formatAmount(amount, locale, "yi");
}

/**
 * The /investment page for these choices, keeping the view's days: only what differs from the defaults, so a
 * link reads as short as the view it opens.
 */
export function investmentHref(
  query: InvestmentViewQuery,
  defaultYear: number,
  selection: Pick<AsOfSelection, "asOf" | "compare">,
  hash = "",
): string {
  const params = new URLSearchParams();
  if (query.year !== defaultYear) params.set("year", String(query.year));
  if (query.by !== DEFAULT_DIMENSION) params.set("by", query.by);
  if (selection.asOf) params.set("asOf", selection.asOf);
  if (selection.compare) params.set("compare", selection.compare);
  const search = params.toString();
  return `/investment${search ? `?${search}` : ""}${hash}`;
}
