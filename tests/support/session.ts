import { randomUUID } from "node:crypto";
import type { SessionClaims } from "../../lib/auth/claims";
import type { PrismaClient } from "../../lib/generated/prisma/client";

/** Who the integration tests act as: the mocked readSessionClaims (tests/setup/integration-mocks.ts) answers this. */
let claims: SessionClaims | null = null;

/** Acts as the account from now on, in a fresh sign-in unless a session id is given. */
export function signIn(account: { id: number; sessionVersion: number }, sessionId: string = randomUUID()): void {
  claims = { sessionId, userId: account.id, sessionVersion: account.sessionVersion };
}

export function signOut(): void {
  claims = null;
}

export function currentClaims(): SessionClaims | null {
  return claims;
}

/** Acts as the account with that login name, in a fresh sign-in. */
export async function signInAs(db: PrismaClient, loginName: string): Promise<void> {
  signIn(await db.user.findUniqueOrThrow({ where: { loginName } }));
}
