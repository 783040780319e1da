// The one read behind every signed-in request (lib/auth/session.ts getCurrentUser): the account, its unit's
// name and whether this sign-in has been ended, in one round trip instead of two Prisma queries.
import type { Role, Side } from "../generated/prisma/enums";
import type { Db } from "../prisma-client";

export interface SessionAccount {
  id: number;
  role: Role;
  unitId: number | null;
  coordinatorScope: Side | null;
  loginName: string;
  displayName: string;
  disabled: boolean;
  pendingApproval: boolean;
  sessionVersion: number;
  unit: { name: string } | null;
  /** the session was signed out (ended_sessions) */
  ended: boolean;
}

interface Row {
  id: number;
  role: Role;
  unit_id: number | null;
  coordinator_scope: Side | null;
  login_name: string;
  display_name: string;
  disabled: boolean;
  pending_approval: boolean;
  session_version: number;
  unit_name: string | null;
  ended: boolean;
}

/** null when there is no such account. */
export async function querySessionAccount(db: Db, userId: number, sessionId: string): Promise<SessionAccount | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT u.id, u.role::text AS role, u.unit_id, u.coordinator_scope::text AS coordinator_scope, u.login_name,
           u.display_name, u.disabled, u.pending_approval, u.session_version, un.name AS unit_name,
           EXISTS (SELECT 1 FROM ended_sessions e WHERE e.session_id = ${sessionId}::uuid) AS ended
    FROM users u LEFT JOIN units un ON un.id = u.unit_id
    WHERE u.id = ${userId}`;
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    role: r.role,
    unitId: r.unit_id,
    coordinatorScope: r.coordinator_scope,
    loginName: r.login_name,
    displayName: r.display_name,
    disabled: r.disabled,
    pendingApproval: r.pending_approval,
    sessionVersion: r.session_version,
    unit: r.unit_name === null ? null : { name: r.unit_name },
    ended: r.ended,
  };
}
