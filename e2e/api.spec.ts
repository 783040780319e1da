// The open API from outside the app (issue 17's acceptance): an editor makes a token in the browser on
// /account/tokens (shown once), a plain fetch with it reads the dashboard's figures and submits a report, and
// the report is on the item page. Then the token walk over HTTP: every /api/v1 route (e2e/support/access-policy.ts)
// with every role's read-only and read-write token, and a revoked token → 401 at once.
import { createHash, randomBytes } from "node:crypto";
import { can, type Actor } from "../lib/permissions";
import { signInAs } from "./auth";
import { expect, test, type Sql } from "./fixtures";
import { ROUTE_HANDLERS } from "./support/access-policy";

const ROLES = ["admin", "sc.fgw", "leader", "duban.sc"] as const;

/** A token made straight in the database for the walk (the browser path is tested once, above). */
async function insertToken(sql: Sql, login: string, scope: "READ" | "WRITE"): Promise<string> {
  const token = "cyt_" + randomBytes(32).toString("base64url");
  await sql(
    `INSERT INTO api_tokens (user_id, name, scope, prefix, secret_hash, created_at, expires_at)
     SELECT id, 'e2e walk', $2::"ApiTokenScope", $3, $4, now(), now() + interval '1 day' FROM users WHERE login_name = $1`,
    [login, scope, token.slice(0, 12), createHash("sha256").update(token).digest("hex")],
  );
  return token;
}

test("a token made in the browser reads the dashboard and submits a report that the item page shows", async ({
  page,
  sql,
  baseURL,
}) => {
  await signInAs(page, "sc.fgw");
  await page.goto("/account/tokens");
  await page.getByLabel(/名称/).fill("省政务平台对接（e2e）");
  await page.getByLabel(/权限范围/).selectOption("WRITE");
  await page.getByRole("button", { name: "生成令牌" }).click();
  const secret = page.getByTestId("new-token").locator("input");
  await expect(secret).toHaveValue(/^cyt_[A-Za-z0-9_-]{43}$/);
  const token = await secret.inputValue();
  await expect(page.getByRole("cell", { name: "省政务平台对接（e2e）", exact: true })).toBeVisible();

  const api = (path: string, init: RequestInit = {}) =>
    fetch(new URL(path, baseURL), {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
  const dashboard = await api("/api/v1/dashboard");
  expect(dashboard.status).toBe(200);
  const figures = (await dashboard.json()) as { headline: { items: number } };
  expect(figures.headline.items).toBeGreaterThan(0);

  const [target] = await sql<{ code: string }>(
    `SELECT i.code FROM items i JOIN users u ON u.unit_id = i.lead_unit_id
     WHERE u.login_name = 'sc.fgw' AND i.level = 'ACTION' AND i.retired_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM items c WHERE c.parent_id = i.id) ORDER BY i.id LIMIT 1`,
  );
  const item = await api(`/api/v1/items/${target!.code}`);
  const etag = item.headers.get("etag")!;
  const suffix = randomBytes(3).toString("hex");
  const note = `接口报送 e2e ${suffix}`;
  const submitted = await api(`/api/v1/items/${target!.code}/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", "if-match": etag, "idempotency-key": `e2e-${suffix}` },
    body: JSON.stringify({ status: "IN_PROGRESS", progress: 45, confidence: "GREEN", note }),
  });
  expect(submitted.status).toBe(201);

  await page.goto(`/items/${target!.code}`);
  await expect(page.getByText(note)).toBeVisible();
  await page.goto("/account/tokens");
  await expect(page.getByRole("row", { name: /省政务平台对接（e2e）/ })).not.toContainText("从未使用");

  // revoked in the browser: refused at once
  await page
    .getByRole("row", { name: /省政务平台对接（e2e）/ })
    .getByRole("button", { name: "撤销" })
    .click();
  await page.getByRole("group").getByRole("button", { name: "确认撤销" }).click();
  await expect(page.getByRole("row", { name: /省政务平台对接（e2e）/ })).toContainText("已撤销");
  expect((await api("/api/v1/units")).status).toBe(401);
});

test("every /api/v1 route answers every role's tokens as the permission table says", async ({ sql, baseURL }) => {
  const wrong: string[] = [];
  for (const login of ROLES) {
    const [u] = await sql<{
      id: number;
      role: Actor["role"];
      unit_id: number | null;
      coordinator_scope: Actor["coordinatorScope"];
    }>(`SELECT id, role, unit_id, coordinator_scope FROM users WHERE login_name = $1`, [login]);
    const actor: Actor = { id: u!.id, role: u!.role, unitId: u!.unit_id, coordinatorScope: u!.coordinator_scope };
    for (const scope of ["READ", "WRITE"] as const) {
      const token = await insertToken(sql, login, scope);
      for (const [route, handler] of Object.entries(ROUTE_HANDLERS)) {
        if (!route.startsWith("/api/v1/")) continue;
        for (const path of handler.paths) {
          const response = await fetch(new URL(path, baseURL), {
            method: handler.method ?? "GET",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            ...(handler.method ? { body: "{}" } : {}),
          });
          const expected = handler.public
            ? 200
            : handler.permission && !can(actor, handler.permission)
              ? 403
              : handler.token?.write && scope === "READ"
                ? 403
                : (handler.allowedStatus ?? 200);
          if (response.status !== expected) wrong.push(`${path} ${login}/${scope}: ${response.status} ≠ ${expected}`);
          const type = response.headers.get("content-type");
          if (!handler.public && response.status >= 400 && !type?.startsWith("application/problem+json"))
            wrong.push(`${path} ${login}/${scope}: ${response.status} answered as ${type ?? "no content type"}`);
        }
      }
    }
  }
  expect(wrong).toEqual([]);
});
