// Forms and query parameters of the chase: calendar entries, the chase's settings, 签收 and 反馈 of a 督办, and
// the 督办 list's filter. Messages are catalogue keys.
import { z } from "zod";
import { isIsoDate } from "../dates";
import { idField } from "./id";
import { CHASE_LIMITS, CHASE_SETTING_RANGES } from "./chase-limits";

/** YYYY-MM-DD, years 2000–2100. */
const day = z.string("validation.required").transform((raw, ctx) => {
  const value = raw.trim();
  if (value === "") {
    ctx.addIssue({ code: "custom", message: "validation.required" });
    return z.NEVER;
  }
  const year = Number(value.slice(0, 4));
  if (!isIsoDate(value) || year < 2000 || year > 2100) {
    ctx.addIssue({ code: "custom", message: "chase.validation.day" });
    return z.NEVER;
  }
  return value;
});

/** A checkbox: "on" when ticked, absent otherwise ("true"/"false" from scripts). */
const checkbox = z
  .enum(["on", "true", "false"], "validation.invalidChoice")
  .optional()
  .transform((v) => v === "on" || v === "true");

/** A whole number of days in [min, max], decimal digits only ("0x10", "1e1", " 12 " are refused). */
const days = (min: number, max: number) =>
  z
    .string("validation.required")
    .trim()
    .regex(/^\d{1,3}$/, "chase.validation.days")
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: "chase.validation.days" });

export const calendarEntrySchema = z.object({
  day,
  // a select: a working day or a day off
  workday: z.enum(["workday", "off"], "validation.invalidChoice").transform((v) => v === "workday"),
  name: z
    .string()
    .trim()
    .max(CHASE_LIMITS.calendarName, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : null)),
});
export type CalendarEntryInput = z.infer<typeof calendarEntrySchema>;

export const calendarRemoveSchema = z.object({ day });

export const chaseSettingsSchema = z.object({
  reminderWorkdays: days(...CHASE_SETTING_RANGES.reminderWorkdays),
  superviseWorkdays: days(...CHASE_SETTING_RANGES.superviseWorkdays),
  overdueDays: days(...CHASE_SETTING_RANGES.overdueDays),
  acknowledgeWorkdays: days(...CHASE_SETTING_RANGES.acknowledgeWorkdays),
  answerWorkdays: days(...CHASE_SETTING_RANGES.answerWorkdays),
  escalate: checkbox,
  noticePrefix: z
    .string("validation.required")
    .trim()
    .min(1, "validation.required")
    .max(CHASE_LIMITS.noticePrefix, "validation.tooLong")
    .regex(/^[\p{Script=Han}A-Za-z]+$/u, "chase.validation.prefix"),
});
export type ChaseSettingsInput = z.infer<typeof chaseSettingsSchema>;

export const acknowledgeSchema = z.object({ supervisionId: idField });

export const answerSchema = z.object({
  supervisionId: idField,
  answer: z
    .string("validation.required")
    .trim()
    .min(1, "validation.required")
    .max(CHASE_LIMITS.answer, "validation.tooLong"),
});
export type AnswerInput = z.infer<typeof answerSchema>;

export const SUPERVISION_FILTERS = ["unacknowledged", "unanswered", "answered", "escalated"] as const;
/** The 督办 list's ?state=…; anything unreadable is ignored. */
export const supervisionListParamsSchema = z.object({
  state: z.enum(SUPERVISION_FILTERS).optional().catch(undefined),
});

/** The formats a 督办通知单 is stored in (its download route answers 404 for any other). */
export const SUPERVISION_FILE_FORMATS = ["docx", "pdf"] as const;
