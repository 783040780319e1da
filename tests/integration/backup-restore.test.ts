// Backup and restore (scripts/db/backup): a dump taken while editors keep writing is one consistent snapshot;
// restored into an empty database every table has the same row count and checksum, history agrees with item
// state and sequences continue after the restored ids; corrupt, truncated and foreign dumps and non-empty
// targets are refused with the target left empty. The CLIs and the app on a restored database are exercised
// end to end in e2e/backup-restore.spec.ts.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../lib/prisma-client";
import { changeItem } from "../../lib/writes/item-change";
import { listTables, tableChecksum } from "../../scripts/db/backup/catalog";
import { backupDatabase } from "../../scripts/db/backup/dump";
import { BackupError, SESSION_SETTINGS, type DumpHeader } from "../../scripts/db/backup/format";
import { publicRelationCount, restoreDatabase } from "../../scripts/db/backup/restore";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

let source: TestDatabase;
const targets: TestDatabase[] = [];
let dir: string;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of SESSION_SETTINGS) await client.query(s);
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Every public table's row count and checksum, computed on the database itself. */
async function contents(url: string): Promise<Record<string, { rows: number; checksum: string }>> {
  return withClient(url, async (c) => {
    const out: Record<string, { rows: number; checksum: string }> = {};
    for (const t of await listTables(c)) out[t.name] = await tableChecksum(c, t.name);
    return out;
  });
}

async function emptyTarget(): Promise<TestDatabase> {
  const t = await createTestDatabase({ empty: true });
  targets.push(t);
  return t;
}

async function relations(url: string): Promise<number> {
  return withClient(url, (c) => publicRelationCount(c));
}

beforeAll(async () => {
  source = await createTestDatabase({ sample: true });
  // Every unit's 联络人 is one of its accounts: units → users → units, the one foreign-key cycle a restore must
  // load (the link is deferrable; catalog.ts, restore.ts).
  const linked = await source.db.$executeRaw`
    UPDATE units n SET contact_user_id = (SELECT min(u.id) FROM users u WHERE u.unit_id = n.id)
     WHERE EXISTS (SELECT 1 FROM users u WHERE u.unit_id = n.id)`;
  expect(linked).toBeGreaterThan(0);
  dir = mkdtempSync(join(tmpdir(), "tracker-backup-"));
});

afterAll(async () => {
  await source?.drop();
  for (const t of targets) await t.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  let file: string;
  let header: DumpHeader;
  let writesDuringBackup = 0;

  it("takes one consistent snapshot while editors keep writing", async () => {
    file = join(dir, "live.dump");
    const items = await source.db.item.findMany({
      where: { level: "ACTION", retiredAt: null },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 20,
    });
    let backupDone = false;
    let writes = 0;
    const writer = async (offset: number) => {
      for (let n = offset; !backupDone; n += 2) {
        const item = items[n % items.length]!;
        await source.db.$transaction((tx) =>
          changeItem(
            tx,
            item.id,
            { action: "UPDATE", fields: { progress: n % 101, responsiblePerson: `备份并发 ${n}` } },
            { actorId: null },
          ),
        );
        writes++;
      }
    };
    const writers = [writer(0), writer(1)];
    // The backup starts once writes are flowing, and they keep flowing until it ends.
    await expect.poll(() => writes, { timeout: 30_000 }).toBeGreaterThan(4);
    const before = writes;
    const summary = await backupDatabase(source.url, file).finally(() => (backupDone = true));
    await Promise.all(writers);
    header = summary.header;
    writesDuringBackup = writes - before;
    expect(writesDuringBackup, "writes committed while the backup ran").toBeGreaterThan(0);
    console.log(
      `backup: ${header.tables.length} tables, ${header.tables.reduce((n, t) => n + t.rows, 0)} rows; ${writesDuringBackup} item edits committed during it`,
    );

    // The header lists every table of the source (incl. _prisma_migrations) and every applied migration.
    const sourceTables = (await withClient(source.url, (c) => listTables(c))).map((t) => t.name).sort();
    expect(header.tables.map((t) => t.name).sort()).toEqual(sourceTables);
    expect(sourceTables).toContain("_prisma_migrations");
    const applied = await withClient(source.url, async (c) =>
      (await c.query<{ n: string }>(`SELECT migration_name AS n FROM _prisma_migrations ORDER BY 1`)).rows.map(
        (r) => r.n,
      ),
    );
    expect(header.migrations.map((m) => m.name)).toEqual(applied);
    // The source has moved on since the snapshot: its live history is longer than the dump's.
    const history = await contents(source.url);
    expect(history.item_history!.rows).toBeGreaterThan(header.tables.find((t) => t.name === "item_history")!.rows);
  }, 120_000);

  it("restores into an empty database with every table's row count and checksum equal to the snapshot", async () => {
    const target = await emptyTarget();
    const summary = await restoreDatabase(file, target.url);
    const restored = await contents(target.url);
    const mismatches = header.tables
      .filter((t) => restored[t.name]?.rows !== t.rows || restored[t.name]?.checksum !== t.checksum)
      .map((t) => t.name);
    expect(mismatches, "tables whose count or checksum differ from the dump").toEqual([]);
    expect(Object.keys(restored).sort()).toEqual(header.tables.map((t) => t.name).sort());
    expect(summary.tables.length).toBe(header.tables.length);
    console.log(
      `restore: ${header.tables.length}/${header.tables.length} tables match (row counts and checksums)${summary.recopied.length ? `; re-copied after triggers: ${summary.recopied.join(", ")}` : ""}`,
    );

    // Consistent snapshot: every item's state is the state its latest history row records, and no history
    // row is newer than its item — a backup torn between tables would break one of these.
    const disagreements = await withClient(target.url, async (c) => {
      const { rows } = await c.query<{ id: number }>(
        `SELECT i.id FROM items i
           LEFT JOIN item_history h ON h.item_id = i.id AND h.version = i.version
          WHERE h.id IS NULL OR h.progress IS DISTINCT FROM i.progress OR h.status IS DISTINCT FROM i.status
             OR EXISTS (SELECT 1 FROM item_history n WHERE n.item_id = i.id AND n.version > i.version)`,
      );
      return rows.map((r) => r.id);
    });
    expect(disagreements, "items whose state disagrees with their history").toEqual([]);
    // The sample data's people are there.
    const users = await withClient(
      target.url,
      async (c) => (await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM users`)).rows[0]!.n,
    );
    expect(Number(users)).toBe(header.tables.find((t) => t.name === "users")!.rows);
  }, 120_000);

  it("continues every sequence after the restored ids", async () => {
    const target = await emptyTarget();
    await restoreDatabase(file, target.url);
    await withClient(target.url, async (c) => {
      const { rows } = await c.query<{ id: number }>(
        `INSERT INTO units (name, side, kind, updated_at) VALUES ('恢复后新单位', 'JOINT', 'COORDINATION', now()) RETURNING id`,
      );
      const { rows: max } = await c.query<{ m: number }>(`SELECT max(id) AS m FROM units WHERE name <> '恢复后新单位'`);
      expect(rows[0]!.id).toBeGreaterThan(max[0]!.m);
    });
  }, 120_000);

  it("refuses a non-empty target and leaves it as it was", async () => {
    const before = await contents(source.url);
    await expect(restoreDatabase(file, source.url)).rejects.toThrow(/not empty/);
    expect(await contents(source.url)).toEqual(before);
  }, 60_000);

  it("refuses a corrupt or truncated file and leaves the target empty", async () => {
    const bytes = readFileSync(file);
    const corrupt = Buffer.from(bytes);
    for (let i = Math.floor(corrupt.length / 2); i < Math.floor(corrupt.length / 2) + 16; i++)
      corrupt[i] = corrupt[i]! ^ 0xff;
    const truncated = bytes.subarray(0, Math.floor(bytes.length * 0.7));
    // A complete gzip with one row of a table left out (milestones: nothing refers to them, so only the
    // content check can tell): gzip and the framing are intact.
    const text = gunzipSync(bytes).toString("utf8");
    const tableStart = text.indexOf("\nTABLE milestones\n");
    const tableEnd = text.indexOf("\n\\.\n", tableStart);
    expect(tableEnd - tableStart, "the dump has milestones").toBeGreaterThan(30);
    const cut = gzipSync(Buffer.from(text.slice(0, text.lastIndexOf("\n", tableEnd - 1)) + text.slice(tableEnd)));
    const cases: [string, Buffer, RegExp][] = [
      ["corrupt", corrupt, /corrupt|truncated/],
      ["truncated", truncated, /corrupt|truncated/],
      ["a row missing", cut, /does not match the dump/],
      ["not a dump", Buffer.from("hello"), /corrupt|not a tracker dump/],
    ];
    for (const [label, content, message] of cases) {
      const bad = join(dir, `${label.replace(/ /g, "-")}.dump`);
      writeFileSync(bad, content);
      const target = await emptyTarget();
      const error = await restoreDatabase(bad, target.url).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, label).toBeInstanceOf(BackupError);
      expect((error as Error).message, label).toMatch(message);
      expect(await relations(target.url), `${label}: the target is left empty`).toBe(0);
    }
  }, 180_000);

  it("refuses a dump made with a migration this code does not know", async () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const h = JSON.parse(lines[1]!) as DumpHeader;
    h.migrations.push({ name: "29990101000000_from_the_future", checksum: "0".repeat(64) });
    lines[1] = JSON.stringify(h);
    const future = join(dir, "future.dump");
    writeFileSync(future, gzipSync(Buffer.from(lines.join("\n"))));
    const target = await emptyTarget();
    await expect(restoreDatabase(future, target.url)).rejects.toThrow(/29990101000000_from_the_future is unknown/);
    expect(await relations(target.url)).toBe(0);
  }, 60_000);

  it("refuses a missing file clearly", async () => {
    const target = await emptyTarget();
    await expect(restoreDatabase(join(dir, "nope.dump"), target.url)).rejects.toThrow(/no such file/);
  });
});

describe("backup and restore of files kept in the database", () => {
  it("carries evidence attachments and a closed period's frozen files byte for byte", async () => {
    // Bytes of every value, in files from a few bytes to the 20 MB limit; written directly, as the app would.
    const report = await source.db.progressUpdate.findFirstOrThrow({
      where: { state: "APPROVED" },
      orderBy: { id: "asc" },
    });
    const blobs = [Buffer.from([0, 10, 13, 92, 255]), randomBytes(300_000), randomBytes(20 * 1024 * 1024)];
    const attachments = [];
    for (const [i, content] of blobs.entries()) {
      attachments.push(
        await source.db.attachment.create({
          data: {
            reportId: report.id,
            fileName: `备份测试\\佐证${i}\n.pdf`,
            mediaType: "application/pdf",
            size: content.length,
            sha256: sha256(content),
            content,
          },
        }),
      );
    }
    // A closed period with its 情况通报 files: written before the close, frozen by it.
    const period = await source.db.reportingPeriod.create({
      data: {
        kind: "MONTHLY",
        label: "2020年1月",
        labelEn: "January 2020",
        opensOn: new Date("2020-01-01"),
        deadline: new Date("2020-01-25"),
        closesOn: new Date("2020-01-31"),
        openedAt: new Date("2020-01-01T00:00:00Z"),
      },
    });
    const frozen = { docx: randomBytes(50_000), pdf: randomBytes(2 * 1024 * 1024) };
    for (const [format, content] of Object.entries(frozen)) {
      await source.db.periodFile.create({
        data: {
          periodId: period.id,
          format,
          fileName: `情况通报-2020年1月.${format}`,
          mediaType: format === "pdf" ? "application/pdf" : "application/octet-stream",
          sha256: sha256(content),
          content,
        },
      });
    }
    await source.db.reportingPeriod.update({
      where: { id: period.id },
      data: { closedAt: new Date("2020-02-01T00:00:00Z") },
    });

    const dump = join(dir, "files.dump");
    const started = Date.now();
    await backupDatabase(source.url, dump);
    const target = await emptyTarget();
    await restoreDatabase(dump, target.url);
    console.log(
      `backup + restore with ${blobs.length} attachments (20 MB the largest) and 2 period files: ${Date.now() - started} ms`,
    );

    const restored = createPrismaClient(target.url, { max: 2 });
    try {
      for (const a of attachments) {
        const row = await restored.attachment.findUniqueOrThrow({ where: { id: a.id } });
        expect(Buffer.from(row.content).equals(Buffer.from(a.content)), `attachment ${a.id} bytes`).toBe(true);
        expect(sha256(row.content)).toBe(a.sha256);
        expect(row).toMatchObject({ fileName: a.fileName, size: a.size, sha256: a.sha256, reportId: report.id });
      }
      for (const [format, content] of Object.entries(frozen)) {
        const row = await restored.periodFile.findUniqueOrThrow({
          where: { periodId_format: { periodId: period.id, format } },
        });
        expect(Buffer.from(row.content).equals(content), `period file ${format} bytes`).toBe(true);
        expect(sha256(row.content)).toBe(row.sha256);
      }
      // Restored as it was: still closed, and still frozen.
      expect((await restored.reportingPeriod.findUniqueOrThrow({ where: { id: period.id } })).closedAt).not.toBeNull();
      await expect(
        restored.$executeRaw`UPDATE period_files SET content = '\\x00'::bytea WHERE period_id = ${period.id}`,
      ).rejects.toThrow(/closed reporting period/);
    } finally {
      await restored.$disconnect();
    }
  }, 240_000);
});
