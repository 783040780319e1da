import "server-only";
// Signing out ends the session itself, not only this browser's cookie: its id goes into ended_sessions, which
// getCurrentUser reads on every request on every instance. A row is needed only until the session would have
// expired anyway (at most SESSION_MAX_AGE_S after its last re-issue), so each sign-out also sweeps old rows.
import type { Db } from "../prisma-client";
import type { SessionClaims } from "./claims";
import { SESSION_MAX_AGE_S } from "./next-auth";

export async function endSession(d: Db, claims: SessionClaims, now = new Date()): Promise<void> {
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_S * 1000);
  await d.$transaction([
    d.endedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    d.endedSession.upsert({
      where: { sessionId: claims.sessionId },
      create: { sessionId: claims.sessionId, userId: claims.userId, endedAt: now, expiresAt },
      update: {},
    }),
  ]);
}
