import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getUnitAccountability } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import type { UnitSort, UnitSortKey } from "@/lib/validations/dashboard";
import styles from "./dashboard.module.css";
import { itemsHref, percent } from "./format";
import { Widget } from "./widget";

type Params = Record<string, string | string[] | undefined>;

/** The dashboard URL with a new sort, keeping every other parameter (as-of, compare). */
function sortHref(params: Params, key: UnitSortKey, current: UnitSort): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (k === "unitSort" || k === "unitDir" || v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) next.append(k, value);
  }
  const dir = current.key === key ? (current.dir === "asc" ? "desc" : "asc") : key === "name" ? "asc" : "desc";
  next.set("unitSort", key);
  next.set("unitDir", dir);
  return `/?${next}#units-heading`;
}

/** Rows shown before "show all": at scale there are hundreds of lead units, and leadership reads the top. */
export const UNIT_ROWS = 25;

/** The dashboard URL with every parameter kept and `units=all` set or removed. */
function allHref(params: Params, all: boolean): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (k === "units" || v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) next.append(k, value);
  }
  if (all) next.set("units", "all");
  const query = next.toString();
  return `/${query ? `?${query}` : ""}#units-heading`;
}

export async function UnitAccountabilityPanel({
  selection,
  sort,
  params,
}: {
  selection: AsOfSelection;
  sort: UnitSort;
  params: Params;
}) {
  const [allUnits, t] = await Promise.all([getUnitAccountability(selection, sort), getTranslations("dashboard")]);
  const showAll = params.units === "all";
  const units = showAll ? allUnits : allUnits.slice(0, UNIT_ROWS);
  const columns: { key: UnitSortKey; label: string; numeric: boolean }[] = [
    { key: "name", label: t("units.unit"), numeric: false },
    { key: "items", label: t("units.items"), numeric: true },
    { key: "progress", label: t("units.progress"), numeric: true },
    { key: "overdue", label: t("units.overdue"), numeric: true },
    { key: "stale", label: t("units.stale"), numeric: true },
    { key: "days", label: t("units.daysSince"), numeric: true },
  ];
  // The row counts the unit's own lead actions (not those it co-leads): so do the lists its links open.
  const unitItemsHref = (unit: number, flag?: "overdue" | "stale") =>
    itemsHref({ level: "ACTION", unit, leadOnly: 1, ...(flag ? { [flag]: 1 } : {}) }, selection);
  const countLink = (unit: number, count: number, flag: "overdue" | "stale") =>
    count > 0 ? (
      <Link href={unitItemsHref(unit, flag)} data-count={count}>
        {count}
      </Link>
    ) : (
      0
    );
  return (
    <Widget id="units" title={t("units.heading")} wide>
      {units.length === 0 ? (
        <p>{t("units.empty")}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table>
            <caption className="small muted" style={{ textAlign: "left" }}>
              {t("units.caption")}
            </caption>
            <thead>
              <tr>
                {columns.map((c) => {
                  const active = sort.key === c.key;
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      className={c.numeric ? styles.num : undefined}
                      aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                    >
                      <Link href={sortHref(params, c.key, sort)} className={styles.sortLink} scroll={false}>
                        {c.label}
                        {active ? (sort.dir === "asc" ? " ▲" : " ▼") : ""}
                      </Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id} data-testid="unit-row">
                  <th scope="row">
                    <Link href={unitItemsHref(u.id)} data-count={u.items}>
                      {u.shortName ?? u.name}
                    </Link>
                  </th>
                  <td className={styles.num}>{u.items}</td>
                  <td className={styles.num}>{percent(u.progress, t("noValue"))}</td>
                  <td className={styles.num}>{countLink(u.id, u.overdue, "overdue")}</td>
                  <td className={styles.num}>{countLink(u.id, u.stale, "stale")}</td>
                  <td className={styles.num}>{u.daysSinceUpdate === null ? t("units.never") : u.daysSinceUpdate}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {allUnits.length > UNIT_ROWS ? (
            <p className="small">
              <Link
                href={allHref(params, !showAll)}
                scroll={false}
                data-testid="units-toggle"
                data-count={showAll ? UNIT_ROWS : allUnits.length}
                data-count-rows="unit-row"
              >
                {showAll ? t("units.showTop", { count: UNIT_ROWS }) : t("units.showAll", { count: allUnits.length })}
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </Widget>
  );
}
