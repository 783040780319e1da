import "server-only";
import { auth } from "./next-auth";

/** What the session cookie says about who is signed in; the account itself is re-read from the database. */
export interface SessionClaims {
  userId: number;
  sessionVersion: number;
}

export async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = await auth();
  const userId = Number(session?.user?.id);
  const sessionVersion = Number(session?.sessionVersion);
  if (!Number.isInteger(userId) || userId <= 0 || !Number.isInteger(sessionVersion)) return null;
  return { userId, sessionVersion };
}
