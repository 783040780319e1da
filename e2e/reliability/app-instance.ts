// App instances of the specs' own, on databases of their own (not the shared e2e app on port 39173): the
// README's run command (`node scripts/start.mjs`) against a database created on the test cluster.
// Ports 39420–39439 belong to these reliability specs.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { adminQuery, databaseUrl } from "../../scripts/db/test-cluster";
import { START_ARGS } from "../../scripts/start-command";

const root = join(import.meta.dirname, "..", "..");

function adminUrl(): string {
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (!url) throw new Error("TEST_ADMIN_DATABASE_URL is not set: run through `npm test` or `npm run test:e2e`");
  return url;
}

export interface OwnDatabase {
  name: string;
  url: string;
  pool: pg.Pool;
  query<T extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * A database of this spec's own: a clone of the run's sample template (scripts/e2e-steps.ts: migrated, document
 * and sample year seeded once per run) when there is one, else empty; the app migrates and seeds it on start
 * (for a clone: nothing left to do).
 */
export async function createOwnDatabase(prefix: string): Promise<OwnDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const template = process.env.E2E_SAMPLE_TEMPLATE;
  await adminQuery(
    adminUrl(),
    template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`,
  );
  const url = databaseUrl(adminUrl(), name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    name,
    url,
    pool,
    query: async (text, params) => (await pool.query(text, params)).rows,
    drop: async () => {
      await pool.end();
      await adminQuery(adminUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export interface AppInstance {
  url: string;
  child: ChildProcess;
  output(): string;
}

/**
 * Starts the app on `port` against `databaseUrl` with the production build already in .next (SKIP_BUILD).
 * AUTH_SECRET is removed from the environment on purpose: instances must then share the secret kept in the
 * database, as they do in a real deployment without the variable.
 */
export function startApp(
  port: number,
  databaseUrlOfApp: string,
  sample: boolean,
  extraEnv: Record<string, string> = {},
): AppInstance {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrlOfApp,
    SKIP_BUILD: "true",
    SAMPLE_DATA: String(sample),
    ...extraEnv,
  };
  delete env.AUTH_SECRET;
  delete env.EMBEDDED_PG_DIR;
  return { url: `http://127.0.0.1:${port}`, ...spawnStart(env) };
}

/** The README's run command in this checkout with `env`, its stdout and stderr collected in one text. */
export function spawnStart(env: NodeJS.ProcessEnv): { child: ChildProcess; output(): string } {
  const child = spawn(process.execPath, [...START_ARGS], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

/** Resolves when the app says it is serving; rejects at once when it exits first, or after `timeoutMs`. */
export function untilServing(app: AppInstance, timeoutMs = 240_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const ready = () => app.output().includes("is running at");
    if (ready()) return resolve();
    const timer = setTimeout(
      () => finish(new Error(`app not serving after ${timeoutMs} ms:\n${app.output()}`)),
      timeoutMs,
    );
    const onData = () => {
      if (ready()) finish();
    };
    const onExit = () => finish(new Error(`app exited before serving:\n${app.output()}`));
    function finish(error?: Error) {
      clearTimeout(timer);
      app.child.stdout!.off("data", onData);
      app.child.stderr!.off("data", onData);
      app.child.off("exit", onExit);
      if (error) reject(error);
      else resolve();
    }
    app.child.stdout!.on("data", onData);
    app.child.stderr!.on("data", onData);
    app.child.once("exit", onExit);
  });
}

/** SIGTERM, then wait for the process to end (SIGKILL if it has not within 20 s). */
export async function stopApp(app: AppInstance): Promise<void> {
  const child = app.child;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}
