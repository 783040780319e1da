// `npm start`: one command from a fresh clone to a running tracker.
//  - no DATABASE_URL: starts an embedded PostgreSQL with its data in .data/pg (git-ignored);
//  - applies migrations, seeds the document (and sample data unless --no-sample) when missing;
//  - builds the app if the build is missing or older than the source;
//  - serves on PORT (default 3000) and stops the database on Ctrl-C / SIGTERM.
import { createServer, type Server } from "node:http";
import { resolveAuthSecret } from "./auth-secret";
import { projectRoot } from "./project-root";
import { loadConfig, ConfigError, type StartConfig } from "./start-config";
import { prepareDatabase, type PreparedDatabase } from "./prepare-database";
import { buildIfNeededAsync } from "./build";
import { DataDirInUseError } from "./db/embedded";
import { Shutdown } from "./shutdown";
import { stopJobRunners } from "../lib/jobs/lifecycle";
import { logger } from "../lib/log";
import { observe, routeLabeler } from "./request-observer";
import { clientAddress } from "../lib/http/client-address";
import { closeOnStop } from "../lib/process-stop";
import { createPageCache } from "./page-cache/page-cache";
import { rememberContextOutsideRequests } from "../lib/outside-requests";

const root = projectRoot();
// Installed before the database starts, so a stop in any phase (database start, migration, seeding, build,
// Next's prepare, serving) stops what has started and keeps what has not from starting; see shutdown.ts.
const shutdown = new Shutdown();
// The job runner starts inside Next (instrumentation.ts); it finishes or gives back its jobs before PostgreSQL stops.
shutdown.beforeDatabaseStops(stopJobRunners);

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const config = loadConfig(process.argv.slice(2), process.env);
  shutdown.listen();
  // Fail fast, before the database starts and the build runs, when the port is taken — and keep it: the port is
  // held until the server takes it over, since a port in the ephemeral range (32768–60999 on Linux) could
  // otherwise be handed to one of this process's own outgoing connections (to the database, say) meanwhile.
  const held = await holdPort(config.port, config.hostname);
  try {
    const database = await prepareDatabase(config, root, {
      onSpawn: (server) => shutdown.databaseStarted(server),
      signal: shutdown.signal,
    });
    try {
      await serve(config, database, held);
    } catch (err) {
      await database.stop();
      throw err;
    }
  } finally {
    await held.release();
  }
}

/** Listens, turning a taken port into the one-line ConfigError people see. */
function listen(server: Server, port: number, hostname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new ConfigError(`port ${port} is in use: set PORT to a free port`) : err),
    );
    server.listen(port, hostname, resolve);
  });
}

/** Listens on the port without serving (and without keeping the process alive) until released. */
async function holdPort(port: number, hostname: string): Promise<{ release(): Promise<void> }> {
  const holder = createServer((_req, res) =>
    res
      .writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" })
      .end("正在启动… Starting…\n"),
  );
  await listen(holder, port, hostname);
  holder.unref();
  return {
    release: () => new Promise<void>((resolve) => (holder.listening ? holder.close(() => resolve()) : resolve())),
  };
}

async function serve(
  config: StartConfig,
  database: PreparedDatabase,
  held: { release(): Promise<void> },
): Promise<void> {
  const built =
    config.skipBuild ||
    (await buildIfNeededAsync(root, { onStart: (child) => shutdown.child(child), signal: shutdown.signal }));
  if (!built) {
    if (shutdown.stopping) return;
    throw new ConfigError("the build failed (see above); fix the error and run npm start again");
  }
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = await resolveAuthSecret(database.url);
  (process.env as Record<string, string>).NODE_ENV = "production";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  // Next runs in this process (a custom server) so that `kill -9` of `npm start` leaves no server behind
  // holding the port; an orphaned embedded PostgreSQL is stopped by the next start.
  // Off even when this script runs under tsx (which turns them on): with Node's source maps on, every chunk of
  // Next's that loads has its map read and kept (96 MB of maps on disk), about 50 MB of the heap under the soak.
  // `next start` and `npm start` (compiled, scripts/start.mjs) run without them.
  process.setSourceMapsEnabled(false);
  // Before Next answers anything: what outlives a request is made in this context (lib/outside-requests.ts).
  rememberContextOutsideRequests();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname: config.hostname, port: config.port });
  await app.prepare();
  // Loading Next holds the event loop for seconds on a busy machine, so a signal is often handled only now.
  if (shutdown.stopping) return;
  const handle = app.getRequestHandler();
  const label = routeLabeler(root);
  const pages = config.pageCache ? createPageCache(database.url) : null;
  if (pages) closeOnStop("page cache's database pool", () => pages.close());
  const server: Server = createServer((req, res) => {
    // the request id, the log line and the metrics of every response (scripts/request-observer.ts)
    observe(req, res, label);
    shutdown.track(req, res);
    // Sign-in throttling and the metrics' address check key on this; it is always overwritten, so a client
    // cannot choose its own address.
    req.headers["x-tracker-client-ip"] = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      config.trustProxy,
    );
    if (pages) pages.handle(req, res, () => void handle(req, res));
    else void handle(req, res);
  });
  shutdown.serving(server, config.shutdownGraceMs);
  await held.release();
  await listen(server, config.port, config.hostname);
  if (shutdown.stopping) return;
  const shown = config.hostname === "0.0.0.0" ? "localhost" : config.hostname;
  console.log(`\n✔ 成渝双城经济圈政策落实跟踪 is running at http://${shown}:${config.port}`);
  console.log(`  database: ${database.description}`);
  for (const line of database.notes) console.log(`  ${line}`);
  console.log("  Press Ctrl-C to stop.");
  logger().info({ port: config.port, host: config.hostname, database: database.description }, "serving");
}

main().catch(async (err: unknown) => {
  // A stop under way makes the start fail (its database goes away under a migration, a helper such as initdb or
  // the build is killed by the same Ctrl-C): that is the stop's to finish, not an error to report. A signal
  // that arrived while the event loop was held (a synchronous helper) is handled only once the loop polls
  // again, so give it that chance before reporting.
  await new Promise((resolve) => setTimeout(resolve, 100));
  if (shutdown.stopping) return shutdown.stop("stop");
  if (err instanceof ConfigError || err instanceof DataDirInUseError) fail(err.message);
  logger().error({ err }, "start failed");
  fail("start failed (details above)");
});
