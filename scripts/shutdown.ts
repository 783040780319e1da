// `npm start`'s stop on Ctrl-C / SIGTERM, in whatever phase the signal lands: database starting, migrations,
// seeding, the build, Next's prepare, or serving. Each phase registers what it starts as soon as it starts it;
// a stop then runs in one order — mark the process stopping (/api/ready answers 503), stop accepting
// connections, let the requests in flight finish (at most the grace period, SHUTDOWN_GRACE_MS; then the
// connections are cut), stop child processes (the build), stop the job runners, close the database pools,
// stop PostgreSQL, exit 0 — and `signal` tells the phases not yet begun not to begin. A stop that hangs is
// forced `deadlineMs` after the grace period: remaining children and PostgreSQL are killed and the process
// exits 1.
import type { ChildProcess } from "node:child_process";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { logger } from "../lib/log";
import { closeAll, markStopping } from "../lib/process-stop";

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
  private graceMs = 0;
  private inFlight = 0;
  private readonly drained = new Set<() => void>();
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

  /**
   * The HTTP server, registered before it listens: a stop closes it even while it is still binding. Requests
   * in flight when a stop begins get up to `graceMs` to finish; `track` must see every request.
   */
  serving(server: Server, graceMs: number): void {
    this.server = server;
    this.graceMs = graceMs;
    if (this.stopping) closeServer(server);
  }

  /** Counts a request until its response ends. During a stop its connection closes after it (no keep-alive). */
  track(_req: IncomingMessage, res: ServerResponse): void {
    this.inFlight++;
    if (this.stopping) res.setHeader("Connection", "close");
    res.once("close", () => {
      this.inFlight--;
      if (!this.stopping) return;
      // the connection it came on is idle now: close it rather than wait for a next request
      this.server?.closeIdleConnections();
      if (this.inFlight === 0) for (const resolve of this.drained) resolve();
    });
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
    markStopping();
    this.log(`\n• ${reason}: stopping…`);
    const timer = setTimeout(() => void this.force(), this.graceMs + this.deadlineMs);
    try {
      if (this.server) await this.drain(this.server);
      for (const child of this.children) send(child, "SIGTERM");
      await Promise.all([...this.children].map(untilExit));
      await Promise.all(this.beforeDatabase.map((stop) => stop()));
      await closeAll((name, error) => logger().error({ err: error }, `stop: closing the ${name} failed`));
      await this.database?.stop();
    } catch (err) {
      logger().error({ err }, "stop failed");
      return this.force();
    } finally {
      clearTimeout(timer);
    }
    return this.exit(code);
  }

  /** Stops accepting, waits for the requests in flight (at most the grace period), then cuts what is left. */
  private async drain(server: Server): Promise<void> {
    server.close();
    server.closeIdleConnections();
    if (this.inFlight > 0) {
      const pending = this.inFlight;
      let timer: NodeJS.Timeout | undefined;
      const finished = await new Promise<boolean>((resolve) => {
        const done = () => resolve(true);
        this.drained.add(done);
        timer = setTimeout(() => {
          this.drained.delete(done);
          resolve(false);
        }, this.graceMs);
      });
      clearTimeout(timer);
      this.drained.clear();
      if (finished) logger().info({ requests: pending }, "stop: the requests in flight finished");
      else
        logger().warn(
          { requests: this.inFlight, graceMs: this.graceMs },
          "stop: requests still in flight after the grace period are cut",
        );
    }
    server.closeAllConnections();
  }

  private async force(): Promise<never> {
    this.log(`• not stopped within ${(this.graceMs + this.deadlineMs) / 1000} s: forcing`);
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
