// 政务统一身份认证: OIDC sign-in end to end against a mock provider on loopback (PKCE, state and nonce).
import { OAuth2Server } from "oauth2-mock-server";
import { expect, test } from "./fixtures";

// One provider for this file; its claims are set per test, so the tests run one after another.
test.describe.configure({ mode: "serial" });

let provider: OAuth2Server;
let identity: { sub: string; preferred_username?: string; name?: string } = { sub: "" };

test.beforeAll(async () => {
  provider = new OAuth2Server();
  await provider.issuer.keys.generate("RS256");
  // Every id token carries the identity the current test chose.
  provider.service.on("beforeTokenSigning", (token) => {
    Object.assign(token.payload, identity);
  });
  provider.service.on("beforeUserinfo", (response) => {
    Object.assign(response.body as object, identity);
  });
  // The app is configured with this issuer; Auth.js compares it with the discovery document's, slash included.
  provider.issuer.url = `http://127.0.0.1:${process.env.E2E_OIDC_PORT}/`;
  await provider.start(Number(process.env.E2E_OIDC_PORT), "127.0.0.1");
});

test.afterAll(async () => {
  await provider?.stop();
});

async function signInWithSso(page: import("@playwright/test").Page) {
  await page.goto("/login");
  await page.getByRole("button", { name: "使用政务统一身份认证登录" }).click();
}

test("an identity matching an account by name signs in and is linked to that account", async ({ page, sql }) => {
  const sub = `sub-${Date.now().toString(36)}`;
  identity = { sub, preferred_username: "cq.fgw", name: "重庆市发展改革委 填报员" };
  await signInWithSso(page);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  const [user] = await sql<{ login_name: string }>(`SELECT login_name FROM users WHERE oidc_subject = $1`, [sub]);
  expect(user?.login_name).toBe("cq.fgw");
});

test("an unknown identity gets no access until an administrator approves it", async ({ page, sql }) => {
  const sub = `new-${Date.now().toString(36)}`;
  identity = { sub, preferred_username: `zhang.san.${sub}`, name: "张三" };
  await signInWithSso(page);
  await expect(page).toHaveURL(/\/login\?error=pending/);
  await expect(page.locator('main [role="alert"]')).toContainText("尚未开通本系统权限");
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
  const [pending] = await sql<{ id: number; disabled: boolean; pending_approval: boolean }>(
    `SELECT id, disabled, pending_approval FROM users WHERE oidc_subject = $1`,
    [sub],
  );
  expect(pending).toMatchObject({ disabled: true, pending_approval: true });
  const audit = await sql(`SELECT 1 FROM audit_log WHERE action = 'user.request-access' AND target_id = $1`, [
    String(pending!.id),
  ]);
  expect(audit).toHaveLength(1);

  // Approval (what the administration page does) opens the door on the next sign-in.
  await sql(`UPDATE users SET disabled = false, pending_approval = false, role = 'VIEWER' WHERE id = $1`, [
    pending!.id,
  ]);
  await signInWithSso(page);
  await expect(page.getByTestId("signed-in-user")).toContainText("张三");
});
