// Notifications are rows written in the causing transaction: a repeated write tells no one twice, a rolled-back
// one tells no one, and reading marks only one's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markRead, notify, type NotifyInput } from "../../lib/writes/notifications";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

let t: TestDatabase;
let alice: number;
let bob: number;
const at = new Date("2031-03-20T01:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  const user = (loginName: string) =>
    t.db.user.create({ data: { loginName, displayName: loginName, passwordHash: "!", role: "EDITOR" } });
  alice = (await user("alice")).id;
  bob = (await user("bob")).id;
});
afterAll(async () => t.drop());

const urge = (userIds: number[], key = "urge:period:1:unit:1"): NotifyInput => ({
  userIds,
  kind: "period.urge",
  key,
  params: { period: "2031年3月", unit: "某单位", count: 2, deadline: "2031年3月20日" },
  link: "/periods/1",
  at,
});

describe("notify", () => {
  it("tells each person a thing once, however often it is written", async () => {
    const first = await t.db.$transaction((tx) => notify(tx, urge([bob, alice, alice])));
    expect(first.map((n) => n.userId)).toEqual([alice, bob].sort((a, b) => a - b));
    const again = await Promise.all([
      t.db.$transaction((tx) => notify(tx, urge([alice, bob]))),
      t.db.$transaction((tx) => notify(tx, urge([alice, bob]))),
    ]);
    expect(again.flat()).toEqual([]);
    const rows = await t.db.notification.findMany({ where: { key: "urge:period:1:unit:1" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kind: "period.urge", params: { period: "2031年3月", count: 2 }, readAt: null });
  });

  it("tells no one when the causing transaction rolls back", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await notify(tx, urge([alice], "urge:period:2:unit:1"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.notification.count({ where: { key: "urge:period:2:unit:1" } })).toBe(0);
  });

  it("refuses a link that is not an app path", async () => {
    await expect(
      t.db.$transaction((tx) => notify(tx, { ...urge([alice], "x"), link: "//evil.example.com/" })),
    ).rejects.toThrow(RangeError);
  });

  it("marks read only the reader's own notifications", async () => {
    const [n] = await t.db.$transaction((tx) => notify(tx, urge([alice, bob], "urge:period:3:unit:1")));
    const bobs = await t.db.notification.findFirstOrThrow({ where: { userId: bob, key: "urge:period:3:unit:1" } });
    // Alice naming Bob's notification changes nothing.
    expect(await t.db.$transaction((tx) => markRead(tx, alice, at, [bobs.id]))).toBe(0);
    expect(await t.db.$transaction((tx) => markRead(tx, alice, at, [n!.id]))).toBe(1);
    expect(await t.db.notification.count({ where: { userId: alice, readAt: null } })).toBe(1);
    expect(await t.db.$transaction((tx) => markRead(tx, alice, at))).toBe(1);
    expect(await t.db.notification.count({ where: { userId: bob, readAt: null } })).toBe(2);
  });
});
