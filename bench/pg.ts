// The benchmark's own PostgreSQL: an embedded server (scripts/db/embedded.ts) whose data directory persists
// between runs (so the generated database can be reused), or the server behind BENCH_DATABASE_URL.
//
//   node --import tsx bench/pg.ts      starts it and prints its URLs, runs until Ctrl-C
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { startEmbeddedPostgres } from "../scripts/db/embedded";

export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 39400);
export const BENCH_APP_PORT = Number(process.env.BENCH_APP_PORT ?? 39401);
export const BENCH_PG_DIR = process.env.BENCH_PG_DIR ?? join(import.meta.dirname, "..", ".data", "bench", "pg");

export interface BenchServer {
  /** maintenance database URL (create/drop databases here) */
  adminUrl: string;
  urlFor(database: string): string;
  version: string;
  stop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function startBenchServer(): Promise<BenchServer> {
  const given = process.env.BENCH_DATABASE_URL;
  let adminUrl: string;
  let stop = async () => undefined as void;
  if (given) {
    adminUrl = withDatabase(given, "postgres");
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: BENCH_PG_DIR,
      port: BENCH_PG_PORT,
      onLog: (line) => {
        if (/FATAL|PANIC/.test(line) && !line.includes("administrator command")) console.log(`  pg: ${line}`);
      },
    });
    adminUrl = server.adminUrl;
    stop = server.stop;
  }
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  await c.end();
  return { adminUrl, urlFor: (db) => withDatabase(adminUrl, db), version: rows[0]!.v, stop };
}

export async function adminQuery(adminUrl: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const server = await startBenchServer();
  console.log(`PostgreSQL ${server.version} running; admin URL: ${server.adminUrl}`);
  console.log(`e.g. node --import tsx bench/generate.ts --create --url ${server.urlFor("bench_try")}`);
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
