// The data version is what keeps every instance's cached dashboard honest: it must move exactly when a
// change to shown data commits — not before (a reader would cache old figures under the new number), not
// on rollback, and once per transaction however many rows it writes.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeItem } from "../../lib/writes/item-change";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

describe("data_version", () => {
  let t: TestDatabase;
  const version = async (client?: pg.Client) => {
    if (client)
      return BigInt((await client.query<{ v: string }>("SELECT version::text AS v FROM data_version")).rows[0]!.v);
    return (await t.db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
  };

  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
  });
  afterAll(async () => t.drop());

  it("moves once when a transaction writing many rows commits, and is unseen by others until then", async () => {
    const writer = new pg.Client(t.url);
    const reader = new pg.Client(t.url);
    await Promise.all([writer.connect(), reader.connect()]);
    try {
      const before = await version(reader);
      await writer.query("BEGIN");
      await writer.query(
        "UPDATE units SET short_name = coalesce(short_name, '') || '·' WHERE id IN (SELECT id FROM units ORDER BY id LIMIT 5)",
      );
      await writer.query(
        "UPDATE units SET short_name = short_name || '·' WHERE id IN (SELECT id FROM units ORDER BY id LIMIT 5)",
      );
      expect(await version(reader)).toBe(before);
      await writer.query("COMMIT");
      expect(await version(reader)).toBe(before + 1n);
    } finally {
      await Promise.all([writer.end(), reader.end()]);
    }
  });

  it("does not move when the transaction rolls back", async () => {
    const before = await version();
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.unit.updateMany({ data: { shortName: "回滚" } });
        throw new Error("abandoned");
      }),
    ).rejects.toThrow("abandoned");
    expect(await version()).toBe(before);
  });

  it("moves on an item change written through changeItem, and not on a sign-in attempt", async () => {
    const item = await t.db.item.findFirstOrThrow({ where: { level: "ACTION", retiredAt: null } });
    const before = await version();
    await t.db.signInAttempt.create({ data: { loginName: "nobody", ip: "127.0.0.1", succeeded: false } });
    expect(await version()).toBe(before);
    await t.db.$transaction((tx) =>
      changeItem(
        tx,
        item.id,
        { action: "UPDATE", expectedVersion: item.version, fields: { progress: ((item.progress ?? 0) + 1) % 100 } },
        { actorId: null },
      ),
    );
    expect(await version()).toBe(before + 1n);
  });

  it("lets concurrent writers of different items both commit (no deadlock on the counter)", async () => {
    const items = await t.db.item.findMany({
      where: { level: "ACTION", retiredAt: null },
      take: 8,
      orderBy: { id: "asc" },
    });
    const before = await version();
    // Each writer touches its own item, so only the shared counter could make them wait on each other.
    await Promise.all(
      items.map((item) =>
        t.db.$transaction((tx) =>
          changeItem(
            tx,
            item.id,
            { action: "UPDATE", expectedVersion: item.version, fields: { weight: item.weight + 1 } },
            { actorId: null },
          ),
        ),
      ),
    );
    expect(await version()).toBe(before + BigInt(items.length));
  });
});
