// `npm run db:restore -- FILE [--into URL]`: restore a dump made by db:backup into an empty database (--into,
// else DATABASE_URL, else the embedded one of `npm start`, which must not be running with data in it).
import { existsSync } from "node:fs";
import { restoreDatabase } from "./db/backup/restore";
import { runDatabaseCommand } from "./db/backup/target";

const USAGE =
  "usage: npm run db:restore -- FILE [--into postgresql://…/empty_database]   (else DATABASE_URL, else the embedded database)";

function parseArgs(args: string[]): { file: string; into?: string } {
  let file: string | undefined;
  let into: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--into") into = args[++i];
    else if (a.startsWith("--into=")) into = a.slice("--into=".length);
    else if (a.startsWith("-") || file) throw new Error(`unexpected argument ${a} (${USAGE})`);
    else file = a;
  }
  if (!file) throw new Error(`which dump? ${USAGE}`);
  if (into === undefined && args.includes("--into")) throw new Error(`--into needs a database URL (${USAGE})`);
  return { file, into };
}

runDatabaseCommand("restore", () => {
  const args = process.argv.slice(2);
  if (args.some((a) => a === "-h" || a === "--help")) {
    console.log(USAGE);
    return null;
  }
  const { file, into } = parseArgs(args);
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  return {
    given: into ?? (process.env.DATABASE_URL?.trim() || undefined),
    async work(database) {
      const summary = await restoreDatabase(file, database.url);
      const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
      console.log(`✔ restored ${file} (taken ${summary.header.createdAt}) into ${database.description}`);
      console.log(
        `  ${summary.tables.length} tables, ${rows} rows: every table's row count and checksum match the dump`,
      );
    },
  };
});
