import "server-only";
// Personal access tokens of the open API: made, recognised and resolved to the acting user here; created and
// revoked by lib/writes/api-tokens.ts. A token is "cyt_" followed by 32 random bytes (base64url, 43 characters).
// Only its SHA-256 is stored: with 256 bits of entropy a fast hash cannot be searched, so (unlike a password)
// no salt or slow KDF is needed, and the hash doubles as the lookup key (a unique index) — a tampered token
// simply names no row. The token acts as its owner with the owner's CURRENT role, unit and state, read from
// the users table on every request: a disabled owner's tokens stop working at once, a role change applies at
// once.
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import type { ApiTokenScope } from "../generated/prisma/enums";
import type { SessionUser } from "./session";
import { toSessionUser } from "./session-user";

export const TOKEN_PREFIX = "cyt_";
const TOKEN_PATTERN = /^cyt_[A-Za-z0-9_-]{43}$/;
/** characters of the token kept for display (the prefix and 8 of the secret: 48 bits, unguessable alone) */
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 8;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new token: the secret (shown once), what is shown of it later, and its hash (what is stored). */
export function newToken(): { token: string; prefix: string; secretHash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, DISPLAY_LENGTH), secretHash: hashToken(token) };
}

export type TokenRefusal = "unauthenticated" | "token-invalid" | "token-expired" | "token-revoked" | "owner-disabled";

export type TokenCheck =
  | { ok: true; user: SessionUser; token: { id: number; scope: ApiTokenScope; lastUsedAt: Date | null } }
  | { ok: false; refusal: TokenRefusal };

/** The bearer token of an Authorization header, or null when there is none (or another scheme). */
export function bearerToken(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization.slice(0, 200));
  return match ? match[1]! : "";
}

/** Who the request's token acts as, now; or why it does not. */
export async function authenticateToken(authorization: string | null, at: Date): Promise<TokenCheck> {
  const token = bearerToken(authorization);
  if (token === null) return { ok: false, refusal: "unauthenticated" };
  if (!TOKEN_PATTERN.test(token)) return { ok: false, refusal: "token-invalid" };
  const row = await db().apiToken.findUnique({
    where: { secretHash: hashToken(token) },
    include: { user: { include: { unit: { select: { name: true } } } } },
  });
  if (!row) return { ok: false, refusal: "token-invalid" };
  if (row.revokedAt) return { ok: false, refusal: "token-revoked" };
  if (row.expiresAt <= at) return { ok: false, refusal: "token-expired" };
  const user = row.user;
  if (user.disabled || user.pendingApproval) return { ok: false, refusal: "owner-disabled" };
  return {
    ok: true,
    token: { id: row.id, scope: row.scope, lastUsedAt: row.lastUsedAt },
    user: toSessionUser(user),
  };
}

/** Records the token's use (at most once a minute per token, so a busy client does not write on every call). */
export async function touchToken(tokenId: number, lastUsedAt: Date | null, at: Date): Promise<void> {
  if (lastUsedAt && at.getTime() - lastUsedAt.getTime() < 60_000) return;
  await db().apiToken.updateMany({ where: { id: tokenId }, data: { lastUsedAt: at } });
}
