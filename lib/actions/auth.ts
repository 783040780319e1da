"use server";
// Sign-in and sign-out: public by design, the only actions that do not require a signed-in user (see the
// permission walk test).
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { db } from "../db";
import { readSessionClaims } from "../auth/claims";
import { endSession } from "../auth/ended-sessions";
import { signIn, signOut } from "../auth/next-auth";
import { oidcSettings, OIDC_PROVIDER_ID } from "../auth/oidc";
import { checkThrottle, normalizeLoginName } from "../auth/throttle";
import { safeCallbackUrl, signInSchema } from "../validations/auth";
import { logger } from "../log";

export interface SignInState {
  error?: "invalid" | "throttled";
  minutes?: number;
  fieldErrors?: Record<string, string[]>;
  loginName?: string;
}

export async function signInWithPassword(_prev: SignInState, input: FormData): Promise<SignInState> {
  // The arguments come from the request as sent: anything that is not a form is an empty form.
  const formData = input instanceof FormData ? input : new FormData();
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const loginName = formData.get("loginName");
    return {
      fieldErrors: parsed.error.flatten().fieldErrors,
      loginName: typeof loginName === "string" ? loginName.slice(0, 64) : "",
    };
  }
  const { loginName, password, callbackUrl } = parsed.data;
  try {
    // Succeeds by throwing Next's redirect, which must propagate.
    await signIn("credentials", { loginName, password, redirectTo: callbackUrl });
    return {};
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if ((error as AuthError & { code?: string }).code === "throttled") {
      const ip = (await headers()).get("x-tracker-client-ip") ?? "unknown";
      const verdict = await db().$transaction((tx) => checkThrottle(tx, normalizeLoginName(loginName), ip, new Date()));
      const minutes = verdict.allowed ? 1 : Math.max(1, Math.ceil((verdict.retryAt.getTime() - Date.now()) / 60_000));
      return { error: "throttled", minutes, loginName };
    }
    return { error: "invalid", loginName };
  }
}

export async function signInWithSso(formData: FormData): Promise<void> {
  if (!oidcSettings()) return;
  await signIn(OIDC_PROVIDER_ID, {
    redirectTo: safeCallbackUrl(formData instanceof FormData ? formData.get("callbackUrl") : null),
  });
}

export async function signOutAction(): Promise<void> {
  // The session is ended for good (a copy of the cookie stops working everywhere), then the cookie cleared.
  const claims = await readSessionClaims().catch(() => null);
  if (claims) {
    try {
      await endSession(db(), claims);
    } catch (error) {
      // Database down: this browser is still signed out; the session itself lapses at its expiry.
      logger().error(
        { sessionId: claims.sessionId, reason: (error as Error).message.split("\n")[0] },
        "auth: could not record the sign-out",
      );
    }
  }
  await signOut({ redirectTo: "/login?signedOut=1" });
}
