// Scheduled backups (lib/writes/backups.ts runs them from the job queue): their settings and their timetable.
// Settings come from the environment, read on every call (cheap) so a test can change them:
//   BACKUP_DIR   the folder the dumps go to; unset or empty: no scheduled backups at all
//   BACKUP_KEEP  how many of its own dumps to keep, newest first (default 7, 1–1000)
//   BACKUP_AT    the time of day, HH:MM in China (Asia/Shanghai, UTC+8 all year), default 02:30
// The timetable is one slot a day at BACKUP_AT. The slot due now is the latest one at or before now: a slot
// with no run yet is taken at the next tick, so an instance that was down at BACKUP_AT catches up when it is
// back (and a newly configured folder gets its first dump within a minute).
import { resolve } from "node:path";

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China has no daylight saving time
const DAY_MS = 24 * 60 * 60 * 1000;

export const BACKUP_DEFAULT_KEEP = 7;
/**
 * Session-level advisory lock held by the instance taking a scheduled backup ("bkup"), for the whole dump: a
 * run row without a finished time is running while the lock is held, and was interrupted otherwise.
 */
export const BACKUP_LOCK = 0x626b7570;
export const BACKUP_DEFAULT_AT = "02:30";

export type BackupConfig =
  | { state: "off" }
  /** set but unusable: `message` says which setting and why */
  | { state: "invalid"; message: string }
  | { state: "on"; dir: string; keep: number; at: string; minuteOfDay: number };

const blank = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

export function backupConfig(env: Record<string, string | undefined> = process.env): BackupConfig {
  const dir = blank(env.BACKUP_DIR);
  if (!dir) return { state: "off" };
  const keepText = blank(env.BACKUP_KEEP) ?? String(BACKUP_DEFAULT_KEEP);
  if (!/^\d{1,4}$/.test(keepText) || Number(keepText) < 1 || Number(keepText) > 1000)
    return { state: "invalid", message: `BACKUP_KEEP must be a whole number from 1 to 1000, not "${keepText}"` };
  const at = blank(env.BACKUP_AT) ?? BACKUP_DEFAULT_AT;
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!m) return { state: "invalid", message: `BACKUP_AT must be a time of day HH:MM (China time), not "${at}"` };
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  return {
    state: "on",
    dir: resolve(dir),
    keep: Number(keepText),
    at: `${String(hours).padStart(2, "0")}:${m[2]}`,
    minuteOfDay: hours * 60 + minutes,
  };
}

/** The latest slot at or before `now`: today's BACKUP_AT in China if it has passed, else yesterday's. */
export function dueSlot(minuteOfDay: number, now: Date): Date {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const todaysSlot = Math.floor(local / DAY_MS) * DAY_MS + minuteOfDay * 60_000 - SHANGHAI_OFFSET_MS;
  return new Date(todaysSlot <= now.getTime() ? todaysSlot : todaysSlot - DAY_MS);
}

export function nextSlot(minuteOfDay: number, now: Date): Date {
  return new Date(dueSlot(minuteOfDay, now).getTime() + DAY_MS);
}

/** The names the scheduled backups give their dumps (the CLI's naming): tracker-20261207-183000Z.dump */
export const BACKUP_FILE_PATTERN = /^tracker-\d{8}-\d{6}Z\.dump$/;

export function backupFileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "")
    .replace("T", "-");
  return `tracker-${stamp}.dump`;
}
