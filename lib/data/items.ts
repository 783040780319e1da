import "server-only";
import { z } from "zod";
import { requirePermission } from "../auth/session";
import { db } from "../db";
import { loadItemView, type ItemView } from "../queries/item-view";

/** Item codes are outline positions such as 3.1.4; anything else in the URL is simply not an item. */
export const itemCodeSchema = z.string().regex(/^\d{1,3}(\.\d{1,4}){0,5}$/);

/** The current item with its relations (used where the live row is needed, e.g. the edit forms). */
export async function getItemByCode(rawCode: string) {
  await requirePermission("portfolio:read");
  const code = itemCodeSchema.safeParse(rawCode);
  if (!code.success) return null;
  return db().item.findUnique({
    where: { code: code.data },
    include: {
      pillar: { select: { number: true, title: true, titleEn: true } },
      parent: { select: { code: true, title: true, titleEn: true } },
      children: {
        where: { retiredAt: null },
        orderBy: { sortOrder: "asc" },
        select: { code: true, title: true, titleEn: true, status: true, progress: true, confidence: true },
      },
      leadUnit: { select: { name: true, side: true } },
      coLeadUnit: { select: { name: true, side: true } },
      supportingUnits: { select: { unit: { select: { name: true, side: true } } } },
      regions: { select: { region: { select: { name: true, side: true } } } },
      conferences: { select: { conference: { select: { number: true, date: true, theme: true } } } },
      milestones: { orderBy: [{ plannedDate: "asc" }, { id: "asc" }] },
      progressUpdates: {
        orderBy: { createdAt: "desc" },
        take: 20,
        include: { author: { select: { displayName: true } }, unit: { select: { name: true, side: true } } },
      },
      history: {
        orderBy: { version: "desc" },
        take: 50,
        select: {
          id: true,
          version: true,
          changedAt: true,
          action: true,
          changedFields: true,
          reason: true,
          actor: { select: { displayName: true } },
        },
      },
    },
  });
}

export type ItemDetail = NonNullable<Awaited<ReturnType<typeof getItemByCode>>>;

/**
 * Everything the item page shows, as the item stood at the end of a day (`before`, null = now) and, with a
 * compare moment, what changed between the two. Null for an unknown or malformed code.
 */
export async function getItemView(
  rawCode: string,
  moment: { before: Date | null; compareBefore?: Date | null },
): Promise<ItemView | "not-yet" | null> {
  await requirePermission("portfolio:read");
  const code = itemCodeSchema.safeParse(rawCode);
  if (!code.success) return null;
  return loadItemView(db(), code.data, moment);
}
