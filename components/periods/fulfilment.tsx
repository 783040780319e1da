import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FULFILMENT_FIGURES, type Fulfilment, type FulfilmentFigure } from "@/lib/report/bulletin";
import type { Side } from "@/lib/generated/prisma/enums";

/** The list behind one figure of a period: its obligations, of one side or unit when given. */
export function figureHref(
  periodId: number,
  figure: FulfilmentFigure,
  scope: { side?: Side; unitId?: number } = {},
): string {
  const params = new URLSearchParams({ show: figure });
  if (scope.side) params.set("side", scope.side);
  if (scope.unitId !== undefined) params.set("unit", String(scope.unitId));
  return `/periods/${periodId}?${params}#obligations`;
}

/** The six figure headers, each with its definition as a tooltip. */
export async function FigureHeaders() {
  const [t, hint] = await Promise.all([getTranslations("periods.figures"), getTranslations("periods.figureHints")]);
  return (
    <>
      {FULFILMENT_FIGURES.map((f) => (
        <th key={f} scope="col" className="count" title={hint(f)}>
          {t(f)}
        </th>
      ))}
    </>
  );
}

/** The six figures of `f` as cells, each a link to the obligations behind it. */
export function FigureCells({
  periodId,
  f,
  scope,
  testId,
}: {
  periodId: number;
  f: Fulfilment;
  scope?: { side?: Side; unitId?: number };
  testId?: string;
}) {
  return (
    <>
      {FULFILMENT_FIGURES.map((figure) => (
        <td key={figure} className="count" data-testid={testId ? `${testId}-${figure}` : undefined}>
          {/* data-count: the number this link promises, shown by the rows it opens (e2e/count-links.spec.ts).
              Not prefetched: a table of figures is dozens of links to the same period page, each a full render. */}
          <Link
            href={figureHref(periodId, figure, scope)}
            prefetch={false}
            data-count={f[figure]}
            data-count-rows="obligation-row"
          >
            {f[figure]}
          </Link>
        </td>
      ))}
    </>
  );
}
