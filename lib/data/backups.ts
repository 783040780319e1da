import "server-only";
import { requirePermission } from "../auth/session";
import { db } from "../db";
import { backupStatus, type BackupStatus } from "../queries/backups";

/** /admin's backup panel: the scheduled backups' settings, last and next run (administrators: jobs:manage). */
export async function getBackupStatus(): Promise<BackupStatus> {
  await requirePermission("jobs:manage");
  return backupStatus(db());
}
