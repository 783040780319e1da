import "server-only";
// The session cookie read directly, not through Auth.js's auth(): in a server component auth() answers a whole
// internal /api/auth/session request — parses the configuration, decrypts the JWT, runs the callbacks and then
// encrypts a refreshed JWT that a server component cannot even set — which cost a few ms of CPU on every page.
// Decrypting the cookie is a pure function of the cookie and the secret, so its result is kept per cookie value
// (never past the token's own expiry). Everything that can revoke a session — a disabled account, a changed
// role, a reset password, a sign-out — is in the database and still read on every request (getCurrentUser).
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { logger } from "../log";

/** What the session cookie says about who is signed in; the account itself is re-read from the database. */
export interface SessionClaims {
  userId: number;
  sessionVersion: number;
  /** this sign-in's id: signing out lists it in ended_sessions */
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COOKIE = "authjs.session-token";
/** A decrypted cookie is trusted this long at most (and never past its expiry); a bound on a stale entry. */
const KEEP_MS = 60_000;
const MAX_ENTRIES = 2000;

interface Kept {
  claims: SessionClaims | null;
  until: number;
}
const decoded = new Map<string, Kept>();

/** Auth.js's cookie name for this request: the __Secure- one when the site is reached over https (its rule). */
function cookieName(h: Headers): string {
  const envUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = envUrl ? new URL(envUrl).protocol : `${(h.get("x-forwarded-proto") ?? "https").replace(/:$/, "")}:`;
  return protocol === "https:" ? `__Secure-${COOKIE}` : COOKIE;
}

/** The token as Auth.js's SessionStore joins it: every cookie named with the prefix, in chunk order. */
function tokenOf(all: { name: string; value: string }[], name: string): string {
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

async function decodeClaims(token: string, salt: string): Promise<Kept> {
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

/** null unless the cookie carries all three; a session from before session ids existed must sign in again. */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const [h, jar] = await Promise.all([headers(), cookies()]);
  const salt = cookieName(h);
  const token = tokenOf(jar.getAll(), salt);
  if (!token) return null;
  const key = `${salt}\n${token}`;
  const kept = decoded.get(key);
  if (kept && kept.until > Date.now()) return kept.claims;
  const fresh = await decodeClaims(token, salt);
  if (decoded.size >= MAX_ENTRIES) decoded.clear();
  decoded.set(key, fresh);
  return fresh.until > Date.now() ? fresh.claims : null;
}
