import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumExecutable } from "./scripts/chromium";
import { databaseUrl } from "./scripts/db/test-cluster";

// Run through `npm test`, which provides a PostgreSQL server and a fresh database for the app under test.
const admin = process.env.TEST_ADMIN_DATABASE_URL;
const database = process.env.E2E_DATABASE;
if (!admin || !database) {
  throw new Error(
    "run the end-to-end tests with `npm test`, or one spec with `npm run test:e2e -- e2e/NAME.spec.ts` (they start PostgreSQL and create the e2e database)",
  );
}
const port = Number(process.env.E2E_PORT ?? 39173);
process.env.E2E_DATABASE_URL = databaseUrl(admin, database);
const executablePath = chromiumExecutable();
// A mock 政务统一身份认证 (OIDC) provider is started by e2e/oidc.spec.ts on this loopback port.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 39181);
process.env.E2E_OIDC_PORT = String(OIDC_PORT);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [...CHROMIUM_FLAGS, "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The README's run command, against the e2e database: migrates, seeds sample data, serves. The e2e database is
    // a clone of the run's sample template (scripts/e2e-steps.ts), so it finds both done and only serves: measured
    // in bench/SEED.md, with a margin for a loaded machine.
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${port}/`,
    timeout: 150_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      PORT: String(port),
      SKIP_BUILD: "false",
      OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}/`,
      OIDC_CLIENT_ID: "chengyu-tracker-e2e",
      OIDC_CLIENT_SECRET: "e2e-secret",
      I18N_STRICT: "1",
    },
  },
});
