// Every page (listed from app/) renders and hydrates in Chromium without a console error or warning —
// live, as of a past date with a comparison, and the sign-in page signed out.
import type { Page } from "@playwright/test";
import { todayInChina } from "../lib/dates";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";
import { appRoutes, routePath } from "./support/routes";
import { pageId } from "./support/supervision-fixture";

function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") messages.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => messages.push(`${page.url()}: ${e.message}`));
  return messages;
}

test("every page renders without console errors or hydration warnings", async ({ page, sql }) => {
  test.setTimeout(420_000); // every page twice, each waiting for its widgets: minutes on a loaded 2-core machine
  const messages = watchConsole(page);
  await page.goto("/login");
  await expect(page.locator('input[name="loginName"]')).toBeVisible();

  await signInAs(page, "admin");
  const [item] = await sql<{ code: string }>(
    `SELECT code FROM items WHERE level = 'ACTION' AND retired_at IS NULL ORDER BY code LIMIT 1`,
  );
  const day = (daysAgo: number) => todayInChina(new Date(Date.now() - daysAgo * 86_400_000));
  const asOf = `asOf=${day(30)}&compare=${day(120)}`;
  const visited: string[] = [];
  for (const route of appRoutes("page.tsx").filter((r) => r !== "/login")) {
    const path = routePath(route, item!.code, await pageId(route, sql));
    for (const url of [path, `${path}?${asOf}`]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      // Wait until every streamed widget and lazy chart has arrived and hydrated.
      await page.waitForLoadState("networkidle");
      visited.push(url);
    }
  }
  expect(messages).toEqual([]);
  expect(visited.length).toBeGreaterThan(20);
});
