"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface CumulativePoint {
  /** the month as the axis shows it */
  label: string;
  /** 完成投资 to the month's end, in 亿元, for drawing only (the table beside carries the exact amounts) */
  value: number;
  /** the same amount formatted exactly, for the tooltip */
  text: string;
}

export interface CumulativeChartProps {
  points: CumulativePoint[];
  /** the year's 计划投资 in 亿元 (drawing only), its formatted text and the line's name */
  plan: { value: number; text: string; label: string };
  /** the name of the cumulative line and the axis unit */
  seriesLabel: string;
  unit: string;
  height: number;
}

/** Cumulative 完成投资 month by month against the year's plan (a reference line), figures rolled up on the server. */
export default function CumulativeChart({ points, plan, seriesLabel, unit, height }: CumulativeChartProps) {
  const top = Math.max(plan.value, ...points.map((p) => p.value)) * 1.1 || 1;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {/* No keyboard layer: the chart sits in an aria-hidden box (its table carries the figures). */}
      <LineChart accessibilityLayer={false} data={points} margin={{ top: 20, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis
          domain={[0, top]}
          width={64}
          tick={{ fontSize: 12 }}
          unit={unit}
          tickFormatter={(v: number) => v.toFixed(1)}
        />
        <Tooltip
          formatter={(_value, _name, item) => [(item.payload as CumulativePoint).text, seriesLabel]}
          labelStyle={{ fontWeight: 700 }}
        />
        <ReferenceLine
          y={plan.value}
          stroke="#b45309"
          strokeDasharray="6 4"
          label={{ value: `${plan.label} ${plan.text}`, position: "insideTopRight", fontSize: 12, fill: "#92400e" }}
        />
        <Line
          type="monotone"
          dataKey="value"
          name={seriesLabel}
          stroke="#0b4f9c"
          strokeWidth={3}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
