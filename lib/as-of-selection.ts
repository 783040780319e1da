// What a page is showing: the portfolio live or as of a day, optionally compared with an earlier day. Read
// from the URL by lib/validations/as-of.ts; used by every layer that answers or shows an "as of" view.

export type AsOfParam = "asOf" | "compare";

export interface AsOfIssue {
  param: AsOfParam;
  /** message key, e.g. "asOf.errors.future" (namespaced, for useTranslations()/getTranslations()) */
  message: string;
  /** the value that was refused, to show back to the reader */
  value: string;
}

export interface AsOfSelection {
  /** the requested as-of day (YYYY-MM-DD), null for the live state */
  asOf: string | null;
  /** the requested comparison day, null for no comparison */
  compare: string | null;
  /** pass to itemStatesSql(): end of the as-of day in China, null = live */
  before: Date | null;
  /** end of the comparison day in China, null = no comparison */
  compareBefore: Date | null;
  /** the calendar day the view describes: asOf, or today in China (for overdue/stale judgements) */
  day: string;
  /** today in China when the parameters were read */
  today: string;
  issues: AsOfIssue[];
}

/**
 * `path` with `params` and the selected days (asOf, compare), so following the link stays "as of": the one way a
 * link to another as-of-aware page keeps both dates.
 */
export function withDates(
  path: string,
  selection: Pick<AsOfSelection, "asOf" | "compare">,
  params: Record<string, string> = {},
): string {
  const sp = new URLSearchParams(params);
  if (selection.asOf) sp.set("asOf", selection.asOf);
  if (selection.compare) sp.set("compare", selection.compare);
  return sp.size ? `${path}?${sp}` : path;
}
