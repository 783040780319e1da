// Gets `npm start` a migrated, seeded database: the one in DATABASE_URL, or an embedded PostgreSQL.
import pg from "pg";
import { createPrismaClient } from "../lib/prisma-client";
import { seed } from "../prisma/seed/run";
import { SAMPLE_PASSWORD, sampleAccounts } from "../prisma/seed/sample/index";
import { startEmbeddedPostgres, type SpawnedPostgres } from "./db/embedded";
import { migrate } from "./db/migrate";
import { ConfigError, type StartConfig } from "./start-config";
import { redact } from "./db/redact";

export interface PreparedDatabase {
  url: string;
  description: string;
  notes: string[];
  stop(): Promise<void>;
}

const APP_DATABASE = "tracker";

async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 8000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ConfigError(
      `cannot connect to DATABASE_URL ${redact(url)}: ${reason} — check that the server runs and the URL is right, or unset DATABASE_URL to use the embedded database`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export interface PrepareOptions {
  /**
   * Hands the caller the embedded server as soon as its process exists (before it accepts connections), so a
   * Ctrl-C while it starts, or during migration or seeding, can still stop it.
   */
  onSpawn?: (server: SpawnedPostgres) => void;
  /** a stop of `npm start` began: do not start the embedded server any more */
  signal?: AbortSignal;
}

export async function prepareDatabase(
  config: StartConfig,
  root: string,
  options: PrepareOptions = {},
): Promise<PreparedDatabase> {
  let url: string;
  let description: string;
  let stop = async () => undefined as void;
  if (config.databaseUrl) {
    url = config.databaseUrl;
    description = redact(url);
    await checkConnection(url);
  } else {
    console.log(`• starting the embedded PostgreSQL (data in ${config.embeddedDir.replace(root + "/", "")})…`);
    const embedded = await startEmbeddedPostgres({
      dataDir: config.embeddedDir,
      port: config.embeddedPort,
      onLog: (line) => {
        // Show what a person must know; connections ended by our own shutdown are not news.
        if (/FATAL|PANIC|stopping PostgreSQL|cannot reach/.test(line) && !line.includes("administrator command"))
          console.log(`  ${line}`);
      },
      onSpawn: options.onSpawn,
      signal: options.signal,
    });
    stop = embedded.stop;
    try {
      await ensureDatabase(embedded.adminUrl, APP_DATABASE);
    } catch (err) {
      await stop();
      throw err;
    }
    url = embedded.urlFor(APP_DATABASE);
    description = `embedded PostgreSQL 15 on 127.0.0.1:${embedded.port} (${redact(url)})`;
  }

  try {
    const applied = await migrate(url);
    if (applied.length) console.log(`• migrations applied: ${applied.join(", ")}`);
    const prisma = createPrismaClient(url, { max: 2 });
    try {
      const report = await seed(prisma, {
        sample: config.sample,
        sampleMonths: config.sampleMonths,
        log: (l) => console.log(`• ${l}`),
      });
      const hasSample = (await prisma.dataset.count({ where: { key: "sample" } })) > 0;
      const notes: string[] = [];
      if (hasSample) {
        // The password is for the person at the terminal; output that goes to a file or a journal is a log, and
        // a log holds no password (e2e/reliability/nginx.spec.ts greps the instances' output for it).
        const password = process.stdout.isTTY
          ? `password ${SAMPLE_PASSWORD}`
          : "the password is in the README, 'Accounts, roles and sign-in'";
        notes.push(`示例数据 sample data is loaded. Sample sign-in accounts (${password}):`);
        for (const a of sampleAccounts) notes.push(`  ${a.loginName.padEnd(12)} ${a.role.padEnd(11)} ${a.description}`);
      } else {
        notes.push("no sample data (document only)");
      }
      if (report.sampleSkipped) notes.push(`sample data not loaded: ${report.sampleSkipped}`);
      return { url, description, notes, stop };
    } finally {
      await prisma.$disconnect();
    }
  } catch (err) {
    await stop();
    throw err;
  }
}
