import { getTranslations } from "next-intl/server";
import { FULFILMENT_FIGURES, type Fulfilment } from "@/lib/report/bulletin";
import type { Side } from "@/lib/generated/prisma/enums";
import { FigureCellsOf } from "./figure-cells";
import { figuresOf } from "./figure-href";

export { figureHref } from "./figure-href";

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

/** The six figures of `f` as cells, each a link to the obligations behind it (a client leaf: figure-cells.tsx). */
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
    <FigureCellsOf periodId={periodId} f={figuresOf(f)} {...(scope ? { scope } : {})} {...(testId ? { testId } : {})} />
  );
}
