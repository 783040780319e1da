// Local account sign-in: throttle check, argon2id verification and the attempt record, in one transaction.
import type { Db } from "../prisma-client";
import { randomUUID } from "node:crypto";
import { countSignIn } from "../metrics";
import { hashPassword, verifyPassword } from "../password";
import { checkThrottle, lockAccountAttempts, normalizeLoginName, recordAttempt } from "./throttle";

export type CredentialsOutcome =
  | { ok: true; user: { id: number; displayName: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

// A real argon2id hash of a random string, made once: unknown accounts cost as much time as known ones.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
}

export async function checkCredentials(
  db: Db,
  input: { loginName: string; password: string },
  ip: string,
  now: Date = new Date(),
): Promise<CredentialsOutcome> {
  const loginName = normalizeLoginName(input.loginName);
  const outcome = await db.$transaction(
    async (tx) => {
      await lockAccountAttempts(tx, loginName);
      const verdict = await checkThrottle(tx, loginName, ip, now);
      if (!verdict.allowed) return { ok: false, reason: "throttled", retryAt: verdict.retryAt } as const;

      const user = await tx.user.findFirst({ where: { loginName: { equals: loginName, mode: "insensitive" } } });
      const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummy()), input.password);
      const ok = Boolean(user && passwordOk && !user.disabled && !user.pendingApproval);
      await recordAttempt(tx, loginName, ip, ok, now);
      if (!ok || !user) return { ok: false, reason: "invalid" } as const;
      return {
        ok: true,
        user: { id: user.id, displayName: user.displayName, sessionVersion: user.sessionVersion },
      } as const;
    },
    { timeout: 15_000 },
  );
  countSignIn(outcome.ok ? "success" : outcome.reason === "throttled" ? "throttled" : "failed");
  return outcome;
}
