// Auth.js v5: local accounts (argon2id) and, when configured, OIDC. Sessions are JWTs carrying only the user id,
// the account's session version and the session's own id (which signing out ends: ended_sessions); who the
// user is and what they may do is re-read on each request.
import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db";
import { checkCredentials } from "./credentials";
import { matchOidcIdentity, OIDC_PROVIDER_ID, oidcSettings } from "./oidc";
import { logger } from "../log";

declare module "next-auth" {
  interface Session {
    sessionVersion?: number;
    sessionId?: string;
  }
}

/** A working day; re-issued while in use (updateAge), so an active person is not signed out mid-task. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

class ThrottledSignin extends CredentialsSignin {
  override code = "throttled";
}

const credentialsSchema = z.object({
  loginName: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

function sameSitePath(url: string): string {
  try {
    const parsed = new URL(url, "http://placeholder.invalid");
    const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    return path.startsWith("/") && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}

function clientIp(request: Request): string {
  // Set by scripts/start.ts from the socket (or the trusted proxy), overwriting anything the client sent.
  return request.headers.get("x-tracker-client-ip")?.slice(0, 64) || "unknown";
}

const providers: NextAuthConfig["providers"] = [
  Credentials({
    credentials: { loginName: {}, password: {} },
    async authorize(raw, request) {
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) return null;
      const outcome = await checkCredentials(db(), parsed.data, clientIp(request));
      if (!outcome.ok) {
        if (outcome.reason === "throttled") throw new ThrottledSignin();
        return null;
      }
      return {
        id: String(outcome.user.id),
        name: outcome.user.displayName,
        sessionVersion: outcome.user.sessionVersion,
      };
    },
  }),
];

const oidc = oidcSettings();
if (oidc) {
  providers.push({
    id: OIDC_PROVIDER_ID,
    name: oidc.name,
    type: "oidc",
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    checks: ["pkce", "state", "nonce"],
  });
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers,
  callbacks: {
    // Redirect only to paths on this site, as relative URLs: behind a proxy or on loopback the host name
    // Next.js believes it serves (e.g. localhost) can differ from the one in the browser, and dropping any
    // origin also rules out open redirects.
    redirect({ url }) {
      return sameSitePath(url);
    },
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      if (!profile?.sub) return "/login?error=sso";
      const match = await matchOidcIdentity(db(), {
        sub: profile.sub,
        preferredUsername: typeof profile.preferred_username === "string" ? profile.preferred_username : null,
        name: typeof profile.name === "string" ? profile.name : null,
      });
      return match.ok ? true : `/login?error=${match.reason}`;
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === OIDC_PROVIDER_ID && profile?.sub) {
        const match = await matchOidcIdentity(db(), { sub: profile.sub });
        if (match.ok) {
          token.uid = match.userId;
          token.sv = match.sessionVersion;
        }
      } else if (user && account?.provider === "credentials") {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      // A new id at each sign-in, kept when the cookie is re-issued (Auth.js's own jti changes every time).
      if (account) token.sid = randomUUID();
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: String(token.uid ?? "") },
        sessionVersion: typeof token.sv === "number" ? token.sv : undefined,
        sessionId: typeof token.sid === "string" ? token.sid : undefined,
      };
    },
  },
  logger: {
    // Failed sign-ins are expected (and recorded in sign_in_attempts); do not fill the log with stack traces.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin" || type === "AccessDenied") return;
      // An expired or tampered session cookie simply means "not signed in".
      if (type === "JWTSessionError") {
        logger().warn({ reason: error.message.split("\n")[0] }, "auth: ignored an invalid session cookie");
        return;
      }
      logger().error({ err: error }, "auth: error");
    },
  },
});
