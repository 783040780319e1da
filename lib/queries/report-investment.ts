// The report's investment table: the scope's 计划投资, 完成投资 and 完成率 by pillar with the total, for the as-of
// day's year, read from the roll-up queries (lib/queries/investment.ts, the one definition of each figure) so
// the Word and PDF tables say exactly what the /investment page says. Amounts stay decimal strings (万元).
import type { Db } from "../prisma-client";
import type { ReportInvestment } from "../report/types";
import { queryInvestmentRollup, queryInvestmentTotals, type InvestmentFigures } from "./investment";

/** The scope's investment table (by pillar, with the total) for `year`: the roll-up queries, given the scope's items. */
export async function reportInvestment(
  d: Db,
  before: Date,
  year: number,
  ids: number[] | undefined,
  en: boolean,
): Promise<ReportInvestment> {
  const [pillars, total] = await Promise.all([
    queryInvestmentRollup(d, before, year, "pillar", ids),
    queryInvestmentTotals(d, before, year, ids),
  ]);
  const figures = ({ items, total, planned, completed, rate }: InvestmentFigures) => ({
    items,
    total,
    planned,
    completed,
    rate,
  });
  return {
    year,
    pillars: pillars.map((p) => ({
      number: Number(p.key),
      title: (en ? p.labelEn : p.label) ?? "",
      ...figures(p),
    })),
    total: figures(total),
  };
}
