// The end-to-end step shared by `npm test` and `npm run test:e2e`: a browser, a fresh database, Playwright.
import { chromiumExecutable } from "./chromium";
import { bin, run } from "./child";
import { adminQuery } from "./db/test-cluster";

export async function runEndToEnd(adminUrl: string, playwrightArgs: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (!chromiumExecutable()) {
    // No system Chromium (a developer machine without Debian's package): use Playwright's own browser.
    console.log("\n• no system Chromium found: installing Playwright's Chromium");
    const installed = await run(bin("playwright"), ["install", "chromium"], env);
    if (installed !== 0) return installed;
  }
  console.log("\n• end-to-end tests (Chromium)");
  const e2eDb = `e2e_${process.pid}_${Date.now()}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${e2eDb}"`);
  try {
    return await run(bin("playwright"), ["test", ...playwrightArgs], {
      ...env,
      TEST_ADMIN_DATABASE_URL: adminUrl,
      E2E_DATABASE: e2eDb,
    });
  } finally {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${e2eDb}" WITH (FORCE)`).catch(() => undefined);
  }
}
