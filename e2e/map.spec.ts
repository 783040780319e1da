// The dashboard's map of both sides: drawn on the server, so it is there with JavaScript disabled; every region
// is a link reachable by keyboard with a visible focus; the mode toggle is a plain link; axe finds nothing on
// the dashboard in either mode. Expected numbers come from SQL here, not from the app's code.
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

const AXE = join(import.meta.dirname, "..", "node_modules", "axe-core", "axe.min.js");

/** A signed-in page in a browser context with JavaScript disabled (the session comes from a normal one). */
async function pageWithoutJavaScript(browser: Browser): Promise<Page> {
  const signing = await browser.newContext();
  const page = await signing.newPage();
  await signInAs(page, "leader");
  const storageState = await signing.storageState();
  await signing.close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  return context.newPage();
}

const map = (page: Page) => page.getByTestId("region-map").locator("svg");

test.describe("the dashboard map", () => {
  test("renders with JavaScript disabled: every region a named link, figures as in the regions table", async ({
    browser,
    sql,
  }) => {
    const regions = await sql<{ name: string }>(`SELECT name FROM regions ORDER BY id`);
    const page = await pageWithoutJavaScript(browser);
    await page.goto("/?view=regions");
    await expect(map(page)).toBeVisible();
    await expect(map(page)).toHaveAttribute("data-mode", "progress");
    const links = map(page).locator("a");
    await expect(links).toHaveCount(regions.length);
    expect(await map(page).locator("script").count()).toBe(0);
    for (const { name } of regions) {
      const link = map(page).locator(`a[data-region="${name}"]`);
      await expect(link, name).toHaveAttribute("href", /^\/items\?level=ACTION&region=\d+$/);
      await expect(link, name).toHaveAccessibleName(new RegExp(`^${name} `));
    }
    // the outlines come from the static sprite (lib/map/map-sprite.svg): it is served, and a region's <use> draws
    const shape = map(page).locator('a[data-region="成都"] use');
    const sprite = await page.request.get((await shape.getAttribute("href"))!.split("#")[0]!);
    expect(sprite.status()).toBe(200);
    expect(sprite.headers()["content-type"]).toContain("image/svg+xml");
    await expect.poll(() => shape.evaluate((u) => (u as SVGGraphicsElement).getBBox().width)).toBeGreaterThan(20);
    // 高竹新区 is drawn astride the boundary and says so in its name
    const gaozhu = map(page).locator('a[data-region="高竹新区"]');
    await expect(gaozhu).toHaveAccessibleName(/跨四川、重庆两侧/);
    // a region's figure on the map is its row of the "by region" table
    const table = page.getByRole("table", { name: "按涉及地区" });
    const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: "成都", exact: true }) });
    const progress = (await row.getByRole("cell").nth(1).textContent())!.trim();
    await expect(map(page).locator('a[data-region="成都"] text')).toContainText(progress);

    // the toggle is a plain link: it works without JavaScript
    await page.getByRole("navigation", { name: "着色依据" }).getByRole("link", { name: "按逾期事项" }).click();
    await expect(page).toHaveURL(/[?&]map=overdue/);
    await expect(map(page)).toHaveAttribute("data-mode", "overdue");
    const overdue = (await row.getByRole("cell").nth(3).textContent())!.trim();
    await expect(map(page).locator('a[data-region="成都"]')).toHaveAttribute("data-value", overdue);
    await page.context().close();
  });

  test("Tab reaches a region, its focus is visible, Enter opens the list filtered to it", async ({ browser, sql }) => {
    const page = await pageWithoutJavaScript(browser);
    await page.goto("/?view=regions");
    const toggle = page.getByRole("navigation", { name: "着色依据" }).getByRole("link", { name: "按逾期事项" });
    await toggle.focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      return {
        inMap: a?.closest('[data-testid="region-map"] svg') !== null,
        name: a?.getAttribute("aria-label") ?? "",
        region: a?.getAttribute("data-region") ?? "",
        href: a?.getAttribute("href") ?? "",
        // a shape is a <use> of the sprite's outline, a marker's box a <rect>
        stroke: a?.querySelector("use, rect") ? getComputedStyle(a.querySelector("use, rect")!).stroke : "",
      };
    });
    expect(focused.inMap).toBe(true);
    expect(focused.name).toContain(focused.region);
    // the focus ring's amber (#f59e0b) edge
    expect(focused.stroke).toBe("rgb(245, 158, 11)");
    const [region] = await sql<{ id: number }>(`SELECT id FROM regions WHERE name = $1`, [focused.region]);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/items\\?level=ACTION&region=${region!.id}$`));
    const count = Number(await page.getByTestId("result-count").getAttribute("data-count"));
    expect(focused.name).toContain(`${count} 项事项`);
    await page.context().close();
  });

  // Every view of the dashboard, the map in both colourings.
  for (const [name, path, widget] of [
    ["the overview", "/", "headline"],
    ["units and ratings", "/?view=units", "units"],
    ["the map by progress", "/?view=regions", "region-map"],
    ["the map by overdue", "/?view=regions&map=overdue", "region-map"],
    ["updates and conferences", "/?view=activity", "conferences"],
  ] as const) {
    test(`axe finds no violations on the dashboard: ${name}`, async ({ page }) => {
      test.setTimeout(120_000);
      await signInAs(page, "leader");
      await page.goto(path);
      await expect(page.getByTestId(widget)).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } }).axe;
        const result = await axe.run({
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return (result.violations as { id: string; nodes: { target: string[]; failureSummary: string }[] }[]).map(
          (v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`) }),
        );
      });
      expect(violations).toEqual([]);
    });
  }
});
