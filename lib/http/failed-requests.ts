// Request ids whose render failed (instrumentation.ts's onRequestError), for `npm start`'s page cache: a page
// answered with 200 after its stream had begun can still carry an error boundary, and must not be kept.
// On globalThis because Next's bundle and the custom server each load their own copy of this module.
const KEY = Symbol.for("chengyu-tracker.failed-requests");
const MAX = 1000;

function failed(): Set<string> {
  const holder = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (holder[KEY] ??= new Set());
}

export function markRequestFailed(requestId: string): void {
  const set = failed();
  set.add(requestId);
  // Ids of requests the cache never asks about (an API call's) go oldest first.
  if (set.size > MAX) set.delete(set.values().next().value as string);
}

/** Whether the request failed; forgets it (each id is asked about once, when its response has ended). */
export function takeRequestFailed(requestId: string): boolean {
  return failed().delete(requestId);
}
