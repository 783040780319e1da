// The one way an item's investment figures change: 总投资 and the sides' shares (columns of items), and per year
// 计划投资 and 完成投资 (item_investment_years). Every change goes through changeItem, so the item's version moves
// and item_history records the new figures (snapshot: decimal strings) in the same transaction — the "as of"
// views and the compare read them from there. Amounts are decimal strings throughout; arithmetic happens in
// PostgreSQL (NUMERIC), never on JavaScript numbers.
import { Prisma } from "../generated/prisma/client";
import { todayInChina } from "../dates";
import { failure } from "../forms/result";
import type { Actor } from "../permissions";
import type { InvestmentTotals } from "../validations/investment";
import { Refusal } from "./failure";
import {
  changeItem,
  VersionConflictError,
  type ChangeRequest,
  type ChangeResult,
  type ItemFields,
} from "./item-change";
import { loadItemForWriting } from "./item-scope";
import { amountText } from "../money";

type Tx = Prisma.TransactionClient;

/** One year's figures as a form or an import row gives them (null: not given; both null: the year removed). */
export interface YearFigures {
  year: number;
  planned: string | null;
  completed: string | null;
}

/** A decimal string as Prisma's Decimal (exact: built from the string, not from a number). */
export function decimal(amount: string | null): Prisma.Decimal | null {
  return amount === null ? null : new Prisma.Decimal(amount);
}

const canonical = (amount: string | null) => (amount === null ? null : amountText(amount));

const same = (a: Prisma.Decimal | null | undefined, b: string | null) =>
  (a === null || a === undefined ? null : amountText(a)) === b;

/**
 * The writes that make the item's year rows say `given` (only the years given; others stay), or null when they
 * already do, so a save that changes nothing writes no history.
 */
export async function yearsMutation(
  tx: Tx,
  itemId: number,
  given: readonly YearFigures[],
): Promise<((tx: Tx) => Promise<void>) | null> {
  if (given.length === 0) return null;
  // Compared and written in canonical form ("200000.0" is "200000.00"), so an equal amount is no change.
  const years = given.map((y) => ({ year: y.year, planned: canonical(y.planned), completed: canonical(y.completed) }));
  const rows = await tx.itemInvestmentYear.findMany({ where: { itemId, year: { in: years.map((y) => y.year) } } });
  const current = new Map(rows.map((r) => [r.year, r]));
  const changed = years.filter((y) => {
    const row = current.get(y.year);
    return !(same(row?.planned, y.planned) && same(row?.completed, y.completed));
  });
  if (changed.length === 0) return null;
  return async (t) => {
    for (const y of changed) {
      if (y.planned === null && y.completed === null) {
        await t.itemInvestmentYear.deleteMany({ where: { itemId, year: y.year } });
      } else {
        await t.itemInvestmentYear.upsert({
          where: { itemId_year: { itemId, year: y.year } },
          create: { itemId, year: y.year, planned: y.planned, completed: y.completed },
          update: { planned: y.planned, completed: y.completed },
        });
      }
    }
  };
}

export interface InvestmentInput extends InvestmentTotals {
  itemId: number;
  expectedVersion: number;
  year: number;
  planned: string | null;
  completed: string | null;
}

/** The item fields of 总投资 and the sides' shares. */
const TOTAL_KEYS = ["totalInvestment", "sichuanShare", "chongqingShare"] as const;

/**
 * What makes an item's investment say `totals` (those given; an omitted one stays) and `years` (only those
 * years): the fields and the year rows' writes for ONE changeItem, so the new figures and the history row that
 * records them share its transaction. The item page's form and the import both write through here.
 */
export async function investmentChange(
  tx: Tx,
  itemId: number,
  totals: Partial<InvestmentTotals>,
  years: readonly YearFigures[],
): Promise<Pick<ChangeRequest, "fields" | "mutate">> {
  const fields: ItemFields = {};
  for (const key of TOTAL_KEYS) {
    const value = totals[key];
    if (value !== undefined) fields[key] = decimal(value);
  }
  const mutate = await yearsMutation(tx, itemId, years);
  return mutate ? { fields, mutate } : { fields };
}

/**
 * The item page's investment form: 总投资, the shares and one year's figures, with the item's permission
 * (item:update on its units) and optimistic concurrency (a stale version is a VersionConflictError).
 */
export async function setInvestment(
  tx: Tx,
  actor: Actor,
  input: InvestmentInput,
): Promise<ChangeResult & { code: string }> {
  const item = await loadItemForWriting(tx, actor, "item:update", input.itemId);
  if (item.version !== input.expectedVersion)
    throw new VersionConflictError(item.id, input.expectedVersion, item.version);
  const level = await tx.item.findUniqueOrThrow({ where: { id: item.id }, select: { level: true } });
  if (level.level !== "ACTION") throw new Refusal(failure("invalid", "investment.errors.notAction"));
  const change = await investmentChange(
    tx,
    item.id,
    { totalInvestment: input.totalInvestment, sichuanShare: input.sichuanShare, chongqingShare: input.chongqingShare },
    [{ year: input.year, planned: input.planned, completed: input.completed }],
  );
  const result = await changeItem(
    tx,
    item.id,
    { action: "UPDATE", expectedVersion: input.expectedVersion, ...change },
    { actorId: actor.id },
  );
  return { ...result, code: item.code };
}

/** The year a report's 本月完成投资 counts for: its period's (the year it opened in), else the day it was decided. */
export async function reportYear(tx: Tx, report: { periodId: number | null }, at: Date): Promise<number> {
  if (report.periodId !== null) {
    const period = await tx.reportingPeriod.findUnique({ where: { id: report.periodId }, select: { opensOn: true } });
    if (period) return period.opensOn.getUTCFullYear();
  }
  return Number(todayInChina(at).slice(0, 4));
}

/**
 * Adds an approved report's 本月完成投资 to its item's 完成投资 of `year`, in SQL (NUMERIC + NUMERIC). Run as the
 * `mutate` of the approval's changeItem, so the history row written with it carries the new total.
 */
export function addCompleted(itemId: number, year: number, amount: string): (tx: Tx) => Promise<void> {
  return async (tx) => {
    await tx.$executeRaw`
      INSERT INTO item_investment_years (item_id, year, completed) VALUES (${itemId}, ${year}, ${amount}::numeric)
      ON CONFLICT (item_id, year)
      DO UPDATE SET completed = coalesce(item_investment_years.completed, 0) + EXCLUDED.completed`;
  };
}
