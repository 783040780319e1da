// Fills a database with a large, consistent portfolio for the benchmarks: 10,000 items (300 recommendations,
// the rest actions under them) across the document's 5 pillars, 500 units and 500 accounts, 200,000 progress
// updates and 1,000,000 item_history rows over the three years up to now.
//
//   node --import tsx bench/generate.ts --url postgresql://…/bench [--create]
//
// The database must be empty or migrated and seeded with the document only (it migrates and seeds the
// document itself when needed; --create creates the database first). Everything is set-based SQL in one
// transaction, so it takes a minute or two and a failure leaves nothing behind.
//
// The generator's session runs with session_replication_role = replica: that switches off the triggers that
// guard items/item_history (history first, then items, would otherwise trip the deferred "change without
// history" check and the foreign keys row by row) — it writes history and items directly, and the checks in
// bench/generator/check.ts then prove the invariants those triggers keep. Only a superuser may set it (the
// embedded PostgreSQL's user is one).
import { pathToFileURL } from "node:url";
import pg from "pg";
import { hashPassword } from "../lib/password";
import { createPrismaClient } from "../lib/prisma-client";
import { seed } from "../prisma/seed/run";
import { migrate } from "../scripts/db/migrate";
import { checkConsistency, type Counts } from "./generator/check";
import { DEFAULT_TARGETS, type Targets } from "./generator/common";
import { planEvents, planUpdates, writeHistoryAndItems, writeMilestones } from "./generator/history";
import { documentShape, planItems } from "./generator/items";
import { ADMIN_LOGIN, BENCH_PASSWORD, generateAccounts, generateUnits } from "./generator/people";

export { ADMIN_LOGIN, BENCH_PASSWORD, editorLogin, viewerLogin } from "./generator/people";

export interface GenerateResult {
  counts: Counts;
  seconds: number;
  steps: { step: string; seconds: number }[];
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

async function prepare(url: string, log: (l: string) => void): Promise<void> {
  const applied = await migrate(url);
  if (applied.length) log(`migrations applied: ${applied.join(", ")}`);
  const prisma = createPrismaClient(url, { max: 2 });
  try {
    await seed(prisma, { sample: false, log });
  } finally {
    await prisma.$disconnect();
  }
}

export async function generate(
  url: string,
  options: { create?: boolean; targets?: Targets; log?: (l: string) => void } = {},
): Promise<GenerateResult> {
  const log = options.log ?? ((l: string) => console.log(`• ${l}`));
  const t = options.targets ?? DEFAULT_TARGETS;
  const began = Date.now();
  if (options.create) await createDatabaseIfMissing(url);
  await prepare(url, log);

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const steps: { step: string; seconds: number }[] = [];
  const step = async (name: string, fn: () => Promise<void>) => {
    const s = Date.now();
    await fn();
    steps.push({ step: name, seconds: (Date.now() - s) / 1000 });
    log(`${name}: ${((Date.now() - s) / 1000).toFixed(1)} s`);
  };
  try {
    const doc = await documentShape(c);
    const { rows: busy } = await c.query<{ n: number }>(
      "SELECT ((SELECT count(*) FROM progress_updates) + (SELECT count(*) FROM users) + (SELECT count(*) FROM item_history) - (SELECT count(*) FROM items))::int AS n",
    );
    if (busy[0]!.n !== 0)
      throw new Error(
        "the database holds more than the document (accounts, updates or edits): give an empty or document-only database",
      );

    const now = new Date();
    now.setUTCMilliseconds(0);
    const start = new Date(now);
    start.setUTCFullYear(start.getUTCFullYear() - 3);
    const nowSql = now.toISOString();
    const startSql = start.toISOString();
    const passwordHash = await hashPassword(BENCH_PASSWORD);

    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query("SET LOCAL work_mem = '256MB'");
    await c.query("SET LOCAL maintenance_work_mem = '512MB'");
    await c.query("SET LOCAL temp_buffers = '512MB'").catch(() => undefined);
    await c.query("SELECT setseed(0.2026)");
    await step("units and accounts", async () => {
      await generateUnits(c, t, startSql);
      await generateAccounts(c, t, passwordHash, startSql);
    });
    const { rows: admin } = await c.query<{ id: number }>("SELECT id FROM users WHERE login_name = $1", [ADMIN_LOGIN]);
    const adminId = admin[0]!.id;
    await step("item plan", () => planItems(c, t, doc, nowSql, startSql));
    await step("events", () => planEvents(c));
    await step("progress update plan", () => planUpdates(c, adminId));
    await step("milestones", () => writeMilestones(c));
    await step("history, items, links, progress updates", () => writeHistoryAndItems(c, adminId, log));
    await c.query("COMMIT");
    await step("analyze", async () => void (await c.query("ANALYZE")));
    let result: Counts | undefined;
    await step("consistency checks", async () => void (result = await checkConsistency(c, t)));
    return { counts: result!, seconds: (Date.now() - began) / 1000, steps };
  } catch (err) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await c.end();
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = argValue("--url") ?? process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.error("usage: node --import tsx bench/generate.ts --url postgresql://user:pw@host:port/db [--create]");
    process.exit(2);
  }
  generate(url, { create: process.argv.includes("--create") })
    .then((r) => {
      console.log(`generated in ${r.seconds.toFixed(1)} s: ${JSON.stringify(r.counts)}`);
      console.log(`sign in as ${ADMIN_LOGIN}, bench.viewer.001 or bench.editor.001 with password ${BENCH_PASSWORD}`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
