// Administration through the UI: accounts (create → sign in → disable → no sign-in), the item tree (add →
// retire → the item and its history remain), the units' kinds, and a non-administrator refused with 403.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

const messagesDir = join(import.meta.dirname, "..", "lib", "i18n", "messages", "zh-CN");
const catalogue: Record<string, unknown> = Object.assign(
  {},
  ...["admin", "auth", "common"].map((f) => JSON.parse(readFileSync(join(messagesDir, `${f}.json`), "utf8")) as object),
);
/** The Chinese text of a catalogue key, with {placeholders} filled in: the page must show exactly that. */
function msg(key: string, values: Record<string, string> = {}): string {
  const text = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
  if (typeof text !== "string") throw new Error(`no message ${key}`);
  return text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}

async function trySignIn(page: Page, loginName: string, password: string) {
  await page.goto("/login");
  await page.locator('input[name="loginName"]').fill(loginName);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
}

test("an administrator creates an account that can sign in, then disables it and it no longer can", async ({
  browser,
  sql,
}) => {
  // Three sign-ins (argon2 each) in three browsers, the account list rendered again after each change, the audit
  // log: 33 s alone, past the default minute when the machine is busy with the other specs.
  test.setTimeout(150_000);
  const login = `e2e.${randomBytes(4).toString("hex")}`;
  const password = "Tracker#2026e2e";
  const [unit] = await sql<{ id: number; name: string }>("SELECT id, name FROM units ORDER BY id LIMIT 1");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/admin/users");
  const create = admin.getByRole("form", { name: msg("admin.users.create") });

  // A taken login name is refused next to the field, keeping what was typed.
  await create.getByLabel(msg("admin.users.loginName"), { exact: true }).fill("admin");
  await create.getByLabel(msg("admin.users.displayName"), { exact: true }).fill("端到端测试用户");
  await create.getByLabel(msg("admin.users.role"), { exact: true }).selectOption("VIEWER");
  await create.getByLabel(msg("admin.users.unit"), { exact: true }).selectOption(String(unit!.id));
  await create.getByLabel(msg("admin.users.password"), { exact: true }).fill(password);
  await create.getByLabel(msg("admin.users.passwordConfirm"), { exact: true }).fill(password);
  await create.getByRole("button", { name: msg("admin.users.create") }).click();
  await expect(create.getByText(msg("admin.validation.loginNameTaken"))).toBeVisible();
  await expect(create.getByLabel(msg("admin.users.displayName"), { exact: true })).toHaveValue("端到端测试用户");
  expect(await sql("SELECT 1 FROM users WHERE display_name = '端到端测试用户'")).toHaveLength(0);

  await create.getByLabel(msg("admin.users.loginName"), { exact: true }).fill(login);
  await create.getByRole("button", { name: msg("admin.users.create") }).click();
  await expect(create.getByText(msg("admin.saved"))).toBeVisible();
  const [created] = await sql<{ role: string; unit_id: number; disabled: boolean }>(
    "SELECT role, unit_id, disabled FROM users WHERE login_name = $1",
    [login],
  );
  expect(created).toEqual({ role: "VIEWER", unit_id: unit!.id, disabled: false });

  // The new account signs in.
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signInAs(user, login, password);

  // Disabling asks for confirmation first.
  const row = admin.getByTestId(`user-${login}`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: msg("admin.users.disableStep.open"), exact: true }).click();
  await expect(row.getByText(msg("admin.users.disableStep.question", { name: login }))).toBeVisible();
  expect(
    (await sql<{ disabled: boolean }>("SELECT disabled FROM users WHERE login_name = $1", [login]))[0]!.disabled,
  ).toBe(false);
  await row.getByRole("button", { name: msg("admin.users.disableStep.submit") }).click();
  await expect(row.getByText(msg("admin.users.disabled"), { exact: true })).toBeVisible();
  expect(
    (await sql<{ disabled: boolean }>("SELECT disabled FROM users WHERE login_name = $1", [login]))[0]!.disabled,
  ).toBe(true);

  // Its open session ends at once, and it cannot sign in again.
  await user.goto("/");
  await expect(user.getByTestId("signed-in-user")).toHaveCount(0);
  const again = await browser.newContext();
  const retry = await again.newPage();
  await trySignIn(retry, login, password);
  await expect(retry.getByText(msg("auth.invalid"))).toBeVisible();
  await expect(retry.getByTestId("signed-in-user")).toHaveCount(0);

  // The audit log shows who did it.
  await admin.goto("/admin/audit?type=user");
  const log = admin.getByTestId("audit-log");
  await expect(
    log
      .getByRole("row")
      .filter({ hasText: login })
      .filter({ hasText: msg("admin.audit.actions.user.disable") }),
  ).toBeVisible();
  await Promise.all([adminContext.close(), userContext.close(), again.close()]);
});

test("an administrator adds an item, retires it, and it keeps its page and history", async ({ page, sql }) => {
  const [rec] = await sql<{ id: number; code: string }>(
    "SELECT id, code FROM items WHERE level = 'RECOMMENDATION' AND retired_at IS NULL ORDER BY code LIMIT 1",
  );
  const title = `端到端新增事项 ${randomBytes(3).toString("hex")}`;
  const reason = `端到端撤销原因 ${randomBytes(3).toString("hex")}`;
  await signInAs(page, "admin");
  await page.goto(`/admin/tree?item=${rec!.code}`);

  const add = page.getByRole("form", { name: msg("admin.tree.addAction") });
  await add.getByLabel(msg("admin.tree.itemTitle"), { exact: true }).fill(title);
  await add.getByRole("button", { name: msg("admin.tree.add"), exact: true }).click();
  const added = () =>
    sql<{ code: string; parent_id: number }>("SELECT code, parent_id FROM items WHERE title = $1", [title]);
  await expect.poll(async () => (await added()).length).toBe(1);
  const [item] = await added();
  await expect(add.getByText(msg("admin.tree.added", { code: item!.code }))).toBeVisible();
  expect(item!.parent_id).toBe(rec!.id);

  await page.goto(`/admin/tree?item=${item!.code}`);
  const retire = page.getByRole("form", { name: msg("admin.tree.retire") });
  await retire.getByLabel(msg("admin.tree.reason"), { exact: true }).fill(reason);
  await retire.getByRole("button", { name: msg("admin.tree.retireStep.open"), exact: true }).click();
  await retire.getByRole("button", { name: msg("admin.tree.retireStep.submit") }).click();
  await expect(page.getByText(msg("admin.tree.retiredDone", { code: item!.code }))).toBeVisible();
  const [after] = await sql<{ retired: boolean; versions: string }>(
    "SELECT retired_at IS NOT NULL AS retired, (SELECT count(*) FROM item_history h WHERE h.item_id = i.id)::text AS versions FROM items i WHERE code = $1",
    [item!.code],
  );
  expect(after).toEqual({ retired: true, versions: "2" });

  // The retired item still has its page, with its whole history.
  await page.goto(`/items/${item!.code}`);
  const history = page.getByTestId("history-entry");
  await expect(history).toHaveCount(2);
  await expect(history.filter({ hasText: msg("historyAction.RETIRE") }).filter({ hasText: reason })).toBeVisible();
  await expect(history.filter({ hasText: msg("historyAction.CREATE") })).toBeVisible();
});

test("the units page tells the 政协 (consultative conferences) from the 人大 and offers the kind", async ({
  page,
  sql,
}) => {
  const units = await sql<{ id: number; short_name: string }>(
    "SELECT id, short_name FROM units WHERE short_name IN ('四川省政协', '重庆市政协', '四川省人大', '重庆市人大')",
  );
  expect(units).toHaveLength(4);
  await signInAs(page, "admin");
  await page.goto("/admin/units");
  for (const u of units) {
    const kind = u.short_name.endsWith("政协") ? "CONSULTATIVE" : "LEGISLATURE";
    await expect(
      page.getByTestId(`unit-${u.id}`).getByRole("cell", { name: msg(`admin.unitKind.${kind}`), exact: true }),
    ).toBeVisible();
  }
  const create = page.getByRole("region", { name: msg("admin.units.create") });
  await expect(
    create
      .getByLabel(msg("admin.units.kind"), { exact: true })
      .getByRole("option", { name: msg("admin.unitKind.CONSULTATIVE") }),
  ).toHaveCount(1);
});

test("an editor opening the administration pages gets 403", async ({ page }) => {
  await signInAs(page, "sc.fgw");
  for (const path of ["/admin", "/admin/users", "/admin/units", "/admin/tree", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: msg("auth.forbiddenTitle") })).toBeVisible();
  }
});
