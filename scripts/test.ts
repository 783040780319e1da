// `npm test`: the whole suite against real parts.
//  1. one PostgreSQL server for the run: embedded (temporary) unless TEST_ADMIN_DATABASE_URL or DATABASE_URL
//     names a server, where each test creates and drops databases of its own;
//  2. the type check, lint (ESLint) and format (Prettier) checks, then unit and integration tests (vitest),
//     each integration file in its own database;
//  3. the production build (skipped when it is already current);
//  4. Playwright end-to-end tests in Chromium against `npm start` on a fresh database.
import { buildIfNeeded } from "./build";
import { bin, root, run } from "./child";
import { adminQuery } from "./db/test-cluster";
import { runEndToEnd, runWithTestCluster } from "./e2e-steps";

runWithTestCluster(async (adminUrl, env) => {
  console.log("\n• type check");
  const types = await run(bin("tsc"), ["--noEmit"], env);
  if (types !== 0) return types;

  console.log("\n• lint and format");
  const lint = await run(bin("eslint"), [".", "--max-warnings", "0"], env);
  if (lint !== 0) return lint;
  const format = await run(bin("prettier"), ["--check", ".", "--log-level", "warn"], env);
  if (format !== 0) return format;

  console.log("\n• unit and integration tests");
  // The integration run seeds the sample year once into this template; the e2e step clones it (it is slow to seed).
  const sampleTemplate = `sample_${process.pid}_${Date.now()}`;
  const unit = await run(bin("vitest"), ["run"], { ...env, TEST_SAMPLE_TEMPLATE: sampleTemplate });
  let failed = unit;
  if (failed === 0) {
    console.log("\n• production build");
    if (!buildIfNeeded(root)) failed = 1;
  }
  if (failed !== 0) {
    // The e2e step (which drops it) does not run: drop it here, so a borrowed server keeps nothing of the run.
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${sampleTemplate}" WITH (FORCE)`).catch(() => undefined);
    return failed;
  }
  return runEndToEnd(adminUrl, [], env, sampleTemplate);
});
