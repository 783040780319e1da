// Creating and revoking personal access tokens (the open API), each with its audit_log row in the same
// transaction. The secret is returned once, by createApiToken, and never stored (only its SHA-256).
import { newToken } from "../auth/api-tokens";
import type { Prisma } from "../generated/prisma/client";
import { failure } from "../forms/result";
import { can, type Actor } from "../permissions";
import { TOKENS_PER_USER_MAX, type TokenCreateValues } from "../validations/api-tokens";
import { writeAudit } from "./audit";
import { Refusal, refuseField } from "./failure";

type Tx = Prisma.TransactionClient;
const DAY_MS = 86_400_000;

export interface CreatedToken {
  id: number;
  name: string;
  /** the whole token: shown once, never again */
  token: string;
  prefix: string;
  scope: "READ" | "WRITE";
  expiresAt: Date;
}

export async function createApiToken(tx: Tx, actor: Actor, input: TokenCreateValues, at: Date): Promise<CreatedToken> {
  const live = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null, expiresAt: { gt: at } } });
  if (live >= TOKENS_PER_USER_MAX) throw refuseField("name", "api.tokens.tooMany");
  const { token, prefix, secretHash } = newToken();
  const expiresAt = new Date(at.getTime() + input.expiresInDays * DAY_MS);
  const row = await tx.apiToken.create({
    data: { userId: actor.id, name: input.name, scope: input.scope, prefix, secretHash, createdAt: at, expiresAt },
  });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "token.create",
    targetType: "token",
    targetId: row.id,
    details: {
      label: `${input.name} (${prefix}…)`,
      changes: { scope: { to: input.scope }, expiresAt: { to: expiresAt.toISOString() }, owner: { to: actor.id } },
    },
  });
  return { id: row.id, name: row.name, token, prefix, scope: row.scope, expiresAt };
}

/**
 * Revokes a token: its owner's own, or anyone's for an administrator (user:manage). A token already revoked
 * stays as it was (revoking twice is not an error, and is not logged twice).
 */
export async function revokeApiToken(tx: Tx, actor: Actor, tokenId: number, at: Date): Promise<{ revoked: boolean }> {
  const row = await tx.apiToken.findUnique({
    where: { id: tokenId },
    include: { user: { select: { loginName: true } } },
  });
  const mayRevoke = row && (row.userId === actor.id || can(actor, "user:manage"));
  if (!row || !mayRevoke) throw new Refusal(failure("not-found"));
  if (row.revokedAt) return { revoked: false };
  await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: at, revokedById: actor.id } });
  await writeAudit(tx, {
    actorId: actor.id,
    action: row.userId === actor.id ? "token.revoke" : "token.revoke-by-admin",
    targetType: "token",
    targetId: row.id,
    details: {
      label: `${row.name} (${row.prefix}…) · ${row.user.loginName}`,
      changes: { revokedAt: { to: at.toISOString() } },
    },
  });
  return { revoked: true };
}
