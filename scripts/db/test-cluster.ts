// A PostgreSQL server for tests: the one named by TEST_ADMIN_DATABASE_URL (set by scripts/test.ts, or by you
// to use your own server), else a throwaway embedded cluster in a temporary directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded";

export interface TestCluster {
  adminUrl: string;
  stop(): Promise<void>;
}

export async function acquireTestCluster(): Promise<TestCluster> {
  const given = process.env.TEST_ADMIN_DATABASE_URL;
  if (given) return { adminUrl: given, stop: async () => undefined };
  const dir = mkdtempSync(join(tmpdir(), "tracker-test-pg-"));
  const pgServer = await startEmbeddedPostgres({ dataDir: join(dir, "data"), ephemeral: true });
  return {
    adminUrl: pgServer.adminUrl,
    stop: async () => {
      await pgServer.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** URL of database `name` on the server behind `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
