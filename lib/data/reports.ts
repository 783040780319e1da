import "server-only";
// Reads for reports: the caller must hold report:export; the data itself comes from lib/queries/report.ts. The
// report's 考评 (红黑榜) holds what the reader may see of the ratings, as on the ratings page (ratingView): an
// editor gets their own unit's row only, never another unit's — filtered here, on the server, before rendering.
import { requirePermission, type SessionUser } from "../auth/session";
import { fileCache, readThrough } from "../cache/data-version";
import { endOfDay } from "../dates";
import { db, reportDb } from "../db";
import { reportGate } from "../export/gate";
import { renderReport } from "../export/render";
import { Prisma } from "../generated/prisma/client";
import { can } from "../permissions";
import { ratingViewKey } from "../rating";
import { buildReport, queryReportPeriods } from "../queries/report";
import type { ReportData, ReportFormat, ReportPeriodChoice, ReportRequest } from "../report/types";
import { ratingView } from "./ratings";

export async function getReport(request: ReportRequest): Promise<ReportData> {
  const user = await requirePermission("report:export");
  return buildReport(reportDb(), request, undefined, ratingView(user));
}

/**
 * The report as a file, for a route handler that has authorised `user` (lib/auth/authorize-route.ts). Everyone
 * exporting the same report between two writes gets the same file: it is built and rendered once per data
 * version (a report of 10,000 items takes seconds). Building waits for a free slot (reportGate), so a burst of
 * different reports queues instead of each holding a whole portfolio in memory at once. Throws what building
 * throws: ReportScopeNotFoundError, DocumentRenderError, a database error.
 */
export async function getReportFile(
  user: SessionUser,
  request: ReportRequest,
  format: ReportFormat,
): Promise<{ body: Buffer; sampleData: boolean }> {
  // The route refused the user already; checked again because the cache below is shared by everyone.
  if (!can(user, "report:export")) throw new Error("getReportFile: the user may not export reports");
  const { scope, asOf, compare, locale } = request;
  const period = request.period ?? null;
  // The file differs by whose ratings it shows: readers with the same view share it, no one else.
  const view = ratingView(user);
  const ratings = ratingViewKey(view);
  const key = `report:${format}:${JSON.stringify({ scope, asOf, period, compare, locale, ratings })}`;
  const before = period ? new Date(period.closedAt) : endOfDay(asOf);
  const moments = [before, ...(compare === null ? [] : [endOfDay(compare)])];
  // Whether it is sample data travels with the file: the route names the file by it (lib/export/filename.ts).
  const build = () =>
    reportGate().run(async () => {
      const data = await buildReport(reportDb(), request, undefined, view);
      return { body: await renderReport(data, format), sampleData: data.sampleData };
    });
  return readThrough(key, moments, build, fileCache());
}

/** The reporting periods, for the report page's "as of the close of" choice and its parameter check. */
export async function getReportPeriods(): Promise<ReportPeriodChoice[]> {
  await requirePermission("report:export");
  return queryReportPeriods(db());
}

/** The same, for the report route, which has authorised `user` (lib/auth/authorize-route.ts). */
export async function getReportPeriodsFor(user: SessionUser): Promise<ReportPeriodChoice[]> {
  if (!can(user, "report:export")) throw new Error("getReportPeriodsFor: the user may not export reports");
  return queryReportPeriods(db());
}

export interface ReportScopeChoices {
  pillars: { number: number; title: string; titleEn: string }[];
  units: { id: number; name: string }[];
  regions: { id: number; name: string }[];
}

/** What the report page's scope selector offers (units that lead or co-lead something, every region). */
export async function getReportScopeChoices(): Promise<ReportScopeChoices> {
  await requirePermission("report:export");
  const d = db();
  const [pillars, units, regions] = await Promise.all([
    d.pillar.findMany({ select: { number: true, title: true, titleEn: true }, orderBy: { number: "asc" } }),
    d.$queryRaw<{ id: number; name: string }[]>(Prisma.sql`
      SELECT u.id, u.name FROM units u
      WHERE EXISTS (SELECT 1 FROM items i WHERE i.lead_unit_id = u.id OR i.co_lead_unit_id = u.id)
      ORDER BY u.name`),
    d.region.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { pillars, units, regions };
}
