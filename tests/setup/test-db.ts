// Each integration test file gets its own real PostgreSQL database, so files never see each other's data.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../../lib/prisma-client";
import pg from "pg";
import { seed } from "../../prisma/seed/run";
import { adminQuery, databaseUrl } from "../../scripts/db/test-cluster";
import { sampleTemplateName } from "./template-names";

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/**
 * The migrated template with the document and sample data seeded, made once per run by whichever test file
 * asks first (an advisory lock keeps parallel files from seeding it twice; the others wait, within the
 * integration project's hookTimeout); the run's teardown drops it.
 */
async function sampleTemplate(adminUrl: string): Promise<string> {
  const name = sampleTemplateName(inject("templateDb"));
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(72707371)");
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      // Seeded under another name and renamed once done: a seed cut short (its file's hook timed out, its worker
      // stopped) leaves no unseeded template for the other files to clone.
      const building = `${name}_seeding`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}" TEMPLATE "${inject("templateDb")}"`);
      const db = createPrismaClient(databaseUrl(adminUrl, building), { max: 2 });
      try {
        // The real time, whatever clock the asking file has set: every file (and npm test's e2e step) shares it.
        await seed(db, { sample: true, now: new Date() });
      } finally {
        await db.$disconnect();
      }
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    }
    return name;
  } finally {
    await client.end();
  }
}

/**
 * A fresh database of its own: migrated (cloned from the template), or `empty`, or with the document and the
 * sample data already seeded (`sample`, cloned from a seeded template: much faster than seeding per file).
 */
export async function createTestDatabase(options: { empty?: boolean; sample?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const template = options.sample ? await sampleTemplate(adminUrl) : inject("templateDb");
  await adminQuery(
    adminUrl,
    options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${template}"`,
  );
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
