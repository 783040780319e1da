// The item and context the action walks (tests/integration/permissions.test.ts, hostile-actions.test.ts) call with.
import type { Db } from "../../../lib/prisma-client";
import type { ActionContext } from "./types";

/** The first action item (by code) that is not retired and whose lead unit has an enabled editor. */
export function findActionTarget(db: Db) {
  return db.item.findFirstOrThrow({
    where: {
      level: "ACTION",
      retiredAt: null,
      leadUnitId: { not: null },
      // led by one side only, so the walk has a coordinator of the item's side and one of the other side
      coLeadUnitId: null,
      leadUnit: { users: { some: { role: "EDITOR", disabled: false } } },
    },
    include: { supportingUnits: true },
    orderBy: { code: "asc" },
  });
}

/** The item as it is now: its version re-read, a milestone of it (created with this title if it has none). */
export async function actionContext(
  db: Db,
  item: { id: number; code: string; leadUnitId: number },
  milestoneTitle: string,
): Promise<ActionContext> {
  const current = await db.item.findUniqueOrThrow({
    where: { id: item.id },
    include: { milestones: { take: 1, orderBy: { id: "asc" } } },
  });
  let milestoneId = current.milestones[0]?.id;
  milestoneId ??= (
    await db.milestone.create({
      data: { itemId: item.id, title: milestoneTitle, plannedDate: new Date("2027-01-01") },
    })
  ).id;
  const other = await db.user.findFirstOrThrow({
    where: { role: "EDITOR", disabled: false },
    orderBy: { id: "desc" },
  });
  return {
    db,
    itemId: item.id,
    itemCode: item.code,
    version: current.version,
    milestoneId,
    unitId: item.leadUnitId,
    userId: other.id,
  };
}
