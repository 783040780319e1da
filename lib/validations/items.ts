// zod schemas for the staff's item forms: progress updates, item fields, bulk status/confidence, milestones.
// FormData values arrive as strings; every message is a catalogue key (shared "validation" namespace), and
// each field's max length is known to the form, which passes {max} when it translates "validation.tooLong".
import { z } from "zod";
import { isIsoDate } from "../dates";
import { ITEM_STATUSES } from "../status";
import { idField } from "./id";
import {
  BULK_MAX,
  CONFIDENCES,
  EVIDENCE_MAX,
  MILESTONE_TITLE_MAX,
  NOTE_MAX,
  PERSON_MAX,
  REASON_MAX,
  TEXT_MAX,
  URL_MAX,
} from "./item-limits";

export * from "./item-limits";

/** A whole number written in a form field, with a range whose message names the field's own rule. */
function intField(min: number, max: number, rangeMessage: string) {
  return z.string({ error: "validation.required" }).transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") {
      ctx.addIssue({ code: "custom", message: "validation.required" });
      return z.NEVER;
    }
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) {
      ctx.addIssue({ code: "custom", message: "validation.notANumber" });
      return z.NEVER;
    }
    const n = Number(value);
    if (!Number.isInteger(n)) {
      ctx.addIssue({ code: "custom", message: "validation.notAnInteger" });
      return z.NEVER;
    }
    if (n < min || n > max) {
      ctx.addIssue({ code: "custom", message: rangeMessage });
      return z.NEVER;
    }
    return n;
  });
}

export const versionField = z.coerce
  .number({ error: "validation.required" })
  .int("validation.required")
  .positive("validation.required");

/** Optional free text: trimmed, empty means none. */
export function optionalText(max: number) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, "validation.tooLong"))
    .transform((v) => (v === "" ? null : v));
}

/** YYYY-MM-DD, years 2000–2100; empty means none. Dates are calendar days, kept as UTC midnight like Prisma's DATE. */
const optionalDate = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const value = (raw ?? "").trim();
    if (value === "") return null;
    if (!isIsoDate(value)) {
      ctx.addIssue({ code: "custom", message: "validation.invalidDate" });
      return z.NEVER;
    }
    const year = Number(value.slice(0, 4));
    if (year < 2000 || year > 2100) {
      ctx.addIssue({ code: "custom", message: "validation.dateOutOfRange" });
      return z.NEVER;
    }
    return new Date(`${value}T00:00:00Z`);
  });

const requiredDate = optionalDate.transform((d, ctx) => {
  if (d === null) {
    ctx.addIssue({ code: "custom", message: "validation.required" });
    return z.NEVER;
  }
  return d;
});

const httpUrl = z
  .string()
  .max(URL_MAX, "validation.invalidUrl")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "validation.invalidUrl");

/** One link per line; blank lines ignored. */
const evidenceLinks = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  )
  .pipe(z.array(httpUrl).max(EVIDENCE_MAX, "validation.tooMany"));

const idList = z
  .array(idField)
  .max(500, "validation.tooMany")
  .transform((ids) => [...new Set(ids)]);

export const progressUpdateSchema = z.object({
  itemId: idField,
  expectedVersion: versionField,
  status: z.enum(ITEM_STATUSES, { error: "validation.invalidChoice" }),
  progress: intField(0, 100, "validation.progressRange"),
  confidence: z.enum(CONFIDENCES, { error: "validation.invalidChoice" }),
  note: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(NOTE_MAX, "validation.tooLong"),
  nextSteps: optionalText(TEXT_MAX),
  blockers: optionalText(TEXT_MAX),
  evidenceLinks,
});
export type ProgressUpdateValues = z.infer<typeof progressUpdateSchema>;

export const itemEditSchema = z
  .object({
    itemId: idField,
    expectedVersion: versionField,
    responsiblePerson: optionalText(PERSON_MAX),
    startDate: optionalDate,
    dueDate: optionalDate,
    dueDateReason: optionalText(REASON_MAX),
    weight: intField(1, 100, "validation.weightRange"),
    regionIds: idList,
    conferenceIds: idList,
    /** present only in an administrator's form (hidden marker "assignUnits") */
    assignUnits: z.boolean(),
    leadUnitId: z.union([z.literal("").transform(() => null), idField], { error: "validation.unknownId" }).optional(),
    coLeadUnitId: z.union([z.literal("").transform(() => null), idField], { error: "validation.unknownId" }).optional(),
    supportingUnitIds: idList.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.dueDate && v.startDate > v.dueDate) {
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "validation.dateOrder" });
    }
  });
export type ItemEditValues = z.infer<typeof itemEditSchema>;

export const bulkUpdateSchema = z
  .object({
    /** "id:version" pairs, one per selected item */
    items: z
      .array(z.string().regex(/^\d{1,10}:\d{1,10}$/, "validation.unknownId"))
      .min(1, "editing.bulk.noneSelected")
      .max(BULK_MAX, "validation.tooMany")
      .transform((pairs) =>
        pairs.map((p) => {
          const [id, version] = p.split(":").map(Number) as [number, number];
          return { id, version };
        }),
      ),
    status: z
      .union([z.literal("").transform(() => null), z.enum(ITEM_STATUSES)], { error: "validation.invalidChoice" })
      .optional(),
    confidence: z
      .union([z.literal("").transform(() => null), z.enum(CONFIDENCES)], { error: "validation.invalidChoice" })
      .optional(),
    /** the reports' note (说明); empty: the one each report already has, else a note saying where it came from */
    note: optionalText(NOTE_MAX),
  })
  .superRefine((v, ctx) => {
    if (!v.status && !v.confidence)
      ctx.addIssue({ code: "custom", path: ["status"], message: "editing.bulk.nothingToChange" });
  });
export type BulkUpdateValues = z.infer<typeof bulkUpdateSchema>;

export const addMilestoneSchema = z.object({
  itemId: idField,
  title: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(MILESTONE_TITLE_MAX, "validation.tooLong"),
  plannedDate: requiredDate,
});

export const milestoneRefSchema = z.object({
  itemId: idField,
  milestoneId: idField,
});
