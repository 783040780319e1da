// The session cookie as Auth.js writes it, read without Auth.js or Next: which cookie holds it, how its chunks
// join, and what its encrypted JWT says. Pure functions of the cookies and the secret, shared by the pages'
// session check (claims.ts) and `npm start`'s page cache (scripts/page-cache/), so both read a session alike.
import { decode } from "next-auth/jwt";
import { logger } from "../log";

/** What the session cookie says about who is signed in; the account itself is re-read from the database. */
export interface SessionClaims {
  userId: number;
  sessionVersion: number;
  /** this sign-in's id: signing out lists it in ended_sessions */
  sessionId: string;
}

/** Claims (null: not a usable session) and until when they may be trusted (ms since the epoch). */
export interface DecodedSession {
  claims: SessionClaims | null;
  until: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COOKIE = "authjs.session-token";
/** A decrypted cookie is trusted this long at most (and never past its expiry); a bound on a stale entry. */
const KEEP_MS = 60_000;

/**
 * Auth.js's cookie name for a request: the __Secure- one when the site is reached over https (its rule).
 * `forwardedProto` is the request's X-Forwarded-Proto header.
 */
export function sessionCookieName(forwardedProto: string | null | undefined): string {
  const envUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = envUrl ? new URL(envUrl).protocol : `${(forwardedProto ?? "https").replace(/:$/, "")}:`;
  return protocol === "https:" ? `__Secure-${COOKIE}` : COOKIE;
}

/** The token as Auth.js's SessionStore joins it: every cookie named with the prefix, in chunk order. */
export function sessionTokenOf(all: { name: string; value: string }[], name: string): string {
  const chunk = (n: string) => parseInt(n.split(".").pop() || "0");
  return all
    .filter((c) => c.name.startsWith(name) && c.value)
    .sort((a, b) => chunk(a.name) - chunk(b.name))
    .map((c) => c.value)
    .join("");
}

/** Exactly the claims Auth.js's jwt and session callbacks (lib/auth/next-auth.ts) expose, checked. */
function claimsOf(payload: Record<string, unknown>): SessionClaims | null {
  const userId = Number(payload.uid);
  const sessionVersion = Number(payload.sv);
  const sessionId = payload.sid;
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

/** Decrypts the token with the app's secret; `salt` is the cookie's name (Auth.js's rule). */
export async function decodeSessionToken(token: string, salt: string): Promise<DecodedSession> {
  const now = Date.now();
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) return { claims: null, until: now + KEEP_MS };
  try {
    const payload = await decode({ token, secret, salt });
    if (!payload) return { claims: null, until: now + KEEP_MS };
    // jose accepts a token until 15 s after its exp (Auth.js's clock tolerance); so does this.
    const expires = typeof payload.exp === "number" ? payload.exp * 1000 + 15_000 : now;
    return { claims: claimsOf(payload), until: Math.min(now + KEEP_MS, expires) };
  } catch (error) {
    // An expired or tampered session cookie simply means "not signed in".
    logger().warn({ reason: (error as Error).message.split("\n")[0] }, "auth: ignored an invalid session cookie");
    return { claims: null, until: now + KEEP_MS };
  }
}

/** Decoded tokens kept per (cookie name, token) until their `until`: decrypting costs a few hundred µs. */
export class DecodedSessions {
  private readonly kept = new Map<string, DecodedSession>();
  constructor(private readonly maxEntries = 2000) {}

  async read(token: string, salt: string): Promise<DecodedSession> {
    const key = `${salt}\n${token}`;
    const kept = this.kept.get(key);
    if (kept && kept.until > Date.now()) return kept;
    const fresh = await decodeSessionToken(token, salt);
    if (this.kept.size >= this.maxEntries) this.kept.clear();
    this.kept.set(key, fresh);
    return fresh;
  }
}
