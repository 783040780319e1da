// The /investment page's own URL parameters (besides asOf/compare, lib/validations/as-of.ts): the year and the
// roll-up's dimension. Each is parsed on its own; a bad value is reported (the page says which and what it
// shows instead) and falls back to its default, so a hand-edited link answers with the page, never an error.
import { z } from "zod";
import { INVESTMENT_YEARS } from "./investment";

/** The dimensions of lib/queries/investment.ts queryInvestmentRollup, in the order the page offers them. */
export const ROLLUP_DIMENSIONS = ["pillar", "recommendation", "unit", "side", "region"] as const;
export type RollupDimensionParam = (typeof ROLLUP_DIMENSIONS)[number];
export const DEFAULT_DIMENSION: RollupDimensionParam = "pillar";

/** One schema per parameter, so each can fail alone. A year is four digits ("1e3" and "2026.0" are refused). */
export const investmentViewParamSchemas = {
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "investment.validation.year")
    .transform(Number)
    .refine((y) => y >= INVESTMENT_YEARS[0] && y <= INVESTMENT_YEARS[1], "investment.validation.year"),
  by: z.enum(ROLLUP_DIMENSIONS, { message: "validation.invalidChoice" }),
} as const;

export type InvestmentViewParam = keyof typeof investmentViewParamSchemas;

export interface InvestmentViewIssue {
  param: InvestmentViewParam;
  /** the value as received, shortened for display */
  value: string;
  /** message key */
  message: string;
}

type SearchParamValue = string | string[] | undefined;

export interface InvestmentViewQuery {
  year: number;
  by: RollupDimensionParam;
}

/** Reads `year` (default `defaultYear`) and `by` (default pillar) from a page's awaited searchParams. */
export function parseInvestmentViewParams(
  params: Record<string, SearchParamValue>,
  defaultYear: number,
): { query: InvestmentViewQuery; issues: InvestmentViewIssue[] } {
  const issues: InvestmentViewIssue[] = [];
  const read = <P extends InvestmentViewParam>(param: P): z.output<(typeof investmentViewParamSchemas)[P]> | null => {
    const v = params[param];
    const raw = Array.isArray(v) ? v[0] : v;
    if (raw === undefined || raw.trim() === "") return null;
    const parsed = investmentViewParamSchemas[param].safeParse(raw);
    if (parsed.success) return parsed.data as z.output<(typeof investmentViewParamSchemas)[P]>;
    issues.push({
      param,
      value: raw.slice(0, 40),
      message: parsed.error.issues[0]?.message ?? "validation.invalidChoice",
    });
    return null;
  };
  return { query: { year: read("year") ?? defaultYear, by: read("by") ?? DEFAULT_DIMENSION }, issues };
}
