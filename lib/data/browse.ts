import "server-only";
import { requirePermission } from "../auth/session";
import { queryItems } from "../queries/items-list";
import { readThrough, readThroughReference } from "../cache/data-version";
import { db } from "../db";
import { amberLastFor } from "./item-lights";
import { parseBrowseParams, type ParamIssue, type SearchParams } from "../validations/browse";
import type { AsOfSelection } from "../as-of-selection";

export interface FilterOptions {
  pillars: { number: number; title: string; titleEn: string }[];
  units: { id: number; name: string; side: string }[];
  regions: { id: number; name: string; side: string }[];
  conferences: { number: number; date: Date; theme: string }[];
}

/** The choices of the filter form (reference tables, small, but hundreds of units at scale: cached). */
function filterOptions(): Promise<FilterOptions> {
  return readThroughReference("browse:filter-options", queryFilterOptions);
}

async function queryFilterOptions(): Promise<FilterOptions> {
  const prisma = db();
  const [pillars, units, regions, conferences] = await Promise.all([
    prisma.pillar.findMany({ orderBy: { number: "asc" }, select: { number: true, title: true, titleEn: true } }),
    prisma.unit.findMany({ orderBy: [{ side: "asc" }, { name: "asc" }], select: { id: true, name: true, side: true } }),
    prisma.region.findMany({
      orderBy: [{ side: "asc" }, { name: "asc" }],
      select: { id: true, name: true, side: true },
    }),
    prisma.conference.findMany({ orderBy: { number: "asc" }, select: { number: true, date: true, theme: true } }),
  ]);
  return { pillars, units, regions, conferences };
}

/**
 * The items list for the URL's parameters, as of the selected day (and compared with another). Invalid
 * parameters fall back to their defaults and come back as issues; ids that name nothing are issues too.
 */
export async function listItems(params: SearchParams, asOf: AsOfSelection) {
  await requirePermission("portfolio:read");
  const { query, issues } = parseBrowseParams(params);
  const options = await filterOptions();
  const unknown = (param: ParamIssue["param"], ok: boolean) => {
    if (ok) return;
    issues.push({ param, value: String(query[param]), message: "validation.unknownId" });
    delete (query as unknown as Record<string, unknown>)[param];
  };
  if (query.pillar !== undefined)
    unknown(
      "pillar",
      options.pillars.some((p) => p.number === query.pillar),
    );
  if (query.unit !== undefined)
    unknown(
      "unit",
      options.units.some((u) => u.id === query.unit),
    );
  if (query.region !== undefined)
    unknown(
      "region",
      options.regions.some((r) => r.id === query.region),
    );
  if (query.conference !== undefined)
    unknown(
      "conference",
      options.conferences.some((c) => c.number === query.conference),
    );

  const moment = {
    before: asOf.before,
    day: asOf.day,
    amberLast: await amberLastFor(asOf.day),
    ...(asOf.compare !== null ? { compareBefore: asOf.compareBefore, compareDay: asOf.compare } : {}),
  };
  // The same filtered view is opened by many (leadership's saved links): one query per data version.
  const key = `browse:items:${JSON.stringify(query)}:${JSON.stringify(moment)}`;
  const moments = asOf.compare !== null ? [asOf.before, asOf.compareBefore] : [asOf.before];
  const result = await readThrough(key, moments, () => queryItems(db(), query, moment));
  return { query: { ...query, page: result.page }, issues, options, total: result.total, rows: result.rows };
}

export type ItemList = Awaited<ReturnType<typeof listItems>>;
