import "server-only";
import { forbidden, notFound } from "next/navigation";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { requireUser, type SessionUser } from "../auth/session";
import { can, type Permission, type UnitScope } from "../permissions";
import { itemCodeSchema } from "./items";

// Reads behind the staff's forms. Each checks the signed-in user against THIS item's units: a page for an
// item the user cannot change answers 403, not an empty form.

async function loadScoped<
  T extends { leadUnitId: number | null; coLeadUnitId: number | null; supportingUnits: { unitId: number }[] },
>(
  rawCode: string,
  permission: Permission,
  load: (code: string) => Promise<T | null>,
): Promise<{ user: SessionUser; item: T }> {
  const user = await requireUser();
  const code = itemCodeSchema.safeParse(rawCode);
  if (!code.success) notFound();
  const item = await load(code.data);
  if (!item) notFound();
  const scope: UnitScope = {
    leadUnitId: item.leadUnitId,
    coLeadUnitId: item.coLeadUnitId,
    supportingUnitIds: item.supportingUnits.map((s) => s.unitId),
  };
  if (!can(user, permission, scope)) forbidden();
  return { user, item };
}

const scopeSelect = { leadUnitId: true, coLeadUnitId: true, supportingUnits: { select: { unitId: true } } } as const;

/** An item as a progress report starts from: which item, at which version, and its reported state. */
export const reportedStateSelect = {
  id: true,
  code: true,
  title: true,
  titleEn: true,
  version: true,
  status: true,
  progress: true,
  confidence: true,
} satisfies Prisma.ItemSelect;

/** The item a progress update is being posted on, with its current status for the form's defaults. */
export async function getItemForUpdate(rawCode: string) {
  return loadScoped(rawCode, "item:post-update", (code) =>
    db().item.findUnique({
      where: { code },
      select: { ...scopeSelect, ...reportedStateSelect, retiredAt: true, lastUpdateAt: true },
    }),
  );
}

/**
 * The item (every column, so a new one reaches the form without a change here), its links and milestones, and
 * the choices the edit form offers.
 */
export async function getItemForEdit(rawCode: string) {
  const { user, item } = await loadScoped(rawCode, "item:update", (code) =>
    db().item.findUnique({
      where: { code },
      include: {
        supportingUnits: scopeSelect.supportingUnits,
        regions: { select: { regionId: true } },
        conferences: { select: { conferenceId: true } },
        milestones: {
          orderBy: [{ plannedDate: "asc" }, { id: "asc" }],
          select: { id: true, title: true, plannedDate: true, completedDate: true },
        },
        investmentYears: { orderBy: { year: "asc" } },
      },
    }),
  );
  const canAssignUnits = can(user, "item:assign-units");
  const [regions, conferences, units] = await Promise.all([
    db().region.findMany({ orderBy: [{ side: "asc" }, { name: "asc" }], select: { id: true, name: true, side: true } }),
    db().conference.findMany({
      orderBy: { number: "asc" },
      select: { id: true, number: true, date: true, theme: true },
    }),
    canAssignUnits
      ? db().unit.findMany({
          orderBy: [{ side: "asc" }, { name: "asc" }],
          select: { id: true, name: true, side: true },
        })
      : Promise.resolve([]),
  ]);
  return { user, item, canAssignUnits, options: { regions, conferences, units } };
}

export type ItemForEdit = Awaited<ReturnType<typeof getItemForEdit>>;
