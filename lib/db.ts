import "server-only";
import { env } from "./env";
import { closeOnStop } from "./process-stop";
import { createPrismaClient, type Db } from "./prisma-client";

// One client per process, created on first use (so `next build` needs no database) and kept on globalThis
// so hot reloads in development do not open a new pool each time. A stop closes its pool after the HTTP
// server has drained (scripts/shutdown.ts).
const globalForDb = globalThis as unknown as { __trackerDb?: Db; __trackerReportDb?: Db };

/**
 * Connections of the pool that builds status reports. A report of everything runs its queries side by side
 * for seconds; on the pages' pool it held most of the ten connections while up to 31 page requests waited
 * for one (the soak, 2026-12-07). Its own small pool keeps exports from starving the pages, and the pages
 * from starving a report.
 */
export const REPORT_POOL_SIZE = 4;

export function db(): Db {
  if (!globalForDb.__trackerDb) {
    const client = createPrismaClient(env().DATABASE_URL, { metricsName: "app" });
    globalForDb.__trackerDb = client;
    closeOnStop("app database pool", () => client.$disconnect());
  }
  return globalForDb.__trackerDb;
}

/** The pool that status reports are built on (lib/data/reports.ts), separate from the pages' (see above). */
export function reportDb(): Db {
  if (!globalForDb.__trackerReportDb) {
    const client = createPrismaClient(env().DATABASE_URL, { max: REPORT_POOL_SIZE, metricsName: "reports" });
    globalForDb.__trackerReportDb = client;
    closeOnStop("report database pool", () => client.$disconnect());
  }
  return globalForDb.__trackerReportDb;
}
