// The scheduled backups' state (lib/writes/backups.ts), for /admin and for the metrics: the settings, the last
// run and the last good one, when the next run is due, and how many dumps the folder keeps.
import { BACKUP_LOCK, backupConfig, dueSlot, nextSlot, type BackupConfig } from "../backup-schedule";
import { now as clockNow } from "../clock";
import type { Db } from "../prisma-client";

export interface BackupRunRow {
  id: number;
  slot: Date;
  startedAt: Date;
  finishedAt: Date | null;
  file: string;
  size: number | null;
  sha256: string | null;
  error: string | null;
  deletedAt: Date | null;
}

/**
 * - off: BACKUP_DIR is not set (no scheduled backups);
 * - invalid: set, but a setting is unusable (`message` says which);
 * - waiting: configured, no run yet;
 * - running: a run holds the backup lock now;
 * - ok / failed: the last run's outcome (failed also when it was interrupted; `message` is its error).
 */
export type BackupState = "off" | "invalid" | "waiting" | "running" | "ok" | "failed";

export interface BackupStatus {
  state: BackupState;
  /** the settings' problem (invalid) or the last run's error (failed) */
  message: string | null;
  /** the folder (absolute), the dumps kept, the time of day in China (HH:MM); null unless configured */
  dir: string | null;
  keep: number | null;
  at: string | null;
  lastRun: BackupRunRow | null;
  lastSuccess: BackupRunRow | null;
  /** when the next run is due (a past moment: at the next minute's tick); null unless configured */
  nextRunAt: Date | null;
  /** dumps of finished runs still in the folder (not removed by retention) */
  keptFiles: number;
}

const toRow = (r: {
  id: number;
  slot: Date;
  startedAt: Date;
  finishedAt: Date | null;
  file: string;
  size: bigint | null;
  sha256: string | null;
  error: string | null;
  deletedAt: Date | null;
}): BackupRunRow => ({ ...r, size: r.size === null ? null : Number(r.size) });

/** Read by /admin (lib/data/backups.ts) and by the metrics; cheap (three small indexed reads). */
export async function backupStatus(
  client: Db,
  at: Date = clockNow(),
  config: BackupConfig = backupConfig(),
): Promise<BackupStatus> {
  const [last, lastSuccess, keptFiles, locked] = await Promise.all([
    client.backupRun.findFirst({ orderBy: [{ startedAt: "desc" }, { id: "desc" }] }),
    client.backupRun.findFirst({
      where: { finishedAt: { not: null }, error: null },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    }),
    client.backupRun.count({ where: { finishedAt: { not: null }, error: null, deletedAt: null } }),
    client.$queryRaw<{ held: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM pg_locks
                      WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = ${BACKUP_LOCK}::bigint::oid
                        AND objsubid = 1
                        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS held`,
  ]);
  const lastRun = last ? toRow(last) : null;
  const base = {
    lastRun,
    lastSuccess: lastSuccess ? toRow(lastSuccess) : null,
    keptFiles,
  };
  if (config.state !== "on") {
    return {
      ...base,
      state: config.state,
      message: config.state === "invalid" ? config.message : null,
      dir: null,
      keep: null,
      at: null,
      nextRunAt: null,
    };
  }
  const due = dueSlot(config.minuteOfDay, at);
  const dueDone = lastRun !== null && lastRun.slot.getTime() >= due.getTime();
  const running = lastRun !== null && lastRun.finishedAt === null && locked[0]!.held;
  const state: BackupState = running
    ? "running"
    : !lastRun
      ? "waiting"
      : lastRun.error !== null || lastRun.finishedAt === null
        ? "failed"
        : "ok";
  return {
    ...base,
    state,
    // an unfinished run no one holds the lock for was interrupted (the page says so in its own words)
    message: state === "failed" ? lastRun!.error : null,
    dir: config.dir,
    keep: config.keep,
    at: config.at,
    nextRunAt: dueDone ? nextSlot(config.minuteOfDay, at) : due,
  };
}
