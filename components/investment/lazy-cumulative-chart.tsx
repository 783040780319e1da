"use client";

// recharts is large: the chart's code arrives on its own after the page, into a box of fixed height, so nothing
// moves and the first paint never waits for it. The table beside it carries the same figures.
import dynamic from "next/dynamic";
import type { CumulativeChartProps } from "./cumulative-chart";

const Placeholder = () => <div style={{ height: "100%" }} aria-hidden="true" />;
const Chart = dynamic(() => import("./cumulative-chart"), { ssr: false, loading: Placeholder });

export function LazyCumulativeChart(props: CumulativeChartProps & { values: string }) {
  const { values, ...chart } = props;
  return (
    <div style={{ height: chart.height }} aria-hidden="true" data-testid="cumulative-chart" data-values={values}>
      <Chart {...chart} />
    </div>
  );
}
