import "server-only";
import { auth } from "./next-auth";

/** What the session cookie says about who is signed in; the account itself is re-read from the database. */
export interface SessionClaims {
  userId: number;
  sessionVersion: number;
  /** this sign-in's id: signing out lists it in ended_sessions */
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** null unless the cookie carries all three; a session from before session ids existed must sign in again. */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = await auth();
  const userId = Number(session?.user?.id);
  const sessionVersion = Number(session?.sessionVersion);
  const sessionId = session?.sessionId;
  if (
    !Number.isInteger(userId) ||
    userId <= 0 ||
    !Number.isInteger(sessionVersion) ||
    typeof sessionId !== "string" ||
    !UUID.test(sessionId)
  )
    return null;
  return { userId, sessionVersion, sessionId };
}
