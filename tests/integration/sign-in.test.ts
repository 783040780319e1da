// Local sign-in and its throttling, and OIDC identity matching, against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "../../lib/auth/credentials";
import { matchOidcIdentity } from "../../lib/auth/oidc";
import { THROTTLE } from "../../lib/auth/throttle";
import { hashPassword } from "../../lib/password";
import { resolveAuthSecret } from "../../scripts/auth-secret";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

let t: TestDatabase;
const PASSWORD = "Correct#Horse2026";

async function account(loginName: string, extra: { disabled?: boolean; pendingApproval?: boolean } = {}) {
  return t.db.user.create({
    data: { loginName, displayName: loginName, passwordHash: await hashPassword(PASSWORD), role: "EDITOR", ...extra },
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe("local sign-in", () => {
  it("accepts the right password (any case of the account name) and records the attempt", async () => {
    const user = await account("li.si");
    const outcome = await checkCredentials(t.db, { loginName: "  Li.Si ", password: PASSWORD }, "10.0.0.1");
    expect(outcome).toEqual({ ok: true, user: { id: user.id, displayName: "li.si", sessionVersion: 1 } });
    expect(await t.db.signInAttempt.count({ where: { loginName: "li.si", succeeded: true } })).toBe(1);
  });

  it("gives the same answer for a wrong password, an unknown, a disabled and a pending account", async () => {
    await account("wang.wu");
    await account("off.user", { disabled: true });
    await account("pending.user", { disabled: true, pendingApproval: true });
    for (const [loginName, password] of [
      ["wang.wu", "nope"],
      ["nobody.here", PASSWORD],
      ["off.user", PASSWORD],
      ["pending.user", PASSWORD],
    ] as const) {
      expect(await checkCredentials(t.db, { loginName, password }, "10.0.0.2"), loginName).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });

  it("locks an account after repeated failures, even for the right password, until the window passes", async () => {
    await account("zhao.liu");
    const start = new Date("2026-11-01T08:00:00Z");
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      const at = new Date(start.getTime() + i * 1000);
      expect(await checkCredentials(t.db, { loginName: "zhao.liu", password: `bad-${i}` }, `10.1.0.${i}`, at)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const locked = await checkCredentials(
      t.db,
      { loginName: "zhao.liu", password: PASSWORD },
      "10.1.1.1",
      new Date(start.getTime() + 60_000),
    );
    expect(locked).toEqual({ ok: false, reason: "throttled", retryAt: new Date(start.getTime() + THROTTLE.windowMs) });
    const later = await checkCredentials(
      t.db,
      { loginName: "zhao.liu", password: PASSWORD },
      "10.1.1.1",
      new Date(start.getTime() + THROTTLE.windowMs + 1),
    );
    expect(later.ok).toBe(true);
  });

  it("throttles one address guessing across many accounts", async () => {
    const start = new Date("2026-11-02T08:00:00Z");
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      await checkCredentials(
        t.db,
        { loginName: `spray-${i}`, password: "x" },
        "203.0.113.9",
        new Date(start.getTime() + i),
      );
    }
    await account("innocent");
    const blocked = await checkCredentials(
      t.db,
      { loginName: "innocent", password: PASSWORD },
      "203.0.113.9",
      new Date(start.getTime() + 5000),
    );
    expect(blocked.ok).toBe(false);
    expect(blocked).toMatchObject({ reason: "throttled" });
    // The same account from another address is unaffected.
    expect(
      (
        await checkCredentials(
          t.db,
          { loginName: "innocent", password: PASSWORD },
          "198.51.100.7",
          new Date(start.getTime() + 5000),
        )
      ).ok,
    ).toBe(true);
  });

  it("holds the limit under a parallel burst: no more failures are tried than the limit allows", async () => {
    await account("burst.target");
    const at = new Date("2026-11-03T08:00:00Z");
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        checkCredentials(t.db, { loginName: "burst.target", password: `guess-${i}` }, `192.0.2.${i}`, at),
      ),
    );
    expect(await t.db.signInAttempt.count({ where: { loginName: "burst.target" } })).toBe(THROTTLE.perAccount);
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled")).toHaveLength(12 - THROTTLE.perAccount);
  });
});

describe("OIDC identity matching", () => {
  it("links an identity to the account with its login name, then finds it by subject", async () => {
    const user = await account("sso.known");
    expect(await matchOidcIdentity(t.db, { sub: "s-1", preferredUsername: "SSO.Known" })).toEqual({
      ok: true,
      userId: user.id,
      sessionVersion: 1,
    });
    expect(await matchOidcIdentity(t.db, { sub: "s-1", preferredUsername: "renamed" })).toEqual({
      ok: true,
      userId: user.id,
      sessionVersion: 1,
    });
    expect(await t.db.auditLog.count({ where: { action: "user.link-oidc", targetId: String(user.id) } })).toBe(1);
  });

  it("turns an unknown identity into a pending request with no access, once", async () => {
    expect(await matchOidcIdentity(t.db, { sub: "s-new", preferredUsername: "new.person", name: "新同事" })).toEqual({
      ok: false,
      reason: "pending",
    });
    expect(await matchOidcIdentity(t.db, { sub: "s-new", preferredUsername: "new.person" })).toEqual({
      ok: false,
      reason: "pending",
    });
    const pending = await t.db.user.findMany({ where: { oidcSubject: "s-new" } });
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ disabled: true, pendingApproval: true, displayName: "新同事" });
    // It cannot sign in with a password either.
    expect(await checkCredentials(t.db, { loginName: "new.person", password: "!" }, "10.9.9.9")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("does not link an identity to an account already linked to another subject, and refuses disabled accounts", async () => {
    const taken = await account("sso.taken");
    await t.db.user.update({ where: { id: taken.id }, data: { oidcSubject: "s-owner" } });
    expect(await matchOidcIdentity(t.db, { sub: "s-intruder", preferredUsername: "sso.taken" })).toEqual({
      ok: false,
      reason: "pending",
    });
    const off = await account("sso.off", { disabled: true });
    await t.db.user.update({ where: { id: off.id }, data: { oidcSubject: "s-off" } });
    expect(await matchOidcIdentity(t.db, { sub: "s-off" })).toEqual({ ok: false, reason: "disabled" });
  });
});

describe("session secret", () => {
  it("is generated once and shared by every instance on the database; AUTH_SECRET overrides it", async () => {
    const a = await resolveAuthSecret(t.url, {});
    const b = await resolveAuthSecret(t.url, {});
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(40);
    expect(await resolveAuthSecret(t.url, { AUTH_SECRET: "configured" })).toBe("configured");
  });
});
