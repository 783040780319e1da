"use client";

// The current period's tables (in all, by side, by the units most behind), drawn from compact rows: one short array
// per row instead of a tree of elements in the RSC payload. Rendered on the server as well (SSR): in the first
// HTML, every figure a link to the obligations behind it, no JavaScript needed.
import Link from "next/link";
import { figureHref } from "@/components/periods/figure-href";
import { FULFILMENT_FIGURES } from "@/lib/report/bulletin";
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
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
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
            {FULFILMENT_FIGURES.map((figure, i) => (
              <td key={figure}>
                {/* data-count: the number this link promises, shown by the rows it opens (e2e/count-links.spec.ts).
                    Not prefetched: a table of figures is dozens of links to the same period page, each a full render. */}
                <Link
                  href={figureHref(
                    periodId,
                    figure,
                    scope === null ? {} : typeof scope === "number" ? { unitId: scope } : { side: scope },
                  )}
                  prefetch={false}
                  data-count={f[i]}
                  data-count-rows="obligation-row"
                >
                  {f[i]}
                </Link>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
