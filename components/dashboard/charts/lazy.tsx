"use client";

// Charts are loaded only when they come near the screen (recharts is large, and both charts sit below the
// first screenful): the server sends the figures as tables, the chart code arrives on its own and draws into
// a box of fixed height, so nothing moves and the first paint never waits for it.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { DistributionDatum } from "./distribution-chart";
import type { TrendChartProps } from "./trend-chart";

const Placeholder = () => <div style={{ height: "100%" }} aria-hidden="true" />;

const DistributionChartLazy = dynamic(() => import("./distribution-chart"), { ssr: false, loading: Placeholder });
const TrendChartLazy = dynamic(() => import("./trend-chart"), { ssr: false, loading: Placeholder });

/** A box of fixed height that renders its chart once it is within a screen's height of the viewport. */
function WhenNear({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // The tables beside each chart carry the same figures for screen readers, so the chart itself is hidden.
  return (
    <div ref={box} style={{ height }} aria-hidden="true">
      {near ? children : null}
    </div>
  );
}

export function LazyDistributionChart({ data, height }: { data: DistributionDatum[]; height: number }) {
  return (
    <WhenNear height={height}>
      <DistributionChartLazy data={data} height={height} />
    </WhenNear>
  );
}

export function LazyTrendChart({ data, series, height }: TrendChartProps) {
  return (
    <WhenNear height={height}>
      <TrendChartLazy data={data} series={series} height={height} />
    </WhenNear>
  );
}
