import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDistributions } from "@/lib/data/dashboard";
import { ITEM_STATUSES } from "@/lib/status";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { ChartTable } from "@/components/ui/chart-table";
import { LazyDistributionChart } from "./charts/lazy";
import styles from "./dashboard.module.css";
import { itemsHref } from "./format";
import { Widget } from "./widget";

const STATUS_COLORS: Record<string, string> = {
  NOT_ASSESSED: "#9ca3af",
  NOT_STARTED: "#64748b",
  IN_PROGRESS: "#0b4f9c",
  ON_HOLD: "#b45309",
  COMPLETED: "#1e6b34",
  CANCELLED: "#9b1c1c",
};
const CONFIDENCE_COLORS: Record<string, string> = {
  GREEN: "#1e6b34",
  AMBER: "#b45309",
  RED: "#9b1c1c",
  NONE: "#9ca3af",
};

interface Row {
  key: string;
  label: string;
  count: number;
  color: string;
  href: string;
}

async function Part({ title, rows, id }: { title: string; rows: Row[]; id: string }) {
  const t = await getTranslations("dashboard");
  const height = 36 * rows.length + 16;
  return (
    <div>
      <h3 id={id}>{title}</h3>
      <LazyDistributionChart
        data={rows.map((r) => ({ label: r.label, count: r.count, color: r.color }))}
        height={height}
      />
      <ChartTable summary={t("showTable")} labelledBy={id}>
        <thead>
          <tr>
            <th scope="col">{t("distributions.category")}</th>
            <th scope="col" className={styles.num}>
              {t("distributions.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <Link href={r.href} data-count={r.count}>
                  {r.label}
                </Link>
              </th>
              <td className={styles.num}>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </div>
  );
}

export async function DistributionsPanel({ selection }: { selection: AsOfSelection }) {
  const [d, t, tStatus, tConfidence] = await Promise.all([
    getDistributions(selection),
    getTranslations("dashboard"),
    getTranslations("status"),
    getTranslations("confidence"),
  ]);
  const statusRows: Row[] = ITEM_STATUSES.map((s) => ({
    key: s,
    label: tStatus(s),
    count: d.status.find((x) => x.key === s)?.count ?? 0,
    color: STATUS_COLORS[s]!,
    href: itemsHref({ level: "ACTION", status: s }, selection),
  }));
  const confidenceRows: Row[] = (["GREEN", "AMBER", "RED"] as const).map((c) => ({
    key: c,
    label: tConfidence(c),
    count: d.confidence.find((x) => x.key === c)?.count ?? 0,
    color: CONFIDENCE_COLORS[c]!,
    href: itemsHref({ level: "ACTION", open: 1, confidence: c }, selection),
  }));
  const none = d.confidence.find((x) => x.key === null)?.count ?? 0;
  if (none > 0)
    confidenceRows.push({
      key: "NONE",
      label: t("distributions.noConfidence"),
      count: none,
      color: CONFIDENCE_COLORS.NONE!,
      href: itemsHref({ level: "ACTION", open: 1, confidence: "NONE" }, selection),
    });
  const total = statusRows.reduce((n, r) => n + r.count, 0);
  return (
    <Widget id="distributions" title={t("distributions.heading")}>
      {total === 0 ? (
        <p>{t("emptyPortfolio")}</p>
      ) : (
        <div className="stack">
          <Part id="dist-status" title={t("distributions.status")} rows={statusRows} />
          <Part id="dist-confidence" title={t("distributions.confidence")} rows={confidenceRows} />
        </div>
      )}
    </Widget>
  );
}
