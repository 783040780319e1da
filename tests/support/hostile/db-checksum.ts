// "Nothing was written", measured on the whole database rather than on the tables a test expects to change.
// checksum(): row count and md5 of every row of every table in the public schema (exact, a few hundred ms).
// quickFingerprint(): a counter of committed row writes kept by triggers, cheap enough to read after each
// generated input. Row locks (SELECT … FOR UPDATE) are not writes and do not move it.
import type { Db } from "../../../lib/prisma-client";

async function tables(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  return rows.map((r) => r.name);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function checksum(db: Db): Promise<Record<string, string>> {
  const names = await tables(db);
  const sql = names
    .map(
      (n) =>
        `SELECT '${n}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') AS h FROM ${ident(n)} x`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/**
 * A counter of committed row writes, in a schema of its own (checksum() reads only public): a row-level trigger on
 * every public table adds one for each row inserted, updated or deleted, and a statement-level one for TRUNCATE.
 * The counter's own update commits or rolls back with the write that made it, so it moves exactly when a write
 * commits. Installed once per test database, on the first fingerprint.
 */
async function installWriteCounter(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS test_probe`);
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS test_probe.writes (id int PRIMARY KEY, n bigint NOT NULL)`);
  await db.$executeRawUnsafe(`INSERT INTO test_probe.writes VALUES (1, 0) ON CONFLICT DO NOTHING`);
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_probe.count_write() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN UPDATE test_probe.writes SET n = n + 1 WHERE id = 1; RETURN NULL; END $$`);
  for (const n of await tables(db)) {
    await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER zz_test_probe_row AFTER INSERT OR UPDATE OR DELETE ON ${ident(n)}
      FOR EACH ROW EXECUTE FUNCTION test_probe.count_write()`);
    await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER zz_test_probe_truncate AFTER TRUNCATE ON ${ident(n)}
      FOR EACH STATEMENT EXECUTE FUNCTION test_probe.count_write()`);
  }
}

const counted = new WeakSet<Db>();

/**
 * A fingerprint that changes with every committed write to any public table: the write counter above (one row
 * read, however large the tables; a per-table scan of count and newest xmin took most of the hostile tests' time
 * once the sample held a year of reports).
 */
export async function quickFingerprint(db: Db): Promise<string> {
  if (!counted.has(db)) {
    await installWriteCounter(db);
    counted.add(db);
  }
  const [row] = await db.$queryRawUnsafe<{ n: string }[]>(`SELECT n::text AS n FROM test_probe.writes WHERE id = 1`);
  return `writes=${row!.n}`;
}
