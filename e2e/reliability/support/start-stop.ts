// `npm start` as a person runs it, in a process group of its own (npm, the start script, the embedded
// PostgreSQL, the build when there is one), so the start-stop spec can signal the whole group as a terminal's
// Ctrl-C or a service manager's SIGTERM does, and then look for anything of it left behind.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { join } from "node:path";
import { until } from "./faults-app";

export const root = join(import.meta.dirname, "..", "..", "..");

interface ProcessInfo {
  pid: number;
  state: string;
  pgrp: number;
  args: string;
}

function processes(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so split after the last ")".
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      out.push({ pid: Number(entry), state: state!, pgrp: Number(pgrp), args });
    } catch {
      // exited while we looked
    }
  }
  return out;
}

/** The live processes of a process group (zombies, exited and waiting to be reaped, do not count). */
export function groupMembers(pgid: number): ProcessInfo[] {
  return processes().filter((p) => p.pgrp === pgid && p.state !== "Z");
}

/** The process exists and has not exited (a zombie counts as exited). */
export function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** Nothing listens on 127.0.0.1:`port`: a new server could take it, as the next `npm start` must. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Something accepts TCP connections on 127.0.0.1:`port`. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, "127.0.0.1", () => done(true));
  });
}

export function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** `npm start` in `cwd` on the embedded PostgreSQL in `dataDir`, in a process group of its own. */
export class NpmStart {
  readonly child: ChildProcess;
  readonly startedAt = Date.now();
  private out = "";
  /** when each line first appeared, in ms after the start */
  private readonly lines: { at: number; line: string }[] = [];

  constructor(
    readonly cwd: string,
    readonly dataDir: string,
    readonly port: number,
    readonly pgPort: number,
  ) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      SKIP_BUILD: "false",
      // Starting and stopping is under test, not the sample's volume: two closed months seed in a fraction of a year's time.
      SAMPLE_MONTHS: "2",
    };
    delete env.DATABASE_URL;
    delete env.AUTH_SECRET;
    // npm would otherwise take its settings (and the script to run) from the test run's own npm.
    for (const key of Object.keys(env)) if (key.startsWith("npm_")) delete env[key];
    this.child = spawn("npm", ["start"], { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let partial = "";
    const record = (d: Buffer) => {
      this.out += d.toString();
      partial += d.toString();
      const complete = partial.split("\n");
      partial = complete.pop()!;
      for (const line of complete) if (line.trim()) this.lines.push({ at: Date.now() - this.startedAt, line });
    };
    this.child.stdout!.on("data", record);
    this.child.stderr!.on("data", record);
  }

  get pgid(): number {
    return this.child.pid!;
  }

  output(): string {
    return this.out;
  }

  /** The output with each line's time since the start, for a failing round's report. */
  timeline(): string {
    return this.lines.map((l) => `${String(l.at).padStart(7)} ms  ${l.line}`).join("\n");
  }

  exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Resolves when the output shows `text`; fails at once when the start exits first. */
  async printed(text: string, timeoutMs = 240_000): Promise<void> {
    await until(
      () => {
        if (this.out.includes(text)) return true;
        if (this.exited()) throw new Error(`npm start exited before printing "${text}":\n${this.timeline()}`);
        return false;
      },
      `npm start to print "${text}"`,
      timeoutMs,
    );
  }

  signalGroup(signal: NodeJS.Signals): void {
    process.kill(-this.pgid, signal);
  }

  /** The last resort of a test's clean-up: kill -9 of the group, and of a postmaster it left behind. */
  killEverything(): void {
    const postmaster = postmasterPid(this.dataDir);
    for (const p of groupMembers(this.pgid)) signalQuietly(p.pid, "SIGKILL");
    if (postmaster && processAlive(postmaster)) signalQuietly(postmaster, "SIGQUIT");
  }
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // gone
  }
}

/**
 * A copy of the project without a build, for rounds that stop `npm start` while it builds (the project's
 * own build must stay current for the other specs). Sources are copied; node_modules is hard-linked (same
 * files, nothing is written there), which takes seconds rather than a full copy's minutes.
 */
export function projectCopy(into: string): string {
  const copy = join(into, "project");
  if (!existsSync(join(copy, "package.json"))) {
    mkdirSync(copy, { recursive: true });
    const skip = new Set([
      ".git",
      ".next",
      ".data",
      "node_modules",
      "test-results",
      "playwright-report",
      "backups",
      "bench",
    ]);
    for (const entry of readdirSync(root)) {
      if (skip.has(entry) || entry.endsWith(".tsbuildinfo")) continue;
      execFileSync("cp", ["-a", join(root, entry), copy]);
    }
    execFileSync("cp", ["-al", join(root, "node_modules"), copy]);
  }
  rmSync(join(copy, ".next"), { recursive: true, force: true });
  return copy;
}
