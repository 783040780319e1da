// What the dashboard map colours each region by, and the classes of its legend. The figures are the rows of the
// dashboard's regions table (lib/queries/dashboard.ts querySideAndRegionBreakdown): the map and the table read
// one query, so they cannot disagree. A region no action item names has no row: it is drawn as "no items".
import type { MapRegion } from "./layout";

export const MAP_MODES = ["progress", "overdue"] as const;
export type MapMode = (typeof MAP_MODES)[number];

export interface RegionFigures {
  items: number;
  progress: number | null;
  completed: number;
  overdue: number;
}
export type MapRegionFigures = MapRegion & RegionFigures;

/** Every region of `regions`, with its row of `rows` (matched by id) or zero figures. */
export function withFigures(
  regions: readonly MapRegion[],
  rows: readonly (RegionFigures & { id: number })[],
): MapRegionFigures[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return regions.map((region) => {
    const row = byId.get(region.id);
    return {
      ...region,
      items: row?.items ?? 0,
      progress: row?.progress ?? null,
      completed: row?.completed ?? 0,
      overdue: row?.overdue ?? 0,
    };
  });
}

/**
 * One class of the legend: the values from `min` up to (not including) `max`, and a fill. Each class is also
 * told apart by its range printed in the legend and each region's figure printed on the map, so colour is
 * never the only cue. Labels carry a white halo, so they read on every fill.
 */
export interface ColourClass {
  key: string;
  min: number;
  max: number;
  fill: string;
}

/** Regions no item names. */
export const NO_ITEMS: ColourClass = { key: "none", min: 0, max: 0, fill: "#f3f4f6" };

// ColorBrewer Blues (5) for progress and OrRd (4) for overdue counts: sequential, colour-blind safe.
export const PROGRESS_CLASSES: readonly ColourClass[] = [
  { key: "p0", min: 0, max: 20, fill: "#eff3ff" },
  { key: "p20", min: 20, max: 40, fill: "#bdd7e7" },
  { key: "p40", min: 40, max: 60, fill: "#6baed6" },
  { key: "p60", min: 60, max: 80, fill: "#3182bd" },
  { key: "p80", min: 80, max: 100.0001, fill: "#08519c" },
];
export const OVERDUE_CLASSES: readonly ColourClass[] = [
  { key: "o0", min: 0, max: 1, fill: "#fef0d9" },
  { key: "o1", min: 1, max: 2, fill: "#fdcc8a" },
  { key: "o2", min: 2, max: 4, fill: "#fc8d59" },
  { key: "o4", min: 4, max: Number.POSITIVE_INFINITY, fill: "#b30000" },
];

export function classesOf(mode: MapMode): readonly ColourClass[] {
  return mode === "progress" ? PROGRESS_CLASSES : OVERDUE_CLASSES;
}

/** The figure the map shows for a region in `mode`; null when no item names the region. */
export function figureOf(mode: MapMode, r: RegionFigures): number | null {
  if (r.items === 0) return null;
  return mode === "progress" ? r.progress : r.overdue;
}

export function classOf(mode: MapMode, r: RegionFigures): ColourClass {
  const value = figureOf(mode, r);
  if (value === null) return NO_ITEMS;
  return classesOf(mode).find((c) => value >= c.min && value < c.max) ?? NO_ITEMS;
}
