// The notification centre called as a forged request would call it: the unread count, marking read (one, all,
// by opening) and the e-mail settings touch only the caller's own rows; another person's id is "not found" and
// changes nothing. The bell's count is one query on an index, whatever the table holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryNotifications, queryUnreadCount } from "../../lib/queries/notifications";
import { notify } from "../../lib/writes/notifications";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { signIn, signOut } from "../support/session";
import { form } from "../support/form-data";

const actions = await import("../../lib/actions/notifications");
const account = await import("../../lib/actions/account");
const data = await import("../../lib/data/notifications");

let t: TestDatabase;
const ids = { alice: 0, bob: 0 };

async function as(userId: number) {
  signIn(await t.db.user.findUniqueOrThrow({ where: { id: userId } }));
}

async function tell(userIds: number[], key: string, at = new Date("2031-03-20T02:00:00Z")) {
  return t.db.$transaction((tx) =>
    notify(
      tx,
      { userIds, kind: "report.returned", key, params: { item: "1.2.3", unit: "某单位" }, link: "/items/1.2.3", at },
      { email: false },
    ),
  );
}

const unread = (userId: number) => queryUnreadCount(t.db, userId);

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  const user = (loginName: string) =>
    t.db.user.create({ data: { loginName, displayName: loginName, passwordHash: "!", role: "VIEWER" } });
  ids.alice = (await user("alice")).id;
  ids.bob = (await user("bob")).id;
}, 120_000);
afterAll(async () => t?.drop());

describe("my notifications", () => {
  it("counts and lists only my own, latest first, paged", async () => {
    for (let i = 1; i <= 25; i++) await tell([ids.alice, ids.bob], `n${i}`, new Date(Date.UTC(2031, 2, i)));
    await tell([ids.bob], "bob-only");
    expect(await unread(ids.alice)).toBe(25);
    expect(await unread(ids.bob)).toBe(26);
    await as(ids.alice);
    const { getUnreadCount } = data;
    expect(await getUnreadCount({ id: ids.alice, role: "VIEWER", unitId: null } as never)).toBe(25);
    const first = await queryNotifications(t.db, ids.alice, 1);
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0]!.createdAt).toEqual(new Date(Date.UTC(2031, 2, 25)));
    expect(first).toMatchObject({ total: 25, unread: 25 });
    expect((await queryNotifications(t.db, ids.alice, 2)).rows).toHaveLength(5);
  });

  it("marks one read, mine only: Bob's id is not found and changes nothing", async () => {
    const [mine] = await tell([ids.alice], "one");
    const [bobs] = await tell([ids.bob], "bobs");
    await as(ids.alice);
    const before = { alice: await unread(ids.alice), bob: await unread(ids.bob) };
    expect(await actions.markNotificationRead(null, form({ notificationId: bobs!.id }))).toMatchObject({
      ok: false,
      code: "not-found",
    });
    expect(await unread(ids.bob)).toBe(before.bob);
    expect(await actions.markNotificationRead(null, form({ notificationId: mine!.id }))).toMatchObject({ ok: true });
    expect(await unread(ids.alice)).toBe(before.alice - 1);
    expect(await unread(ids.bob)).toBe(before.bob);
  });

  it("opens one: marks it read and goes to its page; someone else's is not found", async () => {
    const [mine] = await tell([ids.alice], "open");
    const [bobs] = await tell([ids.bob], "open-bob");
    await as(ids.alice);
    expect(await actions.openNotification(null, form({ notificationId: mine!.id }))).toEqual({
      ok: true,
      data: { link: "/items/1.2.3" },
    });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: mine!.id } })).readAt).not.toBeNull();
    expect(await actions.openNotification(null, form({ notificationId: bobs!.id }))).toMatchObject({
      code: "not-found",
    });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: bobs!.id } })).readAt).toBeNull();
  });

  it("marks all of mine read up to what the page showed; what came later and Bob's stay unread", async () => {
    const [shown] = await tell([ids.alice], "all-shown");
    const [later] = await tell([ids.alice], "all-later");
    await as(ids.alice);
    const bobBefore = await unread(ids.bob);
    // Bob's id as "up to" is not mine: nothing happens.
    const [bobs] = await tell([ids.bob], "all-bob");
    expect(await actions.markAllNotificationsRead(null, form({ upTo: bobs!.id }))).toMatchObject({
      code: "not-found",
    });
    expect(await actions.markAllNotificationsRead(null, form({ upTo: shown!.id }))).toMatchObject({ ok: true });
    expect(await unread(ids.alice)).toBe(1);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: later!.id } })).readAt).toBeNull();
    expect(await unread(ids.bob)).toBe(bobBefore + 1);
  });

  it("refuses a signed-out caller", async () => {
    signOut();
    const [n] = await tell([ids.alice], "signed-out");
    expect(await actions.markNotificationRead(null, form({ notificationId: n!.id }))).toMatchObject({
      code: "unauthenticated",
    });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: n!.id } })).readAt).toBeNull();
  });

  it("counts unread on the index (user_id, read_at), also among many rows", async () => {
    await t.db.$executeRaw`
      INSERT INTO notifications (user_id, kind, key, params, link, created_at)
      SELECT ${ids.bob}, 'report.returned', 'bulk' || g, '{}', '/items/1', now() - g * interval '1 minute'
        FROM generate_series(1, 50000) g`;
    await t.db.$executeRaw`UPDATE notifications SET read_at = now() WHERE key LIKE 'bulk%' AND key NOT LIKE 'bulk1%'`;
    await t.db.$executeRaw`VACUUM ANALYZE notifications`;
    const plan = await t.db.$queryRaw<{ "QUERY PLAN": string }[]>`
      EXPLAIN SELECT count(*)::int AS n FROM notifications WHERE user_id = ${ids.alice} AND read_at IS NULL`;
    expect(plan.map((p) => p["QUERY PLAN"]).join("\n")).toContain("notifications_user_id_read_at_idx");
    const started = performance.now();
    for (let i = 0; i < 20; i++) await unread(ids.bob);
    const ms = (performance.now() - started) / 20;
    console.log(`unread count among ${await t.db.notification.count()} notifications: ${ms.toFixed(2)} ms per query`);
  });
});

describe("my e-mail settings", () => {
  it("sets my address and delivery, audited; a malformed address is refused and nothing changes", async () => {
    await as(ids.alice);
    expect(await account.updateEmailSettings(null, form({ email: "zhang@", delivery: "each" }))).toMatchObject({
      ok: false,
      fieldErrors: { email: ["account.validation.invalidEmail"] },
    });
    expect(await t.db.auditLog.count({ where: { action: "user.email-settings" } })).toBe(0);
    expect(
      await account.updateEmailSettings(null, form({ email: " zhang.san@example.gov.cn ", delivery: "digest" })),
    ).toMatchObject({ ok: true });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: ids.alice } })).toMatchObject({
      email: "zhang.san@example.gov.cn",
      emailDigest: true,
      emailOptOut: false,
    });
    expect(
      await account.updateEmailSettings(null, form({ email: "zhang.san@example.gov.cn", delivery: "none" })),
    ).toMatchObject({ ok: true });
    const audits = await t.db.auditLog.findMany({ where: { action: "user.email-settings" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.actorId, a.targetId])).toEqual([
      [ids.alice, String(ids.alice)],
      [ids.alice, String(ids.alice)],
    ]);
    expect(audits[1]!.details).toMatchObject({
      changes: { emailOptOut: { from: false, to: true }, emailDigest: { from: true, to: false } },
    });
    // Bob's settings are untouched: there is no way to name another account.
    expect(await t.db.user.findUniqueOrThrow({ where: { id: ids.bob } })).toMatchObject({
      email: null,
      emailOptOut: false,
      emailDigest: false,
    });
    expect((await data.getMyEmailSettings()).delivery).toBe("none");
  });
});
