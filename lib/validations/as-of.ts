// The "as of" and "compared with" URL parameters shared by the dashboard, pillar, list and item pages.
// A bad value never breaks the page: it is dropped (the page shows the live state, or no comparison) and
// reported with a message key the page shows next to the date control.
import { z } from "zod";
import type { AsOfIssue, AsOfParam, AsOfSelection } from "../as-of-selection";
import { endOfDay, isIsoDate, todayInChina } from "../dates";
import { now as clockNow } from "../clock";

/** The earliest day the control accepts; the tracker holds nothing older. */
export const MIN_AS_OF_DATE = "2000-01-01";

/** A calendar day that is real, not before MIN_AS_OF_DATE and not after `today`. */
export function dayParamSchema(today: string) {
  return z
    .string()
    .trim()
    .refine(isIsoDate, "validation.invalidDate")
    .refine((d) => d >= MIN_AS_OF_DATE, "asOf.errors.tooEarly")
    .refine((d) => d <= today, "asOf.errors.future");
}

type SearchParamValue = string | string[] | undefined;

function first(value: SearchParamValue): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === "" ? undefined : v;
}

/**
 * Reads `asOf` and `compare` from a page's awaited searchParams. An as-of day equal to today means live
 * (the live state is the end of today so far). `compare` must be earlier than the as-of day (or than today).
 */
export function parseAsOfParams(params: Record<string, SearchParamValue>, now: Date = clockNow()): AsOfSelection {
  const today = todayInChina(now);
  const schema = dayParamSchema(today);
  const issues: AsOfIssue[] = [];
  const read = (param: AsOfParam): string | null => {
    const raw = first(params[param]);
    if (raw === undefined) return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    issues.push({
      param,
      message: parsed.error.issues[0]?.message ?? "validation.invalidDate",
      value: raw.slice(0, 40),
    });
    return null;
  };
  let asOf = read("asOf");
  if (asOf === today) asOf = null;
  let compare = read("compare");
  const day = asOf ?? today;
  if (compare !== null && compare >= day) {
    issues.push({ param: "compare", message: "asOf.errors.compareNotEarlier", value: compare });
    compare = null;
  }
  return {
    asOf,
    compare,
    before: asOf === null ? null : endOfDay(asOf),
    compareBefore: compare === null ? null : endOfDay(compare),
    day,
    today,
    issues,
  };
}
