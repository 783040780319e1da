// Sign-in, sign-out, throttling and the sign-in redirect, through the real pages.
import { hashPassword } from "../lib/password";
import { SAMPLE_PASSWORD, signInAs, signOut } from "./auth";
import { expect, test } from "./fixtures";

test("a signed-out visitor is sent to sign in and brought back to the page they asked for", async ({ page }) => {
  await page.goto("/items/1.1.1");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fitems%2F1\.1\.1/);
  await page.locator('input[name="loginName"]').fill("leader");
  await page.locator('input[name="password"]').fill(SAMPLE_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/items\/1\.1\.1$/);
  await expect(page.getByTestId("signed-in-user")).toContainText("领导（只读）");
});

test("a wrong password gets the generic message, keeps the account name and signs nobody in", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("账号").fill("sc.fgw");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator('main [role="alert"]')).toHaveText("账号或密码错误。");
  await expect(page.getByLabel("账号")).toHaveValue("sc.fgw");
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
  // An unknown account gets exactly the same answer.
  await page.getByLabel("账号").fill("no-such-account");
  await page.getByLabel("密码").fill("whatever-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator('main [role="alert"]')).toHaveText("账号或密码错误。");
});

test("sign-out ends the session: pages send the visitor back to sign in, and a copy of the cookie is worthless", async ({
  page,
  browser,
}) => {
  await signInAs(page, "cq.jtw");
  const [cookie] = (await page.context().cookies()).filter((c) => c.name === "authjs.session-token");
  expect(cookie, "the session cookie").toBeDefined();
  // A second sign-in of the same person (another browser) is a session of its own.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAs(otherPage, "cq.jtw");
  await signOut(page);
  await expect(page.getByRole("status")).toHaveText("已退出登录");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  // The copied cookie, still within its 8 hours, no longer signs anyone in.
  const copy = await browser.newContext();
  await copy.addCookies([cookie!]);
  const copyPage = await copy.newPage();
  await copyPage.goto("/");
  await expect(copyPage).toHaveURL(/\/login/);
  expect((await copyPage.request.get("/api/reports?scope=all&format=csv")).status()).toBe(401);
  // The other browser's session is untouched.
  await otherPage.goto("/");
  await expect(otherPage.getByTestId("signed-in-user")).toBeVisible();
  await Promise.all([other.close(), copy.close()]);
});

test("repeated failures lock the account for a while, even against the right password, across the database", async ({
  page,
  sql,
}) => {
  const loginName = `throttle-${Date.now().toString(36)}`;
  const password = "Throttle#Test2026";
  await sql(
    `INSERT INTO users (login_name, display_name, password_hash, role, updated_at) VALUES ($1, $1, $2, 'VIEWER', now())`,
    [loginName, await hashPassword(password)],
  );
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("账号").fill(loginName);
    await page.getByLabel("密码").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.locator('main [role="alert"]')).toHaveText("账号或密码错误。");
    // Each answer is a fresh render of the alert; wait until this attempt is on record before the next.
    await expect
      .poll(
        async () =>
          (await sql(`SELECT count(*)::int AS n FROM sign_in_attempts WHERE login_name = $1`, [loginName]))[0]!.n,
      )
      .toBe(i + 1);
    // The answer resets the form when it reaches the page; filling before that would be wiped out by the reset.
    await expect(page.getByLabel("密码")).toHaveValue("");
    await expect(page.getByRole("button", { name: "登录", exact: true })).toBeEnabled();
  }
  await page.getByLabel("账号").fill(loginName);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator('main [role="alert"]')).toContainText("登录失败次数过多");
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
  const rows = await sql<{ succeeded: boolean }>(`SELECT succeeded FROM sign_in_attempts WHERE login_name = $1`, [
    loginName,
  ]);
  expect(rows.filter((r) => r.succeeded)).toHaveLength(0);
});

test("a tampered session cookie is no session", async ({ page, context }) => {
  await signInAs(page, "leader");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toBeDefined();
  const value = session!.value;
  const flipped = value.slice(0, -4) + (value.slice(-4) === "AAAA" ? "BBBB" : "AAAA");
  await context.addCookies([{ ...session!, value: flipped }]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
});

test("session cookie flags: HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signInAs(page, "leader");
  const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});
