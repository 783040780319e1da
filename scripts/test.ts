// `npm test`: the whole suite against real parts.
//  1. one PostgreSQL server for the run: embedded (temporary) unless TEST_ADMIN_DATABASE_URL or DATABASE_URL
//     names a server, where each test creates and drops databases of its own;
//  2. the type check, lint (ESLint) and format (Prettier) checks, then unit and integration tests (vitest),
//     each integration file in its own database;
//  3. the production build (skipped when it is already current);
//  4. Playwright end-to-end tests in Chromium against `npm start` on a fresh database.
import { buildIfNeeded } from "./build";
import { bin, root, run } from "./child";
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
  const unit = await run(bin("vitest"), ["run"], env);
  if (unit !== 0) return unit;

  console.log("\n• production build");
  if (!buildIfNeeded(root)) return 1;

  return runEndToEnd(adminUrl, [], env);
});
