// The items columns (lib/report/item-columns.ts) as cell values, shared by the XLSX and CSV writers so both
// files hold the same values in the same order. Labels (status, confidence, level, yes/no) are in the
// report's language — the import reads labels in either language back.
import type { Locale } from "../i18n/locales";
import type { Translate } from "../i18n/translator";
import { ITEM_COLUMNS, type ItemColumn } from "../report/item-columns";
import type { ReportItem } from "../report/types";

export const columnHeader = (c: ItemColumn, locale: Locale) => (locale === "en" ? c.en : c.zh);
export const itemHeaders = (locale: Locale) => ITEM_COLUMNS.map((c) => columnHeader(c, locale));

/**
 * A cell value: text, number, a calendar date (YYYY-MM-DD), a moment (ISO), a progress 0–100, an amount of
 * 万元 as a decimal string ("12345.67"), a rate in percent as a decimal string ("85.3"), or empty. Amounts and
 * rates stay strings here: each writer turns the string itself into what its format stores.
 */
export type ItemCell =
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | { kind: "date"; value: string }
  | { kind: "moment"; value: string }
  | { kind: "percent"; value: number }
  | { kind: "amount"; value: string }
  | { kind: "rate"; value: string }
  | { kind: "empty" };

const text = (v: string | null): ItemCell => (v === null || v === "" ? { kind: "empty" } : { kind: "text", value: v });
const date = (v: string | null): ItemCell => (v === null ? { kind: "empty" } : { kind: "date", value: v });
const amount = (v: string | null): ItemCell => (v === null ? { kind: "empty" } : { kind: "amount", value: v });

export function itemCells(item: ReportItem, t: Translate): ItemCell[] {
  return ITEM_COLUMNS.map((c): ItemCell => {
    switch (c.key) {
      case "code":
        return { kind: "text", value: item.code };
      case "pillarNumber":
        return { kind: "number", value: item.pillarNumber };
      case "level":
        return { kind: "text", value: t(`level.${item.level}`) };
      case "title":
        return text(item.title);
      case "leadUnit":
        return text(item.leadUnit);
      case "coLeadUnit":
        return text(item.coLeadUnit);
      case "responsiblePerson":
        return text(item.responsiblePerson);
      case "status":
        return { kind: "text", value: t(`status.${item.status}`) };
      case "confidence":
        return item.confidence === null
          ? { kind: "empty" }
          : { kind: "text", value: t(`confidence.${item.confidence}`) };
      case "reportedProgress":
        return item.reportedProgress === null ? { kind: "empty" } : { kind: "percent", value: item.reportedProgress };
      case "progress":
        return item.rolledUp ? { kind: "percent", value: item.progress } : { kind: "empty" };
      case "startDate":
        return date(item.startDate);
      case "dueDate":
        return date(item.dueDate);
      case "originalDueDate":
        return date(item.originalDueDate);
      case "slippageDays":
        return item.slippageDays === null ? { kind: "empty" } : { kind: "number", value: item.slippageDays };
      case "overdue":
        return { kind: "text", value: t(item.overdue ? "reports.yes" : "reports.no") };
      case "lastUpdateAt":
        return item.lastUpdateAt === null ? { kind: "empty" } : { kind: "moment", value: item.lastUpdateAt };
      case "totalInvestment":
      case "plannedInvestment":
      case "completedInvestment":
        return amount(item[c.key]);
      case "investmentRate":
        return item.investmentRate === null ? { kind: "empty" } : { kind: "rate", value: item.investmentRate };
      case "version":
        return { kind: "number", value: item.version };
      case "changeNote":
        return { kind: "empty" };
      default:
        return text(String(item[c.key as keyof ReportItem] ?? ""));
    }
  });
}
