"use client";

// One distribution's chart and its table, drawn here from one compact list of rows (the chart and the server
// table used to receive the figures separately). The table is rendered on the server too (SSR), so it is in the
// first HTML and works without JavaScript.
import Link from "@/components/ui/link";
import tables from "@/components/ui/tables.module.css";
import { LazyDistributionChart } from "./lazy";

/** [key, label, count, colour, href of the list it counts] */
export type DistributionRow = [string, string, number, string, string];

export function DistributionView({
  id,
  title,
  rows,
  text,
}: {
  id: string;
  title: string;
  rows: DistributionRow[];
  text: { summary: string; category: string; count: string };
}) {
  return (
    <div>
      <h3 id={id}>{title}</h3>
      <LazyDistributionChart
        data={rows.map(([, label, count, color]) => ({ label, count, color }))}
        height={36 * rows.length + 16}
      />
      <details className={tables.details}>
        <summary>{text.summary}</summary>
        <div className={tables.tableWrap}>
          <table aria-labelledby={id} className={tables.nums}>
            <thead>
              <tr>
                <th scope="col">{text.category}</th>
                <th scope="col">{text.count}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([key, label, count, , href]) => (
                <tr key={key}>
                  <th scope="row">
                    <Link href={href} data-count={count}>
                      {label}
                    </Link>
                  </th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
