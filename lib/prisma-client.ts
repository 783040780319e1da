// Builds a Prisma client on the node-postgres driver adapter. Shared by the app (lib/db.ts), the scripts
// (migrate, seed, start) and the tests, which is why it is not marked server-only.
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { newPgPool } from "./pg-pool";
import { PrismaClient } from "./generated/prisma/client";
import { observeQuery, registerPool } from "./metrics";

export type Db = PrismaClient;
export { Prisma } from "./generated/prisma/client";

export interface PrismaClientOptions {
  /** the pool's size (default 10) */
  max?: number;
  /** a name to report the pool under in the metrics (lib/metrics.ts): its connections and its queries' time */
  metricsName?: string;
}

export function createPrismaClient(connectionString: string, options: PrismaClientOptions = {}): PrismaClient {
  // Our own pool rather than the adapter's, so that the metrics can read its counts and time its queries;
  // the adapter ends it on $disconnect (disposeExternalPool).
  const pool = newPgPool({ connectionString, max: options.max ?? 10 });
  const name = options.metricsName;
  if (name) {
    const unregister = registerPool(name, () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }));
    pool.on("connect", (client) => timeQueries(client, name));
    const end = pool.end.bind(pool);
    pool.end = (() => {
      unregister();
      return end();
    }) as typeof pool.end;
  }
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Prisma's defaults (2 s to get a connection for a transaction, 5 s to finish it) refuse writes as
  // "unavailable" when many editors save at once on a busy two-core server; a save that waits a few seconds
  // is better than a save refused. A database that is really down still fails at once (connection refused).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
}

/** Times every query of `client`, whether it answers by promise or by callback (pool.query uses the latter). */
function timeQueries(client: pg.PoolClient, pool: string): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const started = performance.now();
    const done = (ok: boolean) => observeQuery(pool, (performance.now() - started) / 1000, ok);
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
        done(!error);
        return (last as (...a: unknown[]) => unknown)(error, ...rest);
      };
    }
    const result = query(...args);
    if (result instanceof Promise)
      result.then(
        () => done(true),
        () => done(false),
      );
    return result;
  };
}
