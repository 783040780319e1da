"use client";

import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface DistributionDatum {
  label: string;
  count: number;
  color: string;
}

/** Horizontal bars of already-counted categories. Decorative for screen readers: a table sits beside it. */
export default function DistributionChart({ data, height }: { data: DistributionDatum[]; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      {/* No keyboard layer: the chart sits in an aria-hidden box (its table carries the figures). */}
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
      >
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={96} tick={{ fontSize: 12 }} />
        <Tooltip cursor={{ fill: "rgba(0,0,0,0.04)" }} />
        <Bar dataKey="count" isAnimationActive={false} label={{ position: "right", fontSize: 12 }}>
          {data.map((d) => (
            <Cell key={d.label} fill={d.color} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
