// zod schemas of the investment figures: the item page's investment form, the report form's 本月完成投资 and
// the import's amount cells. An amount arrives as text and leaves as a canonical decimal string ("1234.50") —
// never a JavaScript number. Every message is a catalogue key naming what is wrong with the field.
import { z } from "zod";
import { parseAmount, toCents } from "../money";
import { idField } from "./id";
import { versionField } from "./items";

/** The years an investment plan may be given for. */
export const INVESTMENT_YEARS = [2000, 2100] as const;

/** An amount of 万元, required: non-negative, at most 2 decimals and 16 integer digits. */
export const amountField = z.string("investment.validation.format").transform((raw, ctx) => {
  const parsed = parseAmount(raw);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: `investment.validation.${parsed.problem}` });
  return z.NEVER;
});

/** An amount that may be left empty (null: not given). */
export const optionalAmountField = z
  .string("investment.validation.format")
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === "") return null;
    const parsed = parseAmount(raw);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: `investment.validation.${parsed.problem}` });
    return z.NEVER;
  });

export const yearField = z.coerce
  .number("investment.validation.year")
  .int("investment.validation.year")
  .min(INVESTMENT_YEARS[0], "investment.validation.year")
  .max(INVESTMENT_YEARS[1], "investment.validation.year");

/** 总投资 and the two sides' shares: shares both or neither, only with a total, adding up to it exactly. */
export interface InvestmentTotals {
  totalInvestment: string | null;
  sichuanShare: string | null;
  chongqingShare: string | null;
}

/** The problems of a set of totals, by field (each a catalogue key); empty when they hold together. */
export function totalsProblems(v: InvestmentTotals): { field: keyof InvestmentTotals; message: string }[] {
  const { totalInvestment: total, sichuanShare: sc, chongqingShare: cq } = v;
  if (sc === null && cq === null) return [];
  if (sc === null) return [{ field: "sichuanShare", message: "investment.validation.sharesBoth" }];
  if (cq === null) return [{ field: "chongqingShare", message: "investment.validation.sharesBoth" }];
  if (total === null) return [{ field: "totalInvestment", message: "investment.validation.sharesNeedTotal" }];
  if (toCents(sc) + toCents(cq) !== toCents(total))
    return [
      { field: "sichuanShare", message: "investment.validation.sharesSum" },
      { field: "chongqingShare", message: "investment.validation.sharesSum" },
    ];
  return [];
}

/** The item page's investment form: 总投资 and shares, and one year's 计划投资 and 完成投资. */
export const investmentFormSchema = z
  .object({
    itemId: idField,
    expectedVersion: versionField,
    totalInvestment: optionalAmountField,
    sichuanShare: optionalAmountField,
    chongqingShare: optionalAmountField,
    year: yearField,
    planned: optionalAmountField,
    completed: optionalAmountField,
  })
  .superRefine((v, ctx) => {
    for (const p of totalsProblems(v)) ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
  });
export type InvestmentFormValues = z.infer<typeof investmentFormSchema>;

/** /investment?year=YYYY: an unreadable year is ignored (the current year). */
export const investmentPageParamsSchema = z.object({ year: yearField.optional().catch(undefined) });
