// `npm test`: the whole suite against real parts.
//  1. one PostgreSQL server for the run: embedded (temporary) unless TEST_ADMIN_DATABASE_URL or DATABASE_URL
//     names a server, where each test creates and drops databases of its own;
//  2. the type check, lint (ESLint) and format (Prettier) checks, then unit and integration tests (vitest),
//     each integration file in its own database; meanwhile, from the start, the sample year is seeded once into
//     the run's sample template, which the integration files and the e2e step clone;
//  3. the production build (skipped when it is already current);
//  4. Playwright end-to-end tests in Chromium against `npm start` on a fresh database.
import { buildIfNeeded } from "./build";
import { bin, root, run, stopChildren } from "./child";
import { SEEDING_LOCKED } from "./db/sample-template";
import { adminQuery } from "./db/test-cluster";
import { runEndToEnd, runWithTestCluster } from "./e2e-steps";

/**
 * Starts seeding the run's sample template in the background (scripts/seed-sample-template.ts) and answers once
 * it holds the seeding lock, with the seed's exit code to come: the type check, lint and the integration files
 * that need no sample run meanwhile, and the files that need it wait on the lock instead of seeding it again.
 */
async function seedInBackground(env: NodeJS.ProcessEnv): Promise<{ done: Promise<number> }> {
  let locked!: () => void;
  const holding = new Promise<void>((resolve) => (locked = resolve));
  const done = run(process.execPath, ["--import", "tsx", "scripts/seed-sample-template.ts"], env, (chunk) => {
    if (chunk.includes(SEEDING_LOCKED)) locked();
  });
  await Promise.race([holding, done]);
  return { done };
}

runWithTestCluster(async (adminUrl, env) => {
  // The integration run clones this template and the e2e step too: the sample year is seeded once per run.
  const sampleTemplate = `sample_${process.pid}_${Date.now()}`;
  const testEnv = { ...env, TEST_SAMPLE_TEMPLATE: sampleTemplate };
  const seeding = await seedInBackground(testEnv);
  const failed = await checksAndTests(testEnv);
  if (failed !== 0) {
    // The e2e step (which drops it) does not run: stop the seed and drop the template here, so a borrowed server
    // keeps nothing of the run.
    stopChildren();
    await seeding.done;
    for (const name of [sampleTemplate, `${sampleTemplate}_seeding`])
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    return failed;
  }
  const seeded = await seeding.done;
  if (seeded !== 0) return seeded;
  return runEndToEnd(adminUrl, [], env, sampleTemplate);
});

/** The type check, lint and format, unit and integration tests, and the production build: 0 if all passed. */
async function checksAndTests(env: NodeJS.ProcessEnv): Promise<number> {
  console.log("\n• type check");
  const types = await run(bin("tsc"), ["--noEmit"], env);
  if (types !== 0) return types;

  console.log("\n• lint and format");
  const lint = await run(bin("eslint"), [".", "--max-warnings", "0"], env);
  if (lint !== 0) return lint;
  const format = await run(bin("prettier"), ["--check", ".", "--log-level", "warn"], env);
  if (format !== 0) return format;

  console.log("\n• unit and integration tests");
  const tests = await run(bin("vitest"), ["run"], env);
  if (tests !== 0) return tests;

  console.log("\n• production build");
  return buildIfNeeded(root) ? 0 : 1;
}
