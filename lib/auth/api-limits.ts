import "server-only";
// Per-token request limits of the open API, counted in PostgreSQL (api_rate_limits) so that every app
// instance shares them: a fixed one-minute window, one upsert per request. Old windows are dropped as new ones
// begin. API_RATE_LIMIT (requests per minute per token, default 120) is read on every call, so a test or an
// operator can change it without a restart.
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { RATE_WINDOW_MS } from "../api-windows";

export const WINDOW_MS = RATE_WINDOW_MS;
export const DEFAULT_RATE_LIMIT = 120;

export function rateLimitPerMinute(): number {
  const raw = Number(process.env.API_RATE_LIMIT);
  return Number.isInteger(raw) && raw > 0 ? raw : DEFAULT_RATE_LIMIT;
}

export type RateDecision =
  | { ok: true; limit: number; remaining: number; resetSeconds: number }
  | { ok: false; limit: number; retryAfterSeconds: number };

export async function takeRequest(tokenId: number, at: Date): Promise<RateDecision> {
  const limit = rateLimitPerMinute();
  const windowStart = new Date(Math.floor(at.getTime() / WINDOW_MS) * WINDOW_MS);
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - at.getTime()) / 1000));
  const rows = await db().$queryRaw<{ count: number; fresh: boolean }[]>(Prisma.sql`
    INSERT INTO api_rate_limits (token_id, window_start, count) VALUES (${tokenId}, ${windowStart}, 1)
    ON CONFLICT (token_id, window_start) DO UPDATE SET count = api_rate_limits.count + 1
    RETURNING count, (xmax = 0) AS fresh`);
  const { count, fresh } = rows[0]!;
  // A new window: the token's older windows are done with.
  if (fresh)
    await db().$executeRaw(
      Prisma.sql`DELETE FROM api_rate_limits WHERE token_id = ${tokenId} AND window_start < ${windowStart}`,
    );
  if (count > limit) return { ok: false, limit, retryAfterSeconds: resetSeconds };
  return { ok: true, limit, remaining: limit - count, resetSeconds };
}
