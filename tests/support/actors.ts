// Sample accounts as the write layer's Actor, for tests that call lib/writes directly.
import type { Db } from "../../lib/prisma-client";
import type { Actor } from "../../lib/permissions";

/** The sample 联合办公室 coordinator (duban.joint): reviews reports of both sides. */
export async function jointCoordinator(db: Db): Promise<Actor> {
  const u = await db.user.findFirstOrThrow({ where: { role: "COORDINATOR", coordinatorScope: "JOINT" } });
  return { id: u.id, role: u.role, unitId: u.unitId, coordinatorScope: u.coordinatorScope };
}
