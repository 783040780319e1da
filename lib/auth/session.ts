import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db } from "../db";
import { can, type Actor, type Permission, type UnitScope } from "../permissions";
import { readSessionClaims } from "./claims";
import { toSessionUser } from "./session-user";

export interface SessionUser extends Actor {
  loginName: string;
  displayName: string;
  unitName: string | null;
}

/** The user an open-API request acts as (its token's owner, resolved by lib/api/guard.ts), for its duration. */
const apiActor = new AsyncLocalStorage<SessionUser>();

/**
 * Runs `work` as `user`: the reads of lib/data see that user as the signed-in one, so the API answers with
 * exactly the pages' reads and permission checks. Only the API guard calls it, after checking the token; a
 * session cookie on an API request is never looked at.
 */
export function actingAs<T>(user: SessionUser, work: () => Promise<T>): Promise<T> {
  return apiActor.run(user, work);
}

/**
 * The signed-in user (or, inside actingAs, the API token's owner), re-read from the database on every request (once per request, via React cache):
 * a disabled account, a changed role, a reset password or a sign-out (ended_sessions) takes effect on the
 * next request, on every app instance, even though the session itself is a stateless JWT.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const actor = apiActor.getStore();
  if (actor) return actor;
  const claims = await readSessionClaims();
  if (!claims) return null;
  // Prisma's own queries, not raw SQL: a connection failure must surface as a Prisma error that
  // lib/db-errors.ts recognises (actions then answer "unavailable", not a 500).
  const [user, ended] = await Promise.all([
    db().user.findUnique({ where: { id: claims.userId }, include: { unit: { select: { name: true } } } }),
    db().endedSession.findUnique({ where: { sessionId: claims.sessionId }, select: { sessionId: true } }),
  ]);
  if (!user || ended || user.disabled || user.pendingApproval || user.sessionVersion !== claims.sessionVersion)
    return null;
  return toSessionUser(user);
});

/** For pages and reads: a signed-out visitor is sent to sign in and brought back afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = (await headers()).get("x-tracker-path") ?? "/";
  redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
}

/** For pages and reads: refuses with the 403 page (app/forbidden.tsx). */
export async function requirePermission(permission: Permission, scope?: UnitScope): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission, scope)) forbidden();
  return user;
}
