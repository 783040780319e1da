// The production app under test: the build (rebuilt under the shared lock when stale), a shared hold on that
// lock for the whole run (so no one rebuilds .next under a running benchmark), the server started with the
// README's command (scripts/start.ts), and its memory.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sourceHash } from "../scripts/source-hash";
import { spawnStart } from "../e2e/reliability/app-instance";

export const root = join(import.meta.dirname, "..");
const LOCK = "/tmp/chengyu-next.lock";

export function buildIsCurrent(): boolean {
  const stamp = join(root, ".next", "source-hash");
  return (
    existsSync(join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sourceHash(root)
  );
}

/** Builds under the exclusive lock when stale; returns the seconds spent building (0 when current). */
export function buildIfStale(log: (l: string) => void): number {
  if (buildIsCurrent()) return 0;
  log("the production build is stale: building under the lock (reported separately)…");
  const began = Date.now();
  const res = spawnSync(
    "flock",
    [
      LOCK,
      process.execPath,
      "--import",
      "tsx",
      "-e",
      "import('./scripts/build.ts').then(m=>{if(!m.buildIfNeeded(process.cwd()))process.exit(1)})",
    ],
    { cwd: root, stdio: "inherit" },
  );
  if (res.status !== 0) throw new Error("the build failed");
  return (Date.now() - began) / 1000;
}

export interface LockHold {
  release(): void;
}

/** A shared hold on the build lock: builds (exclusive) wait until the benchmark is done. */
export async function holdBuildLock(log: (l: string) => void): Promise<LockHold> {
  const child = spawn("flock", ["-s", LOCK, "sh", "-c", "echo locked; exec cat"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiting = setTimeout(() => log("waiting for the build lock (another build or e2e run holds it)…"), 2000);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    child.once("exit", (code) => reject(new Error(`flock exited (${code})`)));
  });
  clearTimeout(waiting);
  child.removeAllListeners("exit");
  return {
    release: () => {
      if (child.exitCode === null) {
        child.stdin.end();
        child.kill("SIGTERM");
      }
    },
  };
}

export interface App {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/** The bench app's metrics token: the soak reads /api/metrics (the heap after each full collection) with it. */
export const BENCH_METRICS_TOKEN = `bench-${randomBytes(16).toString("hex")}`;

export async function startApp(databaseUrl: string, port: number, log: (l: string) => void): Promise<App> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    METRICS_TOKEN: BENCH_METRICS_TOKEN,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    SKIP_BUILD: "true",
    SAMPLE_DATA: "false",
  };
  // For profiling the app under the bench's load only (e.g. "--inspect=127.0.0.1:39499"), not the bench itself.
  if (process.env.BENCH_APP_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_APP_NODE_OPTIONS;
  const { child, output } = spawnStart(env);
  // The app's own log, kept after the run: a request that hung or failed under load is found there by its id.
  mkdirSync(join(root, ".data", "bench"), { recursive: true });
  const appLog = createWriteStream(join(root, ".data", "bench", `app-${port}.log`));
  child.stdout?.pipe(appLog, { end: false });
  child.stderr?.pipe(appLog, { end: false });
  child.once("exit", () => appLog.end());
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  while (!output().includes("is running at")) {
    if (child.exitCode !== null) throw new Error(`the app exited during start:\n${output().slice(-2000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not start within 120 s:\n${output().slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`app started (pid ${child.pid}) on port ${port}`);
  return { child, pid: child.pid!, baseUrl: `http://127.0.0.1:${port}`, output, stop };
}

/** Resident memory (MB) of a process and all its descendants, from /proc. */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  let kb = 0;
  const visit = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return kb / 1024;
}

/** Samples treeRssMb every interval while running; max and last values in MB. */
export function sampleMemory(
  pid: number,
  intervalMs = 500,
): { stop(): { maxMb: number; lastMb: number; samples: number } } {
  let maxMb = 0;
  let lastMb = 0;
  let samples = 0;
  const take = () => {
    lastMb = treeRssMb(pid);
    maxMb = Math.max(maxMb, lastMb);
    samples++;
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { maxMb, lastMb, samples };
    },
  };
}
