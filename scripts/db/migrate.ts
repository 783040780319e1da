// Applies prisma/migrations/*/migration.sql in order and records them in `_prisma_migrations` exactly as
// `prisma migrate deploy` does (same table, sha256 checksum of the file, advisory lock 72707369), so a
// database migrated here is accepted by Prisma's own tooling where its schema engine can be downloaded.
// Prisma's schema engine cannot be fetched on our machines, which is why this runner exists.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { installJobSchema } from "../../lib/jobs/schema";
import { projectRoot } from "../project-root";

export const PRISMA_MIGRATE_LOCK_ID = 72707369;
export const DEFAULT_MIGRATIONS_DIR = join(projectRoot(), "prisma", "migrations");

export const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const buf = await readFile(join(dir, name, "migration.sql"));
      return { name, sql: buf.toString("utf8"), checksum: createHash("sha256").update(buf).digest("hex") };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations, then installs or upgrades the job queue's schema; returns the names of the
 * migrations it applied. Safe to run from several processes at once.
 */
export async function migrate(connectionString: string, dir = DEFAULT_MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `migration ${failed.migration_name} failed earlier; fix the database, then mark it rolled back ` +
          `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}')`,
      );
    }
    const applied = new Map(rows.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
    for (const name of applied.keys()) {
      const file = migrations.find((m) => m.name === name);
      if (file && file.checksum !== applied.get(name)) {
        throw new MigrationError(`migration ${name} was edited after it was applied; add a new migration instead`);
      }
    }

    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, m.checksum, m.name],
      );
      try {
        // One transaction per migration: a failing script leaves no half-applied schema behind.
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        const message = err instanceof Error ? err.message : String(err);
        // Nothing of it was applied, so it is recorded as rolled back and the next run tries it again.
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [
          id,
          message,
        ]);
        throw new MigrationError(`migration ${m.name} failed: ${message}`);
      }
      await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
        id,
      ]);
      done.push(m.name);
    }
    // The job queue's own schema (graphile_worker, lib/jobs/schema.ts): a prepared database can take a job
    // before any runner starts. Under the same lock, so concurrent starts do not race its installation.
    await installJobSchema(connectionString);
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
