// What docs/deploy.md says the app needs of an external PostgreSQL, checked: a role with no superuser, no
// CREATEDB, no CREATEROLE, that owns its (empty) database, can run every migration (the app's and the job
// queue's), seed the document, keep the session secret, run the main reads (items list,
// the report with every dashboard figure), write an item change with its history, run the job queue (the cycle
// tick opens a period), take a scheduled backup, and restore that backup into a second database it owns.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { now, resetClock, setClock } from "@/lib/clock";
import { startJobRunner } from "@/lib/jobs/runner";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { queryItems } from "@/lib/queries/items-list";
import { buildReport, queryReportPeriods } from "@/lib/queries/report";
import { parseReportParams } from "@/lib/validations/report";
import { runScheduledBackup } from "@/lib/writes/backups";
import { changeItem } from "@/lib/writes/item-change";
import { seed } from "../../prisma/seed/run";
import { resolveAuthSecret } from "../../scripts/auth-secret";
import { restoreDatabase } from "../../scripts/db/backup/restore";
import { migrate, readMigrations } from "../../scripts/db/migrate";
import { adminQuery } from "../../scripts/db/test-cluster";
import { fakeBulletinRenderer, fakeSupervisionRenderer } from "../support/fake-renderers";

const suffix = randomBytes(4).toString("hex");
const role = `tracker_app_${suffix}`;
const password = randomBytes(12).toString("hex");
const databases = [`tracker_own_${suffix}`, `tracker_restore_${suffix}`];
let urls: string[];
let db: Db;
let dir: string;

function urlAs(name: string): string {
  const u = new URL(inject("adminUrl"));
  u.username = role;
  u.password = password;
  u.pathname = `/${name}`;
  return u.toString();
}

beforeAll(async () => {
  const admin = inject("adminUrl");
  await adminQuery(
    admin,
    `CREATE ROLE "${role}" LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`,
  );
  for (const name of databases) await adminQuery(admin, `CREATE DATABASE "${name}" OWNER "${role}"`);
  urls = databases.map(urlAs);
  dir = mkdtempSync(join(tmpdir(), "tracker-nosuper-"));
});

afterAll(async () => {
  resetClock();
  await db?.$disconnect();
  const admin = inject("adminUrl");
  for (const name of databases) await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(admin, `DROP ROLE IF EXISTS "${role}"`);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a role without superuser that owns its database", () => {
  it("is what the app connects as", async () => {
    const client = new pg.Client({ connectionString: urls[0] });
    await client.connect();
    try {
      const { rows } = await client.query<{ rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean }>(
        "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user",
      );
      expect(rows).toEqual([{ rolsuper: false, rolcreatedb: false, rolcreaterole: false }]);
    } finally {
      await client.end();
    }
  });

  it("migrates, seeds, keeps the session secret, reads and writes", async () => {
    const applied = await migrate(urls[0]!);
    expect(applied).toEqual((await readMigrations()).map((m) => m.name));
    db = createPrismaClient(urls[0]!, { max: 4 });
    // the document only: the sample data writes the same tables with the same rights, and seeding it takes minutes
    // on a loaded machine
    const report = await seed(db, { sample: false });
    expect(report.documentItemsAdded).toBeGreaterThan(100);
    const secret = await resolveAuthSecret(urls[0]!, {});
    expect(await resolveAuthSecret(urls[0]!, {})).toBe(secret);

    const list = await queryItems(
      db,
      { sort: "code", dir: "asc", page: 1, size: 20 },
      { before: null, day: "2026-12-06" },
    );
    expect(list.total).toBeGreaterThan(100);
    const parsed = parseReportParams(new URLSearchParams(""), now(), await queryReportPeriods(db));
    if (!parsed.ok) throw new Error("report parameters refused");
    const data = await buildReport(db, { ...parsed.params, locale: "zh-CN" });
    expect(data.items.length).toBeGreaterThan(100);

    const item = await db.item.findFirstOrThrow({ where: { level: "ACTION", retiredAt: null } });
    await db.$transaction((tx) =>
      changeItem(tx, item.id, { action: "UPDATE", fields: { responsiblePerson: "非超级用户" } }, { actorId: null }),
    );
    expect(await db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      responsiblePerson: "非超级用户",
    });
    expect(await db.itemHistory.count({ where: { itemId: item.id } })).toBeGreaterThan(1);
  }, 300_000);

  it("runs the job queue", async () => {
    setClock("2037-03-10T02:00:00Z");
    const runner = await startJobRunner({
      connectionString: urls[0]!,
      deps: { db, now, renderBulletin: fakeBulletinRenderer, renderSupervision: fakeSupervisionRenderer },
      cron: [],
      tickAtStart: true,
    });
    try {
      await expect
        .poll(() => db.reportingPeriod.count({ where: { label: "2037年3月", openedAt: { not: null } } }), {
          timeout: 60_000,
        })
        .toBe(1);
    } finally {
      await runner.stop();
    }
  }, 120_000);

  it("takes a scheduled backup and restores it into another database it owns", async () => {
    setClock("2037-03-11T00:00:00Z");
    const r = await runScheduledBackup({
      client: db,
      databaseUrl: urls[0]!,
      now,
      config: { state: "on", dir, keep: 2, at: "02:30", minuteOfDay: 150 },
    });
    if (!r.ran || !r.ok) throw new Error(`the backup did not run: ${JSON.stringify(r)}`);
    const summary = await restoreDatabase(r.file, urls[1]!);
    expect(summary.tables.find((t) => t.name === "items")!.rows).toBeGreaterThan(100);
  }, 180_000);
});
