// Shared by the server table parts and the client cells (components/periods/figure-cells.tsx): plain functions,
// so the server can call them (a function exported from a "use client" module cannot be called on the server).
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

/** Only the six figures of a fulfilment, in FULFILMENT_FIGURES order (a unit's row also carries its name and side). */
export function figuresOf(f: Fulfilment): number[] {
  return FULFILMENT_FIGURES.map((figure) => f[figure]);
}
