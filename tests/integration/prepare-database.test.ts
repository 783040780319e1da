import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../scripts/prepare-database";
import { freePort } from "../../scripts/db/embedded";
import { loadConfig } from "../../scripts/start-config";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

describe("npm start against DATABASE_URL", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ empty: true });
  });
  afterAll(async () => t.drop());

  it("migrates and seeds an empty database (document only with --no-sample), and again changes nothing", async () => {
    const config = loadConfig(["--no-sample"], { DATABASE_URL: t.url } as unknown as NodeJS.ProcessEnv);
    const first = await prepareDatabase(config, process.cwd());
    await first.stop();
    expect(first.notes).toContain("no sample data (document only)");
    const items = await t.db.item.count();
    expect(items).toBeGreaterThan(100);
    const second = await prepareDatabase(config, process.cwd());
    await second.stop();
    expect(await t.db.item.count()).toBe(items);
    expect(await t.db.itemHistory.count()).toBe(items);
  });

  it("explains an unreachable server in one line without a stack trace", async () => {
    const port = await freePort();
    const config = loadConfig([], {
      DATABASE_URL: `postgresql://u:secret@127.0.0.1:${port}/x`,
    } as unknown as NodeJS.ProcessEnv);
    const error = await prepareDatabase(config, process.cwd()).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe("ConfigError");
    expect(error?.message).toMatch(
      /^cannot connect to DATABASE_URL postgresql:\/\/u:\*\*\*@127\.0\.0\.1:\d+\/x: .*ECONNREFUSED/,
    );
    expect(error?.message).not.toContain("secret");
    expect(error?.message).not.toContain("\n");
  });
});
