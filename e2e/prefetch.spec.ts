// Links prefetch a page when the reader reaches for them, not when they scroll into view
// (components/ui/link.tsx, issue 18): the dashboard used to send 27 prefetch requests on every load.
import type { Request } from "@playwright/test";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

/** Next's router marks its prefetch requests with this header (next/dist/client/components/app-router-headers). */
const isPrefetch = (r: Request) => r.headers()["next-router-prefetch"] !== undefined;

test("the dashboard prefetches nothing as it loads; pointing at or focusing a link prefetches that page", async ({
  page,
}) => {
  await signInAs(page, "leader");
  const prefetched: string[] = [];
  page.on("request", (r) => {
    if (isPrefetch(r)) prefetched.push(new URL(r.url()).pathname);
  });
  await page.goto("/");
  // Hydrated, every link on the first screen seen by the router, and the network quiet for 500 ms.
  await page.waitForLoadState("networkidle");
  expect(prefetched).toEqual([]);

  // One prefetch of a page can be more than one request (the route's tree, then its segments).
  const pages = () => [...new Set(prefetched)];
  const nav = page.locator("nav.main-nav");
  await nav.locator('a[href="/items"]').hover();
  await expect.poll(pages).toEqual(["/items"]);
  await nav.locator('a[href="/investment"]').focus();
  await expect.poll(pages).toEqual(["/items", "/investment"]);

  // And the link still navigates inside the app.
  await nav.locator('a[href="/items"]').click();
  await expect(page).toHaveURL(/\/items$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
