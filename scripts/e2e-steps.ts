// What `npm test` and `npm run test:e2e` share: a PostgreSQL server for the run, stopped however the run ends,
// and the end-to-end step (a browser, a fresh database, Playwright).
import pg from "pg";
import { chromiumExecutable } from "./chromium";
import { bin, run, stopChildren } from "./child";
import { secretScanner } from "./log-secrets";
import { acquireTestCluster, adminQuery, databaseUrl, type TestCluster } from "./db/test-cluster";
import { migrate } from "./db/migrate";
import { createPrismaClient } from "../lib/prisma-client";
import { seed } from "../prisma/seed/run";

/**
 * Runs `steps` with one PostgreSQL server for the tests (embedded and temporary unless TEST_ADMIN_DATABASE_URL
 * or DATABASE_URL names a server), then stops it and every child, also on Ctrl-C, and exits with the steps' code.
 */
export function runWithTestCluster(steps: (adminUrl: string, env: NodeJS.ProcessEnv) => Promise<number>): void {
  // A DATABASE_URL given to the command names the server to test on (its own databases are left alone).
  if (!process.env.TEST_ADMIN_DATABASE_URL && process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
  }
  let cluster: TestCluster | undefined;
  const stop = async () => {
    stopChildren();
    await cluster?.stop();
    cluster = undefined;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => void stop().then(() => process.exit(130)));
  const main = async () => {
    console.log("• starting PostgreSQL for the tests…");
    cluster = await acquireTestCluster();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TEST_ADMIN_DATABASE_URL: cluster.adminUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    delete env.DATABASE_URL;
    try {
      return await steps(cluster.adminUrl, env);
    } finally {
      await stop();
    }
  };
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

/**
 * The e2e run's sample template: a database migrated and seeded (document and sample year) once, here, by the
 * same migrate and seed as the README's start command. The e2e database and every spec's own database
 * (e2e/reliability/app-instance.ts createOwnDatabase) are cloned from it (CREATE DATABASE … TEMPLATE, a file
 * copy: a second or two), so the sample year is seeded once per run instead of once per app; the apps started
 * on the clones migrate and seed as always and find nothing to do. Nothing stays connected to it.
 */
async function sampleTemplate(adminUrl: string, name: string): Promise<void> {
  const t0 = performance.now();
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = databaseUrl(adminUrl, name);
  await migrate(url);
  const db = createPrismaClient(url, { max: 2 });
  try {
    await seed(db, { sample: true });
  } finally {
    await db.$disconnect();
  }
  console.log(`• sample template seeded once for the run in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Whether the server has a database of that name (a seeded template is only ever renamed into place). */
async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return ((await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * The end-to-end step. \`seeded\`: the name of a sample template an earlier step of the same run may have seeded
 * on this server (npm test's integration run, see tests/setup/template-names.ts): cloned if it is there, seeded
 * here under that name if not; dropped at the end either way.
 */
export async function runEndToEnd(
  adminUrl: string,
  playwrightArgs: string[],
  env: NodeJS.ProcessEnv,
  seeded?: string,
): Promise<number> {
  if (!chromiumExecutable()) {
    // No system Chromium (a developer machine without Debian's package): use Playwright's own browser.
    console.log("\n• no system Chromium found: installing Playwright's Chromium");
    const installed = await run(bin("playwright"), ["install", "chromium"], env);
    if (installed !== 0) return installed;
  }
  console.log("\n• end-to-end tests (Chromium)");
  const e2eDb = `e2e_${process.pid}_${Date.now()}`;
  const template = seeded ?? `${e2eDb}_sample`;
  try {
    if (seeded && (await databaseExists(adminUrl, seeded))) console.log("• sample template: the integration run's");
    else await sampleTemplate(adminUrl, template);
    await adminQuery(adminUrl, `CREATE DATABASE "${e2eDb}" TEMPLATE "${template}"`);
    // The app's log of the whole run passes by here: no password, cookie or token value may be in it.
    // One scanner per stream: a line cut between chunks is completed by its own stream's next chunk.
    const scanners = { stdout: secretScanner(), stderr: secretScanner() };
    const code = await run(
      bin("playwright"),
      ["test", ...playwrightArgs],
      { ...env, TEST_ADMIN_DATABASE_URL: adminUrl, E2E_DATABASE: e2eDb, E2E_SAMPLE_TEMPLATE: template },
      (chunk, stream) => scanners[stream].write(chunk),
    );
    const [out, err] = [scanners.stdout.end(), scanners.stderr.end()];
    const lines = out.lines + err.lines;
    const findings = [
      ...out.findings.map((f) => ({ ...f, where: "stdout" })),
      ...err.findings.map((f) => ({ ...f, where: "stderr" })),
    ];
    if (findings.length === 0) {
      console.log(`\n• the app's log of the run (${lines} lines of output): no password, cookie or token value`);
      return code;
    }
    console.error(`\n• the app's log of the run holds secrets (the values are not repeated here):`);
    for (const f of findings) console.error(`  ${f.where} line ${f.line}: ${f.kind}`);
    return code || 1;
  } finally {
    for (const name of [e2eDb, template])
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  }
}
