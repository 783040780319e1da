import "server-only";
// Reads for reports: the caller must hold report:export; the data itself comes from lib/queries/report.ts.
import { requirePermission } from "../auth/session";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { buildReport } from "../queries/report";
import type { ReportData, ReportRequest } from "../report/types";

export async function getReport(request: ReportRequest): Promise<ReportData> {
  await requirePermission("report:export");
  return buildReport(db(), request);
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
