// The hostile tests' "nothing was written" check (tests/support/hostile/db-checksum.ts quickFingerprint) must see
// every committed write and nothing else: shown here on a real database, write by write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { quickFingerprint } from "../support/hostile/db-checksum";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("quickFingerprint", () => {
  it("moves with each committed insert, update, delete and truncate, and not with reads, locks or rollbacks", async () => {
    const insert = `INSERT INTO pillars (number, title, title_en, theme, requirement, summary) VALUES (99, '探针', 'probe', '', '', '')`;
    let last = await quickFingerprint(t.db);
    const moved = async () => {
      const now = await quickFingerprint(t.db);
      const changed = now !== last;
      last = now;
      return changed;
    };

    await t.db.$executeRawUnsafe(insert);
    expect(await moved(), "insert").toBe(true);
    await t.db.$executeRawUnsafe(`UPDATE pillars SET title = '探针2' WHERE number = 99`);
    expect(await moved(), "update").toBe(true);
    await t.db.$queryRawUnsafe(`SELECT * FROM pillars`);
    await t.db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT * FROM pillars WHERE number = 99 FOR UPDATE`);
    });
    expect(await moved(), "a read and a row lock").toBe(false);
    await t.db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`UPDATE pillars SET title = '回滚' WHERE number = 99`);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await moved(), "a rolled-back update").toBe(false);
    await t.db.$executeRawUnsafe(`UPDATE pillars SET title = title WHERE number = -1`);
    expect(await moved(), "an update of no rows").toBe(false);
    await t.db.$executeRawUnsafe(`DELETE FROM pillars WHERE number = 99`);
    expect(await moved(), "delete").toBe(true);
    await t.db.$executeRawUnsafe(`TRUNCATE sign_in_attempts`);
    expect(await moved(), "truncate").toBe(true);
  });
});
