// Administration actions called directly (as a forged request would), on a real database. Only the session
// lookup (who is calling) and Next's cache invalidation are stubbed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/password";
import { addTreeItem } from "../../lib/writes/item-tree";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { signIn, signOut } from "../support/session";
import { form } from "../support/form-data";

const users = await import("../../lib/actions/admin-users");
const units = await import("../../lib/actions/admin-units");
const tree = await import("../../lib/actions/item-tree");

let t: TestDatabase;
const ids = { admin: 0, admin2: 0, editor: 0, viewer: 0, unitA: 0, unitB: 0, pillar1: 0, pillar2: 0 };

async function signInAs(userId: number) {
  const user = await t.db.user.findUniqueOrThrow({ where: { id: userId } });
  signIn(user);
}

/** Everything the administration actions can write; a refused call must leave it identical. */
async function fingerprint(): Promise<string> {
  const [row] = await t.db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT md5(coalesce(string_agg(u::text, '|' ORDER BY u.id), '')) FROM users u) AS users,
           (SELECT md5(coalesce(string_agg(n::text, '|' ORDER BY n.id), '')) FROM units n) AS units,
           (SELECT md5(coalesce(string_agg(i::text, '|' ORDER BY i.id), '')) FROM items i) AS items,
           (SELECT count(*) FROM item_history) AS history, (SELECT count(*) FROM audit_log) AS audit`;
  return JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v));
}

/** The newest audit row, and whether it was written by the same transaction as `table` row `id` (same xmin). */
async function lastAudit(table: "users" | "units" | "items", id: number) {
  const audit = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
  const [a] = await t.db.$queryRawUnsafe<{ x: string }[]>(
    `SELECT xmin::text AS x FROM audit_log WHERE id = $1`,
    audit.id,
  );
  const [r] = await t.db.$queryRawUnsafe<{ x: string }[]>(`SELECT xmin::text AS x FROM ${table} WHERE id = $1`, id);
  return { audit, sameTransaction: a!.x === r!.x };
}

async function newAction(recId: number, title = "事项") {
  return t.db.$transaction((tx) =>
    addTreeItem(
      tx,
      { parent: { kind: "item", id: recId }, title, titleEn: null, description: null },
      { actorId: null },
    ),
  );
}
async function newRecommendation(pillarId: number, title = "工作建议") {
  return t.db.$transaction((tx) =>
    addTreeItem(
      tx,
      { parent: { kind: "pillar", id: pillarId }, title, titleEn: null, description: null },
      { actorId: null },
    ),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ids.unitA = (
    await t.db.unit.create({ data: { name: "四川省发展和改革委员会", side: "SICHUAN", kind: "DEPARTMENT" } })
  ).id;
  ids.unitB = (
    await t.db.unit.create({ data: { name: "重庆市发展和改革委员会", side: "CHONGQING", kind: "DEPARTMENT" } })
  ).id;
  const mk = (loginName: string, role: "ADMIN" | "EDITOR" | "VIEWER") =>
    t.db.user
      .create({ data: { loginName, displayName: loginName, passwordHash: "!", role, unitId: ids.unitA } })
      .then((u) => u.id);
  ids.admin = await mk("admin", "ADMIN");
  ids.admin2 = await mk("admin2", "ADMIN");
  ids.editor = await mk("editor", "EDITOR");
  ids.viewer = await mk("viewer", "VIEWER");
  const pillar = (number: number) =>
    t.db.pillar
      .create({
        data: { number, title: `方面${number}`, titleEn: `P${number}`, theme: "t", requirement: "r", summary: "s" },
      })
      .then((p) => p.id);
  ids.pillar1 = await pillar(1);
  ids.pillar2 = await pillar(2);
});
afterAll(async () => t?.drop());
beforeEach(() => signInAs(ids.admin));

describe("accounts", () => {
  it("creates an account with an argon2id hash and its audit row in the same transaction", async () => {
    const result = await users.createUser(
      null,
      form({
        loginName: "New.User",
        displayName: "新用户",
        role: "EDITOR",
        unitId: ids.unitB,
        password: "Strong#Pass2026",
        passwordConfirm: "Strong#Pass2026",
      }),
    );
    expect(result).toMatchObject({ ok: true });
    const user = await t.db.user.findUniqueOrThrow({ where: { loginName: "new.user" } });
    expect(user).toMatchObject({ role: "EDITOR", unitId: ids.unitB, disabled: false, pendingApproval: false });
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "Strong#Pass2026")).toBe(true);
    const { audit, sameTransaction } = await lastAudit("users", user.id);
    expect(audit).toMatchObject({
      action: "user.create",
      actorId: ids.admin,
      targetType: "user",
      targetId: String(user.id),
    });
    expect(JSON.stringify(audit.details)).not.toContain("Strong#Pass2026");
    expect(sameTransaction).toBe(true);
  });

  it("refuses editors and viewers, writing nothing", async () => {
    const target = await t.db.user.create({
      data: { loginName: "refuse.target", displayName: "x", passwordHash: "!", role: "VIEWER" },
    });
    const pending = await t.db.user.create({
      data: {
        loginName: "refuse.pending",
        displayName: "x",
        passwordHash: "!",
        role: "VIEWER",
        disabled: true,
        pendingApproval: true,
      },
    });
    const calls = [
      () =>
        users.createUser(
          null,
          form({
            loginName: "sneaky",
            displayName: "x",
            role: "ADMIN",
            unitId: "",
            password: "Strong#Pass2026",
            passwordConfirm: "Strong#Pass2026",
          }),
        ),
      () => users.updateUser(null, form({ userId: target.id, displayName: "x", role: "ADMIN", unitId: "" })),
      () => users.setUserDisabled(null, form({ userId: ids.admin, disabled: "true" })),
      () =>
        users.resetPassword(
          null,
          form({ userId: ids.admin, password: "Strong#Pass2026", passwordConfirm: "Strong#Pass2026" }),
        ),
      () => users.approveUser(null, form({ userId: pending.id, role: "ADMIN", unitId: "" })),
      () => units.createUnit(null, form({ name: "新单位", side: "JOINT", kind: "OTHER" })),
      () => units.updateUnit(null, form({ unitId: ids.unitA, name: "改名", side: "JOINT", kind: "OTHER" })),
      () => tree.addItem(null, form({ parent: `pillar:${ids.pillar1}`, title: "新建议" })),
    ];
    for (const who of [ids.editor, ids.viewer]) {
      await signInAs(who);
      const before = await fingerprint();
      for (const call of calls) expect(await call()).toMatchObject({ ok: false, code: "forbidden" });
      expect(await fingerprint()).toBe(before);
    }
    signOut();
    expect(await users.createUser(null, form({ loginName: "anon" }))).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
  });

  it("answers bad input with field errors and writes nothing", async () => {
    const before = await fingerprint();
    const create = (values: Record<string, string | number>) =>
      users.createUser(
        null,
        form({
          loginName: "fresh.one",
          displayName: "新用户",
          role: "VIEWER",
          unitId: ids.unitA,
          password: "Strong#Pass2026",
          passwordConfirm: "Strong#Pass2026",
          ...values,
        }),
      );
    expect(await create({ loginName: "ADMIN" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { loginName: ["admin.validation.loginNameTaken"] },
    });
    expect(await create({ password: "short", passwordConfirm: "short" })).toMatchObject({
      code: "invalid",
      fieldErrors: { password: expect.arrayContaining(["validation.passwordTooShort"]) },
    });
    expect(await create({ password: "Fresh.One#2026x", passwordConfirm: "Fresh.One#2026x" })).toMatchObject({
      fieldErrors: { password: ["validation.passwordContainsLogin"] },
    });
    expect(await create({ passwordConfirm: "Other#Pass2026" })).toMatchObject({
      fieldErrors: { passwordConfirm: ["validation.passwordMismatch"] },
    });
    expect(await create({ unitId: 999_999 })).toMatchObject({
      code: "invalid",
      fieldErrors: { unitId: ["validation.unknownId"] },
    });
    expect(await create({ unitId: "abc" })).toMatchObject({
      code: "invalid",
      fieldErrors: { unitId: ["validation.unknownId"] },
    });
    expect(await create({ role: "EDITOR", unitId: "" })).toMatchObject({
      fieldErrors: { unitId: ["admin.validation.editorNeedsUnit"] },
    });
    expect(await create({ role: "ROOT" })).toMatchObject({ fieldErrors: { role: ["validation.invalidChoice"] } });
    expect(await create({ displayName: "长".repeat(101) })).toMatchObject({
      fieldErrors: { displayName: ["validation.tooLong"] },
    });
    expect(await create({ loginName: "<script>" })).toMatchObject({
      fieldErrors: { loginName: ["admin.validation.loginNameChars"] },
    });
    expect(
      await units.createUnit(null, form({ name: "四川省发展和改革委员会", side: "SICHUAN", kind: "DEPARTMENT" })),
    ).toMatchObject({
      code: "invalid",
      fieldErrors: { name: ["admin.validation.unitNameTaken"] },
    });
    expect(
      await units.updateUnit(
        null,
        form({ unitId: ids.unitB, name: "四川省发展和改革委员会", side: "CHONGQING", kind: "DEPARTMENT" }),
      ),
    ).toMatchObject({
      fieldErrors: { name: ["admin.validation.unitNameTaken"] },
    });
    expect(
      await units.createUnit(null, form({ name: "单".repeat(101), side: "MARS", kind: "DEPARTMENT" })),
    ).toMatchObject({
      fieldErrors: { name: ["validation.tooLong"], side: ["validation.invalidChoice"] },
    });
    expect(
      await users.updateUser(null, form({ userId: 999_999, displayName: "x", role: "VIEWER", unitId: "" })),
    ).toMatchObject({ code: "not-found" });
    expect(await fingerprint()).toBe(before);
  });

  it("changes name, role and unit with old → new in the audit row, and ends the account's sessions", async () => {
    const user = await t.db.user.create({
      data: { loginName: "changing", displayName: "旧名", passwordHash: "!", role: "VIEWER", unitId: ids.unitA },
    });
    expect(
      await users.updateUser(null, form({ userId: user.id, displayName: "新名", role: "EDITOR", unitId: ids.unitB })),
    ).toMatchObject({ ok: true });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({
      displayName: "新名",
      role: "EDITOR",
      unitId: ids.unitB,
      sessionVersion: user.sessionVersion + 1,
    });
    const { audit, sameTransaction } = await lastAudit("users", user.id);
    expect(audit.action).toBe("user.update");
    expect(audit.details).toMatchObject({
      changes: {
        displayName: { from: "旧名", to: "新名" },
        role: { from: "VIEWER", to: "EDITOR" },
        unit: { from: "四川省发展和改革委员会", to: "重庆市发展和改革委员会" },
      },
    });
    expect(sameTransaction).toBe(true);
  });

  it("disables an account (bumping its session version, so its session stops working) and enables it again", async () => {
    const user = await t.db.user.create({
      data: { loginName: "leaving", displayName: "离职", passwordHash: "!", role: "ADMIN", unitId: ids.unitA },
    });
    expect(await users.setUserDisabled(null, form({ userId: user.id, disabled: "true" }))).toMatchObject({ ok: true });
    const disabled = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(disabled).toMatchObject({ disabled: true, sessionVersion: user.sessionVersion + 1 });
    expect((await lastAudit("users", user.id)).audit).toMatchObject({
      action: "user.disable",
      targetId: String(user.id),
    });
    expect((await lastAudit("users", user.id)).sameTransaction).toBe(true);

    // The session the account held before is refused, even once the account is enabled again.
    signIn(user);
    expect(await units.createUnit(null, form({ name: "离职者的单位", side: "JOINT", kind: "OTHER" }))).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    await signInAs(ids.admin);
    expect(await users.setUserDisabled(null, form({ userId: user.id, disabled: "false" }))).toMatchObject({ ok: true });
    expect((await lastAudit("users", user.id)).audit.action).toBe("user.enable");
    signIn(user);
    expect(await units.createUnit(null, form({ name: "离职者的单位", side: "JOINT", kind: "OTHER" }))).toMatchObject({
      code: "unauthenticated",
    });
  });

  it("resets a password: the new one works, the old sessions end, weak ones are refused", async () => {
    const user = await t.db.user.create({
      data: { loginName: "forgetful", displayName: "健忘", passwordHash: "!", role: "VIEWER" },
    });
    const before = await fingerprint();
    expect(
      await users.resetPassword(
        null,
        form({ userId: user.id, password: "forgetful#A1x", passwordConfirm: "forgetful#A1x" }),
      ),
    ).toMatchObject({
      fieldErrors: { password: ["validation.passwordContainsLogin"] },
    });
    expect(await fingerprint()).toBe(before);
    expect(
      await users.resetPassword(
        null,
        form({ userId: user.id, password: "Brand#New2026", passwordConfirm: "Brand#New2026" }),
      ),
    ).toMatchObject({ ok: true });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "Brand#New2026")).toBe(true);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    const { audit, sameTransaction } = await lastAudit("users", user.id);
    expect(audit.action).toBe("user.reset-password");
    expect(JSON.stringify(audit.details)).not.toContain("Brand#New2026");
    expect(sameTransaction).toBe(true);
  });

  it("approves a pending single sign-on account with a role and unit", async () => {
    const pending = await t.db.user.create({
      data: {
        loginName: "sso.person",
        displayName: "统一认证用户",
        passwordHash: "!",
        role: "VIEWER",
        disabled: true,
        pendingApproval: true,
        oidcSubject: "sub-1",
      },
    });
    // Editing or enabling is not how a request is granted.
    expect(await users.setUserDisabled(null, form({ userId: pending.id, disabled: "false" }))).toMatchObject({
      ok: false,
      message: "admin.users.errors.pending",
    });
    expect(
      await users.approveUser(null, form({ userId: pending.id, role: "EDITOR", unitId: ids.unitB })),
    ).toMatchObject({ ok: true });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      pendingApproval: false,
      disabled: false,
      role: "EDITOR",
      unitId: ids.unitB,
    });
    const { audit, sameTransaction } = await lastAudit("users", pending.id);
    expect(audit).toMatchObject({
      action: "user.approve",
      details: { changes: { role: { from: "VIEWER", to: "EDITOR" } } },
    });
    expect(sameTransaction).toBe(true);
    expect(
      await users.approveUser(null, form({ userId: pending.id, role: "EDITOR", unitId: ids.unitB })),
    ).toMatchObject({ ok: false, message: "admin.users.errors.notPending" });
  });

  it("gives a coordinator a side to review, requires one, and drops it for other roles", async () => {
    const create = (values: Record<string, string | number>) =>
      users.createUser(
        null,
        form({
          loginName: "duban.test",
          displayName: "督办",
          role: "COORDINATOR",
          unitId: "",
          coordinatorScope: "",
          password: "Strong#Pass2026",
          passwordConfirm: "Strong#Pass2026",
          ...values,
        }),
      );
    const before = await fingerprint();
    expect(await create({})).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { coordinatorScope: ["admin.validation.coordinatorNeedsScope"] },
    });
    expect(await create({ coordinatorScope: "NATIONAL" })).toMatchObject({
      ok: false,
      fieldErrors: { coordinatorScope: ["validation.invalidChoice"] },
    });
    expect(await fingerprint()).toBe(before);

    expect(await create({ coordinatorScope: "CHONGQING" })).toMatchObject({ ok: true });
    const created = await t.db.user.findUniqueOrThrow({ where: { loginName: "duban.test" } });
    expect(created).toMatchObject({ role: "COORDINATOR", coordinatorScope: "CHONGQING" });

    expect(
      await users.updateUser(
        null,
        form({ userId: created.id, displayName: "督办", role: "VIEWER", unitId: "", coordinatorScope: "CHONGQING" }),
      ),
    ).toMatchObject({ ok: true });
    const demoted = await t.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(demoted).toMatchObject({ role: "VIEWER", coordinatorScope: null });
    expect(demoted.sessionVersion).toBe(created.sessionVersion + 1);
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: "user.update", targetId: String(created.id) },
    });
    expect(audit.details).toMatchObject({
      changes: { role: { from: "COORDINATOR", to: "VIEWER" }, coordinatorScope: { from: "CHONGQING", to: null } },
    });
  });

  it("never leaves the system without an active administrator", async () => {
    const admins = await t.db.user.findMany({ where: { role: "ADMIN", disabled: false, id: { not: ids.admin } } });
    for (const a of admins)
      expect(await users.setUserDisabled(null, form({ userId: a.id, disabled: "true" }))).toMatchObject({ ok: true });
    const before = await fingerprint();
    expect(
      await users.updateUser(
        null,
        form({ userId: ids.admin, displayName: "admin", role: "VIEWER", unitId: ids.unitA }),
      ),
    ).toMatchObject({
      ok: false,
      message: "admin.users.errors.lastAdmin",
    });
    expect(await users.setUserDisabled(null, form({ userId: ids.admin, disabled: "true" }))).toMatchObject({
      ok: false,
      message: "admin.users.errors.self",
    });
    expect(await fingerprint()).toBe(before);

    // With a second administrator active again, stepping down is allowed.
    expect(await users.setUserDisabled(null, form({ userId: ids.admin2, disabled: "false" }))).toMatchObject({
      ok: true,
    });
    await signInAs(ids.admin2);
    expect(
      await users.updateUser(
        null,
        form({ userId: ids.admin, displayName: "admin", role: "VIEWER", unitId: ids.unitA }),
      ),
    ).toMatchObject({ ok: true });
    // …and now admin2 is the last one.
    expect(
      await users.updateUser(
        null,
        form({ userId: ids.admin2, displayName: "admin2", role: "EDITOR", unitId: ids.unitA }),
      ),
    ).toMatchObject({
      message: "admin.users.errors.lastAdmin",
    });
    expect(
      await users.updateUser(null, form({ userId: ids.admin, displayName: "admin", role: "ADMIN", unitId: ids.unitA })),
    ).toMatchObject({ ok: true });
  });
});

describe("units", () => {
  it("creates and renames a unit with its side, recording old → new", async () => {
    expect(
      await units.createUnit(
        null,
        form({ name: "川渝合作办", shortName: "合作办", side: "JOINT", kind: "COORDINATION" }),
      ),
    ).toMatchObject({ ok: true });
    const unit = await t.db.unit.findUniqueOrThrow({ where: { name: "川渝合作办" } });
    expect(unit).toMatchObject({ shortName: "合作办", side: "JOINT", kind: "COORDINATION" });
    expect(await lastAudit("units", unit.id)).toMatchObject({
      audit: { action: "unit.create" },
      sameTransaction: true,
    });
    expect(
      await units.updateUnit(
        null,
        form({ unitId: unit.id, name: "川渝合作办公室", shortName: "", side: "JOINT", kind: "COORDINATION" }),
      ),
    ).toMatchObject({ ok: true });
    expect(await t.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({
      name: "川渝合作办公室",
      shortName: null,
    });
    const { audit, sameTransaction } = await lastAudit("units", unit.id);
    expect(audit.details).toMatchObject({
      changes: { name: { from: "川渝合作办", to: "川渝合作办公室" }, shortName: { from: "合作办", to: null } },
    });
    expect(audit.details).not.toHaveProperty("changes.side");
    expect(sameTransaction).toBe(true);
  });
});

describe("item tree", () => {
  const historyOf = (itemId: number) => t.db.itemHistory.findMany({ where: { itemId }, orderBy: { version: "asc" } });

  it("adds items with the next free outline code, never reusing a retired one", async () => {
    const rec = await tree.addItem(null, form({ parent: `pillar:${ids.pillar1}`, title: "新工作建议" }));
    expect(rec).toMatchObject({ ok: true, data: { code: "1.1" } });
    const recItem = await t.db.item.findUniqueOrThrow({ where: { code: "1.1" } });
    expect(recItem).toMatchObject({ level: "RECOMMENDATION", parentId: null, pillarId: ids.pillar1 });
    expect(await lastAudit("items", recItem.id)).toMatchObject({
      audit: { action: "item.add" },
      sameTransaction: true,
    });

    const first = await tree.addItem(null, form({ parent: `item:${recItem.id}`, title: "事项一" }));
    expect(first).toMatchObject({ ok: true, data: { code: "1.1.1" } });
    const firstItem = await t.db.item.findUniqueOrThrow({ where: { code: "1.1.1" } });
    expect(await tree.retireItem(null, form({ itemId: firstItem.id, version: 1, reason: "合并" }))).toMatchObject({
      ok: true,
    });
    expect(await tree.addItem(null, form({ parent: `item:${recItem.id}`, title: "事项二" }))).toMatchObject({
      data: { code: "1.1.2" },
    });
    const added = await t.db.item.findUniqueOrThrow({ where: { code: "1.1.2" }, include: { history: true } });
    expect(added).toMatchObject({ level: "ACTION", parentId: recItem.id, pillarId: ids.pillar1, sortOrder: 2 });
    expect(added.history).toMatchObject([{ action: "CREATE", actorId: ids.admin, version: 1 }]);

    const before = await fingerprint();
    expect(await tree.addItem(null, form({ parent: `item:${firstItem.id}`, title: "退役事项下" }))).toMatchObject({
      fieldErrors: { parent: ["admin.tree.errors.parentNotRecommendation"] },
    });
    expect(await tree.addItem(null, form({ parent: `pillar:999999`, title: "x" }))).toMatchObject({
      fieldErrors: { parent: ["validation.unknownId"] },
    });
    expect(await tree.addItem(null, form({ parent: `item:${recItem.id}`, title: "长".repeat(501) }))).toMatchObject({
      fieldErrors: { title: ["validation.tooLong"] },
    });
    expect(await tree.addItem(null, form({ parent: "pillar:abc", title: "x" }))).toMatchObject({
      fieldErrors: { parent: ["validation.invalidChoice"] },
    });
    expect(await fingerprint()).toBe(before);
  });

  it("moves an item with a MOVE history row, keeps pillars consistent, and refuses cycles", async () => {
    const recA = await newRecommendation(ids.pillar1, "甲建议");
    const recB = await newRecommendation(ids.pillar2, "乙建议");
    const child = await newAction(recA.id, "子事项");

    expect(
      await tree.moveItem(null, form({ itemId: child.id, version: 1, parent: `item:${recB.id}`, reason: "调整归口" })),
    ).toMatchObject({ ok: true, data: { code: child.code } });
    const moved = await t.db.item.findUniqueOrThrow({ where: { id: child.id } });
    expect(moved).toMatchObject({ parentId: recB.id, pillarId: ids.pillar2, code: child.code, version: 2 });
    const history = await historyOf(child.id);
    expect(history.at(-1)).toMatchObject({
      action: "MOVE",
      version: 2,
      actorId: ids.admin,
      reason: "调整归口",
      parentId: recB.id,
      pillarId: ids.pillar2,
    });
    expect(history.at(-1)!.changedFields).toEqual(expect.arrayContaining(["parentId", "pillarId"]));
    expect(await lastAudit("items", child.id)).toMatchObject({ audit: { action: "item.move" }, sameTransaction: true });

    // A recommendation moving to another pillar takes its items along.
    const grandChild = await newAction(recA.id, "留下的事项");
    expect(
      await tree.moveItem(null, form({ itemId: recA.id, version: 1, parent: `pillar:${ids.pillar2}` })),
    ).toMatchObject({ ok: true });
    expect(await t.db.item.findUniqueOrThrow({ where: { id: grandChild.id } })).toMatchObject({
      pillarId: ids.pillar2,
      parentId: recA.id,
      version: 2,
    });
    expect((await historyOf(grandChild.id)).at(-1)).toMatchObject({ action: "MOVE", pillarId: ids.pillar2 });

    const before = await fingerprint();
    expect(await tree.moveItem(null, form({ itemId: recB.id, version: 1, parent: `item:${moved.id}` }))).toMatchObject({
      code: "invalid",
      fieldErrors: { parent: ["admin.tree.errors.cycle"] },
    });
    expect(await tree.moveItem(null, form({ itemId: child.id, version: 2, parent: `item:${child.id}` }))).toMatchObject(
      { fieldErrors: { parent: ["admin.tree.errors.cycle"] } },
    );
    expect(
      await tree.moveItem(null, form({ itemId: child.id, version: 2, parent: `pillar:${ids.pillar1}` })),
    ).toMatchObject({ fieldErrors: { parent: ["admin.tree.errors.actionUnderPillar"] } });
    expect(await tree.moveItem(null, form({ itemId: child.id, version: 2, parent: `item:${recB.id}` }))).toMatchObject({
      fieldErrors: { parent: ["admin.tree.errors.sameParent"] },
    });
    expect(await tree.moveItem(null, form({ itemId: child.id, version: 1, parent: `item:${recA.id}` }))).toMatchObject({
      code: "conflict",
    });
    expect(
      await tree.moveItem(
        null,
        form({ itemId: child.id, version: 2, parent: `item:${recA.id}`, reason: "理".repeat(501) }),
      ),
    ).toMatchObject({ fieldErrors: { reason: ["validation.tooLong"] } });
    expect(await fingerprint()).toBe(before);
  });

  it("retires a recommendation with its active items, keeping them and their history; restore brings back the same ones", async () => {
    const rec = await newRecommendation(ids.pillar1, "将撤销的建议");
    const a = await newAction(rec.id, "甲");
    const b = await newAction(rec.id, "乙");
    const early = await newAction(rec.id, "早已撤销");
    expect(await tree.retireItem(null, form({ itemId: early.id, version: 1, reason: "单独撤销" }))).toMatchObject({
      ok: true,
    });
    const historyBefore = await historyOf(a.id);

    const before = await fingerprint();
    expect(await tree.retireItem(null, form({ itemId: rec.id, version: 1, reason: "  " }))).toMatchObject({
      fieldErrors: { reason: ["admin.validation.reasonRequired"] },
    });
    expect(await fingerprint()).toBe(before);

    expect(await tree.retireItem(null, form({ itemId: rec.id, version: 1, reason: "规划调整" }))).toMatchObject({
      ok: true,
    });
    for (const id of [rec.id, a.id, b.id]) {
      const item = await t.db.item.findUniqueOrThrow({ where: { id } });
      expect(item.retiredAt).not.toBeNull();
      expect((await historyOf(id)).at(-1)).toMatchObject({
        action: "RETIRE",
        retired: true,
        reason: "规划调整",
        actorId: ids.admin,
      });
    }
    // Earlier history is untouched: the retirement only appends.
    expect((await historyOf(a.id)).slice(0, historyBefore.length)).toEqual(historyBefore);
    const { audit, sameTransaction } = await lastAudit("items", rec.id);
    expect(audit).toMatchObject({
      action: "item.retire",
      details: { reason: "规划调整", alsoAffected: [a.code, b.code] },
    });
    expect(sameTransaction).toBe(true);
    expect(await tree.retireItem(null, form({ itemId: rec.id, version: 2, reason: "再撤销" }))).toMatchObject({
      fieldErrors: { itemId: ["admin.tree.errors.alreadyRetired"] },
    });
    expect(await tree.restoreItem(null, form({ itemId: a.id, version: 2, reason: "恢复" }))).toMatchObject({
      fieldErrors: { itemId: ["admin.tree.errors.parentRetired"] },
    });

    expect(await tree.restoreItem(null, form({ itemId: rec.id, version: 2, reason: "恢复执行" }))).toMatchObject({
      ok: true,
    });
    for (const id of [rec.id, a.id, b.id]) {
      expect((await t.db.item.findUniqueOrThrow({ where: { id } })).retiredAt).toBeNull();
      expect((await historyOf(id)).at(-1)).toMatchObject({ action: "RESTORE", retired: false });
    }
    expect((await t.db.item.findUniqueOrThrow({ where: { id: early.id } })).retiredAt).not.toBeNull();
    expect(await lastAudit("items", rec.id)).toMatchObject({
      audit: { action: "item.restore" },
      sameTransaction: true,
    });
  });
});

describe("error mapping", () => {
  it("turns a unique violation the pre-check missed (a race) into a field error", async () => {
    const { toFailure } = await import("../../lib/writes/failure");
    const error = await t.db.user
      .create({ data: { loginName: "admin", displayName: "dup", passwordHash: "!", role: "VIEWER" } })
      .catch((e: unknown) => e);
    expect(toFailure(error, { login_name: ["loginName", "admin.validation.loginNameTaken"] })).toEqual({
      ok: false,
      code: "invalid",
      message: "actionErrors.invalid",
      fieldErrors: { loginName: ["admin.validation.loginNameTaken"] },
    });
  });
});
