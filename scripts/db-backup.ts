// `npm run db:backup [-- FILE]`: a consistent dump of the database (DATABASE_URL, else the embedded one that
// `npm start` uses, also while the app runs) into FILE, by default backups/tracker-<timestamp>.dump.
import { statSync } from "node:fs";
import { backupDatabase } from "./db/backup/dump";
import { runDatabaseCommand } from "./db/backup/target";

const USAGE = "usage: npm run db:backup [-- FILE]   (database: DATABASE_URL, else the embedded one of npm start)";

function timestamp(d = new Date()): string {
  return d
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "")
    .replace("T", "-");
}

runDatabaseCommand("backup", () => {
  const args = process.argv.slice(2);
  if (args.some((a) => a === "-h" || a === "--help")) {
    console.log(USAGE);
    return null;
  }
  const unknown = args.find((a) => a.startsWith("-"));
  if (unknown || args.length > 1) throw new Error(`unexpected argument ${unknown ?? args[1]} (${USAGE})`);
  const file = args[0] ?? `backups/tracker-${timestamp()}.dump`;
  return {
    given: process.env.DATABASE_URL?.trim() || undefined,
    async work(database) {
      const { header } = await backupDatabase(database.url, file);
      const rows = header.tables.reduce((n, t) => n + t.rows, 0);
      console.log(
        `✔ backup of ${database.description} written to ${file} (${(statSync(file).size / 1024).toFixed(0)} kB)`,
      );
      console.log(
        `  ${header.tables.length} tables, ${rows} rows, ${header.migrations.length} migrations; one consistent snapshot taken ${header.createdAt}`,
      );
    },
  };
});
