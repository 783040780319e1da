// Each integration test file gets its own real PostgreSQL database, so files never see each other's data.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type Db } from "../../lib/prisma-client";
import { ensureSampleTemplate } from "../../scripts/db/sample-template";
import { adminQuery, databaseUrl } from "../../scripts/db/test-cluster";
import { sampleTemplateName } from "./template-names";

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/**
 * The migrated template with the document and sample data seeded, made once per run (scripts/db/sample-template.ts):
 * by npm test's background seed, or else by whichever test file asks first while the others wait (within the
 * integration project's hookTimeout); the run's teardown drops it unless npm test owns it.
 */
async function sampleTemplate(adminUrl: string): Promise<string> {
  const name = sampleTemplateName(inject("templateDb"));
  await ensureSampleTemplate(adminUrl, name, { from: inject("templateDb") });
  return name;
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

/**
 * The test file's own database (createTestDatabase), made before its tests and dropped after them, with
 * DATABASE_URL pointing the app's code at it. The handle is filled in by the file's beforeAll.
 */
export function fileDatabase(options: { empty?: boolean; sample?: boolean } = {}): TestDatabase {
  const handle = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(handle, await createTestDatabase(options));
    process.env.DATABASE_URL = handle.url;
  });
  afterAll(async () => handle.drop());
  return handle;
}
