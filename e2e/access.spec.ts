// Every page and route handler (found by listing app/, so a new one without an entry here fails) × every role
// and a signed-out visitor → the answer the permission table gives; security headers on every response.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIResponse } from "@playwright/test";
import { can, type Actor } from "../lib/permissions";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";
import { pagePolicy, ROUTE_HANDLERS, sessionExpectation } from "./support/access-policy";
import { routePaths } from "./support/evidence-fixture";
import { appRoutes, routePath } from "./support/routes";
import { pageId } from "./support/supervision-fixture";

const ROLES = [
  { label: "admin", login: "admin" },
  { label: "editor", login: "sc.fgw" },
  { label: "viewer", login: "leader" },
  { label: "coordinator", login: "duban.sc" },
  { label: "signed out", login: null },
] as const;

function expectSecurityHeaders(response: APIResponse, url: string) {
  const h = response.headers();
  expect(h["content-security-policy"] ?? "", `${url} CSP`).toContain("frame-ancestors 'none'");
  expect(h["x-frame-options"], `${url} X-Frame-Options`).toBe("DENY");
  expect(h["x-content-type-options"], `${url} nosniff`).toBe("nosniff");
  expect(h["referrer-policy"], `${url} Referrer-Policy`).toBe("strict-origin-when-cross-origin");
}

test("every page and route handler is listed in this walk", () => {
  const pages = appRoutes("page.tsx");
  expect(pages.length).toBeGreaterThan(3);
  for (const route of appRoutes("route.ts"))
    expect(ROUTE_HANDLERS[route], `route handler ${route} has no entry`).toBeDefined();
});

for (const role of ROLES) {
  test(`pages and route handlers answer ${role.label} as the permission table says`, async ({ page, sql }) => {
    let actor: Actor | null = null;
    if (role.login) {
      await signInAs(page, role.login);
      const [u] = await sql<{
        id: number;
        role: Actor["role"];
        unit_id: number | null;
        coordinator_scope: Actor["coordinatorScope"];
      }>(`SELECT id, role, unit_id, coordinator_scope FROM users WHERE login_name = $1`, [role.login]);
      actor = { id: u!.id, role: u!.role, unitId: u!.unit_id, coordinatorScope: u!.coordinator_scope };
    }
    const [editorUnit] = await sql<{ unit_id: number }>(`SELECT unit_id FROM users WHERE login_name = 'sc.fgw'`);
    const scopeSql = `SELECT i.code, i.lead_unit_id, i.co_lead_unit_id,
        coalesce(array(SELECT unit_id FROM item_supporting_units s WHERE s.item_id = i.id), '{}') AS supporting,
        coalesce(array(SELECT u.side::text FROM units u WHERE u.id IN (i.lead_unit_id, i.co_lead_unit_id)), '{}') AS lead_sides
      FROM items i WHERE i.level = 'ACTION' AND i.retired_at IS NULL`;
    const items = await sql<{
      code: string;
      lead_unit_id: number | null;
      co_lead_unit_id: number | null;
      supporting: number[];
      lead_sides: NonNullable<Actor["coordinatorScope"]>[];
    }>(scopeSql);
    const inScope = (i: (typeof items)[number]) =>
      [i.lead_unit_id, i.co_lead_unit_id, ...i.supporting].includes(editorUnit!.unit_id);
    const samples = [items.find(inScope), items.find((i) => !inScope(i))];
    expect(
      samples[0] && samples[1],
      "sample data has an item of the editor's unit and one of another unit",
    ).toBeTruthy();

    const checks: string[] = [];
    const wrong: string[] = [];
    for (const route of appRoutes("page.tsx")) {
      const policy = pagePolicy(route);
      for (const sample of route.includes("[code]") ? samples : [undefined]) {
        const url = routePath(route, sample?.code, await pageId(route, sql));
        const scope = sample
          ? {
              leadUnitId: sample.lead_unit_id,
              coLeadUnitId: sample.co_lead_unit_id,
              supportingUnitIds: sample.supporting,
              leadSides: sample.lead_sides,
            }
          : undefined;
        const response = await page.request.get(url, { maxRedirects: 0 });
        expectSecurityHeaders(response, url);
        const status = response.status();
        let expected: number;
        if (policy.permission === null)
          expected = actor ? 307 : 200; // the sign-in page sends a signed-in user on
        else if (!actor)
          expected = 307; // to the sign-in page
        else expected = can(actor, policy.permission, policy.scoped ? scope : undefined) ? 200 : 403;
        checks.push(`${url}: ${status}`);
        if (status !== expected) wrong.push(`${url} as ${role.label}: expected ${expected}, got ${status}`);
        if (expected === 307)
          expect(response.headers()["location"] ?? "", url).toContain(policy.permission === null ? "/" : "/login");
      }
    }
    for (const [route, handler] of Object.entries(ROUTE_HANDLERS)) {
      for (const path of await routePaths(handler.paths, sql)) {
        const response = handler.method
          ? await page.request.fetch(path, { method: handler.method, multipart: handler.body!(), maxRedirects: 0 })
          : await page.request.get(path, { maxRedirects: 0 });
        expectSecurityHeaders(response, path);
        const expected = sessionExpectation(handler, (p) => can(actor, p), actor !== null);
        checks.push(`${path}: ${response.status()}`);
        if (response.status() !== expected)
          wrong.push(`${route} ${path} as ${role.label}: expected ${expected}, got ${response.status()}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checks.length).toBeGreaterThan(5);
  });
}

/** The id under which the built app serves a server action (what a forged request would have to send). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(join(import.meta.dirname, "..", ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  expect(id, `${exportedName} in the build's server reference manifest`).toBeTruthy();
  return id!;
}

test("a cross-site POST to a server action is refused and changes nothing", async ({ page }) => {
  await signInAs(page, "leader");
  const id = actionId("signOutAction");
  const forged = await page.request.post("/", {
    headers: { "Next-Action": id, Origin: "https://evil.example", "Content-Type": "multipart/form-data; boundary=x" },
    data: `--x\r\nContent-Disposition: form-data; name="$ACTION_ID_${id}"\r\n\r\n\r\n--x--\r\n`,
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  // The sign-out did not happen: the session still works.
  await page.goto("/");
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
});
