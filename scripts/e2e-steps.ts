// What `npm test` and `npm run test:e2e` share: a PostgreSQL server for the run, stopped however the run ends,
// and the end-to-end step (a browser, a fresh database, Playwright).
import { chromiumExecutable } from "./chromium";
import { bin, run, stopChildren } from "./child";
import { secretScanner } from "./log-secrets";
import { ensureSampleTemplate } from "./db/sample-template";
import { acquireTestCluster, adminQuery, type TestCluster } from "./db/test-cluster";

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
 * The end-to-end step. The e2e database and every spec's own database (e2e/reliability/app-instance.ts
 * createOwnDatabase) are cloned from the run's sample template (scripts/db/sample-template.ts), so the sample year
 * is seeded once per run instead of once per app; the apps started on the clones migrate and seed as always and
 * find nothing to do. \`seeded\`: the name of the template an earlier step of the same run made on this server
 * (npm test's): cloned if it is there, seeded here under that name if not; dropped at the end either way.
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
    const t0 = performance.now();
    if (await ensureSampleTemplate(adminUrl, template))
      console.log(`• sample template seeded for the run in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    else console.log("• sample template: the one this run seeded before");
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
    for (const name of [e2eDb, template, `${template}_seeding`])
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  }
}
