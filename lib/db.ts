import "server-only";
import { env } from "./env";
import { closeOnStop } from "./process-stop";
import { outsideRequests } from "./outside-requests";
import { createPrismaClient, type Db } from "./prisma-client";

// One client per process, created on first use (so `next build` needs no database) and kept on globalThis
// so hot reloads in development do not open a new pool each time. A stop closes its pool after the HTTP
// server has drained (scripts/shutdown.ts).
const globalForDb = globalThis as unknown as { __trackerPools?: Map<string, Db> };

/** The process's pool named `name` (its label in the metrics), opened on first use and closed on stop. */
function pool(name: string, max?: number): Db {
  const pools = (globalForDb.__trackerPools ??= new Map());
  let client = pools.get(name);
  if (!client) {
    // Opened by the first request that needs it, but it outlives that request (lib/outside-requests.ts).
    const opened = outsideRequests(() => createPrismaClient(env().DATABASE_URL, { max, metricsName: name }));
    pools.set(name, opened);
    closeOnStop(`${name} database pool`, () => opened.$disconnect());
    client = opened;
  }
  return client;
}

/**
 * Connections of the pool that builds status reports. A report of everything runs up to about four queries
 * side by side for seconds, and the gate (lib/export/gate.ts) lets two reports build at once: on the pages'
 * pool of ten they could hold most of it while page requests queue (up to 31 waited in the soak, 2026-12-07,
 * most of them for the pages' own queries). Its own small pool keeps exports from starving the pages, and the
 * pages from starving a report.
 */
export const REPORT_POOL_SIZE = 4;

/** The pages' pool (its size: lib/prisma-client.ts). */
export function db(): Db {
  return pool("app");
}

/** The pool that status reports are built on (lib/data/reports.ts), separate from the pages' (see above). */
export function reportDb(): Db {
  return pool("reports", REPORT_POOL_SIZE);
}
