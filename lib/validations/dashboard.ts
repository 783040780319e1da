// The dashboard's own URL parameters (besides asOf/compare): which view, and how the accountability table is sorted.
// A bad value falls back to the default order; the table stays usable.
import { z } from "zod";

export const UNIT_SORT_KEYS = ["name", "items", "progress", "overdue", "stale", "days"] as const;
export type UnitSortKey = (typeof UNIT_SORT_KEYS)[number];
export interface UnitSort {
  key: UnitSortKey;
  dir: "asc" | "desc";
}

/** Worst first: the units with most overdue items lead the table. */
export const DEFAULT_UNIT_SORT: UnitSort = { key: "overdue", dir: "desc" };

const unitSortSchema = z.enum(UNIT_SORT_KEYS);
const dirSchema = z.enum(["asc", "desc"]);

type SearchParamValue = string | string[] | undefined;
const first = (v: SearchParamValue) => (Array.isArray(v) ? v[0] : v);

export function parseUnitSort(params: Record<string, SearchParamValue>): UnitSort {
  const key = unitSortSchema.safeParse(first(params.unitSort));
  const dir = dirSchema.safeParse(first(params.unitDir));
  if (!key.success) return DEFAULT_UNIT_SORT;
  return { key: key.data, dir: dir.success ? dir.data : key.data === "name" ? "asc" : "desc" };
}

/**
 * The dashboard's views (?view=): the overview leadership opens first, and three more, one link away — the lead
 * units' accountability with the 红黑榜, the map of both sides, the latest updates with the joint conferences.
 * Each is a page of its own (kept and served by the page cache like any other), so the first screen carries only
 * its own widgets (issue 18: the dashboard's HTML with its RSC payload ≤ 80 KB). A bad value shows the overview.
 */
export const DASHBOARD_VIEWS = ["overview", "units", "regions", "activity"] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];
export const VIEW_PARAM = "view";
const viewSchema = z.enum(DASHBOARD_VIEWS);

export function parseDashboardView(params: Record<string, SearchParamValue>): DashboardView {
  const parsed = viewSchema.safeParse(first(params[VIEW_PARAM]));
  return parsed.success ? parsed.data : "overview";
}
