// The dashboard's map of both sides, laid out on the server (lib/map/layout.ts) and rendered into the first HTML:
// no client JavaScript needed. Each region is a link (an <a> inside the SVG with an accessible name) to the items
// list filtered to that region.
// A region with items promises their number in its name, so its link carries data-count (e2e/count-links).
// The colour is one cue among three: the legend names each class's range, and the figure is printed on the map.
import type { MapLayout } from "@/lib/map/layout";
import { classOf, classesOf, figureOf, NO_ITEMS, type MapMode, type MapRegionFigures } from "@/lib/map/figures";
import { MARKER_RADIUS, SPRITE_IDS } from "@/lib/map/layout";
import sprite from "@/lib/map/map-sprite.svg";
import { RegionMapLegendView, RegionMapView, type RegionLink, type RegionNameText } from "./region-map-view";

export interface RegionMapText {
  title: string;
  /** the text drawn on the map for a region: its figure in the current mode */
  figure: (r: MapRegionFigures) => string;
  /** the link's accessible name: the region, its side and all its figures (templates, see RegionNameText) */
  name: RegionNameText;
  sideName: Record<"SICHUAN" | "CHONGQING", string>;
}

/** The sprite's URL: Next.js gives a static import its immutable /_next/static/media address (vitest: a path). */
const SPRITE_URL = typeof sprite === "string" ? sprite : sprite.src;
const SPRITE = { url: SPRITE_URL, ...SPRITE_IDS };

/**
 * The SVG alone (pure; tests render it). Each region links to the items list filtered to it, as of `asOf`.
 *
 * The geometry is not in the page: every outline, extent and boundary is a <use> of the static sprite
 * (lib/map/map-sprite.svg, see SPRITE_IDS), which the browser fetches once and keeps. What depends on the
 * figures (the links, their names, colours and labels) is drawn by a client leaf (region-map-view.tsx) from
 * one short row per region, so the markup is sent once, as HTML, and not again as elements in the RSC payload.
 * The sprite's paths carry no paint: each <use> inherits its link's colour (a shape) or its group's, and the
 * styles are in region-map.module.css, keyed on structure, not repeated inline.
 */
export function RegionMapSvg({
  layout,
  mode,
  text,
  asOf,
}: {
  layout: MapLayout<MapRegionFigures>;
  mode: MapMode;
  text: RegionMapText;
  asOf: string | null;
}) {
  const linkOf = (r: MapRegionFigures): RegionLink => [
    r.id,
    r.name,
    text.figure(r),
    classOf(mode, r).key,
    figureOf(mode, r),
    r.items,
    r.side,
    r.progress === null ? null : Number(r.progress.toFixed(1)),
    r.completed,
    r.overdue,
  ];
  return (
    <RegionMapView
      width={layout.width}
      height={layout.height}
      mode={mode}
      title={text.title}
      asOf={asOf}
      names={text.name}
      sprite={SPRITE}
      radius={MARKER_RADIUS}
      sideLabels={layout.sideLabels.map((s) => [text.sideName[s.side], s.at[0], s.at[1]])}
      shapes={layout.shapes.map((s) => [s.id, s.at[0], s.at[1], ...linkOf(s.region)])}
      markers={layout.markers.map((m) => [
        m.extent,
        m.anchor[0],
        m.anchor[1],
        m.at[0],
        m.at[1],
        m.labelWidth,
        m.border,
        ...linkOf(m.region),
      ])}
    />
  );
}

/** The legend: every class's swatch with its range in words, then what shapes, dots and lines mean. */
export function RegionMapLegend({
  mode,
  heading,
  intro,
  classLabel,
  keys,
}: {
  mode: MapMode;
  heading: string;
  intro: string;
  classLabel: (key: string) => string;
  keys: string[];
}) {
  return (
    <RegionMapLegendView
      heading={heading}
      intro={intro}
      classes={[NO_ITEMS, ...classesOf(mode)].map((c) => [c.key, c.fill, classLabel(c.key)])}
      keys={keys}
    />
  );
}
