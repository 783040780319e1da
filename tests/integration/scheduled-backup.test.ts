// Scheduled backups (lib/writes/backups.ts, the job queue's backup-tick, lib/queries/backups.ts' status), against
// a real database and a real folder, with the clock moved (lib/clock.ts) instead of waiting for 02:30:
// off without BACKUP_DIR; due at BACKUP_AT in China, once per day, catching up on a missed day; two runners on one
// database make one dump between them; retention keeps the newest N of its own dumps and touches nothing else in
// the folder; the dump restores (scripts/db/backup/restore.ts) into an empty database with every table as it was;
// an unwritable folder is a recorded failure with a clear message and leaves nothing behind; an interrupted run is
// recognised as such and its partial file removed.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BACKUP_LOCK, backupConfig, dueSlot, nextSlot } from "@/lib/backup-schedule";
import { now, resetClock, setClock } from "@/lib/clock";
import { CRON_ITEMS } from "@/lib/jobs/crontab";
import { enqueue } from "@/lib/jobs/enqueue";
import { startJobRunner, type JobRunner } from "@/lib/jobs/runner";
import { createTaskList, type JobDeps } from "@/lib/jobs/tasks";
import { backupStatus } from "@/lib/queries/backups";
import { INTERRUPTED, runScheduledBackup } from "@/lib/writes/backups";
import { listTables, tableChecksum } from "../../scripts/db/backup/catalog";
import { SESSION_SETTINGS } from "../../scripts/db/backup/format";
import { restoreDatabase } from "../../scripts/db/backup/restore";
import { getBackupStatus } from "@/lib/data/backups";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { fakeBulletinRenderer, fakeSupervisionRenderer } from "../support/fake-renderers";
import { signIn, signOut } from "../support/session";
import { pollUntil } from "../support/poll";

let t: TestDatabase;
const others: TestDatabase[] = [];
const runners: JobRunner[] = [];
let root: string;
let dir: string;
let deps: JobDeps;

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  root = mkdtempSync(join(tmpdir(), "tracker-scheduled-"));
  deps = {
    db: t.db,
    now,
    renderBulletin: fakeBulletinRenderer,
    renderSupervision: fakeSupervisionRenderer,
    databaseUrl: t.url,
  };
});
beforeEach(() => {
  dir = mkdtempSync(join(root, "dumps-"));
  process.env.BACKUP_DIR = dir;
  process.env.BACKUP_KEEP = "3";
  process.env.BACKUP_AT = "02:30";
});
afterEach(async () => {
  resetClock();
  signOut();
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await t.db.backupRun.deleteMany();
  delete process.env.BACKUP_DIR;
  delete process.env.BACKUP_KEEP;
  delete process.env.BACKUP_AT;
});
afterAll(async () => {
  await t?.drop();
  for (const o of others) await o.drop();
  if (root) rmSync(root, { recursive: true, force: true });
});

const tick = () => runScheduledBackup({ client: t.db, databaseUrl: t.url, now });
const files = (folder = dir) => readdirSync(folder).sort();
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const until = <T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000) =>
  pollUntil(t.db, what, check, timeoutMs);

const ticksLeft = async () =>
  Number(
    (
      await t.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'backup-tick'`
    )[0]!.n,
  );

async function startRunner(): Promise<JobRunner> {
  const runner = await startJobRunner({
    connectionString: t.url,
    deps,
    cron: [],
    tickAtStart: false,
    taskList: createTaskList(deps),
  });
  runners.push(runner);
  return runner;
}

describe("the schedule", () => {
  it("is off without BACKUP_DIR, and says which setting is wrong when one is", async () => {
    delete process.env.BACKUP_DIR;
    expect(await tick()).toEqual({ ran: false, reason: "off" });
    expect(await backupStatus(t.db)).toMatchObject({ state: "off", nextRunAt: null, lastRun: null, dir: null });

    process.env.BACKUP_DIR = dir;
    process.env.BACKUP_KEEP = "0";
    expect(await tick()).toMatchObject({
      ran: false,
      reason: "invalid",
      message: expect.stringContaining("BACKUP_KEEP"),
    });
    process.env.BACKUP_KEEP = "3";
    process.env.BACKUP_AT = "2:30 am";
    const status = await backupStatus(t.db);
    expect(status).toMatchObject({ state: "invalid", nextRunAt: null });
    expect(status.message).toContain("BACKUP_AT");
    expect(await t.db.backupRun.count()).toBe(0);
    expect(files()).toEqual([]);
  });

  it("lays the day's slot at BACKUP_AT in China (UTC+8)", () => {
    const minute = 2 * 60 + 30;
    // 02:29 on 10 May in China is 18:29Z on 9 May: the slot due is 9 May's 02:30 (18:30Z on 8 May)
    expect(dueSlot(minute, new Date("2036-05-09T18:29:00Z")).toISOString()).toBe("2036-05-08T18:30:00.000Z");
    expect(dueSlot(minute, new Date("2036-05-09T18:30:00Z")).toISOString()).toBe("2036-05-09T18:30:00.000Z");
    expect(nextSlot(minute, new Date("2036-05-09T18:30:00Z")).toISOString()).toBe("2036-05-10T18:30:00.000Z");
    // 23:30 China is 15:30Z the same day
    expect(dueSlot(23 * 60 + 30, new Date("2036-05-09T15:29:59Z")).toISOString()).toBe("2036-05-08T15:30:00.000Z");
    expect(backupConfig({ BACKUP_DIR: "x", BACKUP_AT: "7:05" })).toMatchObject({ state: "on", at: "07:05", keep: 7 });
    expect(backupConfig({ BACKUP_DIR: " " })).toEqual({ state: "off" });
  });

  it("runs from the job queue when its time has come, once a day, and catches up on a missed day", async () => {
    expect(CRON_ITEMS.find((c) => c.task === "backup-tick")).toMatchObject({
      match: "* * * * *",
      options: { queueName: "backup", maxAttempts: 1 },
    });
    await startRunner();
    const tickOnQueue = async () => {
      await t.db.$transaction((tx) => enqueue(tx, "backup-tick", {}, { queueName: "backup" }));
      await until("the tick to complete", async () => (await ticksLeft()) === 0);
    };

    // 02:29 on 10 May: the folder is new, so 9 May's slot has no dump yet — it is taken now (a catch-up)
    setClock("2036-05-09T18:29:00Z");
    expect((await backupStatus(t.db)).state).toBe("waiting");
    await tickOnQueue();
    const first = await t.db.backupRun.findMany();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      slot: new Date("2036-05-08T18:30:00Z"),
      startedAt: new Date("2036-05-09T18:29:00Z"),
      error: null,
      file: join(dir, "tracker-20360509-182900Z.dump"),
    });
    expect(files()).toEqual(["tracker-20360509-182900Z.dump"]);
    expect(first[0]!.sha256).toBe(sha256(first[0]!.file));
    expect(Number(first[0]!.size)).toBe(readFileSync(first[0]!.file).length);

    // a minute later, still before 02:30: nothing is due
    setClock("2036-05-09T18:29:59Z");
    let status = await backupStatus(t.db);
    expect(status).toMatchObject({ state: "ok", nextRunAt: new Date("2036-05-09T18:30:00Z"), keptFiles: 1 });
    await tickOnQueue();
    expect(await t.db.backupRun.count()).toBe(1);

    // 02:30: due
    setClock("2036-05-09T18:30:00Z");
    await tickOnQueue();
    const second = await t.db.backupRun.findFirstOrThrow({ where: { slot: new Date("2036-05-09T18:30:00Z") } });
    expect(second.error).toBeNull();
    expect(files()).toHaveLength(2);

    // the rest of the day: nothing more
    setClock("2036-05-10T15:59:00Z");
    await tickOnQueue();
    expect(await t.db.backupRun.count()).toBe(2);
    status = await backupStatus(t.db);
    expect(status).toMatchObject({
      state: "ok",
      nextRunAt: new Date("2036-05-10T18:30:00Z"),
      dir,
      keep: 3,
      at: "02:30",
    });
    expect(status.lastRun!.id).toBe(second.id);
    expect(status.lastSuccess!.sha256).toBe(sha256(second.file));
  }, 180_000);
});

describe("on /admin", () => {
  it("is shown to administrators (jobs:manage) only", async () => {
    const admin = await t.db.user.findFirstOrThrow({ where: { role: "ADMIN", disabled: false } });
    signIn(admin);
    expect((await getBackupStatus()).state).toBe("waiting");
    const coordinator = await t.db.user.findFirstOrThrow({ where: { role: "COORDINATOR", disabled: false } });
    signIn(coordinator);
    await expect(getBackupStatus()).rejects.toThrow();
  });
});

describe("once across instances", () => {
  it("two runners on one database make one dump between them", async () => {
    await startRunner();
    await startRunner();
    setClock("2036-06-01T00:00:00Z");
    // six ticks at once, on no queue, so both runners take them side by side (the crontab adds one a minute;
    // this is the worst case of ticks racing)
    await t.db.$executeRaw`
      SELECT graphile_worker.add_jobs(array_agg(('backup-tick', '{}'::json, null, null, null, null, null, null)::graphile_worker.job_spec))
        FROM generate_series(1, 6)`;
    await until("every tick to complete", async () => (await ticksLeft()) === 0);
    const runs = await t.db.backupRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.error).toBeNull();
    expect(files()).toEqual(["tracker-20360601-000000Z.dump"]);
  }, 180_000);

  it("a tick while another instance holds the backup lock does nothing, and the status says it runs", async () => {
    setClock("2036-06-02T00:00:00Z");
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [BACKUP_LOCK]);
      await t.db.backupRun.create({
        data: { slot: new Date("2036-05-30T18:30:00Z"), startedAt: now(), file: join(dir, "x.dump") },
      });
      expect(await tick()).toEqual({ ran: false, reason: "busy" });
      expect((await backupStatus(t.db)).state).toBe("running");
    } finally {
      await other.end();
    }
    // the other instance is gone without finishing: its run was interrupted
    const status = await backupStatus(t.db);
    expect(status.state).toBe("failed");
    expect(status.lastRun!.finishedAt).toBeNull();
    expect(files()).toEqual([]);
  });
});

describe("retention", () => {
  it("keeps the newest N of its own dumps and never touches another file", async () => {
    process.env.BACKUP_KEEP = "2";
    // someone else's files: a note, and a dump made by hand with the same naming
    writeFileSync(join(dir, "README.txt"), "运维说明");
    writeFileSync(join(dir, "tracker-20000101-000000Z.dump"), "made by hand");
    const made: string[] = [];
    for (const day of ["01", "02", "03", "04"]) {
      setClock(`2036-07-${day}T00:00:00Z`);
      const r = await tick();
      expect(r).toMatchObject({ ran: true, ok: true });
      made.push((r as { file: string }).file);
    }
    expect(files()).toEqual(
      [
        "README.txt",
        "tracker-20000101-000000Z.dump",
        "tracker-20360703-000000Z.dump",
        "tracker-20360704-000000Z.dump",
      ].sort(),
    );
    expect(readFileSync(join(dir, "README.txt"), "utf8")).toBe("运维说明");
    const runs = await t.db.backupRun.findMany({ orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.deletedAt !== null)).toEqual([true, true, false, false]);
    expect(runs.map((r) => r.file)).toEqual(made);
    expect((await backupStatus(t.db)).keptFiles).toBe(2);
  }, 180_000);
});

describe("restore", () => {
  it("restores the scheduled dump into an empty database with every table as it was", async () => {
    setClock("2036-08-01T00:00:00Z");
    const r = await tick();
    if (!r.ran || !r.ok) throw new Error(`no dump: ${JSON.stringify(r)}`);
    const target = await createTestDatabase({ empty: true });
    others.push(target);
    const summary = await restoreDatabase(r.file, target.url);
    const counts = async (url: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const s of SESSION_SETTINGS) await client.query(s);
        const out: Record<string, { rows: number; checksum: string }> = {};
        for (const table of await listTables(client))
          if (table.name !== "backup_runs") out[table.name] = await tableChecksum(client, table.name);
        return out;
      } finally {
        await client.end();
      }
    };
    // the source's tables now, but for backup_runs (finished after the snapshot), are the restored ones
    expect(await counts(target.url)).toEqual(await counts(t.url));
    expect(summary.tables.find((x) => x.name === "items")!.rows).toBeGreaterThan(100);
    // in the dump, the run that made it is still running
    const restored = new pg.Client({ connectionString: target.url });
    await restored.connect();
    try {
      const { rows } = await restored.query<{ finished_at: Date | null }>("SELECT finished_at FROM backup_runs");
      expect(rows).toEqual([{ finished_at: null }]);
    } finally {
      await restored.end();
    }
  }, 180_000);
});

describe("failures", () => {
  it("an unwritable folder is a recorded failure with a clear message, and nothing is half-written", async () => {
    const blocker = join(dir, "not-a-folder");
    writeFileSync(blocker, "a file where the folder should be");
    process.env.BACKUP_DIR = join(blocker, "dumps");
    setClock("2036-09-01T00:00:00Z");
    const r = await tick();
    expect(r).toMatchObject({ ran: true, ok: false });
    const run = await t.db.backupRun.findFirstOrThrow();
    expect(run.error).toMatch(/^cannot write the backup into .*not-a-folder\/dumps: ENOTDIR/);
    expect(run).toMatchObject({ finishedAt: new Date("2036-09-01T00:00:00Z"), size: null, sha256: null });
    expect(files()).toEqual(["not-a-folder"]);
    expect(readFileSync(blocker, "utf8")).toBe("a file where the folder should be");
    const status = await backupStatus(t.db);
    expect(status).toMatchObject({ state: "failed", message: run.error, lastSuccess: null });
    // not retried every minute: the slot had its run; the next slot tries again
    setClock("2036-09-01T00:01:00Z");
    expect(await tick()).toEqual({ ran: false, reason: "done" });
    expect(status.nextRunAt).toEqual(new Date("2036-09-01T18:30:00Z"));
  });

  it("a run interrupted mid-dump is marked so at the next tick, and its partial file removed", async () => {
    setClock("2036-10-01T00:00:00Z");
    const file = join(dir, "tracker-20360930-183000Z.dump");
    await t.db.backupRun.create({ data: { slot: new Date("2036-09-29T18:30:00Z"), startedAt: now(), file } });
    writeFileSync(`${file}.partial-4242`, "half a dump");
    mkdirSync(join(dir, "keep-me"));
    const r = await tick();
    expect(r).toMatchObject({ ran: true, ok: true });
    const runs = await t.db.backupRun.findMany({ orderBy: { id: "asc" } });
    expect(runs[0]!.error).toBe(INTERRUPTED);
    expect(existsSync(`${file}.partial-4242`)).toBe(false);
    expect(files()).toEqual(["keep-me", "tracker-20361001-000000Z.dump"]);
  }, 120_000);
});
