import { expect, test } from "./fixtures";

test.describe("home page", () => {
  test("shows the five pillars with the item counts in the database", async ({ page, sql }) => {
    const counts = await sql<{ number: number; recs: string; actions: string }>(
      `SELECT p.number,
              count(*) FILTER (WHERE i.level = 'RECOMMENDATION')::text AS recs,
              count(*) FILTER (WHERE i.level = 'ACTION')::text AS actions
         FROM pillars p LEFT JOIN items i ON i.pillar_id = p.id AND i.retired_at IS NULL
        GROUP BY p.number ORDER BY p.number`,
    );
    expect(counts).toHaveLength(5);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("成渝地区双城经济圈建设工作建议落实跟踪");
    for (const c of counts) {
      const card = page.getByTestId(`pillar-${c.number}`);
      await expect(card.getByTestId("recommendation-count")).toHaveText(c.recs);
      await expect(card.getByTestId("action-count")).toHaveText(c.actions);
      expect(Number(c.actions)).toBeGreaterThan(0);
    }
    await expect(page.getByRole("heading", { name: "优化空间格局：让优势互补、全域共兴" })).toBeVisible();
  });

  test("marks sample data when it is loaded", async ({ page, sql }) => {
    const [row] = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM datasets WHERE key = 'sample'`);
    await page.goto("/");
    await expect(page.getByTestId("sample-badge")).toHaveCount(Number(row!.n) > 0 ? 1 : 0);
    expect(row!.n).toBe("1");
    await expect(page.getByRole("note")).toContainText("示例数据");
  });

  test("lists the eight joint conferences with their themes", async ({ page, sql }) => {
    const conferences = await sql<{ theme: string }>(`SELECT theme FROM conferences ORDER BY number`);
    expect(conferences).toHaveLength(8);
    await page.goto("/");
    for (const c of conferences) await expect(page.getByText(c.theme, { exact: true })).toBeVisible();
  });

  test("switches every visible label to English and back", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("语言").selectOption("en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chengdu–Chongqing Twin-City Economic Circle: recommendation tracker");
    await expect(page.getByRole("heading", { name: "Five pillars" })).toBeVisible();
    await expect(page.getByText("Pillar 1", { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Five pillars" })).toBeVisible();
    await page.getByLabel("Language").selectOption("zh-CN");
    await expect(page.getByRole("heading", { name: "五个方面" })).toBeVisible();
  });
});
