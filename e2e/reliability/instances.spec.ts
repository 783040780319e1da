// Issue 7, item 2: two app processes on one PostgreSQL database, as behind a load balancer. What one
// instance writes, the other shows on the next request (item page and the dashboard's figures, computed here
// with SQL); a session issued by one is honoured by the other; sign-in throttling counts failures made on
// either; disabling an account or changing its role through one ends its sessions on both.
import { SAMPLE_PASSWORD } from "../auth";
import { expect, test } from "../fixtures";
import { THROTTLE } from "../../lib/auth/throttle";
import { formOf, HttpSession } from "../../tests/support/http-client";
import { createOwnDatabase, startApp, stopApp, untilServing, type AppInstance, type OwnDatabase } from "./app-instance";

const PORT_A = 39421;
const PORT_B = 39422;

let database: OwnDatabase;
let a: AppInstance | undefined;
let b: AppInstance | undefined;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = await createOwnDatabase("rel_instances");
  a = startApp(PORT_A, database.url, true);
  await untilServing(a);
  // The subject is several instances on one database, not review: with the reporting cycle's review turned off
  // (the sample data has it on) an update written through one instance reaches its item at once.
  await database.query("UPDATE cycle_settings SET review_required = false");
  // B starts on the database A has migrated and seeded: it must find it ready and serve the same data.
  b = startApp(PORT_B, database.url, true);
  await untilServing(b);
});

test.afterAll(async () => {
  for (const app of [a, b]) if (app) await stopApp(app);
  await database?.drop();
});

interface Page {
  status: number;
  html: string;
  location: string | null;
}

async function get(session: HttpSession, path: string): Promise<Page> {
  const res = await session.fetch(path);
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
}

/** A session of `from`'s person, used against another instance (the same cookies, another server). */
function sameCookiesOn(from: HttpSession, baseUrl: string): HttpSession {
  const s = new HttpSession(baseUrl);
  for (const [k, v] of from.cookies) s.cookies.set(k, v);
  return s;
}

function expectSignedOut(page: Page): void {
  expect([302, 303, 307], `expected a redirect to sign-in, got ${page.status}`).toContain(page.status);
  expect(page.location ?? "").toContain("/login");
}

/** A headline figure of the dashboard HTML (data-testid="headline-KEY"), as text. */
function figure(html: string, key: string): string | null {
  const m = new RegExp(`data-testid="headline-${key}"[^>]*>[\\s\\S]*?<dd[^>]*>([\\s\\S]*?)</dd>`).exec(html);
  return m ? m[1]!.replace(/<[^>]+>/g, "").trim() : null;
}

/**
 * The dashboard's headline figures by plain SQL over the live items (no app code): open action items by
 * confidence, and overall weighted progress over the two-level tree (recommendation → actions; retired and
 * cancelled items do not count, no progress counts as 0), one decimal as the dashboard shows it.
 */
async function headlineSql(db: OwnDatabase): Promise<{ green: number; amber: number; red: number; overall: string }> {
  const [depth] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM items c JOIN items p ON p.id = c.parent_id WHERE p.parent_id IS NOT NULL`,
  );
  expect(depth!.n, "the SQL below assumes a two-level tree").toBe(0);
  const [row] = await db.query<{ green: number; amber: number; red: number; overall: number }>(`
    WITH open AS (SELECT * FROM items WHERE level = 'ACTION' AND retired_at IS NULL AND status NOT IN ('COMPLETED', 'CANCELLED')),
         s AS (SELECT id, parent_id, weight, progress, status, retired_at IS NOT NULL AS retired FROM items),
         kids AS (SELECT parent_id, sum(weight * coalesce(progress, 0))::float8 / nullif(sum(weight), 0) AS p
                    FROM s WHERE parent_id IS NOT NULL AND NOT retired AND status <> 'CANCELLED' GROUP BY parent_id),
         tops AS (SELECT s.weight, coalesce(k.p, s.progress, 0)::float8 AS p FROM s LEFT JOIN kids k ON k.parent_id = s.id
                   WHERE s.parent_id IS NULL AND NOT s.retired AND s.status <> 'CANCELLED')
    SELECT (SELECT count(*) FROM open WHERE confidence = 'GREEN')::int AS green,
           (SELECT count(*) FROM open WHERE confidence = 'AMBER')::int AS amber,
           (SELECT count(*) FROM open WHERE confidence = 'RED')::int AS red,
           (SELECT sum(weight * p) / sum(weight) FROM tops)::float8 AS overall`);
  return { green: row!.green, amber: row!.amber, red: row!.red, overall: `${row!.overall.toFixed(1)}%` };
}

async function expectDashboardMatches(
  session: HttpSession,
  expected: Awaited<ReturnType<typeof headlineSql>>,
  note?: string,
): Promise<void> {
  const page = await get(session, "/");
  expect(page.status).toBe(200);
  expect({
    green: figure(page.html, "green"),
    amber: figure(page.html, "amber"),
    red: figure(page.html, "red"),
    overall: figure(page.html, "overall"),
  }).toEqual({
    green: String(expected.green),
    amber: String(expected.amber),
    red: String(expected.red),
    overall: expected.overall,
  });
  // The recent-updates list (the dashboard's updates and conferences view) shows the newest update first.
  if (note) expect((await get(session, "/?view=activity")).html).toContain(note);
}

/** An editor account of this spec's own (the sample password), in a unit that leads open action items. */
async function newEditor(loginName: string): Promise<{ id: number; unitId: number }> {
  const [row] = await database.query<{ id: number; unit_id: number }>(
    `
    INSERT INTO users (login_name, display_name, password_hash, role, unit_id, updated_at)
    SELECT $1, $1, password_hash, 'EDITOR', unit_id, now() FROM users WHERE role = 'EDITOR' AND NOT disabled ORDER BY id LIMIT 1
    RETURNING id, unit_id`,
    [loginName],
  );
  return { id: row!.id, unitId: row!.unit_id };
}

async function attemptSignIn(
  baseUrl: string,
  loginName: string,
  password: string,
): Promise<{ signedIn: boolean; code: string | null; location: string }> {
  const s = new HttpSession(baseUrl);
  const csrf = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await s.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, loginName, password, callbackUrl: "/" }),
  });
  await res.arrayBuffer();
  const location = res.headers.get("location") ?? "";
  return {
    signedIn: Boolean(s.sessionToken()) && !/error=/.test(location),
    code: new URL(location, baseUrl).searchParams.get("code"),
    location,
  };
}

test("a write through one instance shows on the other at the next request: item page and dashboard figures", async () => {
  // An open action item with confidence GREEN whose lead unit has a sample editor.
  const [item] = await database.query<{ id: number; code: string; progress: number | null; login: string }>(`
    SELECT i.id, i.code, i.progress, u.login_name AS login FROM items i JOIN users u ON u.unit_id = i.lead_unit_id AND u.role = 'EDITOR' AND NOT u.disabled
     WHERE i.level = 'ACTION' AND i.retired_at IS NULL AND i.status NOT IN ('COMPLETED', 'CANCELLED') AND i.confidence = 'GREEN'
     ORDER BY i.id LIMIT 1`);
  expect(item).toBeDefined();
  const editorOnA = new HttpSession(a!.url);
  await editorOnA.signIn(item!.login, SAMPLE_PASSWORD);
  const leaderOnA = new HttpSession(a!.url);
  const leaderOnB = new HttpSession(b!.url);
  await leaderOnA.signIn("leader", SAMPLE_PASSWORD);
  await leaderOnB.signIn("leader", SAMPLE_PASSWORD);

  // Both instances have shown the dashboard (anything they keep in memory is now filled) and the item.
  const before = await headlineSql(database);
  await expectDashboardMatches(leaderOnA, before);
  await expectDashboardMatches(leaderOnB, before);
  expect((await get(leaderOnB, `/items/${item!.code}`)).status).toBe(200);

  // Through A: GREEN → RED, and progress moved far enough to move the overall figure.
  const noteA = `instance-A-wrote-${Date.now().toString(36)}`;
  const progress = (item!.progress ?? 0) < 50 ? 95 : 5;
  const [{ version }] = (await database.query<{ version: number }>(`SELECT version FROM items WHERE id = $1`, [
    item!.id,
  ])) as [{ version: number }];
  const wrote = await editorOnA.callAction<{ ok: boolean; data?: { version: number } }>(
    "lib/actions/items.ts",
    "postProgressUpdate",
    [
      null,
      formOf({
        itemId: item!.id,
        expectedVersion: version,
        status: "IN_PROGRESS",
        progress,
        confidence: "RED",
        note: noteA,
      }),
    ],
    `/items/${item!.code}/update`,
  );
  expect(wrote.value).toMatchObject({ ok: true, data: { version: version + 1 } });
  const afterA = await headlineSql(database);
  expect(afterA.green).toBe(before.green - 1);
  expect(afterA.red).toBe(before.red + 1);
  expect(afterA.overall, "the write must move the overall figure, or the check below proves nothing").not.toBe(
    before.overall,
  );

  const itemOnB = await get(leaderOnB, `/items/${item!.code}`);
  expect(itemOnB.status).toBe(200);
  expect(itemOnB.html).toContain(noteA);
  await expectDashboardMatches(leaderOnB, afterA, noteA);
  await expectDashboardMatches(leaderOnA, afterA, noteA);

  // Back through B, with the session cookie A issued: RED → AMBER; A's dashboard must follow.
  const editorOnB = sameCookiesOn(editorOnA, b!.url);
  const noteB = `instance-B-wrote-${Date.now().toString(36)}`;
  const wroteB = await editorOnB.callAction<{ ok: boolean; data?: { version: number } }>(
    "lib/actions/items.ts",
    "postProgressUpdate",
    [
      null,
      formOf({
        itemId: item!.id,
        expectedVersion: version + 1,
        status: "IN_PROGRESS",
        progress: 50,
        confidence: "AMBER",
        note: noteB,
      }),
    ],
    `/items/${item!.code}/update`,
  );
  expect(wroteB.value).toMatchObject({ ok: true, data: { version: version + 2 } });
  const afterB = await headlineSql(database);
  expect(afterB.red).toBe(afterA.red - 1);
  expect(afterB.amber).toBe(afterA.amber + 1);
  await expectDashboardMatches(leaderOnA, afterB, noteB);
  await expectDashboardMatches(leaderOnB, afterB, noteB);
  expect((await get(leaderOnA, `/items/${item!.code}`)).html).toContain(noteB);
});

test("a session issued by one instance is honoured by the other", async () => {
  await newEditor("rel.both-ways");
  const onA = new HttpSession(a!.url);
  await onA.signIn("rel.both-ways", SAMPLE_PASSWORD);
  const onB = new HttpSession(b!.url);
  await onB.signIn("rel.both-ways", SAMPLE_PASSWORD);
  for (const [from, to] of [
    [onA, b!.url],
    [onB, a!.url],
  ] as const) {
    const page = await get(sameCookiesOn(from, to), "/my-items");
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-testid="signed-in-user"');
  }
});

test("sign-in throttling counts failures made on either instance", async () => {
  const login = "rel.throttled";
  await newEditor(login);
  // Failures alternate between the instances: each alone sees fewer than the limit.
  for (let n = 0; n < THROTTLE.perAccount; n++) {
    const attempt = await attemptSignIn(n % 2 === 0 ? a!.url : b!.url, login, `wrong-password-${n}`);
    expect(attempt.signedIn).toBe(false);
    expect(
      attempt.code,
      `attempt ${n + 1} (${attempt.location}) must be refused as a wrong password, not yet throttled`,
    ).not.toBe("throttled");
  }
  // Locked on both, even with the right password.
  for (const url of [a!.url, b!.url]) {
    const attempt = await attemptSignIn(url, login, SAMPLE_PASSWORD);
    expect(attempt.signedIn, `right password on ${url} after ${THROTTLE.perAccount} failures`).toBe(false);
    expect(attempt.code, attempt.location).toBe("throttled");
  }
  const [counts] = await database.query<{ failed: number; succeeded: number }>(
    `SELECT count(*) FILTER (WHERE NOT succeeded)::int AS failed, count(*) FILTER (WHERE succeeded)::int AS succeeded FROM sign_in_attempts WHERE login_name = $1`,
    [login],
  );
  expect(counts).toEqual({ failed: THROTTLE.perAccount, succeeded: 0 });
});

test("disabling an account through one instance ends its session on the other at the next request", async () => {
  const editor = await newEditor("rel.disabled");
  const onB = new HttpSession(b!.url);
  await onB.signIn("rel.disabled", SAMPLE_PASSWORD);
  expect((await get(onB, "/my-items")).status).toBe(200);

  const adminOnA = new HttpSession(a!.url);
  await adminOnA.signIn("admin", SAMPLE_PASSWORD);
  const done = await adminOnA.callAction(
    "lib/actions/admin-users.ts",
    "setUserDisabled",
    [null, formOf({ userId: editor.id, disabled: "true" })],
    "/admin/users",
  );
  expect(done.value).toMatchObject({ ok: true });

  expectSignedOut(await get(onB, "/my-items"));
  const action = await onB.callAction(
    "lib/actions/items.ts",
    "postProgressUpdate",
    [null, formOf({ itemId: 1, expectedVersion: 1 })],
    "/my-items",
  );
  expect(action.value).toMatchObject({ ok: false, code: "unauthenticated" });
  expectSignedOut(await get(sameCookiesOn(onB, a!.url), "/my-items"));
  expect((await attemptSignIn(b!.url, "rel.disabled", SAMPLE_PASSWORD)).signedIn).toBe(false);
});

test("a role change through one instance ends sessions on both; signing out clears the session for both", async () => {
  const editor = await newEditor("rel.demoted");
  const onA = new HttpSession(a!.url);
  await onA.signIn("rel.demoted", SAMPLE_PASSWORD);
  const onB = new HttpSession(b!.url);
  await onB.signIn("rel.demoted", SAMPLE_PASSWORD);
  expect((await get(onB, "/my-items")).status).toBe(200);

  const adminOnA = new HttpSession(a!.url);
  await adminOnA.signIn("admin", SAMPLE_PASSWORD);
  const [{ before }] = (await database.query<{ before: number }>(
    `SELECT session_version AS before FROM users WHERE id = $1`,
    [editor.id],
  )) as [{ before: number }];
  const done = await adminOnA.callAction(
    "lib/actions/admin-users.ts",
    "updateUser",
    [null, formOf({ userId: editor.id, displayName: "rel.demoted", role: "VIEWER", unitId: "" })],
    "/admin/users",
  );
  expect(done.value).toMatchObject({ ok: true });
  const [{ after }] = (await database.query<{ after: number }>(
    `SELECT session_version AS after FROM users WHERE id = $1`,
    [editor.id],
  )) as [{ after: number }];
  expect(after).toBe(before + 1);
  expectSignedOut(await get(onB, "/my-items"));
  expectSignedOut(await get(onA, "/my-items"));
  // Signing in again (on B) gives a working session, honoured by A too.
  const again = new HttpSession(b!.url);
  await again.signIn("rel.demoted", SAMPLE_PASSWORD);
  expect((await get(sameCookiesOn(again, a!.url), "/")).status).toBe(200);

  // Sign-out through A clears the cookie: the person is then signed out on B as well.
  const againOnA = sameCookiesOn(again, a!.url);
  const copied = again.sessionToken();
  const out = await againOnA.callAction("lib/actions/auth.ts", "signOutAction", [], "/");
  expect(out.status).toBeLessThan(500);
  expect(againOnA.sessionToken()).toBeUndefined();
  expectSignedOut(await get(sameCookiesOn(againOnA, b!.url), "/"));
  // Sign-out ends the session itself: a copy of the cookie, still within its expiry, works on neither instance.
  for (const url of [a!.url, b!.url]) {
    const replay = new HttpSession(url);
    replay.cookies.set("authjs.session-token", copied!);
    expectSignedOut(await get(replay, "/"));
  }
});
