// 政务统一身份认证 (OIDC) sign-in: enabled by environment variables, and an identity is only ever *matched* to
// an account here; one with no account gets a pending, disabled account an administrator may approve.
import type { Db } from "../prisma-client";

export const OIDC_PROVIDER_ID = "gov-sso";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the button's label, e.g. 政务统一身份认证 */
  name: string;
}

export function oidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: env.OIDC_NAME?.trim() || "政务统一身份认证" };
}

export interface OidcIdentity {
  sub: string;
  preferredUsername?: string | null;
  name?: string | null;
}

export type OidcMatch =
  { ok: true; userId: number; sessionVersion: number } | { ok: false; reason: "pending" | "disabled" };

/**
 * Finds the account for an OIDC identity: by its linked subject, else by login name (linking it on first use).
 * An unknown identity becomes a pending request for access, recorded in the audit log.
 */
export async function matchOidcIdentity(db: Db, identity: OidcIdentity): Promise<OidcMatch> {
  return db.$transaction(async (tx) => {
    const username = identity.preferredUsername?.trim().toLowerCase() || null;
    let user = await tx.user.findUnique({ where: { oidcSubject: identity.sub } });
    if (!user && username) {
      const byName = await tx.user.findFirst({
        where: { loginName: { equals: username, mode: "insensitive" }, oidcSubject: null },
      });
      if (byName) {
        user = await tx.user.update({ where: { id: byName.id }, data: { oidcSubject: identity.sub } });
        await tx.auditLog.create({
          data: {
            actorId: null,
            action: "user.link-oidc",
            targetType: "user",
            targetId: String(user.id),
            details: { oidcSubject: identity.sub },
          },
        });
      }
    }
    if (!user) {
      const taken = username
        ? await tx.user.findFirst({ where: { loginName: { equals: username, mode: "insensitive" } } })
        : null;
      const created = await tx.user.create({
        data: {
          loginName: username && !taken ? username : `sso-${identity.sub}`.slice(0, 64),
          displayName: identity.name?.trim() || username || identity.sub,
          // No local password: this account signs in only through OIDC.
          passwordHash: "!",
          role: "VIEWER",
          disabled: true,
          pendingApproval: true,
          oidcSubject: identity.sub,
        },
      });
      await tx.auditLog.create({
        data: {
          actorId: null,
          action: "user.request-access",
          targetType: "user",
          targetId: String(created.id),
          details: { oidcSubject: identity.sub, name: created.displayName },
        },
      });
      return { ok: false, reason: "pending" } as const;
    }
    if (user.pendingApproval) return { ok: false, reason: "pending" } as const;
    if (user.disabled) return { ok: false, reason: "disabled" } as const;
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion } as const;
  });
}
