// The staff's quick path and its guards, in the real app: posting an update, refusals (UI and forged
// requests), a read-only viewer, and two people editing one item at once.
import type { Page } from "@playwright/test";
import type ZhAuth from "../lib/i18n/messages/zh-CN/auth.json";
import type ZhCommon from "../lib/i18n/messages/zh-CN/common.json";
import type ZhCycle from "../lib/i18n/messages/zh-CN/cycle.json";
import type ZhEditing from "../lib/i18n/messages/zh-CN/editing.json";
import { signInAs, signOut } from "./auth";
import { expect, test, type Sql } from "./fixtures";
import { catalogue } from "./support/catalogue";

const zhAuth = catalogue<typeof ZhAuth>("auth");
const zhCommon = catalogue<typeof ZhCommon>("common");
const zhEditing = catalogue<typeof ZhEditing>("editing");
const zhCycle = catalogue<typeof ZhCycle>("cycle").cycle;
const ed = zhEditing.editing;
const EDITOR = "cq.sthjj";
/** The coordinator who reviews the editor's (Chongqing) unit's items. */
const COORDINATOR = "duban.cq";

/** Open action items where the editor's unit leads, and one item outside all of its units. */
async function itemsOf(sql: Sql, login: string) {
  const [user] = await sql<{ id: number; unit_id: number; display_name: string }>(
    `SELECT id, unit_id, display_name FROM users WHERE login_name = $1`,
    [login],
  );
  const own = await sql<{ id: number; code: string; version: number }>(
    `SELECT id, code, version FROM items WHERE lead_unit_id = $1 AND retired_at IS NULL AND level = 'ACTION' ORDER BY code DESC`,
    [user!.unit_id],
  );
  const [foreign] = await sql<{ id: number; code: string; version: number }>(
    `SELECT i.id, i.code, i.version FROM items i
      WHERE i.retired_at IS NULL AND i.level = 'ACTION' AND i.lead_unit_id <> $1 AND i.co_lead_unit_id IS DISTINCT FROM $1
        AND NOT EXISTS (SELECT 1 FROM item_supporting_units s WHERE s.item_id = i.id AND s.unit_id = $1)
      ORDER BY i.code DESC LIMIT 1`,
    [user!.unit_id],
  );
  expect(own.length, "the sample data gives the editor's unit at least two items").toBeGreaterThanOrEqual(2);
  expect(foreign).toBeDefined();
  return { user: user!, own, foreign: foreign! };
}

async function fillUpdate(page: Page, note: string) {
  await page.getByLabel(ed.update.status).selectOption("IN_PROGRESS");
  await page.getByLabel(ed.update.progress).fill("65");
  await page.getByRole("radio", { name: zhCommon.confidence.AMBER }).check();
  await page.getByLabel(ed.update.note).fill(note);
}

test("an editor posts an update on their own item from “my items” and sees it on the item page and in its history", async ({
  page,
  sql,
}) => {
  const { user, own } = await itemsOf(sql, EDITOR);
  const item = own[0]!;
  await signInAs(page, EDITOR);
  await page.goto("/my-items");
  const row = page.locator(`[data-testid="my-item"][data-code="${item.code}"]`);
  await row.getByRole("link", { name: zhEditing.myItems.postUpdateFor.replace("{code}", item.code) }).click();
  await expect(page).toHaveURL(new RegExp(`/items/${item.code.replaceAll(".", "\\.")}/update$`));

  // Markup in a note is kept as typed and shown as text.
  const note = `进展 ${Date.now()} <b>已完成评审</b><script>window.__pwned = 1</script>`;
  await fillUpdate(page, note);
  await page.getByRole("button", { name: zhCycle.form.submit }).click();

  // Review is on in the sample data: the report waits on the item page as 待审核, the item unchanged.
  await expect(page).toHaveURL(new RegExp(`/items/${item.code.replaceAll(".", "\\.")}(#reports)?$`));
  await expect(page.getByTestId("open-report").filter({ hasText: note })).toHaveAttribute("data-state", "SUBMITTED");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const [pending] = await sql<{ version: number }>(`SELECT version FROM items WHERE id = $1`, [item.id]);
  expect(pending!.version).toBe(item.version);

  // The coordinator of the item's side approves it on the item page; then it is the item's latest update.
  await signOut(page);
  await signInAs(page, COORDINATOR, undefined, `/items/${item.code}`);
  const report = page.getByTestId("open-report").filter({ hasText: note });
  await report.getByRole("button", { name: zhCycle.review.approve }).click();
  await expect(page.getByTestId("open-report").filter({ hasText: note })).toHaveCount(0);
  await expect(page.getByTestId("updates").getByText(note).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const [history] = await sql<{ version: number; action: string; actor_id: number }>(
    `SELECT version, action::text, actor_id FROM item_history WHERE item_id = $1 ORDER BY version DESC LIMIT 1`,
    [item.id],
  );
  expect(history).toMatchObject({ action: "PROGRESS_UPDATE", actor_id: user.id });
  expect(history!.version).toBeGreaterThan(item.version);
  const [state] = await sql<{ status: string; progress: number; confidence: string }>(
    `SELECT status::text, progress, confidence::text FROM items WHERE id = $1`,
    [item.id],
  );
  expect(state).toEqual({ status: "IN_PROGRESS", progress: 65, confidence: "AMBER" });
  const timeline = page.getByTestId("history");
  await expect(timeline.getByRole("listitem").filter({ hasText: user.display_name }).first()).toBeVisible();
});

test("the same editor gets no form for another unit's item, and a forged request for it writes nothing", async ({
  page,
  sql,
}) => {
  const { own, foreign } = await itemsOf(sql, EDITOR);
  await signInAs(page, EDITOR);
  for (const path of [`/items/${foreign.code}/update`, `/items/${foreign.code}/edit`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: zhAuth.auth.forbiddenTitle })).toBeVisible();
    await expect(page.getByTestId("progress-update-form")).toHaveCount(0);
  }

  const count = async () =>
    (
      await sql<{ n: string; v: number }>(
        `SELECT (SELECT count(*) FROM progress_updates WHERE item_id = $1)::text AS n, (SELECT version FROM items WHERE id = $1) AS v`,
        [foreign.id],
      )
    )[0];
  const before = await count();
  await page.goto(`/items/${own[1]!.code}/update`);
  await fillUpdate(page, "伪造的进展");
  // Bypass the UI: the hidden item id now names the other unit's item (as a new report: other specs may have
  // left a report of the unit open on this item, which the form would otherwise carry).
  await page.evaluate(
    ({ id, version }) => {
      (document.querySelector('input[name="itemId"]') as HTMLInputElement).value = String(id);
      (document.querySelector('input[name="expectedVersion"]') as HTMLInputElement).value = String(version);
      (document.querySelector('input[name="reportId"]') as HTMLInputElement).value = "";
      (document.querySelector('input[name="expectedRevision"]') as HTMLInputElement).value = "";
    },
    { id: foreign.id, version: Number(before!.v) },
  );
  // "提交审核", or "修改后重新提交" when the unit's open report on the item is already submitted.
  await page
    .getByTestId("progress-update-form")
    .getByRole("button", { name: new RegExp(`^(${zhCycle.form.submit}|${zhCycle.form.resubmit})$`) })
    .click();
  await expect(page.getByRole("alert").filter({ hasText: zhAuth.actionErrors.forbidden })).toBeVisible();
  expect(await count()).toEqual(before);
});

test("a viewer cannot open the editing pages", async ({ page, sql }) => {
  const { own } = await itemsOf(sql, EDITOR);
  await signInAs(page, "leader");
  for (const path of [`/items/${own[0]!.code}/update`, `/items/${own[0]!.code}/edit`, "/my-items"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await expect(page.locator("form[data-testid]")).toHaveCount(0);
});

test("two people editing one item: the second sees what changed, re-applies, and both changes are kept", async ({
  browser,
  sql,
}) => {
  const { own } = await itemsOf(sql, EDITOR);
  const item = own[1]!;
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const a = await first.newPage();
    const b = await second.newPage();
    await signInAs(a, EDITOR);
    await signInAs(b, "admin");
    await a.goto(`/items/${item.code}/edit`);
    await b.goto(`/items/${item.code}/edit`);
    const [{ version: loaded, weight: oldWeight } = { version: 0, weight: 0 }] = await sql<{
      version: number;
      weight: number;
    }>(`SELECT version, weight FROM items WHERE id = $1`, [item.id]);

    const person = `责任人${Date.now() % 100000}`;
    await a.getByLabel(ed.edit.responsiblePerson).fill(person);
    await a.getByRole("button", { name: ed.edit.submit }).click();
    await expect(a.getByText(ed.edit.saved)).toBeVisible();

    const weight = String(oldWeight === 50 ? 51 : 50);
    await b.getByLabel(ed.edit.weight).fill(weight);
    await b.getByRole("button", { name: ed.edit.submit }).click();
    const conflict = b.getByTestId("conflict");
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(ed.conflict.title);
    await expect(conflict).toContainText(person);
    // The admin's own entry is still in the form.
    await expect(b.getByLabel(ed.edit.weight)).toHaveValue(weight);
    await conflict.getByRole("button", { name: ed.conflict.reapplyEdit }).click();
    await expect(b.getByText(ed.edit.saved)).toBeVisible();

    const [state] = await sql<{ responsible_person: string; weight: number }>(
      `SELECT responsible_person, weight FROM items WHERE id = $1`,
      [item.id],
    );
    expect(state).toEqual({ responsible_person: person, weight: Number(weight) });
    const history = await sql<{ changed_fields: string[] }>(
      `SELECT changed_fields FROM item_history WHERE item_id = $1 AND version > $2 ORDER BY version`,
      [item.id, loaded],
    );
    expect(history.map((h) => h.changed_fields)).toEqual([["responsiblePerson"], ["weight"]]);
  } finally {
    await first.close();
    await second.close();
  }
});
