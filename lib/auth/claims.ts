import "server-only";
// The session cookie read directly, not through Auth.js's auth(): in a server component auth() answers a whole
// internal /api/auth/session request — parses the configuration, decrypts the JWT, runs the callbacks and then
// encrypts a refreshed JWT that a server component cannot even set — which cost a few ms of CPU on every page.
// Decrypting the cookie is a pure function of the cookie and the secret, so its result is kept per cookie value
// (never past the token's own expiry; session-token.ts). Everything that can revoke a session — a disabled
// account, a changed role, a reset password, a sign-out — is in the database and still read on every request
// (getCurrentUser).
import { cookies, headers } from "next/headers";
import { DecodedSessions, sessionCookieName, sessionTokenOf, type SessionClaims } from "./session-token";

export type { SessionClaims } from "./session-token";

const decoded = new DecodedSessions();

/** null unless the cookie carries all three; a session from before session ids existed must sign in again. */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const [h, jar] = await Promise.all([headers(), cookies()]);
  const salt = sessionCookieName(h.get("x-forwarded-proto"));
  const token = sessionTokenOf(jar.getAll(), salt);
  if (!token) return null;
  const fresh = await decoded.read(token, salt);
  return fresh.until > Date.now() ? fresh.claims : null;
}
