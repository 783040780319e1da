// Each integration test file gets its own real PostgreSQL database, so files never see each other's data.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../../lib/prisma-client";
import { adminQuery, databaseUrl } from "../../scripts/db/test-cluster";

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A fresh database: migrated (cloned from the template) unless `empty` is set. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${inject("templateDb")}"`);
  const url = databaseUrl(adminUrl, name);
  const db = createPrismaClient(url, { max: 4 });
  return {
    name,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
