import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { getAttentionItems } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import styles from "./dashboard.module.css";
import { isoDay } from "@/lib/dates";
import { itemsHref, percent, withAsOf } from "./format";
import { Widget } from "./widget";
import { ItemLink } from "@/components/ui/item-link";

/** Overdue items (longest overdue first), then open items reported off track; the list's attention filter. */
export async function AttentionItemsPanel({ selection }: { selection: AsOfSelection }) {
  const [{ items, total }, t, locale] = await Promise.all([
    getAttentionItems(selection),
    getTranslations("dashboard"),
    getLocale(),
  ]);
  return (
    <Widget id="attention" title={t("attention.heading")} wide>
      {items.length === 0 ? (
        <p>{t("attention.empty")}</p>
      ) : (
        <>
          <div className={styles.tableWrap}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("attention.item")}</th>
                  <th scope="col">{t("attention.lead")}</th>
                  <th scope="col">{t("attention.due")}</th>
                  <th scope="col" className={styles.num}>
                    {t("attention.daysOverdue")}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t("attention.progress")}
                  </th>
                  <th scope="col">{t("attention.status")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.code}>
                    <td>
                      <ItemLink item={i} locale={locale} href={withAsOf(`/items/${i.code}`, selection)} />
                    </td>
                    <td>
                      {i.leadUnit ?? t("noValue")}
                      {i.coLeadUnit ? ` / ${i.coLeadUnit}` : ""}
                    </td>
                    <td>{isoDay(i.dueDate) ?? t("noValue")}</td>
                    <td className={styles.num}>
                      {i.daysOverdue === null ? t("attention.offTrack") : t("attention.days", { days: i.daysOverdue })}
                    </td>
                    <td className={styles.num}>{percent(i.progress, t("noValue"))}</td>
                    <td>
                      <StatusBadge status={i.status} /> <ConfidenceBadge confidence={i.confidence} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
