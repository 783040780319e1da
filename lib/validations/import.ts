// zod schema for one data row of an imported items file (lib/import/parse.ts turns each cell into a string
// first: dates as YYYY-MM-DD, XLSX percentages as 0–100, XLSX amounts as plain decimals). Every message is a catalogue key; parse.ts maps the
// issue's path back to the file's column header so each problem names its row and column.
import { z } from "zod";
import { isIsoDate } from "../dates";
import enCommon from "../i18n/messages/en/common.json";
import zhCommon from "../i18n/messages/zh-CN/common.json";
import { ITEM_STATUSES } from "../status";
import { CONFIDENCES, PERSON_MAX, REASON_MAX, TEXT_MAX } from "./item-limits";
import { optionalAmountField } from "./investment";

/** Largest file accepted (the form says so, and next.config.ts lets server actions carry it). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** More rows than the whole portfolio has items: anything bigger is not an export of this system. */
export const IMPORT_MAX_ROWS = 2000;
/** Any cell longer than this is refused (the longest real value, an item title, is far shorter). */
export const IMPORT_CELL_MAX = TEXT_MAX;
export const IMPORT_CODE_MAX = 50;

/** Enum code, zh-CN label or English label (case-insensitive) → code. */
function choices<T extends string>(
  codes: readonly T[],
  zh: Record<string, string>,
  en: Record<string, string>,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(code.toLowerCase(), code);
    if (zh[code]) map.set(zh[code].toLowerCase(), code);
    if (en[code]) map.set(en[code].toLowerCase(), code);
  }
  return map;
}
const STATUS_BY_TEXT = choices(ITEM_STATUSES, zhCommon.status, enCommon.status);
const CONFIDENCE_BY_TEXT = choices(CONFIDENCES, zhCommon.confidence, enCommon.confidence);

const cell = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim());

function optionalText(max: number) {
  return cell.pipe(z.string().max(max, "validation.tooLong")).transform((v) => (v === "" ? null : v));
}

function choice<T extends string>(map: Map<string, T>, required: boolean) {
  return cell.transform((v, ctx): T | null => {
    if (v === "") {
      if (required) ctx.addIssue({ code: "custom", message: "validation.required" });
      return null;
    }
    const found = map.get(v.toLowerCase());
    if (!found) {
      ctx.addIssue({ code: "custom", message: "validation.invalidChoice" });
      return z.NEVER;
    }
    return found;
  });
}

/** YYYY-MM-DD (also YYYY/M/D, which Excel and WPS write when they re-save a CSV), years 2000–2100. */
const optionalDate = cell.transform((v, ctx): string | null => {
  if (v === "") return null;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : v;
  if (!isIsoDate(iso)) {
    ctx.addIssue({ code: "custom", message: "validation.invalidDate" });
    return z.NEVER;
  }
  const year = Number(iso.slice(0, 4));
  if (year < 2000 || year > 2100) {
    ctx.addIssue({ code: "custom", message: "validation.dateOutOfRange" });
    return z.NEVER;
  }
  return iso;
});

/** 0–100, whole numbers; "45%" is read as 45. Empty = no progress reported. */
const progress = cell.transform((v, ctx): number | null => {
  if (v === "") return null;
  const raw = v.endsWith("%") ? v.slice(0, -1).trim() : v;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw)) {
    ctx.addIssue({ code: "custom", message: "validation.notANumber" });
    return z.NEVER;
  }
  // Percent cells are stored as fractions; ×100 leaves float noise (0.07 × 100 = 7.000000000000001).
  const n = Math.round(Number(raw) * 1e6) / 1e6;
  if (n < 0 || n > 100) {
    ctx.addIssue({ code: "custom", message: "validation.progressRange" });
    return z.NEVER;
  }
  if (!Number.isInteger(n)) {
    ctx.addIssue({ code: "custom", message: "validation.notAnInteger" });
    return z.NEVER;
  }
  return n;
});

const version = cell.transform((v, ctx): number => {
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1) {
    ctx.addIssue({ code: "custom", message: v === "" ? "validation.required" : "validation.notAnInteger" });
    return z.NEVER;
  }
  return Number(v);
});

/** Read-only context: kept as text to report a changed cell as "not imported"; only its length is checked. */
const context = optionalText(IMPORT_CELL_MAX);

export const importRowSchema = z
  .object({
    code: cell.pipe(z.string().min(1, "validation.required").max(IMPORT_CODE_MAX, "validation.tooLong")),
    pillarNumber: context,
    level: context,
    title: context,
    leadUnit: context,
    coLeadUnit: context,
    responsiblePerson: optionalText(PERSON_MAX),
    status: choice(STATUS_BY_TEXT, true),
    confidence: choice(CONFIDENCE_BY_TEXT, false),
    reportedProgress: progress,
    progress: context,
    startDate: optionalDate,
    dueDate: optionalDate,
    originalDueDate: context,
    slippageDays: context,
    overdue: context,
    // 万元, exact: parsed from the cell's text into a canonical decimal string (lib/money.ts parseAmount).
    totalInvestment: optionalAmountField,
    plannedInvestment: optionalAmountField,
    completedInvestment: optionalAmountField,
    investmentRate: context,
    lastUpdateAt: context,
    version,
    changeNote: optionalText(REASON_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.dueDate && v.startDate > v.dueDate)
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "validation.dateOrder" });
  });

export type ImportRowValues = z.infer<typeof importRowSchema>;
