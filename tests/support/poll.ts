// Waiting for something another runner (a job runner, a second instance) does: poll, not sleep.

/**
 * Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. Between checks it
 * yields and makes one database round trip (`db`), so the wait is paced by real work, never by a timer.
 */
export async function pollUntil<T>(
  db: { $executeRawUnsafe(query: string): Promise<unknown> },
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
    await db.$executeRawUnsafe("SELECT 1");
  }
}
