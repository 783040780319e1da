// The versions a kept page was rendered at (the data_version row): "version" moves with the data, "page_version"
// with what pages show beside it (notifications, ended sign-ins; migration 20261207020000), "changed_at" tells
// a restored database's numbers apart from the ones this process saw before, and the history epoch keys past
// moments. Read fresh for every request the cache answers — never shared with a read begun before the request
// arrived, so a person who has just saved never gets the page from before the save.
import { newPgPool } from "../../lib/pg-pool";

export type VersionReader = () => Promise<string>;

/** Whether `version` (as read below) is past `last`: both counters at or above, one above. */
export function isNewerVersion(version: string, last: string): boolean {
  if (!last) return true;
  const [v, p] = version.split(":").map(Number);
  const [lv, lp] = last.split(":").map(Number);
  return v! >= lv! && p! >= lp! && (v! > lv! || p! > lp!);
}

export function versionReader(databaseUrl: string): { read: VersionReader; close(): Promise<void> } {
  const pool = newPgPool({ connectionString: databaseUrl, max: 3, idleTimeoutMillis: 30_000 });
  // An idle connection the server drops (a database restart) is reported here; the next query opens another.
  pool.on("error", () => undefined);
  return {
    read: async () => {
      const { rows } = await pool.query<{ v: string }>(
        `SELECT concat_ws(':', version, page_version, history_epoch, extract(epoch FROM changed_at)) AS v
           FROM data_version WHERE id = 1`,
      );
      return rows[0]?.v ?? "none";
    },
    close: () => pool.end(),
  };
}
