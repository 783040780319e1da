import "server-only";
// The token lists: one's own (/account/tokens) and every account's (/admin/tokens). Never the secret: only
// its first characters.
import { requirePermission } from "../auth/session";
import { now } from "../clock";
import { db } from "../db";

export type TokenState = "active" | "expired" | "revoked";

const SELECT = {
  id: true,
  name: true,
  scope: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { loginName: true, displayName: true } },
} as const;

function withState<T extends { revokedAt: Date | null; expiresAt: Date }>(rows: T[], at: Date) {
  return rows.map((r) => ({
    ...r,
    state: (r.revokedAt ? "revoked" : r.expiresAt <= at ? "expired" : "active") as TokenState,
  }));
}

export async function listMyTokens() {
  const user = await requirePermission("account:self");
  const rows = await db().apiToken.findMany({ where: { userId: user.id }, orderBy: { id: "desc" }, select: SELECT });
  return withState(rows, now());
}

export async function listAllTokens() {
  await requirePermission("user:manage");
  const rows = await db().apiToken.findMany({ orderBy: { id: "desc" }, take: 500, select: SELECT });
  return withState(rows, now());
}

export type TokenRow = Awaited<ReturnType<typeof listMyTokens>>[number];
