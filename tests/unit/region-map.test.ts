// The dashboard map's layout and markup (lib/map, components/dashboard/region-map.tsx), without a database: every
// region of the document seed (the regions a database holds) is placed, the SVG carries no script, and every
// region is a link with an accessible name.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { geoArea } from "d3-geo";
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RegionMapSvg, type RegionMapText } from "../../components/dashboard/region-map";
import { regionName, type RegionLink } from "../../components/dashboard/region-map-view";
import boundaries from "../../lib/map/boundaries.json";
import {
  classOf,
  figureOf,
  NO_ITEMS,
  OVERDUE_CLASSES,
  PROGRESS_CLASSES,
  withFigures,
  type MapMode,
  type MapRegionFigures,
} from "../../lib/map/figures";
import {
  layoutMap,
  mapSprite,
  markerBox,
  placeOf,
  sharedBorder,
  shapeLabelBox,
  labelWidth,
  type Box,
} from "../../lib/map/layout";
import { PLACES } from "../../lib/map/places";
import { parseMapMode } from "../../lib/validations/map";
import { regions as seedRegions } from "../../prisma/seed/document/regions";
import type { MultiPolygon, Polygon } from "geojson";

const regions = seedRegions.map((r, i) => ({ id: i + 1, ...r }));
const figures = withFigures(
  regions,
  regions.map((r, i) => ({
    id: r.id,
    items: i % 5,
    progress: i % 5 === 0 ? null : (i * 37) % 101,
    completed: 0,
    overdue: i % 4,
  })),
);
const text = (mode: MapMode): RegionMapText => ({
  title: "map",
  figure: (r) => String(figureOf(mode, r) ?? "—"),
  name: {
    items: "{label}: {items}",
    none: "{label}: 0",
    spans: "",
    end: "",
    noValue: "—",
    side: { SICHUAN: "四川", CHONGQING: "重庆", JOINT: "川渝", NATIONAL: "国家" },
  },
  sideName: { SICHUAN: "四川省", CHONGQING: "重庆市" },
});
const label = (r: MapRegionFigures) => `${r.name} ${text("progress").figure(r)}`;
const render = (mode: MapMode) =>
  renderToStaticMarkup(
    createElement(RegionMapSvg, {
      layout: layoutMap(figures, label),
      mode,
      text: text(mode),
      asOf: null,
    }),
  );
const data = boundaries as unknown as {
  features: { name: string; side: "SICHUAN" | "CHONGQING"; geometry: Polygon | MultiPolygon }[];
};

describe("the map's data", () => {
  it("is small, and every outline winds the way d3-geo draws it (no outline covers the globe)", () => {
    expect(statSync(new URL("../../lib/map/boundaries.json", import.meta.url)).size).toBeLessThan(100_000);
    expect(data.features.length).toBeGreaterThan(50);
    for (const f of data.features) expect(geoArea(f.geometry), f.name).toBeLessThan(0.01);
  });

  it("names only outlines the data has", () => {
    const names = new Set(data.features.map((f) => f.name));
    for (const [region, spec] of Object.entries(PLACES)) {
      const used = spec.type === "shape" ? [spec.feature] : [...spec.features];
      for (const n of used) expect(names.has(n), `${region}: ${n}`).toBe(true);
    }
  });

  it("finds an outline by the region's short name when PLACES does not list it, and nothing for an unknown place", () => {
    expect(placeOf("绵阳")).toEqual({ type: "shape", feature: "绵阳市" });
    expect(placeOf("涪陵")).toEqual({ type: "shape", feature: "涪陵区" });
    expect(placeOf("雄安新区")).toBeNull();
  });
});

describe("layoutMap", () => {
  const layout = layoutMap(figures, label);

  it("places every region of the database as a shape or a marker, inside the map", () => {
    expect(layout.unplaced).toEqual([]);
    const placed = [...layout.shapes.map((s) => s.region.name), ...layout.markers.map((m) => m.region.name)];
    expect(placed.sort()).toEqual(regions.map((r) => r.name).sort());
    for (const s of layout.shapes) {
      expect(s.id, s.region.name).toMatch(/^rm\d+$/);
      expect(s.at[0]).toBeGreaterThan(0);
      expect(s.at[0]).toBeLessThan(layout.width);
      expect(s.at[1]).toBeGreaterThan(0);
      expect(s.at[1]).toBeLessThan(layout.height);
    }
    for (const m of layout.markers) {
      const box = markerBox(m.at, m.labelWidth);
      expect(box.x0, m.region.name).toBeGreaterThanOrEqual(0);
      expect(box.x1, m.region.name).toBeLessThanOrEqual(layout.width);
      expect(box.y0, m.region.name).toBeGreaterThanOrEqual(0);
      expect(box.y1, m.region.name).toBeLessThanOrEqual(layout.height);
    }
  });

  it("keeps markers' labels clear of each other and of the shapes' labels", () => {
    const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    const shapeBoxes = layout.shapes.map((s) => shapeLabelBox(s.at, labelWidth(label(s.region))));
    const markerBoxes = layout.markers.map((m) => markerBox(m.at, m.labelWidth));
    markerBoxes.forEach((box, i) => {
      for (const other of [...shapeBoxes, ...markerBoxes.slice(i + 1)]) expect(overlaps(box, other)).toBe(false);
    });
  });

  it("draws cities and districts as shapes and areas made of several places as markers with their extent", () => {
    const shapeOf = (name: string) => layout.shapes.find((s) => s.region.name === name);
    const markerOf = (name: string) => layout.markers.find((m) => m.region.name === name);
    for (const name of ["成都", "广安", "万州", "潼南"]) expect(shapeOf(name), name).toBeDefined();
    for (const name of ["重庆", "川南", "渝西", "成都都市圈", "成渝中部"])
      expect(markerOf(name)?.extent, name).toMatch(/^x\d+$/);
    // the sprite's extent of a group is the outlines it is made of: 重庆's is every Chongqing outline
    const sprite = mapSprite();
    const pathOf = (id: string) => new RegExp(`<path id="${id}" d="([^"]+)"/>`).exec(sprite)![1]!;
    const chongqing = data.features.flatMap((f, i) => (f.side === "CHONGQING" ? [pathOf(`rm${i}`)] : []));
    expect(pathOf(markerOf("重庆")!.extent!)).toBe(chongqing.join(""));
    expect(markerOf("两江新区")!.extent).toBeNull();
  });

  it("shows 高竹新区 astride the Sichuan–Chongqing boundary, with that boundary drawn through its marker", () => {
    const gaozhu = layout.markers.find((m) => m.region.name === "高竹新区")!;
    expect(gaozhu.region.side).toBe("JOINT");
    expect(gaozhu.border).toMatch(/^M[\d.]+,[\d.]+L/);
    // its anchor is on the line drawn through it
    const [x, y] = gaozhu.anchor;
    expect(gaozhu.border).toContain(`${x},${y}`);
    // and that line is the border of 广安 (Sichuan) with 渝北 (Chongqing)
    const geometry = (n: string) => data.features.find((f) => f.name === n)!.geometry;
    expect(sharedBorder(geometry("广安市"), geometry("渝北区")).length).toBeGreaterThan(5);
    // 天府新区 sits on a boundary inside Sichuan: no cross-side line
    expect(layout.markers.find((m) => m.region.name === "天府新区")!.border).toBeNull();
  });

  it("reports a region it cannot place instead of dropping it", () => {
    const extra = { id: 99, name: "某新区", side: "SICHUAN" as const, kind: "NEW_AREA" as const };
    const more = layoutMap(withFigures([...regions, extra], []), (r) => r.name);
    expect(more.unplaced.map((r) => r.name)).toEqual(["某新区"]);
  });
});

describe("RegionMapSvg", () => {
  for (const mode of ["progress", "overdue"] as const) {
    it(`is plain SVG: no script, no event handlers, every region a link with an accessible name (${mode})`, () => {
      const svg = render(mode);
      expect(svg).toMatch(/^<svg /);
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/\son[a-z]+=/i);
      expect(svg).not.toMatch(/javascript:/i);
      const links = [...svg.matchAll(/<a ([^>]*)>/g)].map((m) => m[1]!);
      expect(links).toHaveLength(regions.length);
      for (const attrs of links) {
        expect(attrs).toMatch(/href="\/items\?level=ACTION&amp;region=\d+"/);
        expect(attrs).toMatch(/aria-label="[^"]+"/);
      }
      const named = links.map((a) => /data-region="([^"]+)"/.exec(a)![1]).sort();
      expect(named).toEqual(regions.map((r) => r.name).sort());
      expect(svg).toContain("<title");
    });
  }

  it("colours each region by its class in the selected mode", () => {
    for (const mode of ["progress", "overdue"] as const) {
      const svg = render(mode);
      for (const r of figures) {
        // the link carries the colour; its shape or marker inherits it
        const link = new RegExp(`<a [^>]*data-region="${r.name}"[^>]*data-class="([^"]+)"[^>]*fill="([^"]+)"`).exec(
          svg,
        );
        expect(link?.[1], `${mode} ${r.name}`).toBe(classOf(mode, r).key);
        expect(link?.[2], `${mode} ${r.name}`).toBe(classOf(mode, r).fill);
      }
    }
  });
});

describe("a region link's name", () => {
  // the zh-CN catalogue's templates (lib/i18n/messages/zh-CN/map.json), as side-breakdown.tsx fills them
  const names = {
    items: "{label}（{side}）：{items} 项事项，进度 {progress}，已完成 {completed} 项，逾期 {overdue} 项",
    none: "{label}（{side}）：暂无关联事项",
    spans: "，跨四川、重庆两侧",
    end: "，打开事项列表",
    noValue: "—",
    side: { SICHUAN: "四川", CHONGQING: "重庆", JOINT: "川渝共同", NATIONAL: "国家" },
  };
  const link = (over: Partial<Record<number, unknown>>): RegionLink =>
    Object.assign([1, "成都", "69.4%", "p60", 69.44, 5, "SICHUAN", 69.4, 1, 2], over) as RegionLink;

  it("starts with what the map shows, then the side and every figure", () => {
    expect(regionName(names, link({}))).toBe(
      "成都 69.4%（四川）：5 项事项，进度 69.4%，已完成 1 项，逾期 2 项，打开事项列表",
    );
  });

  it("says a region astride both sides spans them, and a region without items has none", () => {
    expect(regionName(names, link({ 1: "高竹新区", 2: "逾期 0", 6: "JOINT", 7: null, 8: 0, 9: 0 }))).toBe(
      "高竹新区 逾期 0（川渝共同）：5 项事项，进度 —，已完成 0 项，逾期 0 项，跨四川、重庆两侧，打开事项列表",
    );
    expect(regionName(names, link({ 2: "—", 5: 0, 6: "CHONGQING" }))).toBe(
      "成都 —（重庆）：暂无关联事项，打开事项列表",
    );
  });
});

describe("colour classes", () => {
  const f = (items: number, progress: number | null, overdue = 0) => ({ items, progress, completed: 0, overdue });
  it("cover progress 0–100 and overdue counts with no gap, and mark regions with no items apart", () => {
    expect(classOf("progress", f(0, null))).toBe(NO_ITEMS);
    expect(classOf("overdue", f(0, null))).toBe(NO_ITEMS);
    expect(classOf("progress", f(1, 0)).key).toBe("p0");
    expect(classOf("progress", f(1, 19.99)).key).toBe("p0");
    expect(classOf("progress", f(1, 20)).key).toBe("p20");
    expect(classOf("progress", f(1, 100)).key).toBe("p80");
    expect(classOf("overdue", f(3, 50, 0)).key).toBe("o0");
    expect(classOf("overdue", f(3, 50, 3)).key).toBe("o2");
    expect(classOf("overdue", f(3, 50, 40)).key).toBe("o4");
    for (const classes of [PROGRESS_CLASSES, OVERDUE_CLASSES]) {
      classes.slice(1).forEach((c, i) => expect(c.min).toBe(classes[i]!.max));
      expect(new Set(classes.map((c) => c.fill)).size).toBe(classes.length);
    }
  });

  it("gives a region no row of the table zero figures", () => {
    const [a] = withFigures([{ id: 5, name: "成都", side: "SICHUAN", kind: "CITY" }], []);
    expect(a).toMatchObject({ items: 0, progress: null, completed: 0, overdue: 0 });
  });

  it("reads the mode from ?map=, defaulting to progress", () => {
    expect(parseMapMode({})).toBe("progress");
    expect(parseMapMode({ map: "overdue" })).toBe("overdue");
    expect(parseMapMode({ map: ["overdue", "progress"] })).toBe("overdue");
    expect(parseMapMode({ map: "<script>" })).toBe("progress");
  });
});
