"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendSeries {
  key: string;
  label: string;
  color: string;
  /** the overall line is drawn thicker */
  main?: boolean;
}

export interface TrendChartProps {
  data: Record<string, string | number | null>[];
  series: TrendSeries[];
  height: number;
}

/** Weekly progress lines (already rolled up on the server). Dates are shown as MM-DD to keep the axis short. */
export default function TrendChart({ data, series, height }: TrendChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      {/* No keyboard layer: the chart sits in an aria-hidden box (its table carries the figures). */}
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
        <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={24} tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 100]} unit="%" width={44} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toFixed(1)}%` : String(v ?? ""))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={s.main ? 3 : 1.5}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
