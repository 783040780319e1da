"use client";

// The accountability table's rows, drawn from compact figures: each row crosses the wire as one short array
// instead of a tree of elements (the RSC payload repeats every server-rendered element; about 36 KB of the
// dashboard before). Rendered on the server as well (SSR): in the first HTML, no JavaScript needed to read it.
import Link from "@/components/ui/link";
import tables from "@/components/ui/tables.module.css";
import { itemsHref, percent } from "./format";

/** [unit id, name, items, progress (one decimal) or null, overdue, stale, days since the last update or null] */
export type UnitRow = [number, string, number, number | null, number, number, number | null];

export interface UnitsTableProps {
  rows: UnitRow[];
  asOf: string | null;
  caption: string;
  /** the column headers, each a link that sorts by it */
  columns: { label: string; href: string; sort?: "ascending" | "descending" }[];
  none: string;
  never: string;
  sortLinkClass: string;
}

export function UnitsTable({ rows, asOf, caption, columns, none, never, sortLinkClass }: UnitsTableProps) {
  // The row counts the unit's own lead actions (not those it co-leads): so do the lists its links open.
  const href = (unit: number, flag?: "overdue" | "stale") =>
    itemsHref({ level: "ACTION", unit, leadOnly: 1, ...(flag ? { [flag]: 1 } : {}) }, { asOf });
  const count = (unit: number, n: number, flag: "overdue" | "stale") =>
    n > 0 ? (
      <Link href={href(unit, flag)} data-count={n}>
        {n}
      </Link>
    ) : (
      0
    );
  return (
    <table className={tables.nums}>
      <caption className="small muted" style={{ textAlign: "left" }}>
        {caption}
      </caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.href} scope="col" aria-sort={c.sort}>
              <Link href={c.href} className={sortLinkClass} scroll={false}>
                {c.label}
                {c.sort ? (c.sort === "ascending" ? " ▲" : " ▼") : ""}
              </Link>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([id, name, items, progress, overdue, stale, days]) => (
          <tr key={id} data-testid="unit-row">
            <th scope="row">
              <Link href={href(id)} data-count={items}>
                {name}
              </Link>
            </th>
            <td>{items}</td>
            <td>{percent(progress, none)}</td>
            <td>{count(id, overdue, "overdue")}</td>
            <td>{count(id, stale, "stale")}</td>
            <td>{days === null ? never : days}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
