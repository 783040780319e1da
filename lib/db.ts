import "server-only";
import { env } from "./env";
import { closeOnStop } from "./process-stop";
import { createPrismaClient, type Db } from "./prisma-client";

// One client per process, created on first use (so `next build` needs no database) and kept on globalThis
// so hot reloads in development do not open a new pool each time. A stop closes its pool after the HTTP
// server has drained (scripts/shutdown.ts).
const globalForDb = globalThis as unknown as { __trackerDb?: Db };

export function db(): Db {
  if (!globalForDb.__trackerDb) {
    const client = createPrismaClient(env().DATABASE_URL, { metricsName: "app" });
    globalForDb.__trackerDb = client;
    closeOnStop("app database pool", () => client.$disconnect());
  }
  return globalForDb.__trackerDb;
}
