"use client";

// Charts are loaded after the page is shown (recharts is large): the server sends the figures as tables,
// the chart code arrives on its own and draws into a box of fixed height, so nothing moves.
import dynamic from "next/dynamic";
import type { DistributionDatum } from "./distribution-chart";
import type { TrendSeries } from "./trend-chart";

const Placeholder = () => <div style={{ height: "100%" }} aria-hidden="true" />;

const DistributionChartLazy = dynamic(() => import("./distribution-chart"), { ssr: false, loading: Placeholder });
const TrendChartLazy = dynamic(() => import("./trend-chart"), { ssr: false, loading: Placeholder });

export function LazyDistributionChart({ data, height }: { data: DistributionDatum[]; height: number }) {
  return (
    <div style={{ height }} aria-hidden="true">
      <DistributionChartLazy data={data} height={height} />
    </div>
  );
}

export function LazyTrendChart({ data, series, height }: { data: Record<string, string | number | null>[]; series: TrendSeries[]; height: number }) {
  return (
    <div style={{ height }} aria-hidden="true">
      <TrendChartLazy data={data} series={series} height={height} />
    </div>
  );
}
