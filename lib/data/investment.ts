import "server-only";
// Reads for the /investment page and the dashboard's investment card: the reader's permission first (the
// dashboard's), then the figures of lib/queries/investment.ts — the one definition of 总投资, 计划投资, 完成投资
// and 完成率 — for a year, live or as of the selected day, optionally against a comparison day. Amounts stay
// decimal strings (万元); the only arithmetic here is a row's difference between two days, in BigInt cents.
import type { AsOfSelection } from "../as-of-selection";
import { requirePermission } from "../auth/session";
import { readThrough } from "../cache/data-version";
import { now as clockNow } from "../clock";
import { db } from "../db";
import { fromCents, toCents } from "../money";
import {
  queryCumulativeByMonth,
  queryInvestmentChange,
  queryInvestmentRollup,
  queryInvestmentTotals,
  querySideShares,
  type InvestmentFigures,
  type MonthPoint,
  type RollupRow,
  type SideShares,
} from "../queries/investment";
import {
  parseInvestmentViewParams,
  type InvestmentViewIssue,
  type InvestmentViewQuery,
} from "../validations/investment-view";

export type { InvestmentFigures, MonthPoint, RollupRow, SideShares } from "../queries/investment";
export type { InvestmentViewIssue } from "../validations/investment-view";

type SearchParams = Record<string, string | string[] | undefined>;
type Moments = Pick<AsOfSelection, "before" | "compareBefore" | "day">;

export interface InvestmentRow extends RollupRow {
  /** 完成投资 now minus at the comparison day (万元, signed); null without a comparison */
  completedDelta: string | null;
}

export interface InvestmentView extends InvestmentViewQuery {
  issues: InvestmentViewIssue[];
  totals: InvestmentFigures;
  shares: SideShares;
  rows: InvestmentRow[];
  /** 完成投资 of the year cumulated month by month up to the moment (empty before the year begins) */
  months: MonthPoint[];
  /** the year's figures against the comparison day; null without one */
  change: { plannedDelta: string; completedDelta: string } | null;
}

/** The year a view shows by default: the year of the day it describes (the clock's year when live). */
export function defaultYear(selection: Pick<AsOfSelection, "day">): number {
  return Number(selection.day.slice(0, 4));
}

const momentKey = (m: Date | null) => m?.toISOString() ?? "live";

/** The page: totals, the sides' shares, the roll-up by the chosen dimension, the months, and the compare. */
export async function getInvestmentView(params: SearchParams, selection: Moments): Promise<InvestmentView> {
  await requirePermission("portfolio:read");
  const { query, issues } = parseInvestmentViewParams(params, defaultYear(selection));
  const { year, by } = query;
  const { before, compareBefore } = selection;
  const key = `investment:view:${year}:${by}:${momentKey(before)}:${compareBefore ? momentKey(compareBefore) : ""}`;
  const figures = await readThrough(key, compareBefore ? [before, compareBefore] : [before], async () => {
    const d = db();
    const [totals, shares, rows, months, change, thenRows] = await Promise.all([
      queryInvestmentTotals(d, before, year),
      querySideShares(d, before, year),
      queryInvestmentRollup(d, before, year, by),
      queryCumulativeByMonth(d, before, year, clockNow()),
      compareBefore ? queryInvestmentChange(d, before, compareBefore, year) : null,
      compareBefore ? queryInvestmentRollup(d, compareBefore, year, by) : null,
    ]);
    const then = new Map((thenRows ?? []).map((r) => [r.key, r.completed]));
    return {
      totals,
      shares,
      // A group with no figures at the comparison day had none: its change is all of today's.
      rows: rows.map((r) => ({
        ...r,
        completedDelta: thenRows ? fromCents(toCents(r.completed) - toCents(then.get(r.key) ?? "0")) : null,
      })),
      months,
      change: change ? { plannedDelta: change.plannedDelta, completedDelta: change.completedDelta } : null,
    };
  });
  return { ...query, issues, ...figures };
}

/** The dashboard's card: the year's totals at the dashboard's moment. */
export async function getInvestmentSummary(
  selection: Pick<AsOfSelection, "before" | "day">,
): Promise<{ year: number; totals: InvestmentFigures }> {
  await requirePermission("portfolio:read");
  const year = defaultYear(selection);
  const totals = await readThrough(`investment:totals:${year}:${momentKey(selection.before)}`, [selection.before], () =>
    queryInvestmentTotals(db(), selection.before, year),
  );
  return { year, totals };
}
