import { expect, test } from "./fixtures";

test.describe("item page", () => {
  test("opens a recommendation from the home page with its excerpt and children", async ({ page, sql }) => {
    const [rec] = await sql<{ id: number; code: string; title: string; source_excerpt: string }>(
      `SELECT id, code, title, source_excerpt FROM items WHERE code = '3.1'`,
    );
    const children = await sql<{ code: string; title: string }>(
      `SELECT code, title FROM items WHERE parent_id = $1 AND retired_at IS NULL ORDER BY sort_order`,
      [rec!.id],
    );
    await page.goto("/");
    await page.getByRole("link", { name: `${rec!.code} ${rec!.title}` }).click();
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
    await expect(page.getByTestId("history").getByRole("listitem")).toHaveCount(Math.min(50, Number(item!.versions)));
    if (item!.lead) await expect(page.getByText(item!.lead, { exact: false }).first()).toBeVisible();
    await expect(page.getByTestId("history").getByRole("listitem").last()).toContainText("创建");
  });

  test("answers an unknown or malformed code with a not-found page, not an error", async ({ page }) => {
    for (const code of ["9.9.9", "not-a-code", "1.1'%20OR%201=1"]) {
      const response = await page.goto(`/items/${code}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "没有找到这个事项。" })).toBeVisible();
    }
  });
});
