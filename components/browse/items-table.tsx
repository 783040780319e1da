import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ItemRow } from "@/lib/queries/items-list";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { browseSearch, type BrowseQuery, type SortKey } from "@/lib/validations/browse";
import { withDates, type AsOfSelection } from "@/lib/as-of-selection";
import { DueCell, StatusCells } from "./status-cells";
import styles from "./browse.module.css";
import { titleIn } from "@/lib/i18n/localized";

/** Link to an item page that keeps the selected dates, so drilling down stays "as of". */
export function itemHref(code: string, asOf: AsOfSelection): string {
  return withDates(`/items/${code}`, asOf);
}

export async function ItemsTable({ rows, query, asOf }: { rows: ItemRow[]; query: BrowseQuery; asOf: AsOfSelection }) {
  const [t, tStatus, tSide, format, locale] = await Promise.all([
    getTranslations("browse"),
    getTranslations("status"),
    getTranslations("side"),
    getFormatter(),
    getLocale(),
  ]);
  const comparing = asOf.compare !== null;
  const dates = { asOf: asOf.asOf ?? undefined, compare: asOf.compare ?? undefined };
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : t("notSet"));
  const pct = (v: number | null) => (v === null ? t("notSet") : `${Math.round(v)}%`);

  // Column headers sort: the active column toggles its direction, another column starts ascending.
  const sortHeader = (key: SortKey, label: string) => {
    const active = query.sort === key;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    const href = `/items${browseSearch({ ...query, sort: key, dir, page: 1 }, dates)}`;
    return (
      <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={href} className={styles.sortLink} aria-label={t("sortBy", { column: label })}>
          {label}
          {active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
        </Link>
      </th>
    );
  };

  return (
    <div className={styles.scroller} role="region" aria-label={t("tableLabel")} tabIndex={0}>
      <table className={styles.table} data-testid="items-table">
        <thead>
          <tr>
            {sortHeader("code", t("columns.code"))}
            <th scope="col">{t("columns.title")}</th>
            {sortHeader("lead", t("columns.lead"))}
            <th scope="col">{t("columns.status")}</th>
            {sortHeader("progress", t("columns.progress"))}
            {sortHeader("due", t("columns.due"))}
            {sortHeader("updated", t("columns.updated"))}
            <th scope="col">{t("columns.flags")}</th>
            {comparing && (
              <>
                <th scope="col">{t("columns.progressChange")}</th>
                <th scope="col">{t("columns.statusChange")}</th>
                <th scope="col">{t("columns.dueChange")}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const delta =
              r.compareExists && r.progress !== null
                ? Math.round(r.progress) - Math.round(r.compareProgress ?? 0)
                : null;
            const dueChanged =
              r.compareExists && (r.compareDueDate?.getTime() ?? null) !== (r.dueDate?.getTime() ?? null);
            return (
              <tr key={r.id} data-code={r.code}>
                <td className={styles.code}>{r.code}</td>
                <td className={styles.titleCell}>
                  <Link href={itemHref(r.code, asOf)}>{titleIn(r, locale)}</Link>
                </td>
                <td className={styles.unitCell}>
                  {r.leadUnitName ?? t("notSet")}
                  {r.side && (
                    <span className={styles.sub}>
                      {tSide(r.side as never)}
                      {r.coLeadUnitName ? ` · ${r.coLeadUnitName}` : ""}
                    </span>
                  )}
                </td>
                <StatusCells row={r} progressLabel={t("columns.progress")} notSet={t("notSet")} />
                <DueCell due={day(r.dueDate)} light={r.light} />
                <td className={styles.num}>
                  {r.lastUpdateAt ? format.dateTime(r.lastUpdateAt, { dateStyle: "medium" }) : t("notSet")}
                </td>
                <td>
                  {r.overdue && <span className={`${styles.flag} ${styles.overdue}`}>{t("overdueFlag")}</span>}
                  {r.stale && <span className={`${styles.flag} ${styles.stale}`}>{t("staleFlag")}</span>}
                </td>
                {comparing && (
                  <>
                    <td className={styles.num} data-testid="progress-change">
                      {!r.compareExists ? (
                        t("newItem")
                      ) : delta === null || delta === 0 ? (
                        t("noChange")
                      ) : (
                        <span className={delta > 0 ? styles.up : styles.down}>
                          {pct(r.compareProgress)} → {pct(r.progress)} ({delta > 0 ? "+" : ""}
                          {delta})
                        </span>
                      )}
                    </td>
                    <td data-testid="status-change">
                      {r.compareExists && r.compareStatus !== r.status
                        ? `${tStatus(r.compareStatus as ItemStatus)} → ${tStatus(r.status as ItemStatus)}`
                        : r.compareExists
                          ? t("noChange")
                          : t("newItem")}
                    </td>
                    <td className={styles.num}>
                      {dueChanged
                        ? `${day(r.compareDueDate)} → ${day(r.dueDate)}`
                        : r.compareExists
                          ? t("noChange")
                          : t("newItem")}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
