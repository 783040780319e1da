import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getUnitAccountability } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import type { UnitSort, UnitSortKey } from "@/lib/validations/dashboard";
import styles from "./dashboard.module.css";
import { UnitsTable } from "./units-table";
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
  const columns: { key: UnitSortKey; label: string }[] = [
    { key: "name", label: t("units.unit") },
    { key: "items", label: t("units.items") },
    { key: "progress", label: t("units.progress") },
    { key: "overdue", label: t("units.overdue") },
    { key: "stale", label: t("units.stale") },
    { key: "days", label: t("units.daysSince") },
  ];
  return (
    <Widget id="units" title={t("units.heading")} wide>
      {units.length === 0 ? (
        <p>{t("units.empty")}</p>
      ) : (
        <div className={styles.tableWrap}>
          <UnitsTable
            rows={units.map((u) => [
              u.id,
              u.shortName ?? u.name,
              u.items,
              u.progress === null ? null : Number(u.progress.toFixed(1)),
              u.overdue,
              u.stale,
              u.daysSinceUpdate,
            ])}
            asOf={selection.asOf}
            caption={t("units.caption")}
            columns={columns.map((c) => ({
              label: c.label,
              href: sortHref(params, c.key, sort),
              ...(sort.key === c.key ? { sort: sort.dir === "asc" ? "ascending" : "descending" } : {}),
            }))}
            none={t("noValue")}
            never={t("units.never")}
            sortLinkClass={styles.sortLink!}
          />
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
