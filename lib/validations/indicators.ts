// zod schemas of the 指标 forms on the item page: an indicator's definition (add, edit), its removal, an actual
// value reported for a day, and the 关键指标 mark. A figure arrives as text and leaves as a canonical decimal
// string (lib/indicators.ts) — never a JavaScript number. Every message is a catalogue key naming what is wrong.
import { z } from "zod";
import { now } from "../clock";
import { isIsoDate, todayInChina } from "../dates";
import {
  DIRECTIONS,
  INDICATOR_NAME_MAX,
  INDICATOR_UNIT_MAX,
  parseFigure,
  TARGET_YEARS,
  targetFitsDirection,
} from "../indicators";
import { idField } from "./id";
import { versionField } from "./items";

/** A required figure: signed, at most 4 decimals and 14 integer digits. */
export const figureField = z.string("validation.required").transform((raw, ctx) => {
  if (raw.trim() === "") {
    ctx.addIssue({ code: "custom", message: "validation.required" });
    return z.NEVER;
  }
  const parsed = parseFigure(raw);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: `indicators.validation.${parsed.problem}` });
  return z.NEVER;
});

const requiredText = (max: number) =>
  z.string("validation.required").trim().min(1, "validation.required").max(max, "validation.tooLong");

const targetYearField = z
  .string("indicators.validation.targetYear")
  .trim()
  .regex(/^\d{4}$/, "indicators.validation.targetYear")
  .transform(Number)
  .refine((y) => y >= TARGET_YEARS[0] && y <= TARGET_YEARS[1], "indicators.validation.targetYear");

const directionField = z.enum(DIRECTIONS, "indicators.validation.direction");

/** The definition's fields, with the target on the better side of the baseline (said next to the target). */
const definition = {
  name: requiredText(INDICATOR_NAME_MAX),
  unit: requiredText(INDICATOR_UNIT_MAX),
  baseline: figureField,
  target: figureField,
  targetYear: targetYearField,
  direction: directionField,
};

type Definition = { baseline: string; target: string; direction: (typeof DIRECTIONS)[number] };

function targetOnBetterSide(v: Definition, ctx: z.RefinementCtx) {
  if (!targetFitsDirection(v.direction, v.baseline, v.target))
    ctx.addIssue({
      code: "custom",
      path: ["target"],
      message: v.direction === "HIGHER" ? "indicators.validation.targetAbove" : "indicators.validation.targetBelow",
    });
}

export const addIndicatorSchema = z.object({ itemId: idField, ...definition }).superRefine(targetOnBetterSide);
export type AddIndicatorInput = z.infer<typeof addIndicatorSchema>;

export const updateIndicatorSchema = z
  .object({ indicatorId: idField, expectedVersion: versionField, ...definition })
  .superRefine(targetOnBetterSide);
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorSchema>;

export const removeIndicatorSchema = z.object({ indicatorId: idField, expectedVersion: versionField });
export type RemoveIndicatorInput = z.infer<typeof removeIndicatorSchema>;

/** The day a value stands at: a calendar day from 2000 up to today (China), not in the future. */
const observedOnField = z.string("validation.required").transform((raw, ctx) => {
  const value = raw.trim();
  if (value === "") {
    ctx.addIssue({ code: "custom", message: "validation.required" });
    return z.NEVER;
  }
  if (!isIsoDate(value)) {
    ctx.addIssue({ code: "custom", message: "validation.invalidDate" });
    return z.NEVER;
  }
  if (value < "2000-01-01") {
    ctx.addIssue({ code: "custom", message: "validation.dateOutOfRange" });
    return z.NEVER;
  }
  if (value > todayInChina(now())) {
    ctx.addIssue({ code: "custom", message: "indicators.validation.future" });
    return z.NEVER;
  }
  return value;
});

export const reportIndicatorValueSchema = z.object({
  indicatorId: idField,
  observedOn: observedOnField,
  actual: figureField,
});
export type ReportIndicatorValueInput = z.infer<typeof reportIndicatorValueSchema>;

export const indicatorHeadlineSchema = z.object({
  indicatorId: idField,
  headline: z.enum(["true", "false"], "indicators.validation.headline").transform((v) => v === "true"),
});
export type IndicatorHeadlineInput = z.infer<typeof indicatorHeadlineSchema>;
