// How long the open API keeps its bookkeeping rows: one place for the writers (lib/http/idempotency.ts,
// lib/auth/api-limits.ts, both for the request layer) and the scheduled cleanup (lib/writes/api-housekeeping.ts,
// run by the job queue, which must not import the request layer's modules).

/** An Idempotency-Key's claim and stored answer are kept this long (a day). */
export const IDEMPOTENCY_KEEP_MS = 24 * 60 * 60_000;
/** A rate-limit window: requests are counted per token per fixed minute. */
export const RATE_WINDOW_MS = 60_000;
