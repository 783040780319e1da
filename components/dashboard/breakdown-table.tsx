"use client";

// The sides and regions tables under the map, drawn from compact rows (one short array each instead of a tree
// of elements in the RSC payload). Rendered on the server as well (SSR): the map's table alternative is in the
// first HTML and works without JavaScript.
import { ColumnHeaders } from "@/components/ui/data-table";
import Link from "@/components/ui/link";
import tables from "@/components/ui/tables.module.css";
import { percent } from "./format";

/** [label, href of its items or null, items, progress (one decimal) or null, completed, overdue] */
export type BreakdownRow = [string, string | null, number, number | null, number, number];

export function BreakdownTable({
  caption,
  head,
  rows,
  none,
}: {
  caption: string;
  /** the first column's header, then the four figures' */
  head: [string, string, string, string, string];
  rows: BreakdownRow[];
  none: string;
}) {
  return (
    <div className={tables.tableWrap}>
      <table className={tables.nums}>
        <caption style={{ textAlign: "left", fontWeight: 600 }}>{caption}</caption>
        <thead>
          <tr>
            <ColumnHeaders labels={head} />
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, href, items, progress, completed, overdue]) => (
            <tr key={label}>
              <th scope="row">
                {href ? (
                  <Link href={href} data-count={items}>
                    {label}
                  </Link>
                ) : (
                  label
                )}
              </th>
              <td>{items}</td>
              <td>{percent(progress, none)}</td>
              <td>{completed}</td>
              <td>{overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
