// The dashboard map's weight: its markup is in the dashboard's HTML (and its compact rows in the RSC payload inlined
// in that HTML: the map is a client leaf, region-map-view.tsx), issue 18: the whole dashboard ≤ 80 KB. Outline path data is written
// once (extents <use> it), in whole units, relative; labels and figures are what remains. Measured in
// bench/RESULTS.md ("Map"); this fails if the map grows back past its budget.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RegionMapSvg, type RegionMapText } from "../../components/dashboard/region-map";
import { compactPathPoints, CompactPath } from "../../lib/map/compact-path";
import { figureOf, withFigures, type MapMode } from "../../lib/map/figures";
import { layoutMap, mapSprite } from "../../lib/map/layout";
import { regions as seedRegions } from "../../prisma/seed/document/regions";

/**
 * Bytes of the map's markup (the SVG element as the server renders it into the HTML; the RSC payload carries
 * its rows, about a third as much). 13.9 KB measured here (a /_next/static sprite URL adds about 0.6 KB); it was 143 KB
 * with the outlines' path data inline and drawn twice.
 */
const MAP_MARKUP_BUDGET = 16_000;
/** Bytes of the sprite the map draws its geometry from: a static file, fetched once and cached. */
const SPRITE_BUDGET = 70_000;
const SPRITE_FILE = fileURLToPath(new URL("../../lib/map/map-sprite.svg", import.meta.url));
const SPRITE = existsSync(SPRITE_FILE) ? readFileSync(SPRITE_FILE, "utf8") : "";
/** what vitest (Vite) gives for the sprite's static import; Next.js gives a /_next/static/media/ URL */
const SPRITE_PATH = "/lib/map/map-sprite.svg";

const regions = seedRegions.map((r, i) => ({ id: i + 1, ...r }));
// the heaviest case: every region has items (so every link carries all its figures and data-count)
const figures = withFigures(
  regions,
  regions.map((r, i) => ({ id: r.id, items: 10 + i, progress: (i * 37) % 101, completed: i % 7, overdue: i % 5 })),
);
// names shaped like the zh-CN catalogue's (lib/i18n/messages/zh-CN/map.json regionLabel, spans, opensList)
const text = (mode: MapMode): RegionMapText => ({
  title: "川渝两侧地区分布图",
  figure: (r) => (mode === "progress" ? `${figureOf(mode, r)}%` : `逾期 ${r.overdue}`),
  name: {
    items: "{label}（{side}）：{items} 项事项，进度 {progress}，已完成 {completed} 项，逾期 {overdue} 项",
    none: "{label}（{side}）：暂无关联事项",
    spans: "，跨四川、重庆两侧",
    end: "，打开事项列表",
    noValue: "—",
    side: { SICHUAN: "四川", CHONGQING: "重庆", JOINT: "川渝共同", NATIONAL: "国家" },
  },
  sideName: { SICHUAN: "四川省", CHONGQING: "重庆市" },
});
const render = (mode: MapMode) =>
  renderToStaticMarkup(
    createElement(RegionMapSvg, {
      layout: layoutMap(figures, (r) => `${r.name} ${text(mode).figure(r)}`),
      mode,
      text: text(mode),
      asOf: null,
    }),
  );

describe("the map's size", () => {
  for (const mode of ["progress", "overdue"] as const) {
    it(`stays within ${MAP_MARKUP_BUDGET} bytes of markup (${mode})`, () => {
      const svg = render(mode);
      expect(Buffer.byteLength(svg)).toBeLessThanOrEqual(MAP_MARKUP_BUDGET);
    });
  }

  it("carries no geometry: every outline, extent and boundary is a <use> of the sprite", () => {
    const svg = render("progress");
    // the only path data in the page is 高竹新区's few points of boundary drawn through its marker
    const paths = [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]!);
    expect(paths.join("").length).toBeLessThan(200);
    const ids = new Set([...SPRITE.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]!));
    const uses = [...svg.matchAll(/<use href="([^"#]*)#([^"]+)"/g)];
    expect(uses.length).toBeGreaterThan(20);
    for (const [, url, id] of uses) {
      expect(url).toBe(SPRITE_PATH);
      expect(ids.has(id!), id).toBe(true);
    }
  });
});

describe("the sprite", () => {
  it("is what the code draws (UPDATE_MAP_SPRITE=1 rewrites it)", () => {
    if (process.env.UPDATE_MAP_SPRITE === "1") writeFileSync(SPRITE_FILE, mapSprite());
    expect(SPRITE).toBe(mapSprite());
  });

  it(`stays within ${SPRITE_BUDGET} bytes, and its paths carry no paint of their own`, () => {
    expect(Buffer.byteLength(SPRITE)).toBeLessThanOrEqual(SPRITE_BUDGET);
    expect(SPRITE).not.toMatch(/<path [^>]*(fill|stroke|class|style)=/);
  });
});

describe("CompactPath", () => {
  const encode = (rings: [number, number][][], closed = true) => {
    const c = new CompactPath();
    for (const ring of rings) {
      c.moveTo(...ring[0]!);
      for (const p of ring.slice(1)) c.lineTo(...p);
      if (closed) c.closePath();
    }
    return c.result();
  };

  it("writes whole units, relative after the first point, one command letter per run", () => {
    expect(
      encode([
        [
          [10.4, 20.6],
          [13.2, 18.9],
          [15, 25],
          [10.2, 20.9],
        ],
      ]),
    ).toBe("M10 21l3-2 2 6z");
    expect(
      encode(
        [
          [
            [0, 0],
            [5, 0],
          ],
        ],
        false,
      ),
    ).toBe("M0 0l5 0");
  });

  it("reads back as the rounded points, across subpaths, and leaves out rings rounding collapses", () => {
    const rings: [number, number][][] = [
      [
        [100.2, 100.4],
        [120.7, 99.6],
        [110, 130.2],
      ],
      [
        [300.4, 300.4],
        [300.6, 300.3],
        [300.2, 300.1],
      ], // collapses to one point
      [
        [200, 50],
        [260.4, 40.5],
        [230, 90.5],
        [200.3, 49.9],
      ],
    ];
    const d = encode(rings);
    expect(compactPathPoints(d)).toEqual([
      [
        [100, 100],
        [121, 100],
        [110, 130],
      ],
      [
        [200, 50],
        [260, 41],
        [230, 91],
      ],
    ]);
  });
});
