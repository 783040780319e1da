// Every link that promises a number ("共 19 项", "12 项事项", a figure, a count in a table row) opens a view
// that shows exactly that number, live and as of a past day. A count link carries its promise in
// `data-count` (and, when it opens something other than the items list, `data-count-rows`: the test id of
// the rows it promises); a link that looks like a count but lacks the marker fails the test, so a new
// unmarked count link cannot slip by.
import type { Page } from "@playwright/test";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

interface CountLink {
  /** the page it was found on */
  from: string;
  text: string;
  href: string;
  count: number;
  /** test id of the rows the target shows; null = the items list (its total) */
  rows: string | null;
  /** the promised number is shown: in the link's text or name, or in a cell of its table row */
  shown: boolean;
}

/**
 * Every marked link of the current page, and a description of each link that looks like it promises a count
 * but is not marked: its text or name states "共 N 项" / "N 项" / "N 个" / "N 条" / "N items" or is a bare
 * number, or it opens the items list and carries a number in its text or in a cell of its table row.
 */
async function collect(page: Page): Promise<{ marked: CountLink[]; unmarked: string[] }> {
  const from = new URL(page.url()).pathname + new URL(page.url()).search;
  const found = await page.locator("a[href]").evaluateAll((anchors) =>
    anchors.map((a) => {
      const cell = a.closest("td, th");
      const row = a.closest("tr");
      const cells = row ? [...row.querySelectorAll("td, th")].filter((c) => c !== cell) : [];
      return {
        href: a.getAttribute("href") ?? "",
        // an <a> inside the map's SVG has no string href property: resolve the attribute
        path: new URL(a.getAttribute("href") ?? "", document.baseURI).pathname,
        text: (a.textContent ?? "").replace(/\s+/g, " ").trim(),
        label: a.getAttribute("aria-label") ?? "",
        count: a.getAttribute("data-count"),
        rows: a.getAttribute("data-count-rows"),
        rowNumbers: cells.map((c) => (c.textContent ?? "").trim()).filter((s) => /^\d+$/.test(s)),
      };
    }),
  );
  const COUNT_WORDS = /共\s*\d+\s*项|\d+\s*(项|个|条)|\b\d+\s+items?\b|^\d+$/i;
  const marked: CountLink[] = [];
  const unmarked: string[] = [];
  for (const a of found) {
    const numbers: string[] = `${a.text} ${a.label}`.match(/\d+/g) ?? [];
    if (a.count !== null) {
      marked.push({
        from,
        text: a.text,
        href: a.href,
        count: Number(a.count),
        rows: a.rows,
        shown: numbers.includes(a.count) || (numbers.length === 0 && a.rowNumbers.includes(a.count)),
      });
      continue;
    }
    // An item page's link shows the item's code and title, which are no promise.
    if (/^\/items\/[^/]+$/.test(a.path)) continue;
    // The header's bell states the person's unread notifications now, whatever day the page shows; the page it
    // opens states the same unread count (e2e/notifications.spec.ts), not a list of that many rows.
    if (a.path === "/notifications") continue;
    const toList = a.path === "/items";
    if (
      COUNT_WORDS.test(a.text) ||
      COUNT_WORDS.test(a.label) ||
      (toList && (numbers.length > 0 || a.rowNumbers.length > 0))
    )
      unmarked.push(`${from}: "${a.text}" → ${a.href}`);
  }
  return { marked, unmarked };
}

/** The dashboard's widgets stream in: wait until every one has replaced its placeholder. */
/** The widgets of each view of the dashboard (app/page.tsx). */
const VIEW_WIDGETS: Record<string, string[]> = {
  overview: ["headline", "pillar-progress", "distributions", "attention"],
  units: ["units"],
  regions: ["sides"],
  activity: ["conferences"],
};

async function dashboardLoaded(page: Page, view: string, live = false): Promise<void> {
  for (const id of VIEW_WIDGETS[view]!) await expect(page.getByTestId(id)).toBeVisible();
  // The current reporting period is shown live only.
  if (live && view === "overview") await expect(page.getByTestId("current-period")).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Opens each link and checks that its target shows the promised number; returns how many were followed. */
async function follow(page: Page, links: CountLink[], asOf: string | null): Promise<number> {
  const seen = new Set<string>();
  for (const link of links) {
    const what = `${link.from}: "${link.text}" (${link.count}) → ${link.href}`;
    expect.soft(link.shown, `${what}: the promised number is shown next to the link`).toBe(true);
    const target = new URL(link.href, "http://app");
    // The target shows the same moment as the page the link is on.
    expect.soft(target.searchParams.get("asOf"), `${what}: carries the page's as-of day`).toBe(asOf);
    const key = `${link.href}|${link.count}|${link.rows}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (link.rows === null) {
      expect(target.pathname, `${what}: opens the items list`).toBe("/items");
      const response = await page.request.get(link.href);
      expect(response.status(), what).toBe(200);
      const html = await response.text();
      expect.soft(html, `${what}: every filter of the link is understood`).not.toContain('data-testid="param-issues"');
      if (asOf !== null)
        expect.soft(html, `${what}: the list is as of ${asOf}`).toContain('data-testid="as-of-banner"');
      const total = /data-testid="result-count" data-count="(\d+)"/.exec(html)?.[1];
      expect(total, `${what}: the list shows its total`).toBeDefined();
      expect.soft(Number(total), `${what}: the list holds the promised number of items`).toBe(link.count);
    } else {
      await page.goto(link.href);
      await expect.soft(page.getByTestId(link.rows), what).toHaveCount(link.count);
    }
  }
  return seen.size;
}

/** A day about two months back, in China (UTC+8): the sample data's history covers it. */
function pastDay(): string {
  return new Date(Date.now() + 8 * 3_600_000 - 60 * 86_400_000).toISOString().slice(0, 10);
}

test.describe("links that promise a count", () => {
  for (const when of ["live", "as of a past day"] as const) {
    test(`on the dashboard, ${when}: each opens a view with exactly that many`, async ({ page }) => {
      // every link is followed, the map's regions too (about 27 more since the map)
      test.setTimeout(420_000);
      const asOf = when === "live" ? null : pastDay();
      await signInAs(page, "leader");
      // Every view; the units' with every unit row shown, and without, so both states of the toggle are followed.
      const links: CountLink[] = [];
      const at = asOf ? `asOf=${asOf}` : "";
      for (const [view, query] of [
        ["overview", at],
        ["units", `view=units&${at}`],
        ["units", `view=units&units=all&${at}`],
        ["regions", `view=regions&${at}`],
        ["activity", `view=activity&${at}`],
      ] as const) {
        const path = `/?${query}`.replace(/&$/, "").replace(/\?$/, "");
        await page.goto(path || "/");
        await dashboardLoaded(page, view, asOf === null);
        const { marked, unmarked } = await collect(page);
        expect.soft(unmarked, "links that state a count without data-count").toEqual([]);
        links.push(...marked);
      }
      // Every widget that links to a list is there (the attention panel only links when it has more rows).
      expect(links.length).toBeGreaterThan(40);
      // Live, the current period's figures link to its obligation lists (all, by side, by unit): each followed.
      const periodLinks = links.filter((l) => l.rows === "obligation-row" && l.href.startsWith("/periods/"));
      if (asOf === null) expect(periodLinks.length).toBeGreaterThanOrEqual(18);
      else expect(periodLinks).toEqual([]);
      const followed = await follow(page, links, asOf);
      console.log(`count links followed on dashboard ${when}: ${followed} links`);
    });

    test(`on the pillar pages, ${when}: each opens a list with exactly that many`, async ({ page, sql }) => {
      test.setTimeout(180_000);
      const asOf = when === "live" ? null : pastDay();
      const pillars = await sql<{ number: number }>(`SELECT number FROM pillars ORDER BY number`);
      expect(pillars.length).toBe(5);
      await signInAs(page, "leader");
      const links: CountLink[] = [];
      for (const p of pillars) {
        await page.goto(`/pillars/${p.number}${asOf ? `?asOf=${asOf}` : ""}`);
        await expect(page.getByTestId("pillar-progress")).toBeVisible();
        const { marked, unmarked } = await collect(page);
        expect.soft(unmarked, "links that state a count without data-count").toEqual([]);
        expect.soft(marked.length, `pillar ${p.number} links its counts`).toBeGreaterThan(0);
        links.push(...marked);
      }
      const followed = await follow(page, links, asOf);
      console.log(`count links followed on pillar pages ${when}: ${followed} links`);
    });

    test(`on item pages, ${when}: each opens a list with exactly that many`, async ({ page, sql }) => {
      const asOf = when === "live" ? null : pastDay();
      // A recommendation with actions, an action led jointly, and an overdue action.
      const codes = await sql<{ code: string }>(`
        (SELECT p.code FROM items p WHERE p.level = 'RECOMMENDATION' AND p.retired_at IS NULL
           AND EXISTS (SELECT 1 FROM items c WHERE c.parent_id = p.id) ORDER BY p.id LIMIT 1)
        UNION ALL
        (SELECT code FROM items WHERE level = 'ACTION' AND co_lead_unit_id IS NOT NULL AND retired_at IS NULL ORDER BY id LIMIT 1)
        UNION ALL
        (SELECT code FROM items WHERE level = 'ACTION' AND retired_at IS NULL AND status NOT IN ('COMPLETED', 'CANCELLED')
           AND due_date < (now() AT TIME ZONE 'Asia/Shanghai')::date - 90 ORDER BY id LIMIT 1)`);
      expect(codes.length).toBe(3);
      await signInAs(page, "leader");
      const links: CountLink[] = [];
      for (const { code } of codes) {
        await page.goto(`/items/${code}${asOf ? `?asOf=${asOf}` : ""}`);
        await expect(page.getByTestId("source-excerpt")).toBeVisible();
        const { marked, unmarked } = await collect(page);
        expect.soft(unmarked, "links that state a count without data-count").toEqual([]);
        links.push(...marked);
      }
      const followed = await follow(page, links, asOf);
      console.log(`count links followed on item pages ${when}: ${followed} links`);
    });
  }
});
