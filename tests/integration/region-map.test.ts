// The dashboard map against the sample database: every region the database holds is on the map, and the map's
// colours and figures are the regions table's numbers — the table and the map read one query
// (querySideAndRegionBreakdown) — live and as of a past day. The items list a region's link opens holds the
// items the map counts for it.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RegionMapSvg } from "../../components/dashboard/region-map";
import { endOfDay, todayInChina } from "../../lib/dates";
import { classOf, figureOf, withFigures, type MapMode } from "../../lib/map/figures";
import { layoutMap } from "../../lib/map/layout";
import { querySideAndRegionBreakdown } from "../../lib/queries/dashboard";
import { countItems } from "../../lib/queries/items-list";
import { queryMapRegions } from "../../lib/queries/map";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

describe("the dashboard map", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
  }, 120_000);
  afterAll(async () => t.drop());

  it("places every region of the database", async () => {
    const regions = await queryMapRegions(t.db);
    expect(regions.length).toBe(await t.db.region.count());
    expect(regions.length).toBeGreaterThan(20);
    const layout = layoutMap(withFigures(regions, []), (r) => r.name);
    expect(layout.unplaced).toEqual([]);
    expect(layout.shapes.length + layout.markers.length).toBe(regions.length);
  });

  const today = todayInChina();
  const pastDay = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
  for (const [label, moment] of [
    ["live", { before: null, day: today }],
    ["90 days ago", { before: endOfDay(pastDay), day: pastDay }],
  ] as const) {
    it(`colours each region from the regions table's row, and its link lists what it counts (${label})`, async () => {
      const [{ regions: rows }, regions] = await Promise.all([
        querySideAndRegionBreakdown(t.db, moment),
        queryMapRegions(t.db),
      ]);
      expect(rows.length).toBeGreaterThan(5);
      const figures = withFigures(regions, rows);
      for (const mode of ["progress", "overdue"] as MapMode[]) {
        const svg = renderToStaticMarkup(
          createElement(RegionMapSvg, {
            layout: layoutMap(figures, (r) => r.name),
            mode,
            text: {
              title: "map",
              figure: (r) => String(figureOf(mode, r)),
              name: {
                items: "{label}",
                none: "{label}",
                spans: "",
                end: "",
                noValue: "—",
                side: { SICHUAN: "四川", CHONGQING: "重庆", JOINT: "川渝", NATIONAL: "国家" },
              },
              sideName: { SICHUAN: "四川", CHONGQING: "重庆" },
            },
            asOf: null,
          }),
        );
        const drawn = new Map(
          [...svg.matchAll(/<a [^>]*data-region="([^"]+)" data-class="([^"]+)" data-value="([^"]*)"/g)].map((m) => [
            m[1]!,
            { key: m[2]!, value: m[3]! },
          ]),
        );
        expect(drawn.size).toBe(regions.length);
        for (const region of regions) {
          const row = rows.find((r) => r.id === region.id);
          const on = drawn.get(region.name)!;
          if (!row) {
            // no action item names it: the table has no row, the map says "no items"
            expect(on, region.name).toEqual({ key: "none", value: "" });
            continue;
          }
          const value = mode === "progress" ? row.progress : row.overdue;
          expect(on.value, `${mode} ${region.name}`).toBe(value === null ? "" : String(value));
          expect(on.key, `${mode} ${region.name}`).toBe(classOf(mode, row).key);
        }
      }
      // the list a region's link opens holds the items the map and the table count for it
      for (const row of rows) {
        const filters = { level: "ACTION" as const, region: row.id };
        expect(await countItems(t.db, filters, moment), row.key ?? "").toBe(row.items);
        expect(await countItems(t.db, { ...filters, overdue: true }, moment), row.key ?? "").toBe(row.overdue);
      }
    });
  }
});
