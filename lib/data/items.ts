import "server-only";
import { z } from "zod";
import { requirePermission } from "../auth/session";
import { db } from "../db";
import { loadItemView, type ItemView } from "../queries/item-view";

/** Item codes are outline positions such as 3.1.4; anything else in the URL is simply not an item. */
export const itemCodeSchema = z.string().regex(/^\d{1,3}(\.\d{1,4}){0,5}$/);

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
