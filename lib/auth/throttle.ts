// Sign-in throttling, stored in PostgreSQL so the limits hold across every app instance on the database.
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

export const THROTTLE = {
  windowMs: 15 * 60_000,
  /** failed attempts on one account (since its last success) within the window */
  perAccount: 5,
  /** failed attempts from one address within the window, whatever the account */
  perAddress: 30,
} as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAt: Date };

export function normalizeLoginName(loginName: string): string {
  return loginName.trim().toLowerCase();
}

/**
 * Serialises attempts on one account across connections and instances for the rest of the transaction,
 * so a burst of parallel guesses cannot all pass the check before any of them is recorded.
 */
export async function lockAccountAttempts(tx: Tx, loginName: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370, hashtext(${loginName}))`;
}

export async function checkThrottle(tx: Tx, loginName: string, ip: string, now: Date): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const [accountFailures, addressFailures] = await Promise.all([
    tx.$queryRaw<{ created_at: Date }[]>`
      SELECT created_at FROM sign_in_attempts
      WHERE login_name = ${loginName} AND NOT succeeded AND created_at > ${since}
        AND created_at > COALESCE((SELECT max(created_at) FROM sign_in_attempts
                                   WHERE login_name = ${loginName} AND succeeded), '-infinity')
      ORDER BY created_at DESC LIMIT ${THROTTLE.perAccount}`,
    tx.$queryRaw<{ created_at: Date }[]>`
      SELECT created_at FROM sign_in_attempts
      WHERE ip = ${ip} AND NOT succeeded AND created_at > ${since}
      ORDER BY created_at DESC LIMIT ${THROTTLE.perAddress}`,
  ]);
  // Locked until the oldest failure that counts towards the limit leaves the window.
  const retryAts: number[] = [];
  if (accountFailures.length >= THROTTLE.perAccount)
    retryAts.push(accountFailures.at(-1)!.created_at.getTime() + THROTTLE.windowMs);
  if (addressFailures.length >= THROTTLE.perAddress)
    retryAts.push(addressFailures.at(-1)!.created_at.getTime() + THROTTLE.windowMs);
  return retryAts.length ? { allowed: false, retryAt: new Date(Math.max(...retryAts)) } : { allowed: true };
}

export async function recordAttempt(
  tx: Tx,
  loginName: string,
  ip: string,
  succeeded: boolean,
  now: Date,
): Promise<void> {
  await tx.signInAttempt.create({ data: { loginName, ip, succeeded, createdAt: now } });
}
