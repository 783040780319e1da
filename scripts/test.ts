// `npm test`: the whole suite against real parts.
//  1. one PostgreSQL server for the run: embedded (temporary) unless TEST_ADMIN_DATABASE_URL or DATABASE_URL
//     names a server, where each test creates and drops databases of its own;
//  2. the type check, then unit and integration tests (vitest), each integration file in its own database;
//  3. the production build (skipped when it is already current);
//  4. Playwright end-to-end tests in Chromium against `npm start` on a fresh database.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { buildIfNeeded } from "./build";
import { acquireTestCluster, adminQuery, type TestCluster } from "./db/test-cluster";
import { chromiumExecutable } from "./chromium";

const root = join(import.meta.dirname, "..");

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function bin(name: string): string {
  return join(root, "node_modules", ".bin", name);
}

async function main(): Promise<number> {
  // A DATABASE_URL given to `npm test` names the server to test on (its own databases are left alone).
  if (!process.env.TEST_ADMIN_DATABASE_URL && process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
  }
  let cluster: TestCluster | undefined;
  const stop = async () => {
    await cluster?.stop();
    cluster = undefined;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop().then(() => process.exit(130)));

  console.log("• starting PostgreSQL for the tests…");
  cluster = await acquireTestCluster();
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_ADMIN_DATABASE_URL: cluster.adminUrl, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  try {
    console.log("\n• type check");
    const types = await run(bin("tsc"), ["--noEmit"], env);
    if (types !== 0) return types;

    console.log("\n• unit and integration tests");
    const unit = await run(bin("vitest"), ["run"], env);
    if (unit !== 0) return unit;

    console.log("\n• production build");
    if (!buildIfNeeded(root)) return 1;

    if (!chromiumExecutable()) {
      // No system Chromium (a developer machine without Debian's package): use Playwright's own browser.
      console.log("\n• no system Chromium found: installing Playwright's Chromium");
      const installed = await run(bin("playwright"), ["install", "chromium"], env);
      if (installed !== 0) return installed;
    }

    console.log("\n• end-to-end tests (Chromium)");
    const e2eDb = `e2e_${process.pid}_${Date.now()}`;
    await adminQuery(cluster.adminUrl, `CREATE DATABASE "${e2eDb}"`);
    try {
      return await run(bin("playwright"), ["test"], { ...env, E2E_DATABASE: e2eDb });
    } finally {
      await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS "${e2eDb}" WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
