// Scheduled backups: `npm run db:backup`'s dump (scripts/db/backup/dump.ts, one consistent snapshot) into
// BACKUP_DIR once a day at BACKUP_AT (lib/backup-schedule.ts), run by the job queue's backup-tick every minute.
//
// Once across instances: the tick is one crontab job per minute on its own queue (one at a time), the run takes
// a session advisory lock for the whole dump (another instance's tick meanwhile does nothing), and the slot is
// unique in backup_runs, whose row is written before the dump starts — so a slot is backed up once, and a failed
// slot is not retried every minute (it shows on /admin; the next night tries again, or run db:backup by hand).
// The dump is written beside its final name and renamed when complete (dump.ts), so the folder never holds a
// file that looks whole and is not. Retention then keeps the newest BACKUP_KEEP of the files these runs wrote
// into the folder, deleting only files a run row names, never anything else in the folder.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import pg from "pg";
import { backupDatabase } from "../../scripts/db/backup/dump";
import {
  BACKUP_FILE_PATTERN,
  BACKUP_LOCK,
  backupConfig,
  backupFileName,
  dueSlot,
  type BackupConfig,
} from "../backup-schedule";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../prisma-client";

export type BackupTickOutcome =
  | { ran: false; reason: "off" | "invalid" | "done" | "busy"; message?: string }
  | { ran: true; runId: number; file: string; ok: true; size: number; sha256: string; deleted: string[] }
  | { ran: true; runId: number; file: string; ok: false; error: string };

export interface BackupTickDeps {
  client: Db;
  /** the database to dump (the app's DATABASE_URL) */
  databaseUrl: string;
  /** the clock (lib/clock now) */
  now: () => Date;
  /** default: the environment (backupConfig()) */
  config?: BackupConfig;
}

export const INTERRUPTED =
  "interrupted: the instance stopped during the backup (or the database was restored from a dump taken during it)";

/** One line a person can act on: which folder, and what the system said. */
function describe(error: unknown, dir: string): string {
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === "string" && typeof e.syscall === "string")
    return `cannot write the backup into ${dir}: ${e.code} (${e.syscall} ${e.path ?? ""})`.replace(" )", ")");
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 500);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Removes what an interrupted run left in its folder: its partial files (dump.ts names them <file>.partial-<pid>). */
async function removePartials(file: string): Promise<void> {
  const prefix = `${basename(file)}.partial-`;
  const entries = await readdir(dirname(file)).catch(() => [] as string[]);
  await Promise.all(
    entries.filter((e) => e.startsWith(prefix)).map((e) => rm(join(dirname(file), e), { force: true })),
  );
}

/** Keeps the newest `keep` successful dumps of this folder; deletes the files of older ones (only those). */
async function applyRetention(client: Db, dir: string, keep: number, at: Date): Promise<string[]> {
  const kept = await client.backupRun.findMany({
    where: { finishedAt: { not: null }, error: null, deletedAt: null },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { id: true, file: true },
  });
  const ours = kept.filter((r) => dirname(r.file) === dir && BACKUP_FILE_PATTERN.test(basename(r.file)));
  const deleted: string[] = [];
  for (const old of ours.slice(keep)) {
    try {
      await rm(old.file, { force: true });
    } catch (error) {
      console.error(`backups: could not delete the old dump ${old.file}: ${describe(error, dir)}`);
      continue;
    }
    await client.backupRun.update({ where: { id: old.id }, data: { deletedAt: at } });
    deleted.push(old.file);
  }
  return deleted;
}

/**
 * The backup-tick: when backups are configured and the slot due now has no run yet, takes it (see above).
 * Never throws for a failed dump: the failure is the run's recorded outcome.
 */
export async function runScheduledBackup(deps: BackupTickDeps): Promise<BackupTickOutcome> {
  const config = deps.config ?? backupConfig();
  if (config.state === "off") return { ran: false, reason: "off" };
  if (config.state === "invalid") return { ran: false, reason: "invalid", message: config.message };
  const at = deps.now();
  const slot = dueSlot(config.minuteOfDay, at);
  // cheap and lock-free: most ticks end here
  if (await deps.client.backupRun.findUnique({ where: { slot }, select: { id: true } }))
    return { ran: false, reason: "done" };

  const lock = new pg.Client({ connectionString: deps.databaseUrl });
  lock.on("error", () => undefined); // a lost connection ends the run's lock; the run itself reports its outcome
  await lock.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [BACKUP_LOCK]);
    if (!rows[0]!.locked) return { ran: false, reason: "busy" };
    try {
      return await runLocked(deps, config, at, slot);
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [BACKUP_LOCK]).catch(() => undefined);
    }
  } finally {
    await lock.end().catch(() => undefined);
  }
}

async function runLocked(
  deps: BackupTickDeps,
  config: Extract<BackupConfig, { state: "on" }>,
  at: Date,
  slot: Date,
): Promise<BackupTickOutcome> {
  const { client } = deps;
  // With the lock held no run is in progress: an unfinished row is one whose instance stopped mid-dump.
  const stale = await client.backupRun.findMany({ where: { finishedAt: null }, select: { id: true, file: true } });
  for (const run of stale) {
    await removePartials(run.file);
    await client.backupRun.update({ where: { id: run.id }, data: { finishedAt: at, error: INTERRUPTED } });
  }

  const file = join(config.dir, backupFileName(at));
  let runId: number;
  try {
    runId = (await client.backupRun.create({ data: { slot, startedAt: at, file }, select: { id: true } })).id;
  } catch (error) {
    // taken meanwhile by another instance (its run finished between our check and our lock)
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ran: false, reason: "done" };
    throw error;
  }

  let written = false;
  try {
    await mkdir(config.dir, { recursive: true });
    // never replace a file (say, one made by hand with db:backup in the same second)
    const existing = await stat(file).catch(() => null);
    if (existing) throw new Error(`a file named ${basename(file)} is already in ${config.dir}; not replacing it`);
    await backupDatabase(deps.databaseUrl, file);
    written = true;
    const [{ size }, sha256] = await Promise.all([stat(file), sha256Of(file)]);
    await client.backupRun.update({
      where: { id: runId },
      data: { finishedAt: deps.now(), size: BigInt(size), sha256 },
    });
    const deleted = await applyRetention(client, config.dir, config.keep, deps.now());
    return { ran: true, runId, file, ok: true, size, sha256, deleted };
  } catch (error) {
    // nothing half-written: dump.ts removes its partial file; a complete file whose run could not be recorded
    // as complete goes too, so every file in the folder is one a finished run names
    if (written) await rm(file, { force: true }).catch(() => undefined);
    const message = describe(error, config.dir);
    await client.backupRun.update({ where: { id: runId }, data: { finishedAt: deps.now(), error: message } });
    return { ran: true, runId, file, ok: false, error: message };
  }
}
