// The permission walk: every server action (found by reading lib/actions, so a new action without an entry
// fails here) × every kind of caller, called directly — the same as a forged request that bypasses the UI.
// Expected answers come from the one permission table (lib/permissions.ts); refusals must write nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Side } from "../../lib/generated/prisma/enums";
import { can, type Actor } from "../../lib/permissions";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { actionContext, findActionTarget } from "../support/action-cases/context";
import { signIn, signOut } from "../support/session";
import type { ActionCase } from "../support/action-cases/types";
import { enumerateActions, loadActionCases } from "../support/server-actions";

/** Actions anyone may call, signed in or not, and why. */
const PUBLIC_ACTIONS: Record<string, string> = {
  signInWithPassword: "signing in is how a visitor becomes a user",
  signInWithSso: "starts the OIDC redirect; the identity is checked when the provider answers",
  signOutAction: "ends the caller's own session, whatever it is",
};

type Outcome = "allowed" | "forbidden" | "unauthenticated" | `other:${string}`;

async function outcomeOf(call: () => unknown): Promise<Outcome> {
  try {
    const result = (await call()) as { ok?: boolean; code?: string } | undefined;
    if (result && result.ok === false) {
      return result.code === "forbidden" || result.code === "unauthenticated"
        ? result.code
        : `other:${JSON.stringify(result)}`;
    }
    return "allowed";
  } catch (error) {
    // Actions that succeed by redirecting (to the page showing the result) throw Next's redirect.
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return "allowed";
    return `other:${(error as Error).message}`;
  }
}

let t: TestDatabase;
let actions: Awaited<ReturnType<typeof enumerateActions>>;
let cases: Map<string, ActionCase>;
const callers: {
  label: string;
  actor: (Actor & { sessionVersion: number }) | null;
  signedIn: boolean;
  sessionId?: string;
}[] = [];
let item: {
  id: number;
  code: string;
  leadUnitId: number;
  coLeadUnitId: number | null;
  supportingUnitIds: number[];
  leadSides: Side[];
};

async function fingerprint(): Promise<string> {
  const [row] = await t.db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT coalesce(sum(version), 0) FROM items) AS versions, (SELECT count(*) FROM items) AS items,
           (SELECT count(*) FROM item_history) AS history, (SELECT count(*) FROM progress_updates) AS updates,
           (SELECT count(*) FROM milestones) AS milestones, (SELECT count(*) FROM users) AS users,
           (SELECT coalesce(sum(session_version), 0) FROM users) AS sessions, (SELECT count(*) FROM units) AS units,
           (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM report_events) AS report_events,
           (SELECT coalesce(sum(revision), 0) FROM progress_updates) AS report_revisions,
           (SELECT count(*) FROM attachments) AS attachments, (SELECT count(*) FROM reporting_periods) AS periods,
           (SELECT count(*) FROM reporting_periods WHERE closed_at IS NOT NULL) AS closed_periods,
           (SELECT md5(coalesce(string_agg(c::text, '|'), '')) FROM cycle_settings c) AS cycle_settings,
           (SELECT md5(string_agg(u::text, '|' ORDER BY u.id)) FROM users u) AS users_md5,
           (SELECT md5(string_agg(n::text, '|' ORDER BY n.id)) FROM units n) AS units_md5`;
  return JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v));
}

const context = () => actionContext(t.db, item, "walk milestone");

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  actions = await enumerateActions();
  cases = await loadActionCases();

  const target = await findActionTarget(t.db);
  item = {
    id: target.id,
    code: target.code,
    leadUnitId: target.leadUnitId!,
    coLeadUnitId: target.coLeadUnitId,
    supportingUnitIds: target.supportingUnits.map((s) => s.unitId),
    leadSides: (
      await t.db.unit.findMany({
        where: { id: { in: [target.leadUnitId!, target.coLeadUnitId].filter((id) => id != null) } },
        select: { side: true },
      })
    ).map((u) => u.side),
  };
  const inScope = [item.leadUnitId, item.coLeadUnitId, ...item.supportingUnitIds];
  const users = await t.db.user.findMany({ where: { disabled: false } });
  const pick = (label: string, u: (typeof users)[number] | undefined) => {
    expect(u, label).toBeDefined();
    callers.push({
      label,
      actor: {
        id: u!.id,
        role: u!.role,
        unitId: u!.unitId,
        coordinatorScope: u!.coordinatorScope,
        sessionVersion: u!.sessionVersion,
      },
      signedIn: true,
    });
  };
  pick(
    "admin",
    users.find((u) => u.role === "ADMIN"),
  );
  pick(
    "editor of the item's unit",
    users.find((u) => u.role === "EDITOR" && u.unitId === item.leadUnitId),
  );
  pick(
    "editor of another unit",
    users.find((u) => u.role === "EDITOR" && u.unitId != null && !inScope.includes(u.unitId)),
  );
  pick(
    "viewer",
    users.find((u) => u.role === "VIEWER"),
  );
  pick(
    "coordinator of the item's side",
    users.find((u) => u.role === "COORDINATOR" && u.coordinatorScope && item.leadSides.includes(u.coordinatorScope)),
  );
  pick(
    "coordinator of the other side",
    users.find(
      (u) =>
        u.role === "COORDINATOR" &&
        u.coordinatorScope &&
        u.coordinatorScope !== "JOINT" &&
        !item.leadSides.includes(u.coordinatorScope),
    ),
  );
  pick(
    "coordinator of the joint office",
    users.find((u) => u.role === "COORDINATOR" && u.coordinatorScope === "JOINT"),
  );
  // A disabled account whose session cookie is still valid.
  const disabled = await t.db.user.create({
    data: {
      loginName: "walk.disabled",
      displayName: "walk",
      passwordHash: "!",
      role: "ADMIN",
      unitId: item.leadUnitId,
      disabled: true,
    },
  });
  callers.push({
    label: "disabled account",
    actor: { id: disabled.id, role: "ADMIN", unitId: item.leadUnitId, sessionVersion: disabled.sessionVersion },
    signedIn: false,
  });
  // A session issued before a password reset / role change (stale session version).
  const admin = users.find((u) => u.role === "ADMIN")!;
  callers.push({
    label: "stale session of an admin",
    actor: { id: admin.id, role: "ADMIN", unitId: admin.unitId, sessionVersion: admin.sessionVersion + 100 },
    signedIn: false,
  });
  // A copy of an admin's cookie after that session was signed out (ended_sessions).
  const ended = randomUUID();
  await t.db.endedSession.create({
    data: { sessionId: ended, userId: admin.id, expiresAt: new Date(Date.now() + 3600_000) },
  });
  callers.push({
    label: "ended session of an admin",
    actor: { id: admin.id, role: "ADMIN", unitId: admin.unitId, sessionVersion: admin.sessionVersion },
    signedIn: false,
    sessionId: ended,
  });
  callers.push({ label: "signed out", actor: null, signedIn: false });
});

afterAll(async () => {
  await t?.drop();
});

describe("permission walk", () => {
  it("finds the actions and has a case for every one that is not public", async () => {
    expect(actions.size).toBeGreaterThan(Object.keys(PUBLIC_ACTIONS).length);
    const missing = [...actions.keys()].filter((name) => !PUBLIC_ACTIONS[name] && !cases.has(name));
    expect(missing, "server actions without a permission case in tests/support/action-cases").toEqual([]);
    const stale = [...cases.keys()].filter((name) => !actions.has(name));
    expect(stale, "cases for actions that no longer exist").toEqual([]);
    for (const name of Object.keys(PUBLIC_ACTIONS)) expect(actions.has(name), name).toBe(true);
  });

  it("answers every caller of every action as the permission table says, and refusals write nothing", async () => {
    const table: string[] = [];
    const wrong: string[] = [];
    for (const [name, c] of [...cases.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const action = actions.get(name);
      if (!action) continue;
      for (const caller of callers) {
        if (caller.actor) signIn(caller.actor, caller.sessionId);
        else signOut();
        const args = await c.buildArgs(await context());
        const expected: Outcome = !caller.signedIn
          ? "unauthenticated"
          : can(caller.actor, c.permission, {
                leadUnitId: item.leadUnitId,
                coLeadUnitId: item.coLeadUnitId,
                supportingUnitIds: item.supportingUnitIds,
                leadSides: item.leadSides,
              })
            ? "allowed"
            : "forbidden";
        const before = expected === "allowed" ? "" : await fingerprint();
        const got = await outcomeOf(() => action.fn(...args));
        table.push(`${name} × ${caller.label}: ${got}`);
        if (got !== expected) wrong.push(`${action.file} ${name} as ${caller.label}: expected ${expected}, got ${got}`);
        if (expected !== "allowed" && (await fingerprint()) !== before)
          wrong.push(`${name} as ${caller.label} was refused but changed the database`);
      }
    }
    console.log(`permission walk: ${table.length} action × caller checks`);
    expect(wrong).toEqual([]);
    expect(table.length).toBe(cases.size * callers.length);
  }, 600_000);
});
