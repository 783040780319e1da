// The run's sample template: a database migrated and seeded with the document and the sample year (slow: minutes
// of CPU), made once per test run and cloned by every test file and e2e app that wants sample data
// (CREATE DATABASE … TEMPLATE, a file copy). Whoever comes first seeds it, under an advisory lock the others wait
// on; `npm test` starts that seed in the background at the beginning of the run (scripts/seed-sample-template.ts)
// so it overlaps the type check, lint and the integration files that need no sample.
import pg from "pg";
import { createPrismaClient } from "../../lib/prisma-client";
import { seed } from "../../prisma/seed/run";
import { migrate } from "./migrate";
import { databaseUrl } from "./test-cluster";

/** What the background seed prints once it holds the lock. */
export const SEEDING_LOCKED = "• sample template: seeding in the background";

/** The advisory lock (on the admin database) held while the template is seeded. */
const SEEDING_LOCK = 72707371;

/**
 * Makes the sample template `name` unless it exists: cloned from the migrated `from` database when given, else
 * created and migrated here; seeded under another name and renamed once done, so a seed cut short (a hook timed
 * out, a worker stopped) leaves no half-seeded template for the others to clone. `onLocked` is told as soon as
 * this caller holds the lock (the background seed signals its start with it). Answers whether it seeded.
 */
export async function ensureSampleTemplate(
  adminUrl: string,
  name: string,
  options: { from?: string; onLocked?: () => void } = {},
): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [SEEDING_LOCK]);
    options.onLocked?.();
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    const building = `${name}_seeding`;
    await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    const url = databaseUrl(adminUrl, building);
    if (options.from) await client.query(`CREATE DATABASE "${building}" TEMPLATE "${options.from}"`);
    else {
      await client.query(`CREATE DATABASE "${building}"`);
      await migrate(url);
    }
    const db = createPrismaClient(url, { max: 2 });
    try {
      // The real time, whatever clock a test file has set: every file and the e2e step share this one.
      await seed(db, { sample: true, now: new Date() });
    } finally {
      await db.$disconnect();
    }
    await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}
