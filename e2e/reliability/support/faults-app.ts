// The README's run command (`node scripts/start.mjs`, what `npm start` runs) on an embedded
// PostgreSQL of the fault spec's own, with ways to crash it: kill -9 of the process serving HTTP, or of the
// whole process group (server and PostgreSQL together, as a crash of the machine's session would). Ports
// 39480–39499 belong to the fault spec. Everything started here is registered, so `stopEverything()` (the
// spec's afterEach/afterAll) can stop it by PID even when an assertion failed midway.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { isAlive, startEmbeddedPostgres, type EmbeddedPostgres } from "../../../scripts/db/embedded";
import { START_ARGS } from "../../../scripts/start-command";

const root = join(import.meta.dirname, "..", "..", "..");

const apps = new Set<FaultApp>();
const databases = new Set<EmbeddedPostgres>();
/** per-test folders, and the suite's (the seeded template, kept for every test of the file) */
const workDirs = { test: new Set<string>(), suite: new Set<string>() };

/** Resolves when `check` holds; polls every `everyMs`; rejects with `what` after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function newWorkDir(scope: "test" | "suite" = "test"): string {
  const dir = mkdtempSync(join(tmpdir(), "tracker-faults-"));
  workDirs[scope].add(dir);
  return dir;
}

/**
 * Copies a stopped embedded cluster (data folder and the credentials file kept beside it) into a new work
 * folder, ownership included (`cp -a`: as root the data belongs to the `postgres` user), so each test starts
 * from the seeded sample data without seeding again.
 */
export function copyCluster(fromDataDir: string): string {
  const workDir = newWorkDir();
  execFileSync("cp", ["-a", fromDataDir, join(workDir, "pg")]);
  cpSync(`${fromDataDir}.credentials.json`, join(workDir, "pg.credentials.json"));
  return join(workDir, "pg");
}

/** The process has exited (a zombie waiting for its new parent, init, to reap it counts as gone). */
export function processGone(pid: number): boolean {
  if (!isAlive(pid)) return true;
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

export function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** The connection URL of the app's database (`tracker`) on the embedded cluster. */
export function databaseUrlOf(dataDir: string, pgPort: number): string {
  const { password } = JSON.parse(readFileSync(`${dataDir}.credentials.json`, "utf8")) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/tracker`;
}

/** The PID of the process listening on the TCP port (the one serving HTTP), from `ss`. */
export function listenerPid(port: number): number | null {
  const out = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
  const m = /pid=(\d+)/.exec(out);
  return m ? Number(m[1]) : null;
}

export class FaultApp {
  readonly dataDir: string;
  readonly url: string;
  child: ChildProcess | undefined;
  private out = "";
  /** the output of every start, for the test report when an assertion fails */
  private log = "";

  constructor(
    dataDir: string,
    readonly port: number,
    readonly pgPort: number,
  ) {
    this.dataDir = dataDir;
    this.url = `http://127.0.0.1:${port}`;
    apps.add(this);
  }

  get databaseUrl(): string {
    return databaseUrlOf(this.dataDir, this.pgPort);
  }

  /** what the current start printed */
  output(): string {
    return this.out;
  }

  /** what every start printed */
  fullLog(): string {
    return this.log;
  }

  running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * `npm start`'s command, in its own process group (detached) so that the group can be killed as a whole.
   * No AUTH_SECRET: the secret is then kept in the database, so sessions survive the restart.
   */
  start(): void {
    if (this.running()) throw new Error("already running");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(this.port),
      EMBEDDED_PG_DIR: this.dataDir,
      EMBEDDED_PG_PORT: String(this.pgPort),
      SKIP_BUILD: "true",
      SAMPLE_DATA: "true",
      // Faults are under test, not the sample's volume: two closed months seed in a fraction of a year's time.
      SAMPLE_MONTHS: "2",
    };
    delete env.DATABASE_URL;
    delete env.AUTH_SECRET;
    this.out = "";
    this.log += `\n===== start (port ${this.port}, data ${this.dataDir}) =====\n`;
    const child = spawn(process.execPath, [...START_ARGS], {
      cwd: root,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const record = (d: Buffer) => {
      this.out += d.toString();
      this.log += d.toString();
    };
    child.stdout.on("data", record);
    child.stderr.on("data", record);
    this.child = child;
  }

  /** Resolves when the app prints that it serves; fails at once when it exits first. */
  async serving(timeoutMs = 240_000): Promise<void> {
    await until(
      () => {
        if (!this.running()) throw new Error(`the app exited before serving:\n${this.out}`);
        return this.out.includes("is running at");
      },
      `the app on port ${this.port} to serve`,
      timeoutMs,
      100,
    );
  }

  async startAndServe(): Promise<void> {
    this.start();
    await this.serving();
  }

  private async exited(child: ChildProcess, timeoutMs = 30_000): Promise<void> {
    await until(() => child.exitCode !== null || child.signalCode !== null, `pid ${child.pid} to exit`, timeoutMs);
  }

  /** kill -9 of the process serving HTTP (Next runs inside start.ts's process, see scripts/start.ts). */
  async killServer(): Promise<number> {
    const pid = listenerPid(this.port);
    if (pid === null) throw new Error(`nothing listens on ${this.port}`);
    process.kill(pid, "SIGKILL");
    if (pid === this.child!.pid) await this.exited(this.child!);
    else await until(() => processGone(pid), `server ${pid} to die`);
    return pid;
  }

  /** kill -9 of `npm start`'s whole process group: the server and the embedded PostgreSQL's postmaster. */
  async killGroup(): Promise<void> {
    process.kill(-this.child!.pid!, "SIGKILL");
    await this.exited(this.child!);
  }

  /** Ctrl-C's path: SIGTERM stops the server and its database; kill -9 of the group if that hangs. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running()) return;
    child.kill("SIGTERM");
    try {
      await this.exited(child);
    } catch {
      process.kill(-child.pid!, "SIGKILL");
      await this.exited(child);
    }
  }
}

/** A PostgreSQL on an app's data folder and port, started by the test itself (the app's own was stopped). */
export async function startDatabaseAgain(app: FaultApp): Promise<EmbeddedPostgres> {
  const database = await startEmbeddedPostgres({ dataDir: app.dataDir, port: app.pgPort });
  databases.add(database);
  return database;
}

export async function stopDatabase(database: EmbeddedPostgres): Promise<void> {
  await database.stop();
  databases.delete(database);
}

/** The output of every app started since the last clean-up. */
export function appLogs(): string {
  return [...apps].map((app) => app.fullLog()).join("\n");
}

/**
 * Stops every app and database started here, and any postmaster a kill left orphaned, then deletes the
 * tests' folders (and the suite's too with `scope` "suite").
 */
export async function stopEverything(scope: "test" | "suite" = "test"): Promise<void> {
  for (const app of [...apps]) {
    await app.stop();
    apps.delete(app);
  }
  for (const database of [...databases]) await stopDatabase(database);
  const dirs = scope === "suite" ? [workDirs.test, workDirs.suite] : [workDirs.test];
  for (const dir of dirs.flatMap((set) => [...set])) {
    const orphan = postmasterPid(join(dir, "pg"));
    if (orphan && !processGone(orphan)) {
      process.kill(orphan, "SIGINT");
      await until(() => processGone(orphan), `orphaned postmaster ${orphan} to stop`);
    }
    rmSync(dir, { recursive: true, force: true });
    for (const set of dirs) set.delete(dir);
  }
}

/** A small pool on the app's database, for the spec's own SQL. */
export function sqlPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 2 });
}
