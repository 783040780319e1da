import { getTranslations } from "next-intl/server";
import { getProgressTrend } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { TrendView } from "./charts/trend-view";
import { Widget } from "./widget";

const PILLAR_COLORS = ["#a4161a", "#b45309", "#1e6b34", "#7c3aed", "#0e7490"];
export const TREND_HEIGHT = 300;

/** A figure as the table shows it (one decimal): the chart and the table read the same rounded value. */
const oneDecimal = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v.toFixed(1)));

export async function ProgressTrendPanel({ selection }: { selection: AsOfSelection }) {
  const [points, t] = await Promise.all([getProgressTrend(selection), getTranslations("dashboard")]);
  const pillarNumbers = [...new Set(points.flatMap((p) => Object.keys(p.pillars).map(Number)))].sort((a, b) => a - b);
  const filled = points.filter((p) => p.overall !== null);
  const series = [
    {
      key: "overall",
      label: t("trend.overall"),
      color: "#0b4f9c",
      main: true,
      values: points.map((p) => oneDecimal(p.overall)),
    },
    ...pillarNumbers.map((n, i) => ({
      key: `p${n}`,
      label: t("trend.pillar", { number: n }),
      color: PILLAR_COLORS[i % PILLAR_COLORS.length]!,
      values: points.map((p) => oneDecimal(p.pillars[n])),
    })),
  ];
  return (
    <Widget id="trend" title={t("trend.heading")} wide>
      {filled.length === 0 ? (
        <p>{t("trend.empty")}</p>
      ) : (
        <TrendView
          days={points.map((p) => p.day)}
          series={series}
          height={TREND_HEIGHT}
          text={{ summary: t("showTable"), caption: t("trend.heading"), week: t("trend.week"), none: t("noValue") }}
        />
      )}
    </Widget>
  );
}
