// The kept pages of `npm start` (scripts/page-cache/) in the real app and a real browser: a page served again
// runs its scripts under its own nonce, a write shows on the next load, and a session that has ended gets
// nothing kept for it. tests/integration/page-cache.test.ts checks the cache's rules one by one.
import type ZhCommon from "../lib/i18n/messages/zh-CN/common.json";
import type ZhCycle from "../lib/i18n/messages/zh-CN/cycle.json";
import type ZhEditing from "../lib/i18n/messages/zh-CN/editing.json";
import { signInAs, signOut } from "./auth";
import { expect, test } from "./fixtures";
import { catalogue } from "./support/catalogue";

const zhCommon = catalogue<typeof ZhCommon>("common");
const ed = catalogue<typeof ZhEditing>("editing").editing;
const zhCycle = catalogue<typeof ZhCycle>("cycle").cycle;
const EDITOR = "cq.jtw";

test("a kept page runs under its own nonce, shows a write on the next load and is not served once signed out", async ({
  page,
  sql,
}) => {
  const [item] = await sql<{ code: string }>(
    `SELECT i.code FROM items i JOIN users u ON u.unit_id = i.lead_unit_id
      WHERE u.login_name = $1 AND i.retired_at IS NULL AND i.level = 'ACTION'
        AND NOT EXISTS (SELECT 1 FROM progress_updates p WHERE p.item_id = i.id AND p.state = 'SUBMITTED')
      ORDER BY i.code LIMIT 1`,
    [EDITOR],
  );
  expect(item, "the sample data gives the editor's unit an item without a report waiting").toBeDefined();
  const path = `/items/${item!.code}`;
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to execute/i.test(m.text())) refused.push(m.text());
  });
  page.on("pageerror", (e) => refused.push(e.message));

  await signInAs(page, EDITOR, undefined, path);
  // Loaded again, the page is the kept one. (The job runner may write meanwhile — a 催办's notification —
  // and a write rightly means one more render, so the load is repeated until it is served kept.)
  let kept = await page.reload();
  await expect
    .poll(async () => {
      kept = await page.reload();
      return kept!.headers()["x-page-cache"];
    })
    .toBe("hit");
  // Next's client started (its scripts ran under the new nonce) and the page works.
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));
  const cspNonce = /'nonce-([^']+)'/.exec(kept!.headers()["content-security-policy"]!)![1]!;
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...document.scripts].filter((s) => s.nonce).map((s) => s.nonce))).toContain(
    cspNonce,
  );
  expect(refused).toEqual([]);

  // A write: the editor reports on the item; the next full load of the page shows it.
  const note = `kept-page ${item!.code} ${Date.now()}`;
  await page.goto(`${path}/update`);
  await page.getByLabel(ed.update.status).selectOption("IN_PROGRESS");
  await page.getByLabel(ed.update.progress).fill("42");
  await page.getByRole("radio", { name: zhCommon.confidence.GREEN }).check();
  await page.getByLabel(ed.update.note).fill(note);
  await page.getByRole("button", { name: zhCycle.form.submit }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replaceAll(".", "\\.")}(#reports)?$`));
  const fresh = await page.goto(path);
  expect(fresh!.headers()["x-page-cache"]).toBe("miss");
  await expect(page.getByTestId("open-report").filter({ hasText: note })).toHaveAttribute("data-state", "SUBMITTED");
  await expect.poll(async () => (await page.reload())!.headers()["x-page-cache"]).toBe("hit");
  await expect(page.getByTestId("open-report").filter({ hasText: note })).toBeVisible();

  // Signed out: the old session cookie, replayed, is sent to sign in instead of getting the kept page.
  const cookie = (await page.context().cookies())
    .filter((c) => c.name.includes("authjs.session-token"))
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  expect(cookie).not.toBe("");
  await signOut(page);
  const replayed = await page.request.get(path, { headers: { cookie }, maxRedirects: 0 });
  expect(replayed.status()).toBe(307);
  expect(replayed.headers()["location"]).toContain("/login");
  expect(replayed.headers()["x-page-cache"]).not.toBe("hit");
  expect(refused).toEqual([]);
});
