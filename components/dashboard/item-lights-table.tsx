"use client";

// The 红黄灯 table's cells, drawn from compact rows (one short array per pillar instead of a tree of elements in
// the RSC payload, where every count's link and its long accessible name crossed the wire a second time).
// Rendered on the server as well (SSR): in the first HTML, every count a link, no JavaScript needed.
import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import tables from "@/components/ui/tables.module.css";
import { ITEM_LIGHTS, type ItemLight } from "@/lib/item-light";
import { fill, itemsHref } from "./format";

/** [pillar number or null for the total row, row header, red, amber, green] */
export type LightRow = [number | null, string, number, number, number];

export function ItemLightsTable({
  rows,
  asOf,
  pillarHead,
  badges,
  lightNames,
  countName,
}: {
  /** the pillars, then the total row */
  rows: LightRow[];
  asOf: string | null;
  pillarHead: string;
  /** each light's badge (column header), in ITEM_LIGHTS order */
  badges: ReactNode[];
  /** each light's name in words, in ITEM_LIGHTS order */
  lightNames: string[];
  /** a count's accessible name with {where}, {light} and {count} to fill in */
  countName: string;
}) {
  const cells = ([pillar, label, ...counts]: LightRow) =>
    ITEM_LIGHTS.map((l: ItemLight, i) => (
      <td key={l}>
        <Link
          href={itemsHref({ ...(pillar === null ? {} : { pillar }), level: "ACTION", light: l }, { asOf })}
          data-count={counts[i]}
          data-light={l}
          aria-label={fill(countName, { where: label, light: lightNames[i]!, count: counts[i]! })}
        >
          {counts[i]}
        </Link>
      </td>
    ));
  const total = rows.at(-1)!;
  return (
    <table className={tables.nums}>
      <thead>
        <tr>
          <th scope="col">{pillarHead}</th>
          {ITEM_LIGHTS.map((l, i) => (
            <th scope="col" key={l}>
              {badges[i]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, -1).map((row) => (
          <tr key={row[0]} data-pillar={row[0]}>
            <th scope="row">{row[1]}</th>
            {cells(row)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{total[1]}</th>
          {cells(total)}
        </tr>
      </tfoot>
    </table>
  );
}
