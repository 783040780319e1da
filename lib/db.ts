import "server-only";
import { env } from "./env";
import { createPrismaClient, type Db } from "./prisma-client";

// One client per process, created on first use (so `next build` needs no database) and kept on globalThis
// so hot reloads in development do not open a new pool each time.
const globalForDb = globalThis as unknown as { __trackerDb?: Db };

export function db(): Db {
  globalForDb.__trackerDb ??= createPrismaClient(env().DATABASE_URL);
  return globalForDb.__trackerDb;
}
