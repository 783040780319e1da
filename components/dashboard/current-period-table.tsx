"use client";

// The current period's tables (in all, by side, by the units most behind), drawn from compact rows: one short array
// per row instead of a tree of elements in the RSC payload. Rendered on the server as well (SSR): in the first
// HTML, every figure a link to the obligations behind it, no JavaScript needed.
import { ColumnHeaders } from "@/components/ui/data-table";
import { FigureCellsOf } from "@/components/periods/figure-cells";
import type { Side } from "@/lib/generated/prisma/enums";

/**
 * [row header, a second cell's text or null, the row's scope (a side, a unit's id, or null for the whole period),
 * the six figures in FULFILMENT_FIGURES order]
 */
export type PeriodFigureRow = [string, string | null, Side | number | null, number[]];

export function CurrentPeriodTable({
  testId,
  periodId,
  head,
  figures,
  rows,
}: {
  testId: string;
  periodId: number;
  /** the headers of the columns before the figures */
  head: string[];
  /** each figure's header and its definition (a tooltip), in FULFILMENT_FIGURES order */
  figures: [string, string][];
  rows: PeriodFigureRow[];
}) {
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <ColumnHeaders labels={head} />
          {figures.map(([label, hint]) => (
            <th key={label} scope="col" title={hint}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, second, scope, f]) => (
          <tr key={`${label}|${scope}`}>
            <th scope="row">{label}</th>
            {second === null ? null : <td>{second}</td>}
            <FigureCellsOf
              periodId={periodId}
              f={f}
              scope={scope === null ? {} : typeof scope === "number" ? { unitId: scope } : { side: scope }}
              bare
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
