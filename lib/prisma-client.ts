// Builds a Prisma client on the node-postgres driver adapter. Shared by the app (lib/db.ts), the scripts
// (migrate, seed, start) and the tests, which is why it is not marked server-only.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;
export { Prisma } from "./generated/prisma/client";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  // Prisma's defaults (2 s to get a connection for a transaction, 5 s to finish it) refuse writes as
  // "unavailable" when many editors save at once on a busy two-core server; a save that waits a few seconds
  // is better than a save refused. A database that is really down still fails at once (connection refused).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
}
