import { getTranslations } from "next-intl/server";
import { ChartTable } from "@/components/ui/chart-table";
import { getProgressTrend } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { LazyTrendChart } from "./charts/lazy";
import styles from "./dashboard.module.css";
import { percent } from "./format";
import { Widget } from "./widget";

const PILLAR_COLORS = ["#a4161a", "#b45309", "#1e6b34", "#7c3aed", "#0e7490"];
export const TREND_HEIGHT = 300;

export async function ProgressTrendPanel({ selection }: { selection: AsOfSelection }) {
  const [points, t] = await Promise.all([getProgressTrend(selection), getTranslations("dashboard")]);
  const pillarNumbers = [...new Set(points.flatMap((p) => Object.keys(p.pillars).map(Number)))].sort((a, b) => a - b);
  const filled = points.filter((p) => p.overall !== null);
  const series = [
    { key: "overall", label: t("trend.overall"), color: "#0b4f9c", main: true },
    ...pillarNumbers.map((n, i) => ({
      key: `p${n}`,
      label: t("trend.pillar", { number: n }),
      color: PILLAR_COLORS[i % PILLAR_COLORS.length]!,
    })),
  ];
  const data = points.map((p) => ({
    day: p.day,
    overall: p.overall === null ? null : Math.round(p.overall * 10) / 10,
    ...Object.fromEntries(
      pillarNumbers.map((n) => [`p${n}`, p.pillars[n] == null ? null : Math.round(p.pillars[n] * 10) / 10]),
    ),
  }));
  return (
    <Widget id="trend" title={t("trend.heading")} wide>
      {filled.length === 0 ? (
        <p>{t("trend.empty")}</p>
      ) : (
        <>
          <LazyTrendChart data={data} series={series} height={TREND_HEIGHT} />
          <ChartTable summary={t("showTable")} caption={t("trend.heading")}>
            <thead>
              <tr>
                <th scope="col">{t("trend.week")}</th>
                {series.map((s) => (
                  <th scope="col" key={s.key} className={styles.num}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.day}>
                  <th scope="row">{p.day}</th>
                  <td className={styles.num}>{percent(p.overall, t("noValue"))}</td>
                  {pillarNumbers.map((n) => (
                    <td key={n} className={styles.num}>
                      {percent(p.pillars[n], t("noValue"))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </ChartTable>
        </>
      )}
    </Widget>
  );
}
