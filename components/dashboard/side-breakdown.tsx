import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSideAndRegionBreakdown, type Breakdown } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import styles from "./dashboard.module.css";
import { itemsHref, percent } from "./format";
import { Widget } from "./widget";

async function Table({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string;
  rows: (Breakdown & { label: string; href: string | null })[];
}) {
  const t = await getTranslations("dashboard");
  return (
    <div className={styles.tableWrap}>
      <table>
        <caption style={{ textAlign: "left", fontWeight: 600 }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className={styles.num}>
              {t("sides.items")}
            </th>
            <th scope="col" className={styles.num}>
              {t("sides.progress")}
            </th>
            <th scope="col" className={styles.num}>
              {t("sides.completed")}
            </th>
            <th scope="col" className={styles.num}>
              {t("sides.overdue")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">
                {r.href ? (
                  <Link href={r.href} data-count={r.items}>
                    {r.label}
                  </Link>
                ) : (
                  r.label
                )}
              </th>
              <td className={styles.num}>{r.items}</td>
              <td className={styles.num}>{percent(r.progress, t("noValue"))}</td>
              <td className={styles.num}>{r.completed}</td>
              <td className={styles.num}>{r.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function SideBreakdownPanel({ selection }: { selection: AsOfSelection }) {
  const [{ sides, regions }, t, tSide] = await Promise.all([
    getSideAndRegionBreakdown(selection),
    getTranslations("dashboard"),
    getTranslations("side"),
  ]);
  const sideRows = sides.map((s) => ({
    ...s,
    label: s.key === null ? t("sides.unassigned") : tSide(s.key as "SICHUAN"),
    href: s.key === null ? null : itemsHref({ level: "ACTION", side: s.key }, selection),
  }));
  const regionRows = regions.map((r) => ({
    ...r,
    label: r.key ?? "",
    href: itemsHref({ level: "ACTION", region: r.id }, selection),
  }));
  return (
    <Widget id="sides" title={t("sides.heading")} wide>
      <div className={styles.two}>
        <Table caption={t("sides.bySide")} head={t("sides.side")} rows={sideRows} />
        {regionRows.length === 0 ? (
          <p>{t("sides.empty")}</p>
        ) : (
          <Table caption={t("sides.byRegion")} head={t("sides.region")} rows={regionRows} />
        )}
      </div>
    </Widget>
  );
}
