"use client";

// The weekly trend's chart and its table, drawn here from one compact set of figures: the server sends each
// series' values once (the chart and the table used to receive them separately, and the table as a tree of
// elements, about 60 KB of the dashboard). The table is drawn when its fold is first opened: 53 weeks by six
// series were about 440 of the dashboard's 2,160 elements, all of them in the first HTML and hydrated on every
// load for the few readers who open the fold (on a phone, hydration is most of the dashboard's blocking time).
import { useState } from "react";
import tables from "@/components/ui/tables.module.css";
import { LazyTrendChart } from "./lazy";

export interface TrendViewSeries {
  key: string;
  label: string;
  color: string;
  main?: boolean;
  /** one value per day, already rounded to the one decimal the dashboard shows; null = no figure */
  values: (number | null)[];
}

export interface TrendViewProps {
  days: string[];
  series: TrendViewSeries[];
  height: number;
  text: { summary: string; caption: string; week: string; none: string };
}

const percent = (v: number | null, none: string) => (v === null ? none : `${v.toFixed(1)}%`);

export function TrendView({ days, series, height, text }: TrendViewProps) {
  const data = days.map((day, i) => ({ day, ...Object.fromEntries(series.map((s) => [s.key, s.values[i] ?? null])) }));
  const [opened, setOpened] = useState(false);
  return (
    <>
      <LazyTrendChart data={data} series={series} height={height} />
      <details className={tables.details} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary>{text.summary}</summary>
        {opened ? <TrendTable days={days} series={series} text={text} /> : null}
      </details>
    </>
  );
}

function TrendTable({ days, series, text }: Pick<TrendViewProps, "days" | "series" | "text">) {
  return (
    <div className={tables.tableWrap}>
      <table className={tables.nums}>
        <caption className="small muted">{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.week}</th>
            {series.map((s) => (
              <th scope="col" key={s.key}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day, i) => (
            <tr key={day}>
              <th scope="row">{day}</th>
              {series.map((s) => (
                <td key={s.key}>{percent(s.values[i] ?? null, text.none)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
