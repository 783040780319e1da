import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrate, readMigrations } from "../../scripts/db/migrate";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("migration runner", () => {
  const dbs: TestDatabase[] = [];
  const empty = async () => {
    const t = await createTestDatabase({ empty: true });
    dbs.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  let url: string;
  let applied: string[];
  beforeAll(async () => {
    url = (await empty()).url;
    applied = await migrate(url);
  });

  it("applies every migration to an empty database, then nothing on a second run", async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(applied).toEqual(files.map((f) => f.name));
    expect(await migrate(url)).toEqual([]);
    const tables = await query<{ n: string }>(
      url,
      "SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(Number(tables[0]!.n)).toBeGreaterThan(10);
  });

  it("records _prisma_migrations rows the way Prisma does", async () => {
    const rows = await query<{
      id: string;
      checksum: string;
      finished_at: Date | null;
      migration_name: string;
      logs: string | null;
      rolled_back_at: Date | null;
      started_at: Date;
      applied_steps_count: number;
    }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY started_at`);
    const files = await readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const row of rows) {
      const sql = readFileSync(join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // The table itself has Prisma's exact column definitions.
    const cols = await query<{
      column_name: string;
      data_type: string;
      character_maximum_length: number | null;
      is_nullable: string;
    }>(
      url,
      `SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(cols).toEqual([
      { column_name: "id", data_type: "character varying", character_maximum_length: 36, is_nullable: "NO" },
      { column_name: "checksum", data_type: "character varying", character_maximum_length: 64, is_nullable: "NO" },
      {
        column_name: "finished_at",
        data_type: "timestamp with time zone",
        character_maximum_length: null,
        is_nullable: "YES",
      },
      {
        column_name: "migration_name",
        data_type: "character varying",
        character_maximum_length: 255,
        is_nullable: "NO",
      },
      { column_name: "logs", data_type: "text", character_maximum_length: null, is_nullable: "YES" },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        character_maximum_length: null,
        is_nullable: "YES",
      },
      {
        column_name: "started_at",
        data_type: "timestamp with time zone",
        character_maximum_length: null,
        is_nullable: "NO",
      },
      { column_name: "applied_steps_count", data_type: "integer", character_maximum_length: null, is_nullable: "NO" },
    ]);
  });

  it("applies each migration once when several processes migrate at the same time", async () => {
    const t = await empty();
    const results = await Promise.all([migrate(t.url), migrate(t.url), migrate(t.url)]);
    expect(results.flat().sort()).toEqual((await readMigrations()).map((f) => f.name).sort());
    const rows = await query<{ n: string }>(t.url, `SELECT count(*)::text AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.n)).toBe(results.flat().length);
  });

  it("rolls a failing migration back completely and retries it once fixed", async () => {
    const t = await empty();
    const dir = mkdtempSync(join(tmpdir(), "migrations-"));
    cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    const broken = join(dir, "29990101000000_broken");
    mkdirSync(broken);
    writeFileSync(join(broken, "migration.sql"), `CREATE TABLE "half" (id int);\nSELECT * FROM "no_such_table";\n`);
    await expect(migrate(t.url, dir)).rejects.toThrow(/29990101000000_broken failed/);
    const half = await query<{ n: string }>(
      t.url,
      `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name = 'half'`,
    );
    expect(half[0]!.n).toBe("0");
    const failed = await query<{ rolled_back_at: Date | null; logs: string | null }>(
      t.url,
      `SELECT rolled_back_at, logs FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]!.rolled_back_at).toBeInstanceOf(Date);
    expect(failed[0]!.logs).toMatch(/no_such_table/);

    writeFileSync(join(broken, "migration.sql"), `CREATE TABLE "half" (id int);\n`);
    expect(await migrate(t.url, dir)).toEqual(["29990101000000_broken"]);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const t = await empty();
    const dir = mkdtempSync(join(tmpdir(), "migrations-"));
    cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(t.url, dir);
    const first = (await readMigrations(dir))[0]!;
    writeFileSync(join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(migrate(t.url, dir)).rejects.toThrow(/was edited after it was applied/);
  });
});
