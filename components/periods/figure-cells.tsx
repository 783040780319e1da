"use client";

// A period's six fulfilment figures as table cells, each a link to the obligations behind it. A client leaf
// only so that its props are six numbers: as a server component each cell's link and attributes were repeated
// in the RSC payload (the dashboard's current-period widget was about 45 KB). Rendered on the server too (SSR).
import Link from "@/components/ui/link";
import { FULFILMENT_FIGURES } from "@/lib/report/bulletin";
import { figureHref } from "./figure-href";
import type { Side } from "@/lib/generated/prisma/enums";

/** The six figures of `f` (in FULFILMENT_FIGURES order) as cells, each a link to the obligations behind it. */
export function FigureCellsOf({
  periodId,
  f,
  scope,
  testId,
  bare = false,
}: {
  periodId: number;
  f: number[];
  scope?: { side?: Side; unitId?: number };
  testId?: string;
  /** without the cells' class (the dashboard's table aligns its numbers itself, and every byte there counts) */
  bare?: boolean;
}) {
  return (
    <>
      {FULFILMENT_FIGURES.map((figure, i) => (
        <td
          key={figure}
          className={bare ? undefined : "count"}
          data-testid={testId ? `${testId}-${figure}` : undefined}
        >
          {/* data-count: the number this link promises, shown by the rows it opens (e2e/count-links.spec.ts).
              Not prefetched: a table of figures is dozens of links to the same period page, each a full render. */}
          <Link
            href={figureHref(periodId, figure, scope)}
            prefetch={false}
            data-count={f[i]}
            data-count-rows="obligation-row"
          >
            {f[i]}
          </Link>
        </td>
      ))}
    </>
  );
}
