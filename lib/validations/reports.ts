// zod schemas of the report forms (填报 and 审核) and of the review queue's URL parameters. FormData values arrive
// as strings; every message is a catalogue key.
import { z } from "zod";
import { idField, idParam, MAX_ID } from "./id";
import { optionalAmountField } from "./investment";
import { optionalText, progressUpdateSchema, versionField } from "./items";
import { BATCH_MAX, COMMENT_MAX, DOC_NUMBER_MAX } from "./report-limits";

export * from "./report-limits";
export const DECISIONS = ["approve", "return"] as const;
export const REVIEW_SIDES = ["SICHUAN", "CHONGQING"] as const;

/** An id that may be left empty (a new report has none). */
const optionalId = z
  .union([z.literal("").transform(() => null), idField], { error: "validation.unknownId" })
  .optional()
  .transform((v) => v ?? null);

/** A checkbox sent as "true" (checked: value="true"), "false" or not at all. */
const flag = z
  .enum(["true", "false"], { error: "validation.invalidChoice" })
  .optional()
  .transform((v) => v === "true");

/** The report form: the progress update's fields, the 文号, 申请销号, and which report at which revision. */
export const reportFormSchema = progressUpdateSchema
  .extend({
    reportId: optionalId,
    expectedRevision: z
      .union([z.literal("").transform(() => null), versionField], { error: "validation.required" })
      .optional()
      .transform((v) => v ?? null),
    docNumber: optionalText(DOC_NUMBER_MAX),
    closesItem: flag,
    /** 本月完成投资 (万元): counts toward 完成投资 once the report is approved */
    monthInvestment: optionalAmountField,
  })
  .superRefine((v, ctx) => {
    if (v.reportId !== null && v.expectedRevision === null)
      ctx.addIssue({ code: "custom", path: ["expectedRevision"], message: "validation.required" });
  });
export type ReportFormValues = z.infer<typeof reportFormSchema>;

/** Withdrawing a report: which one, at the revision the unit saw. */
export const withdrawSchema = z.object({
  reportId: idField,
  expectedRevision: versionField,
});

/** One reviewer's decision on one report, with an optional comment. */
export const decisionSchema = z.object({
  reportId: idField,
  expectedRevision: versionField,
  comment: optionalText(COMMENT_MAX),
});

/** Several decisions at once: "id:revision" pairs, approve or return, one optional comment for all. */
export const batchDecisionSchema = z.object({
  reports: z
    .array(z.string().regex(/^\d{1,10}:\d{1,10}$/, "validation.unknownId"))
    .min(1, "cycle.review.noneSelected")
    .max(BATCH_MAX, "validation.tooMany")
    .transform((pairs, ctx) => {
      const out = new Map<number, number>();
      for (const pair of pairs) {
        const [reportId, revision] = pair.split(":").map(Number) as [number, number];
        if (reportId < 1 || reportId > MAX_ID || revision < 1 || revision > MAX_ID) {
          ctx.addIssue({ code: "custom", message: "validation.unknownId" });
          return z.NEVER;
        }
        out.set(reportId, revision);
      }
      return [...out].map(([reportId, expectedRevision]) => ({ reportId, expectedRevision }));
    }),
  decision: z.enum(DECISIONS, { error: "validation.invalidChoice" }),
  comment: optionalText(COMMENT_MAX),
});

/** The review queue's URL parameters: each parsed on its own, a bad one ignored (and reported). */
export const reviewQueueParamSchemas = {
  unit: idParam,
  side: z.enum(REVIEW_SIDES, { message: "validation.invalidChoice" }),
};

export interface ReviewQueueFilters {
  unit: number | null;
  side: (typeof REVIEW_SIDES)[number] | null;
  /** the parameters that were given but not understood */
  invalid: (keyof typeof reviewQueueParamSchemas)[];
}

export function parseReviewQueueParams(sp: Record<string, string | string[] | undefined>): ReviewQueueFilters {
  const out: ReviewQueueFilters = { unit: null, side: null, invalid: [] };
  for (const key of ["unit", "side"] as const) {
    const raw = sp[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = reviewQueueParamSchemas[key].safeParse(value);
    if (!parsed.success) out.invalid.push(key);
    else if (key === "unit") out.unit = parsed.data as number;
    else out.side = parsed.data as ReviewQueueFilters["side"];
  }
  return out;
}
