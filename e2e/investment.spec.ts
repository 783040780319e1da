// The /investment page: it renders with the sample data as it is; after an administrator gives one item figures
// through the item's investment form, the totals are the database's sums, the chart's table alternative holds the
// chart's numbers, the roll-up's dimension switches by keyboard, and axe finds nothing. Bad parameters answer with
// a message. Expected numbers come from SQL here, not from the app's code.
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { signInAs } from "./auth";
import { expect, test, type Sql } from "./fixtures";

const AXE = join(import.meta.dirname, "..", "node_modules", "axe-core", "axe.min.js");

test.describe.configure({ mode: "serial" });

/** The year's figures in the database now, as the page defines them (action items, not retired). */
async function yearSums(sql: Sql, year: number) {
  const [row] = await sql<{ items: number; total: string; planned: string; completed: string }>(
    `SELECT count(*) FILTER (WHERE i.total_investment IS NOT NULL OR y.item_id IS NOT NULL)::int AS items,
            coalesce(sum(i.total_investment), 0)::numeric(20, 2)::text AS total,
            coalesce(sum(y.planned), 0)::numeric(20, 2)::text AS planned,
            coalesce(sum(y.completed), 0)::numeric(20, 2)::text AS completed
       FROM items i LEFT JOIN item_investment_years y ON y.item_id = i.id AND y.year = $1
      WHERE i.level = 'ACTION' AND i.retired_at IS NULL`,
    [year],
  );
  return row!;
}

async function thisYear(page: Page): Promise<number> {
  return Number(await page.getByTestId("year-form").locator('input[name="year"]').inputValue());
}

test.describe("the investment page", () => {
  test("renders with the sample data: the totals are the database's, or it says none are reported", async ({
    page,
    sql,
  }) => {
    await signInAs(page, "leader");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "投资", exact: true }).click();
    await expect(page).toHaveURL(/\/investment$/);
    await expect(page.getByRole("heading", { level: 1, name: "投资情况" })).toBeVisible();
    const year = await thisYear(page);
    const sums = await yearSums(sql, year);
    if (sums.items === 0) {
      await expect(page.getByTestId("empty-state")).toContainText(`${year} 年还没有事项填报投资。`);
    } else {
      for (const key of ["total", "planned", "completed"] as const)
        await expect(page.getByTestId(`investment-${key}`).locator("dd")).toHaveAttribute("data-amount", sums[key]);
    }
  });

  test("with an item's figures: the totals, the chart's numbers in its table, the dimension by keyboard, axe", async ({
    page,
    sql,
  }) => {
    test.setTimeout(120_000);
    // An action item no sample account's unit leads or co-leads, so no other spec edits it.
    const [item] = await sql<{ code: string }>(
      `SELECT i.code FROM items i
        WHERE i.level = 'ACTION' AND i.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.unit_id IN (i.lead_unit_id, i.co_lead_unit_id))
        ORDER BY i.code DESC LIMIT 1`,
    );
    await signInAs(page, "admin");
    await page.goto(`/items/${item!.code}/edit`);
    const form = page.getByTestId("investment-form");
    await form.getByLabel("总投资（万元）").fill("250000.50");
    await form.getByLabel("计划投资（万元）").fill("80000");
    await form.getByLabel("完成投资（万元）").fill("31234.56");
    await form.getByRole("button", { name: "保存投资数据" }).click();
    await expect(form.getByText("投资数据已保存。")).toBeVisible();

    await page.goto("/investment");
    const year = await thisYear(page);
    const sums = await yearSums(sql, year);
    expect(sums.items).toBeGreaterThan(0);
    for (const key of ["total", "planned", "completed"] as const)
      await expect(page.getByTestId(`investment-${key}`).locator("dd")).toHaveAttribute("data-amount", sums[key]);

    // The chart draws one dot per month; its table alternative lists the same months and amounts, the last
    // being the year's 完成投资 now.
    const chart = page.getByTestId("cumulative-chart");
    await chart.scrollIntoViewIfNeeded();
    const values = (await chart.getAttribute("data-values"))!.split(",");
    await expect(chart.locator(".recharts-line-dot")).toHaveCount(values.length);
    const months = page.getByTestId("investment-months");
    await months.getByText("以表格查看数据").click();
    const cells = page.getByTestId("months-table").locator("tbody td[data-amount]");
    await expect(cells).toHaveCount(values.length);
    expect(await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute("data-amount")))).toEqual(values);
    expect(values.at(-1)).toBe(sums.completed);

    // The roll-up's dimension: the switch is links, Tab moves along them and Enter opens the next dimension.
    const rollup = page.getByTestId("investment-rollup");
    const dimensions = rollup.getByRole("navigation", { name: "汇总维度" });
    await expect(dimensions.getByRole("link", { name: "方面" })).toHaveAttribute("aria-current", "page");
    await dimensions.getByRole("link", { name: "方面" }).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(dimensions.getByRole("link", { name: "牵头单位" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/investment\?by=unit#rollup-heading$/);
    await expect(rollup.locator("table")).toHaveAttribute("data-dimension", "unit");
    await expect(dimensions.getByRole("link", { name: "牵头单位" })).toHaveAttribute("aria-current", "page");
    await expect(rollup.getByRole("table", { name: `${year} 年投资，按牵头单位汇总` })).toBeVisible();

    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    });
    expect(violations).toEqual([]);
  });

  test("a bad year or dimension is answered with a message and the default view", async ({ page }) => {
    await signInAs(page, "leader");
    const response = await page.goto("/investment?year=20x6&by=district");
    expect(response!.status()).toBe(200);
    const year = await thisYear(page);
    await expect(page.getByTestId("param-issues").getByRole("listitem")).toHaveText([
      `参数“年度”的值“20x6”未采用： 年度须为 2000 至 2100 之间的整数。 当前显示 ${year} 年。`,
      "参数“汇总维度”的值“district”未采用： 请从列表中选择一个选项。 当前按方面汇总。",
    ]);
    await expect(page.getByTestId("investment-rollup").locator("table")).toHaveAttribute("data-dimension", "pillar");
    await expect(page.getByRole("heading", { level: 1, name: "投资情况" })).toBeVisible();
  });
});
