// The open API's bookkeeping, cleaned up on the job queue (task "api-cleanup", lib/jobs/crontab.ts): Idempotency-Key
// rows older than the day they are kept, and rate-limit counters of windows that ended more than a window ago. The
// request path drops a token's own old rows as it goes (lib/http/idempotency.ts, lib/auth/api-limits.ts); this
// takes what tokens no longer used, revoked or expired leave behind. Idempotent; the time comes from the caller's
// clock, so tests move it.
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../prisma-client";
import { IDEMPOTENCY_KEEP_MS, RATE_WINDOW_MS } from "../api-windows";

export interface ApiCleanup {
  idempotencyKeys: number;
  rateWindows: number;
}

export async function cleanUpApiBookkeeping(client: Pick<Db, "$executeRaw">, at: Date): Promise<ApiCleanup> {
  const keysBefore = new Date(at.getTime() - IDEMPOTENCY_KEEP_MS);
  // The window before the current one is left alone: an instance whose clock is a little behind may still count in it.
  const currentWindow = Math.floor(at.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  const windowsBefore = new Date(currentWindow - RATE_WINDOW_MS);
  const idempotencyKeys = await client.$executeRaw(
    Prisma.sql`DELETE FROM api_idempotency WHERE created_at < ${keysBefore}`,
  );
  const rateWindows = await client.$executeRaw(
    Prisma.sql`DELETE FROM api_rate_limits WHERE window_start < ${windowsBefore}`,
  );
  return { idempotencyKeys, rateWindows };
}
