import "server-only";
// The database's data version (table data_version), read once per request: the key that tells every app
// instance whether its cached aggregates still describe the data.
import { cache } from "react";
import { db } from "../db";
import { VersionKeyedCache } from "./version-keyed";

export const currentDataVersion = cache(async (): Promise<string> => {
  const rows = await db().$queryRaw<{ version: string }[]>`SELECT version::text AS version FROM data_version WHERE id = 1`;
  return rows[0]?.version ?? "0";
});

const globalForCache = globalThis as unknown as { __trackerAggregates?: VersionKeyedCache };

/** The process's cache of portfolio aggregates (dashboard widgets). */
export function aggregateCache(): VersionKeyedCache {
  globalForCache.__trackerAggregates ??= new VersionKeyedCache();
  return globalForCache.__trackerAggregates;
}
