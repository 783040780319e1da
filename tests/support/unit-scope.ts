import type { Prisma } from "../../lib/generated/prisma/client";

/** Open action items a unit has no part in: it neither leads, co-leads nor supports them. */
export function outsideUnit(unitId: number): Prisma.ItemWhereInput {
  return {
    retiredAt: null,
    level: "ACTION",
    leadUnitId: { not: unitId },
    OR: [{ coLeadUnitId: null }, { coLeadUnitId: { not: unitId } }],
    supportingUnits: { none: { unitId } },
  };
}
