// Which database the backup and restore commands use: the URL given (--into, or DATABASE_URL), else the
// embedded PostgreSQL that `npm start` uses (.data/pg or EMBEDDED_PG_DIR). A running embedded server (say, the
// one `npm start` owns right now) is used where it runs, found from its postmaster.pid; a stopped one is
// started for the command and stopped after it.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { isAlive, startEmbeddedPostgres } from "../embedded";
import { BackupError } from "./format";
import { redact } from "../redact";

/** The database `npm start` creates on the embedded server (scripts/prepare-database.ts). */
export const EMBEDDED_DATABASE = "tracker";

export interface ResolvedDatabase {
  url: string;
  description: string;
  release(): Promise<void>;
}

/** Where the embedded cluster's data may live: the folder itself, or /var/tmp when run as root (see embedded.ts). */
function embeddedDirs(dataDir: string): string[] {
  return [dataDir, join("/var/tmp", "chengyu-tracker-data", Buffer.from(dataDir).toString("base64url").slice(-40))];
}

function runningServer(dataDir: string): { url: string } | null {
  for (const dir of embeddedDirs(dataDir)) {
    const pidFile = join(dir, "postmaster.pid");
    const credentials = `${resolve(dir)}.credentials.json`;
    if (!existsSync(pidFile) || !existsSync(credentials)) continue;
    const lines = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!Number.isInteger(pid) || !isAlive(pid) || !Number.isInteger(port)) continue;
    const { password } = JSON.parse(readFileSync(credentials, "utf8")) as { password: string };
    return { url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}` };
  }
  return null;
}

export async function resolveDatabase(
  given: string | undefined,
  purpose: "backup" | "restore",
): Promise<ResolvedDatabase> {
  if (given) {
    if (!/^postgres(ql)?:\/\/[^/]/.test(given))
      throw new BackupError("the database URL must look like postgresql://user:password@host:5432/database");
    return { url: given, description: redact(given), release: async () => undefined };
  }
  const dataDir = resolve(process.env.EMBEDDED_PG_DIR?.trim() || ".data/pg");
  const running = runningServer(dataDir);
  if (running)
    return {
      url: running.url,
      description: `the running embedded PostgreSQL (${dataDir})`,
      release: async () => undefined,
    };
  if (purpose === "backup" && !embeddedDirs(dataDir).some((d) => existsSync(join(d, "PG_VERSION")))) {
    throw new BackupError(`no embedded database in ${dataDir} (run npm start once) and DATABASE_URL is not set`);
  }
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
      if (!rowCount) {
        if (purpose === "backup")
          throw new BackupError(
            `the embedded PostgreSQL in ${dataDir} has no ${EMBEDDED_DATABASE} database yet (run npm start once)`,
          );
        await admin.query(`CREATE DATABASE "${EMBEDDED_DATABASE}"`);
      }
    } finally {
      await admin.end();
    }
  } catch (err) {
    await server.stop();
    throw err;
  }
  return {
    url: server.urlFor(EMBEDDED_DATABASE),
    description: `the embedded PostgreSQL (${dataDir}, started for this command)`,
    release: server.stop,
  };
}

/** One line for any failure: our own refusals as they are, connection failures with the database named. */
export function describeError(err: unknown, database?: string): string {
  if (err instanceof BackupError) return err.message;
  const e = err as NodeJS.ErrnoException & { code?: string };
  if (e && ["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "28P01", "3D000"].includes(e.code ?? "")) {
    return `cannot connect to ${database ?? "the database"}: ${e.message}`;
  }
  return e instanceof Error ? e.message.split("\n")[0]! : String(err);
}

/** What a command does once its arguments are read: the database it names (if any), and the work on it. */
export interface DatabaseCommand {
  given: string | undefined;
  work(database: ResolvedDatabase): Promise<void>;
}

/**
 * The command-line shape the backup and restore commands share. `plan` reads the arguments (null: nothing to
 * do, e.g. --help); the work then runs on the resolved database, which is released (a server started for the
 * command is stopped) whatever happens. Any failure ends the process with one line and exit code 1.
 */
export function runDatabaseCommand(purpose: "backup" | "restore", plan: () => DatabaseCommand | null): void {
  const main = async () => {
    const command = plan();
    if (!command) return;
    const database = await resolveDatabase(command.given, purpose);
    try {
      await command.work(database);
    } catch (err) {
      throw new Error(describeError(err, database.description));
    } finally {
      await database.release();
    }
  };
  main().catch((err: unknown) => {
    console.error(`✖ ${describeError(err)}`);
    process.exit(1);
  });
}
