// The full access matrix over HTTP: every page and route handler (listed from app/) and every server action
// (listed from the build's manifest) × every kind of caller, including sessions that must count as signed out
// (expired, disabled account, tampered cookie, session made stale by a password reset / role change). Refused
// actions must change nothing; no answer is ever a 500; every response carries the security headers.
//
// The documented answer, per caller (one table, DOCUMENTED below):
//   caller                           pages                     route handlers        actions
//   admin / editor / viewer          200, or the 403 page      200, or 403           ok, or ok:false "forbidden"
//     (editor: own-unit vs another unit's item decide item pages and item actions, by lib/permissions.ts)
//   signed out / expired / disabled  307 → /login?callbackUrl  401 (public ones 200) ok:false "unauthenticated"
//   / tampered cookie / stale        (/login itself: 200)                           (public actions: answered)
// Static assets (/_next/static, outside proxy.ts's matcher) carry the static headers from next.config.ts but
// no CSP: a CSP governs documents, and these are scripts and styles that the documents' CSP already allows.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { parse as parseCsv } from "csv-parse/sync";
import { stringify as stringifyCsv } from "csv-stringify/sync";
import { encode } from "next-auth/jwt";
import { can, type Actor } from "../lib/permissions";
import { hashPassword } from "../lib/password";
import { createPrismaClient, type Db } from "../lib/prisma-client";
import { resolveAuthSecret } from "../scripts/auth-secret";
import { adminCases } from "../tests/support/action-cases/admin";
import { chaseCases } from "../tests/support/action-cases/chase";
import { evidenceCases } from "../tests/support/action-cases/evidence";
import { itemActionCases } from "../tests/support/action-cases/items";
import { periodCases } from "../tests/support/action-cases/periods";
import { jobCases } from "../tests/support/action-cases/jobs";
import { notificationCases } from "../tests/support/action-cases/notifications";
import { apiTokenCases } from "../tests/support/action-cases/api-tokens";
import { ratingCases } from "../tests/support/action-cases/ratings";
import { webhookCases } from "../tests/support/action-cases/webhooks";
import { investmentCases } from "../tests/support/action-cases/investment";
import { indicatorCases } from "../tests/support/action-cases/indicators";
import { reportActionCases } from "../tests/support/action-cases/reports";
import { actionContext } from "../tests/support/action-cases/context";
import type { ActionCase, ActionCases, ActionContext } from "../tests/support/action-cases/types";
import { allActions, HttpSession, type ActionResponse } from "../tests/support/http-client";
import { SAMPLE_PASSWORD } from "./auth";
import { expect, test } from "./fixtures";
import { pagePolicy, ROUTE_HANDLERS, sessionExpectation } from "./support/access-policy";
import { routePaths } from "./support/evidence-fixture";
import { appRoutes, routePath } from "./support/routes";
import { pageId } from "./support/supervision-fixture";

const COOKIE = "authjs.session-token";

type CallerKind = "user" | "invalid";
interface Caller {
  label: string;
  kind: CallerKind;
  actor: Actor | null;
  session: HttpSession;
  /** the cookie this caller always sends (re-set before each request: the server clears an invalid one) */
  token?: string;
}

function sessionOf(caller: Caller): HttpSession {
  if (caller.token) caller.session.cookies.set(COOKIE, caller.token);
  return caller.session;
}

const DOCUMENTED = {
  user: { page: "200 or 403", route: "200 or 403", action: "allowed or forbidden (lib/permissions.ts)" },
  invalid: {
    page: "307 to /login (the sign-in page itself 200)",
    route: "401 (public 200)",
    action: "unauthenticated (public actions answered)",
  },
} as const;

/** Actions anyone may call (as in tests/integration/permissions.test.ts), and how the matrix calls them. */
const PUBLIC_ACTIONS: Record<string, { why: string; args?: () => unknown[] }> = {
  // An incomplete form: answered with field errors and no sign-in attempt recorded (no throttling side effect).
  signInWithPassword: {
    why: "signing in is how a visitor becomes a user",
    args: () => [{}, form({ loginName: "", password: "" })],
  },
  signOutAction: { why: "ends the caller's own session, whatever it is", args: () => [] },
  // Not called: it redirects to the OIDC provider, which only e2e/oidc.spec.ts runs.
  signInWithSso: { why: "starts the OIDC redirect; the identity is checked when the provider answers" },
};

function copyOf(session: HttpSession): HttpSession {
  const copy = new HttpSession(session.baseUrl);
  for (const [k, v] of session.cookies) copy.cookies.set(k, v);
  return copy;
}

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const HEADERS: [string, RegExp][] = [
  ["content-security-policy", /script-src [^;]*'nonce-[A-Za-z0-9+/=]+'.*frame-ancestors 'none'/],
  ["x-frame-options", /^DENY$/],
  ["x-content-type-options", /^nosniff$/],
  ["referrer-policy", /^strict-origin-when-cross-origin$/],
  ["permissions-policy", /camera=\(\)/],
  ["cross-origin-opener-policy", /^same-origin$/],
];

function missingHeaders(response: Response, withCsp = true): string[] {
  return HEADERS.filter(([name]) => withCsp || name !== "content-security-policy")
    .filter(([name, pattern]) => !pattern.test(response.headers.get(name) ?? ""))
    .map(([name]) => name);
}

type Outcome = "allowed" | "forbidden" | "unauthenticated" | `other:${string}`;

function outcomeOf(r: ActionResponse): Outcome {
  if (r.status >= 500) return `other:HTTP ${r.status}`;
  const v = r.value as { ok?: boolean; code?: string } | undefined;
  if (v && v.ok === false) return v.code === "forbidden" || v.code === "unauthenticated" ? v.code : `other:${v.code}`;
  if ((v && v.ok === true) || r.location) return "allowed";
  // Some actions answer a state object without ok (sign-in's field errors): an answer, not a refusal.
  if (v !== undefined) return "allowed";
  return `other:HTTP ${r.status} ${(r.text ?? "").slice(0, 80)}`;
}

/**
 * The import actions' cases (as tests/support/action-cases/import.ts, whose file builder imports JSON in a way
 * Playwright's loader refuses): the app's own CSV export of the item's unit, cut to the item's row with its
 * responsible person changed — allowed for its unit's editor and admins, forbidden to others.
 */
function importCasesOver(admin: HttpSession): ActionCases {
  const file = async (ctx: ActionContext): Promise<Buffer> => {
    const response = await admin.fetch(`/api/reports?format=csv&scope=unit&id=${ctx.unitId}`);
    expect(response.status, "the unit's CSV export").toBe(200);
    const rows = parseCsv(Buffer.from(await response.arrayBuffer()), {
      bom: true,
      relax_column_count: true,
    }) as string[][];
    const head = rows.findIndex((r) => r[0] === "编号");
    const person = rows[head]!.indexOf("责任人");
    const row = rows.find((r) => r[0] === ctx.itemCode);
    expect(head >= 0 && person >= 0 && row, `the export has the columns and a row for ${ctx.itemCode}`).toBeTruthy();
    row![person] = `访问矩阵 ${randomBytes(3).toString("hex")}`;
    const text = stringifyCsv([...rows.slice(0, head + 1), row!], { quoted: true, record_delimiter: "\r\n" });
    return Buffer.from(`\uFEFF${text}`, "utf8");
  };
  const fileForm = (bytes: Buffer, extra: Record<string, string> = {}) => {
    const fd = new FormData();
    fd.append("file", new File([new Uint8Array(bytes)], "matrix.csv", { type: "text/csv" }));
    for (const [k, v] of Object.entries(extra)) fd.append(k, v);
    return fd;
  };
  return {
    previewImport: { permission: "item:update", buildArgs: async (ctx) => [null, fileForm(await file(ctx))] },
    applyImport: {
      permission: "item:update",
      buildArgs: async (ctx) => {
        const bytes = await file(ctx);
        return [null, fileForm(bytes, { fileHash: createHash("sha256").update(bytes).digest("hex") })];
      },
    },
  };
}

test.describe.configure({ mode: "serial", timeout: 600_000 });

let db: Db;
test.beforeAll(() => {
  db = createPrismaClient(process.env.E2E_DATABASE_URL!, { max: 2 });
});
test.afterAll(async () => {
  await db?.$disconnect();
});

test("every route and action × every kind of caller gets the documented answer", async ({ baseURL, sql }) => {
  const base = baseURL!;
  const secret = await resolveAuthSecret(process.env.E2E_DATABASE_URL!);
  const signedIn = async (login: string) => {
    const s = new HttpSession(base);
    await s.signIn(login, SAMPLE_PASSWORD);
    return s;
  };
  const actorOf = async (login: string): Promise<Actor> => {
    const u = await db.user.findUniqueOrThrow({ where: { loginName: login } });
    return { id: u.id, role: u.role, unitId: u.unitId, coordinatorScope: u.coordinatorScope };
  };
  /** The sides of an item's lead and co-lead units: whose coordinators review it. */
  const leadSidesOf = async (item: { leadUnitId: number | null; coLeadUnitId: number | null }) =>
    (
      await db.unit.findMany({
        where: { id: { in: [item.leadUnitId, item.coLeadUnitId].filter((id) => id != null) } },
        select: { side: true },
      })
    ).map((u) => u.side);

  // The walk's item: an action item whose lead unit has an editor, from the end of the tree (other specs
  // work at its start), and an editor of another unit.
  const target = await db.item.findFirstOrThrow({
    where: {
      level: "ACTION",
      retiredAt: null,
      // Led by Sichuan alone: a coordinator of its side and one of the other side exist, and it is not the
      // Chongqing editor's item that e2e/editing.spec.ts edits at the same time.
      coLeadUnitId: null,
      leadUnit: { side: "SICHUAN", users: { some: { role: "EDITOR", disabled: false, isSample: true } } },
    },
    include: { supportingUnits: true },
    orderBy: { code: "desc" },
  });
  const scope = {
    leadUnitId: target.leadUnitId,
    coLeadUnitId: target.coLeadUnitId,
    supportingUnitIds: target.supportingUnits.map((s) => s.unitId),
    leadSides: await leadSidesOf(target),
  };
  const [targetSide] = scope.leadSides;
  const ownCoordinator = targetSide === "CHONGQING" ? "duban.cq" : "duban.sc";
  const otherCoordinator = ownCoordinator === "duban.sc" ? "duban.cq" : "duban.sc";
  const inScope = (unitId: number | null) =>
    unitId != null && [scope.leadUnitId, scope.coLeadUnitId, ...scope.supportingUnitIds].includes(unitId);
  // Sample accounts only (their password is known): other specs add editors of their own meanwhile.
  const ownEditor = await db.user.findFirstOrThrow({
    where: { role: "EDITOR", disabled: false, isSample: true, unitId: target.leadUnitId! },
    orderBy: { id: "desc" },
  });
  const otherEditor = (
    await db.user.findMany({ where: { role: "EDITOR", disabled: false, isSample: true }, orderBy: { id: "desc" } })
  ).find((u) => !inScope(u.unitId))!;
  const other = await db.item.findFirstOrThrow({
    where: {
      level: "ACTION",
      retiredAt: null,
      NOT: [
        { leadUnitId: ownEditor.unitId },
        { coLeadUnitId: ownEditor.unitId },
        { supportingUnits: { some: { unitId: ownEditor.unitId! } } },
      ],
    },
    orderBy: { code: "desc" },
  });

  // Accounts made for this walk: an administrator to disable and one whose session goes stale.
  const suffix = randomBytes(3).toString("hex");
  const passwordHash = await hashPassword(SAMPLE_PASSWORD);
  for (const name of ["disabled", "stale"]) {
    await db.user.create({
      data: {
        loginName: `matrix.${name}.${suffix}`,
        displayName: `matrix ${name}`,
        passwordHash,
        role: "ADMIN",
        unitId: null,
      },
    });
  }
  const disabled = await signedIn(`matrix.disabled.${suffix}`);
  const stale = await signedIn(`matrix.stale.${suffix}`);
  await sql(`UPDATE users SET disabled = true WHERE login_name = $1`, [`matrix.disabled.${suffix}`]);
  await sql(`UPDATE users SET session_version = session_version + 1 WHERE login_name = $1`, [`matrix.stale.${suffix}`]);

  const admin = await signedIn("admin");
  const adminActor = await actorOf("admin");
  const adminVersion = (await db.user.findUniqueOrThrow({ where: { id: adminActor.id } })).sessionVersion;
  const cookieSession = (token: string) => {
    const s = new HttpSession(base);
    s.cookies.set(COOKIE, token);
    return s;
  };
  // Minted exactly as Auth.js issues them (same secret, salt and claims), one hour past its expiry.
  const mint = (maxAge: number) =>
    encode({
      token: { sub: String(adminActor.id), uid: adminActor.id, sv: adminVersion, sid: randomUUID() },
      secret,
      salt: COOKIE,
      maxAge,
    });
  // Control: the same token unexpired is accepted, so the expired one is refused for its expiry alone.
  const control = await cookieSession(await mint(3600)).fetch("/admin");
  expect(control.status, "an unexpired token minted the same way opens /admin").toBe(200);
  const token = admin.sessionToken()!;
  const middle = Math.floor(token.length / 2);
  const flipped =
    token.slice(0, middle) +
    (token[middle] === "A" ? "B" : "A") +
    (token[middle + 1] === "x" ? "y" : "x") +
    token.slice(middle + 2);

  const expiredToken = await mint(-3600);
  const callers: Caller[] = [
    { label: "admin", kind: "user", actor: adminActor, session: admin },
    {
      label: `editor of the item's unit (${ownEditor.loginName})`,
      kind: "user",
      actor: await actorOf(ownEditor.loginName),
      session: await signedIn(ownEditor.loginName),
    },
    {
      label: `editor of another unit (${otherEditor.loginName})`,
      kind: "user",
      actor: await actorOf(otherEditor.loginName),
      session: await signedIn(otherEditor.loginName),
    },
    { label: "viewer", kind: "user", actor: await actorOf("leader.cq"), session: await signedIn("leader.cq") },
    {
      label: `coordinator of the item's side (${ownCoordinator})`,
      kind: "user",
      actor: await actorOf(ownCoordinator),
      session: await signedIn(ownCoordinator),
    },
    {
      label: `coordinator of the other side (${otherCoordinator})`,
      kind: "user",
      actor: await actorOf(otherCoordinator),
      session: await signedIn(otherCoordinator),
    },
    { label: "signed out", kind: "invalid", actor: null, session: new HttpSession(base) },
    {
      label: "expired session",
      kind: "invalid",
      actor: null,
      session: cookieSession(expiredToken),
      token: expiredToken,
    },
    { label: "disabled account", kind: "invalid", actor: null, session: disabled, token: disabled.sessionToken() },
    { label: "tampered session cookie", kind: "invalid", actor: null, session: cookieSession(flipped), token: flipped },
    {
      label: "stale session (session version bumped)",
      kind: "invalid",
      actor: null,
      session: stale,
      token: stale.sessionToken(),
    },
  ];

  const checks: string[] = [];
  const wrong: string[] = [];
  const noHeaders: string[] = [];
  const record = (what: string, caller: Caller, got: string, expected: string, response?: Response) => {
    checks.push(`${what} × ${caller.label}: ${got}`);
    if (got !== expected) wrong.push(`${what} as ${caller.label}: expected ${expected}, got ${got}`);
    if (response) {
      const missing = missingHeaders(response);
      if (missing.length) noHeaders.push(`${what} as ${caller.label} (${response.status}): ${missing.join(", ")}`);
    }
  };

  // Pages.
  for (const route of appRoutes("page.tsx")) {
    const policy = pagePolicy(route);
    for (const sample of route.includes("[code]") ? [target, other] : [undefined]) {
      const url = routePath(route, sample?.code, await pageId(route, sql));
      const sampleScope = sample
        ? {
            leadUnitId: sample.leadUnitId,
            coLeadUnitId: sample.coLeadUnitId,
            supportingUnitIds: (await db.itemSupportingUnit.findMany({ where: { itemId: sample.id } })).map(
              (s) => s.unitId,
            ),
            leadSides: await leadSidesOf(sample),
          }
        : undefined;
      for (const caller of callers) {
        const response = await sessionOf(caller).fetch(url);
        await response.arrayBuffer();
        let expected: string;
        if (policy.permission === null) expected = caller.actor ? "307 /" : "200";
        else if (!caller.actor) expected = "307 /login";
        else expected = can(caller.actor, policy.permission, policy.scoped ? sampleScope : undefined) ? "200" : "403";
        const location = response.headers.get("location") ?? "";
        const got =
          response.status === 307
            ? `307 ${location.startsWith("/login") || location.includes("/login?") ? "/login" : new URL(location, base).pathname}`
            : String(response.status);
        record(`GET ${url}`, caller, got, expected, response);
      }
    }
  }

  // Route handlers.
  for (const [route, handler] of Object.entries(ROUTE_HANDLERS)) {
    const method = handler.method ?? "GET";
    for (const path of await routePaths(handler.paths, sql)) {
      for (const caller of callers) {
        const response = await sessionOf(caller).fetch(
          path,
          method === "GET" ? {} : { method, body: handler.body!(), headers: { origin: new URL(base).origin } },
        );
        await response.arrayBuffer();
        const expected = sessionExpectation(handler, (p) => can(caller.actor, p), caller.actor !== null);
        record(`${method} ${path} (${route})`, caller, String(response.status), String(expected), response);
      }
    }
  }
  // A page that does not exist: the 404 carries the headers too.
  for (const caller of callers) {
    const response = await sessionOf(caller).fetch(`/no-such-page-${suffix}`);
    await response.arrayBuffer();
    // proxy.ts sends a visitor without any session cookie to sign in; with a cookie the 404 page answers.
    record(
      "GET /no-such-page",
      caller,
      String(response.status),
      caller.session.cookies.has(COOKIE) ? "404" : "307",
      response,
    );
  }

  // Server actions, with the arguments a real form sends (tests/support/action-cases).
  const cases = new Map<string, ActionCase>(
    Object.entries({
      ...itemActionCases,
      ...reportActionCases,
      ...adminCases,
      ...evidenceCases,
      ...periodCases,
      ...jobCases,
      ...notificationCases,
      ...apiTokenCases,
      ...chaseCases,
      ...ratingCases,
      ...webhookCases,
      ...investmentCases,
      ...indicatorCases,
      ...importCasesOver(admin),
    }),
  );
  const actions = allActions();
  const unlisted = actions
    .filter((a) => !cases.has(a.exportedName) && !PUBLIC_ACTIONS[a.exportedName])
    .map((a) => `${a.file}#${a.exportedName}`);
  expect(unlisted, "server actions in the build without a case in tests/support/action-cases").toEqual([]);
  const context = () => actionContext(db, { ...target, leadUnitId: target.leadUnitId! }, "matrix milestone");
  // What a refused action could have touched: the walk's item and its rows, and the rows the cases create
  // (walk.* accounts, 示例单位/改名单位 units, walk and 新增事项 items). Scoped, since other specs write meanwhile.
  const fingerprint = async () =>
    JSON.stringify(
      await sql(
        `SELECT (SELECT row(i.*)::text FROM items i WHERE i.id = $1) AS item,
                (SELECT count(*) FROM item_history WHERE item_id = $1) AS history,
                (SELECT count(*) FROM progress_updates WHERE item_id = $1) AS updates,
                (SELECT count(*) FROM attachments a JOIN progress_updates p ON p.id = a.report_id WHERE p.item_id = $1) AS evidence,
                (SELECT md5(string_agg(m::text, '|' ORDER BY m.id)) FROM milestones m WHERE item_id = $1) AS milestones,
                (SELECT md5(string_agg(u::text, '|' ORDER BY u.id)) FROM users u WHERE login_name LIKE 'walk.%' OR login_name LIKE 'matrix.%') AS users,
                (SELECT md5(string_agg(n::text, '|' ORDER BY n.id)) FROM units n WHERE name LIKE '示例单位%' OR name LIKE '改名单位%') AS units,
                (SELECT md5(string_agg(i::text, '|' ORDER BY i.id)) FROM items i WHERE title LIKE 'walk item%' OR title LIKE '新增事项%') AS tree`,
        [target.id],
      ),
    );
  let actionChecks = 0;
  // Public actions last: sign-out ends the caller's session for good (ended_sessions), copy or not.
  const publicLast = (a: { exportedName: string }) => (PUBLIC_ACTIONS[a.exportedName] ? 1 : 0);
  for (const action of actions.sort(
    (a, b) => publicLast(a) - publicLast(b) || a.exportedName.localeCompare(b.exportedName),
  )) {
    const publicAction = PUBLIC_ACTIONS[action.exportedName];
    if (publicAction && !publicAction.args) continue;
    for (const caller of callers) {
      const c = cases.get(action.exportedName);
      const args = publicAction
        ? publicAction.args!()
        : await c!.buildArgs({ ...(await context()), callerId: caller.actor?.id });
      const expected: Outcome = publicAction
        ? "allowed"
        : !caller.actor
          ? "unauthenticated"
          : can(caller.actor, c!.permission, scope)
            ? "allowed"
            : "forbidden";
      // Sign-out answers with a cleared cookie: called on a copy, the original is kept to show the session ended.
      const session = publicAction ? copyOf(sessionOf(caller)) : sessionOf(caller);
      const before = expected === "allowed" ? "" : await fingerprint();
      const response = await session.callAction(action.file, action.exportedName, args);
      const got = outcomeOf(response);
      checks.push(`${action.exportedName} × ${caller.label}: ${got}`);
      actionChecks++;
      if (got !== expected)
        wrong.push(`action ${action.file}#${action.exportedName} as ${caller.label}: expected ${expected}, got ${got}`);
      if (expected !== "allowed" && (await fingerprint()) !== before)
        wrong.push(`action ${action.exportedName} as ${caller.label} was refused but changed the database`);
      if (action.exportedName === "signOutAction" && caller.actor) {
        // Signed out through a copy of the cookie: the original no longer signs anyone in either.
        const after = await sessionOf(caller).fetch("/");
        await after.arrayBuffer();
        checks.push(`GET / after sign-out × ${caller.label}: ${after.status}`);
        if (after.status !== 307 || !(after.headers.get("location") ?? "").includes("/login"))
          wrong.push(`GET / after sign-out as ${caller.label}: expected 307 to /login, got ${after.status}`);
      }
    }
  }
  // Action answers go through the same proxy as pages: one more header check on an action response per caller.
  for (const caller of callers) {
    const response = await sessionOf(caller).fetch("/", {
      method: "POST",
      headers: {
        "next-action": actions[0]!.id,
        origin: new URL(base).origin,
        "content-type": "text/plain;charset=UTF-8",
      },
      body: "[]",
    });
    await response.arrayBuffer();
    const missing = missingHeaders(response);
    if (missing.length) noHeaders.push(`action POST as ${caller.label} (${response.status}): ${missing.join(", ")}`);
    if (response.status >= 500) wrong.push(`action POST with no arguments as ${caller.label}: HTTP ${response.status}`);
  }

  // Static assets: outside proxy.ts's matcher; next.config.ts's headers() gives them the static headers.
  const html = await (await admin.fetch("/login")).text();
  const asset = /\/_next\/static\/[^"'\s]+\.js/.exec(html)?.[0];
  expect(asset, "a script asset on the sign-in page").toBeTruthy();
  const assetResponse = await new HttpSession(base).fetch(asset!);
  await assetResponse.arrayBuffer();
  expect(assetResponse.status).toBe(200);
  expect(missingHeaders(assetResponse, false), `${asset} static headers`).toEqual([]);

  const pageChecks = checks.length - actionChecks;
  console.log(
    `access matrix: ${checks.length} checks = ${pageChecks} page/route-handler requests + ${actionChecks} action calls, ` +
      `${callers.length} callers (${callers.map((c) => c.label).join("; ")}); documented answers: ${JSON.stringify(DOCUMENTED)}`,
  );
  expect(wrong).toEqual([]);
  expect(noHeaders, "responses without the security headers").toEqual([]);
  expect(checks.length).toBeGreaterThan(callers.length * 10);
});

test("cross-site POSTs to pages, server actions and auth endpoints are refused", async ({ baseURL, sql }) => {
  const base = baseURL!;
  const viewer = new HttpSession(base);
  await viewer.signIn("leader.cq", SAMPLE_PASSWORD);
  const [before] = await sql<{ sv: number }>(`SELECT session_version AS sv FROM users WHERE login_name = 'leader.cq'`);
  const actions = allActions();
  const signOut = actions.find((a) => a.exportedName === "signOutAction")!;
  const post = actions.find((a) => a.exportedName === "postProgressUpdate")!;
  const targets: { path: string; headers: Record<string, string>; body: string | URLSearchParams }[] = [
    { path: "/", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" },
    { path: "/items", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" },
    { path: "/", headers: { "next-action": signOut.id, "content-type": "text/plain;charset=UTF-8" }, body: "[]" },
    { path: "/", headers: { "next-action": post.id, "content-type": "text/plain;charset=UTF-8" }, body: "[]" },
    {
      path: "/api/auth/signout",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "csrfToken=x",
    },
    {
      path: "/api/auth/signin/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "csrfToken=x",
    },
    { path: "/api/reports?format=json", headers: { "content-type": "application/json" }, body: "{}" },
    // Not run through proxy.ts (its matcher): the upload route refuses a cross-site request itself.
    { path: "/api/evidence", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x--\r\n" },
  ];
  const variants: [string, Record<string, string>][] = [
    ["Origin: https://evil.example", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
  ];
  const wrong: string[] = [];
  let n = 0;
  for (const t of targets) {
    for (const [label, extra] of variants) {
      const response = await viewer.fetch(t.path, {
        method: "POST",
        headers: { ...t.headers, ...extra },
        body: t.body,
      });
      await response.arrayBuffer();
      n++;
      if (response.status !== 403)
        wrong.push(`POST ${t.path} ${t.headers["next-action"] ? "(action) " : ""}with ${label}: ${response.status}`);
      if (missingHeaders(response).length) wrong.push(`POST ${t.path} with ${label}: security headers missing`);
    }
  }
  // A cross-site password sign-in (login CSRF) is refused in proxy.ts; only the SSO callback is exempt, since
  // an identity provider may post back from its own origin. No session is issued either way.
  const forged = new HttpSession(base);
  const response = await forged.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
    body: new URLSearchParams({ loginName: "admin", password: SAMPLE_PASSWORD, csrfToken: "forged" }),
  });
  await response.arrayBuffer();
  n++;
  expect(response.status).toBe(403);
  expect(forged.sessionToken(), "a cross-site sign-in gets no session").toBeUndefined();
  // Nothing happened to the viewer's session: it still opens a page.
  const still = await viewer.fetch("/");
  expect(still.status).toBe(200);
  const [after] = await sql<{ sv: number }>(`SELECT session_version AS sv FROM users WHERE login_name = 'leader.cq'`);
  expect(after!.sv).toBe(before!.sv);
  console.log(`cross-site POSTs: ${n} tried`);
  expect(wrong).toEqual([]);
});
