import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatAmount } from "@/lib/money";
import type { FieldChange } from "@/lib/queries/item-view";

/** Calendar days are stored as DATE (ISO "YYYY-MM-DD"): format them in UTC so no time zone shifts the day. */
export async function dayFormatter() {
  const [format, t] = await Promise.all([getFormatter(), getTranslations("item")]);
  return (iso: string | null) =>
    iso ? format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : t("noValue");
}

/** Renders one side of a field change: enum keys translated, dates formatted, text as is. */
export async function changeValueFormatter() {
  const [format, t, tStatus, tConfidence, day, locale] = await Promise.all([
    getFormatter(),
    getTranslations("item"),
    getTranslations("status"),
    getTranslations("confidence"),
    dayFormatter(),
    getLocale(),
  ]);
  return (kind: FieldChange["kind"], value: string | null): string => {
    if (value === null) return t("empty");
    switch (kind) {
      case "status":
        return tStatus(value as never);
      case "confidence":
        return tConfidence(value as never);
      case "date":
        return day(value);
      case "datetime":
        return format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });
      case "money":
        return formatAmount(value, locale === "en" ? "en" : "zh-CN");
      default:
        return value;
    }
  };
}
