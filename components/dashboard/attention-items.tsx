import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getAttentionItems } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import styles from "./dashboard.module.css";
import { isoDay } from "@/lib/dates";
import { itemsHref, percent, withAsOf } from "./format";
import { Widget } from "./widget";
import { titleIn } from "@/lib/i18n/localized";
import { ITEM_STATUSES } from "@/lib/status";
import { CONFIDENCES } from "@/lib/validations/browse";
import { AttentionTable } from "./attention-table";

/** Overdue items (longest overdue first), then open items reported off track; the list's attention filter. */
export async function AttentionItemsPanel({ selection }: { selection: AsOfSelection }) {
  const [{ items, total }, t, tStatus, tConfidence, locale] = await Promise.all([
    getAttentionItems(selection),
    getTranslations("dashboard"),
    getTranslations("status"),
    getTranslations("confidence"),
    getLocale(),
  ]);
  return (
    <Widget id="attention" title={t("attention.heading")} wide>
      {items.length === 0 ? (
        <p>{t("attention.empty")}</p>
      ) : (
        <>
          <AttentionTable
            head={[
              t("attention.item"),
              t("attention.lead"),
              t("attention.due"),
              t("attention.daysOverdue"),
              t("attention.progress"),
              t("attention.status"),
            ]}
            rows={items.map((i) => [
              i.code,
              titleIn(i, locale),
              withAsOf(`/items/${i.code}`, selection),
              `${i.leadUnit ?? t("noValue")}${i.coLeadUnit ? ` / ${i.coLeadUnit}` : ""}`,
              isoDay(i.dueDate) ?? t("noValue"),
              i.daysOverdue === null ? t("attention.offTrack") : t("attention.days", { days: i.daysOverdue }),
              percent(i.progress, t("noValue")),
              i.status,
              i.confidence,
            ])}
            badges={{
              ...Object.fromEntries(ITEM_STATUSES.map((k) => [k, tStatus(k)])),
              ...Object.fromEntries(CONFIDENCES.map((k) => [k, tConfidence(k)])),
            }}
          />
          {total > items.length ? (
            <p className={styles.note}>
              <Link href={itemsHref({ level: "ACTION", attention: 1, sort: "due" }, selection)} data-count={total}>
                {t("attention.more", { total })}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </Widget>
  );
}
