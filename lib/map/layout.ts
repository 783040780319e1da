// The dashboard map's geometry, computed on the server with d3-geo: every region of the database placed as a
// filled outline or as a marker (lib/map/places.ts), projected into an SVG coordinate space. Pure: no React,
// no database; the component (components/dashboard/region-map.tsx) only draws what this returns.
import { geoCentroid, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from "geojson";
import type { RegionKind, Side } from "../generated/prisma/enums";
import boundaries from "./boundaries.json";
import { CompactPath } from "./compact-path";
import { PLACES, type PlaceSpec } from "./places";

export const MAP_WIDTH = 800;
const PADDING = 12;
/**
 * The straddle line's coordinates are rounded to one decimal of a pixel (it is a few points); outlines and the
 * side border to whole units by CompactPath (the map is 800 units wide and drawn at most 800 px wide).
 */
const DIGITS = 1;

type Geometry = Polygon | MultiPolygon;
interface Outline {
  name: string;
  side: "SICHUAN" | "CHONGQING";
  geometry: Geometry;
}

const DATA = boundaries as { features: Outline[]; sideBorder: MultiLineString };
const OUTLINES: readonly Outline[] = DATA.features;
const BY_NAME = new Map(OUTLINES.map((o) => [o.name, o]));

export interface MapRegion {
  id: number;
  name: string;
  side: Side;
  kind: RegionKind;
}

export type Point = readonly [number, number];
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The map's geometry does not depend on the figures, so it is not in the page: it is one static SVG file,
 * lib/map/map-sprite.svg (mapSprite() writes it), that the page's SVG draws from with <use href="…#id">. The
 * browser fetches it once and keeps it (an immutable /_next/static URL); the page carries only the regions'
 * links, labels and figures. Its ids: every outline (`rm<n>`), the outlines of each side as one path, the
 * Sichuan–Chongqing boundary, and each group's extent (`x<n>`).
 */
export const SPRITE_IDS = { SICHUAN: "sc", CHONGQING: "cq", sideBorder: "sb" } as const;

export interface PlacedShape<R extends MapRegion> {
  type: "shape";
  region: R;
  /** the outline's id in the sprite */
  id: string;
  /** where the label goes (the outline's centroid) */
  at: Point;
}

export interface PlacedMarker<R extends MapRegion> {
  type: "marker";
  region: R;
  /** the true position (centre of the outlines it is made of, or a point on a shared border) */
  anchor: Point;
  /** where the marker is drawn: the anchor, or moved clear of other labels (a leader line joins them) */
  at: Point;
  /** the sprite id of the outlines the region covers, drawn when its marker has focus or the pointer */
  extent: string | null;
  /** for a new area astride the Sichuan–Chongqing boundary: that boundary near the marker, drawn through it */
  border: string | null;
  /** the label's width estimate, for the marker's box */
  labelWidth: number;
}

export interface MapLayout<R extends MapRegion> {
  width: number;
  height: number;
  shapes: PlacedShape<R>[];
  markers: PlacedMarker<R>[];
  /** regions with no place on the map (a name PLACES does not know and the data has no outline for) */
  unplaced: R[];
  /** where the two sides' names go */
  sideLabels: { side: "SICHUAN" | "CHONGQING"; at: Point }[];
}

function collection(geometries: Geometry[]): FeatureCollection<Geometry> {
  return {
    type: "FeatureCollection",
    features: geometries.map((geometry): Feature<Geometry> => ({ type: "Feature", properties: {}, geometry })),
  };
}

function multi(geometries: Geometry[]): MultiPolygon {
  return {
    type: "MultiPolygon",
    coordinates: geometries.flatMap((g) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates)),
  };
}

/** The spec for a region: PLACES, else an outline of the same name (成都 → 成都市), else none. */
export function placeOf(name: string): PlaceSpec | null {
  const known = PLACES[name];
  if (known) {
    if (known.type === "group" && known.features.length === 0) {
      return { type: "group", features: OUTLINES.filter((o) => o.side === "CHONGQING").map((o) => o.name) };
    }
    return known;
  }
  for (const suffix of ["", "市", "区", "县"]) {
    if (BY_NAME.has(name + suffix)) return { type: "shape", feature: name + suffix };
  }
  return null;
}

function outline(name: string): Outline {
  const o = BY_NAME.get(name);
  if (!o) throw new Error(`map: no outline named ${name} in lib/map/boundaries.json`);
  return o;
}

function rings(g: Geometry): Position[][] {
  return g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
}

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The stretch of `a`'s boundary that runs along `b` (the two files were simplified separately, so "along" is
 * within 0.03°, about 3 km): the longest run of a's vertices that close to b's edges, in ring order.
 */
export function sharedBorder(a: Geometry, b: Geometry): Position[] {
  const edges = rings(b).flatMap((ring) => ring.slice(1).map((p, i) => [ring[i]!, p] as const));
  let best: Position[] = [];
  for (const ring of rings(a)) {
    let run: Position[] = [];
    for (const p of [...ring, ...ring]) {
      const near = edges.some(([s, e]) => distanceToSegment(p, s, e) < 0.03);
      if (near) run.push(p);
      else run = [];
      if (run.length > best.length && run.length <= ring.length) best = [...run];
    }
  }
  return best;
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/** Rough width of a 12 px label: enough to keep markers' labels from overlapping. */
export function labelWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (CJK.test(ch) ? 12 : 7), 0);
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
export const MARKER_RADIUS = 7;
/** A marker's box: its circle and its label to the right. */
export function markerBox([x, y]: Point, width: number): Box {
  return { x0: x - MARKER_RADIUS - 2, y0: y - 10, x1: x + MARKER_RADIUS + 4 + width + 2, y1: y + 10 };
}
/** A shape's label box (name over value, centred). */
export function shapeLabelBox([x, y]: Point, width: number): Box {
  return { x0: x - width / 2 - 2, y0: y - 14, x1: x + width / 2 + 2, y1: y + 16 };
}

/** The first position near `anchor` whose box is clear of `taken` and inside the map. */
function clearSpot(anchor: Point, width: number, taken: Box[], size: { width: number; height: number }): Point {
  const inside = (b: Box) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= size.width && b.y1 <= size.height;
  for (const distance of [0, 22, 34, 46, 58, 70, 84, 98, 112]) {
    for (let k = 0; k < (distance === 0 ? 1 : 16); k++) {
      const angle = (k * Math.PI) / 8 + Math.PI / 2;
      const at: Point = [anchor[0] + distance * Math.cos(angle), anchor[1] + distance * Math.sin(angle)];
      const box = markerBox(at, width);
      if (inside(box) && !taken.some((t) => overlaps(t, box))) return roundPoint(at as [number, number]);
    }
  }
  return anchor;
}

const round = (v: number) => Math.round(v * 10) / 10;
const roundPoint = ([x, y]: [number, number]): Point => [round(x), round(y)];

const SIDE_LABEL_PLACES = [
  { side: "SICHUAN", features: ["雅安市"] },
  { side: "CHONGQING", features: ["酉阳土家族苗族自治县", "彭水苗族土家族自治县"] },
] as const;

/** Markers are placed in this order, so the smaller places stay nearest their true position. */
const MARKER_ORDER: Record<PlaceSpec["type"], number> = { shape: 0, border: 0, within: 1, group: 2 };

/** What does not depend on the figures: the projection and every outline's path, computed once per process. */
interface Base {
  height: number;
  path: ReturnType<typeof geoPath>;
  project: (p: Position) => Point;
  /** the outlines' path data for the sprite (computed when the sprite is written, not when a page is drawn) */
  compact: (g: Geometry | MultiLineString) => string;
  outlines: Map<string, { id: string; centroid: Point }>;
  /** each group of PLACES: its extent's sprite id and the outlines it is made of */
  extents: Map<string, { id: string; features: readonly string[] }>;
  sideLabels: { side: "SICHUAN" | "CHONGQING"; at: Point }[];
}
let baseCache: Base | null = null;
function base(): Base {
  if (baseCache) return baseCache;
  const all = collection(OUTLINES.map((o) => o.geometry));
  // no adaptive resampling: at this scale Mercator keeps the simplified edges straight to well under a pixel
  const projection = geoMercator()
    .precision(0)
    .fitWidth(MAP_WIDTH - 2 * PADDING, all);
  const [[, y0], [, y1]] = geoPath(projection).bounds(all);
  projection.translate([projection.translate()[0] + PADDING, projection.translate()[1] - y0 + PADDING]);
  const path = geoPath(projection).digits(DIGITS);
  const compactContext = new CompactPath();
  const compactPath = geoPath(projection, compactContext);
  const centroid = (g: Geometry) => roundPoint(path.centroid(g));
  const extents = new Map(
    Object.keys(PLACES).flatMap((name, i) => {
      const spec = placeOf(name);
      return spec?.type === "group" ? [[name, { id: `x${i}`, features: spec.features }] as const] : [];
    }),
  );
  baseCache = {
    height: Math.ceil(y1 - y0) + 2 * PADDING,
    path,
    project: (p) => roundPoint(projection(p as [number, number]) as [number, number]),
    compact: (g) => {
      compactPath(g);
      return compactContext.result();
    },
    outlines: new Map(OUTLINES.map((o, i) => [o.name, { id: `rm${i}`, centroid: centroid(o.geometry) }])),
    extents,
    // the sides' names sit in corners no region uses: western Sichuan (雅安) and south-eastern Chongqing
    sideLabels: SIDE_LABEL_PLACES.map(({ side, features }) => ({
      side,
      at: centroid(multi(features.map((n) => outline(n).geometry))),
    })),
  };
  return baseCache;
}

interface MarkerPlace {
  anchor: Point;
  extent: string | null;
  border: string | null;
}
const markerPlaces = new Map<string, MarkerPlace>();
/** A marker's anchor, extent and border line (they depend only on its spec: cached by region name). */
function markerPlace(name: string, spec: Exclude<PlaceSpec, { type: "shape" }>): MarkerPlace {
  const cached = markerPlaces.get(name);
  if (cached) return cached;
  const { path, project, extents } = base();
  let place: MarkerPlace;
  if (spec.type === "border") {
    const [a, b] = spec.features.map((n) => outline(n).geometry) as [Geometry, Geometry];
    const shared = sharedBorder(a, b);
    const acrossSides = new Set(spec.features.map((n) => outline(n).side)).size === 2;
    const middle = Math.floor(shared.length / 2);
    // the boundary a few vertices either side of the marker, drawn through it to show it straddles
    const near = shared.slice(Math.max(0, middle - 5), middle + 6);
    place = {
      anchor: project(shared[middle] ?? geoCentroid(multi([a, b]))),
      extent: null,
      border: acrossSides && near.length >= 2 ? (path({ type: "LineString", coordinates: near }) ?? "") : null,
    };
  } else {
    const extent = multi(spec.features.map((n) => outline(n).geometry));
    place = {
      anchor: roundPoint(path.centroid(extent)),
      extent: spec.type === "group" ? (extents.get(name)?.id ?? null) : null,
      border: null,
    };
  }
  markerPlaces.set(name, place);
  return place;
}

/**
 * Places every region. `label` gives the text drawn beside or on each region (its name and figure), so the
 * layout can keep labels apart. Regions are drawn in the order given within each kind.
 */
export function layoutMap<R extends MapRegion>(regions: readonly R[], label: (r: R) => string): MapLayout<R> {
  const { height, outlines, sideLabels } = base();
  const outlineOf = (name: string) => {
    outline(name);
    return outlines.get(name)!;
  };
  const placed = regions.map((region) => ({ region, spec: placeOf(region.name) }));

  const shapes: PlacedShape<R>[] = placed.flatMap(({ region, spec }) => {
    if (spec?.type !== "shape") return [];
    const { id, centroid } = outlineOf(spec.feature);
    return [{ type: "shape" as const, region, id, at: centroid }];
  });
  const taken: Box[] = shapes.map((s) => shapeLabelBox(s.at, labelWidth(label(s.region))));
  for (const s of sideLabels) taken.push({ x0: s.at[0] - 30, y0: s.at[1] - 14, x1: s.at[0] + 30, y1: s.at[1] + 8 });
  const size = { width: MAP_WIDTH, height };

  const markerSpecs = placed
    .flatMap(({ region, spec }) => (spec && spec.type !== "shape" ? [{ region, spec }] : []))
    .sort((a, b) => MARKER_ORDER[a.spec.type] - MARKER_ORDER[b.spec.type]);
  const markers: PlacedMarker<R>[] = markerSpecs.map(({ region, spec }) => {
    const { anchor, extent, border } = markerPlace(region.name, spec);
    const width = labelWidth(label(region));
    const at = clearSpot(anchor, width, taken, size);
    taken.push(markerBox(at, width));
    return { type: "marker" as const, region, anchor, at, extent, border, labelWidth: width };
  });

  return {
    width: MAP_WIDTH,
    height,
    shapes,
    markers,
    unplaced: placed.filter((p) => p.spec === null).map((p) => p.region),
    sideLabels,
  };
}

/**
 * The sprite the map draws its geometry from (lib/map/map-sprite.svg; tests/unit/region-map-size.test.ts checks
 * the file is this, and rewrites it with UPDATE_MAP_SPRITE=1). Path data without paint: a <use> gives it its own.
 */
export function mapSprite(): string {
  const { height, compact, outlines, extents } = base();
  const d = new Map(OUTLINES.map((o) => [o.name, compact(o.geometry)]));
  // absolute subpaths ("M…") concatenate into one path
  const union = (names: readonly string[]) => names.map((n) => d.get(n)!).join("");
  const path = (id: string, data: string) => `<path id="${id}" d="${data}"/>`;
  const side = (s: "SICHUAN" | "CHONGQING") => union(OUTLINES.filter((o) => o.side === s).map((o) => o.name));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH}" height="${height}" viewBox="0 0 ${MAP_WIDTH} ${height}">`,
    "<defs>",
    ...OUTLINES.map((o) => path(outlines.get(o.name)!.id, d.get(o.name)!)),
    path(SPRITE_IDS.SICHUAN, side("SICHUAN")),
    path(SPRITE_IDS.CHONGQING, side("CHONGQING")),
    path(SPRITE_IDS.sideBorder, compact(DATA.sideBorder)),
    ...[...extents.values()].map((x) => path(x.id, union(x.features))),
    "</defs>",
    "</svg>",
    "",
  ].join("\n");
}
