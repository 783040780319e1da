import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

test.describe("item page", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "leader");
  });

  test("opens a recommendation from its pillar page with its excerpt and children", async ({ page, sql }) => {
    const [rec] = await sql<{ id: number; code: string; title: string; source_excerpt: string }>(
      `SELECT id, code, title, source_excerpt FROM items WHERE code = '3.1'`,
    );
    const children = await sql<{ code: string; title: string }>(
      `SELECT code, title FROM items WHERE parent_id = $1 AND retired_at IS NULL ORDER BY sort_order`,
      [rec!.id],
    );
    await page.goto("/pillars/3");
    await page.locator("#rec-3\\.1").getByRole("link", { name: rec!.title, exact: true }).click();
    await expect(page).toHaveURL(/\/items\/3\.1$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(rec!.title);
    await expect(page.getByTestId("source-excerpt")).toHaveText(rec!.source_excerpt);
    await expect(page.getByTestId("children").getByRole("listitem")).toHaveCount(children.length);
    await page.getByRole("link", { name: `${children[0]!.code} ${children[0]!.title}` }).click();
    await expect(page).toHaveURL(new RegExp(`/items/${children[0]!.code.replaceAll(".", "\\.")}$`));
  });

  test("shows an action item's fields and its history from the database", async ({ page, sql }) => {
    // The action item with the longest history in the sample data.
    const [item] = await sql<{ id: number; code: string; title: string; versions: string; lead: string | null }>(
      `SELECT i.id, i.code, i.title, count(h.id)::text AS versions, u.name AS lead
         FROM items i JOIN item_history h ON h.item_id = i.id LEFT JOIN units u ON u.id = i.lead_unit_id
        WHERE i.level = 'ACTION' GROUP BY i.id, u.name ORDER BY count(h.id) DESC, i.id LIMIT 1`,
    );
    await page.goto(`/items/${item!.code}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(item!.title);
    await expect(page.getByTestId("history-entry")).toHaveCount(Math.min(100, Number(item!.versions)));
    if (item!.lead) await expect(page.getByTestId("item-fields")).toContainText(item!.lead);
    await expect(page.getByTestId("history-entry").last()).toContainText("创建");
  });

  test("shows no writer buttons to a read-only leader", async ({ page, sql }) => {
    const [item] = await sql<{ code: string }>(`SELECT code FROM items WHERE level = 'ACTION' ORDER BY id LIMIT 1`);
    await page.goto(`/items/${item!.code}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "发布进展" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "编辑", exact: true })).toHaveCount(0);
  });

  test("flags a jointly led item whose two sides report differently", async ({ page, sql }) => {
    // Latest approved update per side for each jointly led item (a report counts from its approval); pick one
    // where they differ, if the sample has one.
    const rows = await sql<{
      code: string;
      sc_status: string;
      cq_status: string;
      sc_progress: number;
      cq_progress: number;
    }>(
      `WITH latest AS (
         SELECT DISTINCT ON (pu.item_id, u.side) pu.item_id, u.side, pu.status::text AS status, pu.progress
           FROM progress_updates pu JOIN units u ON u.id = pu.unit_id
          WHERE u.side IN ('SICHUAN', 'CHONGQING') AND pu.state = 'APPROVED'
          ORDER BY pu.item_id, u.side, pu.decided_at DESC, pu.id DESC)
       SELECT i.code, s.status AS sc_status, c.status AS cq_status, s.progress AS sc_progress, c.progress AS cq_progress
         FROM items i JOIN units l ON l.id = i.lead_unit_id LEFT JOIN units co ON co.id = i.co_lead_unit_id
         JOIN latest s ON s.item_id = i.id AND s.side = 'SICHUAN'
         JOIN latest c ON c.item_id = i.id AND c.side = 'CHONGQING'
        WHERE l.side = 'JOINT' OR (co.id IS NOT NULL AND co.side <> l.side)
        ORDER BY (s.status <> c.status OR s.progress <> c.progress) DESC, i.id LIMIT 1`,
    );
    expect(rows.length).toBe(1);
    const r = rows[0]!;
    await page.goto(`/items/${r.code}`);
    await expect(page.getByTestId("side-reports").locator("[data-side]")).toHaveCount(2);
    const disagree = r.sc_status !== r.cq_status || r.sc_progress !== r.cq_progress;
    await expect(page.getByTestId("sides-verdict")).toHaveText(disagree ? /不一致/ : /一致/);
  });

  test("offers posting and editing only to the item's own units", async ({ browser, sql }) => {
    const [own] = await sql<{ login_name: string; code: string; unit_id: number }>(
      `SELECT u.login_name, i.code, u.unit_id FROM users u JOIN items i ON i.lead_unit_id = u.unit_id
        WHERE u.role = 'EDITOR' AND NOT u.disabled AND i.retired_at IS NULL ORDER BY u.id, i.id LIMIT 1`,
    );
    const [other] = await sql<{ code: string }>(
      `SELECT i.code FROM items i WHERE i.level = 'ACTION' AND i.retired_at IS NULL
          AND i.lead_unit_id IS DISTINCT FROM $1 AND i.co_lead_unit_id IS DISTINCT FROM $1
          AND NOT EXISTS (SELECT 1 FROM item_supporting_units s WHERE s.item_id = i.id AND s.unit_id = $1)
        ORDER BY i.id LIMIT 1`,
      [own!.unit_id],
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, own!.login_name);
    await page.goto(`/items/${own!.code}`);
    await expect(page.getByRole("link", { name: "发布进展" })).toHaveAttribute("href", `/items/${own!.code}/update`);
    await expect(page.getByRole("link", { name: "编辑", exact: true })).toHaveAttribute(
      "href",
      `/items/${own!.code}/edit`,
    );
    await page.goto(`/items/${other!.code}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "发布进展" })).toHaveCount(0);
    await context.close();
  });

  test("answers an unknown or malformed code with a not-found page, not an error", async ({ page }) => {
    for (const code of ["9.9.9", "not-a-code", "1.1'%20OR%201=1"]) {
      const response = await page.goto(`/items/${code}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "没有找到这个事项。" })).toBeVisible();
    }
  });
});
