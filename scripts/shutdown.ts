// `npm start`'s stop on Ctrl-C / SIGTERM, in whatever phase the signal lands: database starting, migrations,
// seeding, the build, Next's prepare, or serving. Each phase registers what it starts as soon as it starts it;
// a stop then runs in one order — stop accepting and close the HTTP server, stop child processes (the build),
// stop the job runners, stop PostgreSQL, exit — and `signal` tells the phases not yet begun not to begin. A stop that hangs is
// forced after `deadlineMs`: remaining children and PostgreSQL are killed and the process exits anyway.
import type { ChildProcess } from "node:child_process";
import type { Server } from "node:http";

export interface StoppableDatabase {
  /** a clean stop (PostgreSQL's fast shutdown), resolving when the server has exited */
  stop(): Promise<void>;
  /** the last resort: immediate shutdown of the postmaster, no waiting */
  kill(): void;
  exited(): boolean;
}

function childExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function untilExit(child: ChildProcess): Promise<void> {
  return childExited(child) ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

function send(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (!childExited(child)) child.kill(signal);
  } catch {
    // gone already
  }
}

export class Shutdown {
  private readonly controller = new AbortController();
  private server: Server | undefined;
  private readonly children = new Set<ChildProcess>();
  private database: StoppableDatabase | undefined;
  private readonly beforeDatabase: (() => Promise<void>)[] = [];
  private done: Promise<never> | undefined;

  constructor(
    private readonly deadlineMs = 10_000,
    private readonly log: (line: string) => void = console.log,
    private readonly exit: (code: number) => never = (code) => process.exit(code),
  ) {}

  /** aborted once a stop began: a phase that has not started yet must not start */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopping(): boolean {
    return this.controller.signal.aborted;
  }

  /** The HTTP server, registered before it listens: a stop closes it even while it is still binding. */
  serving(server: Server): void {
    this.server = server;
    if (this.stopping) closeServer(server);
  }

  /** A child process (the build) to stop with SIGTERM, and SIGKILL at the deadline. */
  child(child: ChildProcess): void {
    this.children.add(child);
    void untilExit(child).then(() => this.children.delete(child));
    if (this.stopping) send(child, "SIGTERM");
  }

  /** The embedded PostgreSQL, registered as soon as its process exists (before it accepts connections). */
  databaseStarted(database: StoppableDatabase): void {
    this.database = database;
    if (this.stopping) void database.stop();
  }

  /** Work to stop after the HTTP server and before PostgreSQL (the job runners: they finish or give back their jobs). */
  beforeDatabaseStops(stop: () => Promise<void>): void {
    this.beforeDatabase.push(stop);
  }

  /** Install the handlers for Ctrl-C and SIGTERM. A second signal during a stop does not start another. */
  listen(): void {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void this.stop(signal));
  }

  /**
   * Stops everything and exits with `code`. Idempotent: later calls (a second signal, the start failing
   * because its database went away under it) wait for the first. Never returns.
   */
  stop(reason: string, code = 0): Promise<never> {
    this.done ??= this.run(reason, code);
    return this.done;
  }

  private async run(reason: string, code: number): Promise<never> {
    this.controller.abort();
    this.log(`\n• ${reason}: stopping…`);
    const timer = setTimeout(() => void this.force(), this.deadlineMs);
    try {
      if (this.server) closeServer(this.server);
      for (const child of this.children) send(child, "SIGTERM");
      await Promise.all([...this.children].map(untilExit));
      await Promise.all(this.beforeDatabase.map((stop) => stop()));
      await this.database?.stop();
    } catch (err) {
      console.error(err);
      return this.force();
    } finally {
      clearTimeout(timer);
    }
    return this.exit(code);
  }

  private async force(): Promise<never> {
    this.log(`• not stopped within ${this.deadlineMs / 1000} s: forcing`);
    if (this.server) closeServer(this.server);
    for (const child of this.children) send(child, "SIGKILL");
    const database = this.database;
    if (database && !database.exited()) {
      database.kill();
      const deadline = Date.now() + 3000;
      while (!database.exited() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    }
    return this.exit(1);
  }
}

function closeServer(server: Server): void {
  // close() stops accepting at once (also while listen() is still resolving the host name); the open
  // keep-alive connections are closed here rather than waited for.
  server.close();
  server.closeAllConnections();
}
