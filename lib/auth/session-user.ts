import type { Role, Side } from "../generated/prisma/enums";
import type { SessionUser } from "./session";

/** A user row (with its unit's name) as the signed-in user the reads and writes act as — for a session or a token. */
export function toSessionUser(user: {
  id: number;
  role: Role;
  unitId: number | null;
  coordinatorScope: Side | null;
  loginName: string;
  displayName: string;
  unit: { name: string } | null;
}): SessionUser {
  return {
    id: user.id,
    role: user.role,
    unitId: user.unitId,
    coordinatorScope: user.role === "COORDINATOR" ? user.coordinatorScope : null,
    loginName: user.loginName,
    displayName: user.displayName,
    unitName: user.unit?.name ?? null,
  };
}
