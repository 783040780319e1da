// Query parameters of the period pages and the forms of the cycle settings. Messages are catalogue keys.
import { z } from "zod";
import { PeriodKind, Side } from "../generated/prisma/enums";
import { isIsoDate } from "../dates";
import { FULFILMENT_FIGURES } from "../report/bulletin";
import { idField, parseId } from "./id";
import { PERIOD_LIMITS } from "./period-limits";

export { PERIOD_LIMITS };

/** The period page's obligation filter (?show=missing&side=SICHUAN&unit=12); anything unreadable is ignored. */
export const periodPageParamsSchema = z.object({
  show: z.enum(FULFILMENT_FIGURES).optional().catch(undefined),
  side: z.enum(Side).optional().catch(undefined),
  unit: idField.optional().catch(undefined),
});
export type PeriodPageParams = z.infer<typeof periodPageParamsSchema>;

export interface CompareIssue {
  param: "from" | "to";
  message:
    "periods.compare.notNumber" | "periods.compare.unknown" | "periods.compare.notClosed" | "periods.compare.same";
}

/** ?from=ID&to=ID: both absent (the page shows its form) or two different period ids. */
export function parseCompareParams(params: {
  from?: string | string[];
  to?: string | string[];
}): { ok: true; from: number | null; to: number | null } | { ok: false; issues: CompareIssue[] } {
  const issues: CompareIssue[] = [];
  const read = (param: "from" | "to"): number | null => {
    const raw = params[param];
    if (raw === undefined || raw === "") return null;
    const value = typeof raw === "string" ? parseId(raw) : null;
    if (value === null) issues.push({ param, message: "periods.compare.notNumber" });
    return value;
  };
  const from = read("from");
  const to = read("to");
  if (from !== null && from === to) issues.push({ param: "to", message: "periods.compare.same" });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, from, to };
}

export const closePeriodSchema = z.object({ periodId: idField });

export const cycleSettingsSchema = z.object({
  periodKind: z.enum(PeriodKind, "validation.invalidChoice"),
  // Decimal digits only: Number() would also read "0x10", "1e1" or " 12 " as a day.
  deadlineDay: z
    .string("validation.required")
    .trim()
    .regex(/^\d{1,2}$/, "periods.validation.deadlineDay")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 31, "periods.validation.deadlineDay"),
  // A checkbox: sent as "on" when ticked, absent otherwise ("true"/"false" from scripts).
  reviewRequired: z
    .enum(["on", "true", "false"], "validation.invalidChoice")
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type CycleSettingsInput = z.infer<typeof cycleSettingsSchema>;

const label = (max: number) =>
  z.string("validation.required").trim().min(1, "validation.required").max(max, "validation.tooLong");
/** YYYY-MM-DD, years 2000–2100, as the item forms take dates. */
const day = z.string("validation.required").transform((raw, ctx) => {
  const value = raw.trim();
  if (value === "") {
    ctx.addIssue({ code: "custom", message: "validation.required" });
    return z.NEVER;
  }
  if (!isIsoDate(value)) {
    ctx.addIssue({ code: "custom", message: "periods.validation.date" });
    return z.NEVER;
  }
  const year = Number(value.slice(0, 4));
  if (year < 2000 || year > 2100) {
    ctx.addIssue({ code: "custom", message: "validation.dateOutOfRange" });
    return z.NEVER;
  }
  return value;
});

export const customPeriodSchema = z
  .object({
    label: label(PERIOD_LIMITS.label),
    labelEn: label(PERIOD_LIMITS.labelEn),
    opensOn: day,
    deadline: day,
    closesOn: day,
  })
  .superRefine((v, ctx) => {
    if (v.deadline < v.opensOn)
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "periods.validation.deadlineBeforeOpen" });
    if (v.closesOn < v.deadline)
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "periods.validation.closeBeforeDeadline" });
  });
export type CustomPeriodInput = z.infer<typeof customPeriodSchema>;
