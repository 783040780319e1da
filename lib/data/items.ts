import "server-only";
import { z } from "zod";
import { requirePermission } from "../auth/session";
import { readThrough } from "../cache/data-version";
import { db } from "../db";
import { loadItemView, type ItemView } from "../queries/item-view";
import { lightRule } from "./item-lights";
import { amberFrom, amberUntil, itemLight, type ItemLight } from "../item-light";
import { isClosed } from "../status";
import type { ItemStatus } from "../generated/prisma/enums";

/** The item page's 红黄灯 on the day shown, and the day its amber begins (null without a due date). */
export interface ItemLightView {
  light: ItemLight | null;
  amberFrom: string | null;
  workdays: number;
}

/** Item codes are outline positions such as 3.1.4; anything else in the URL is simply not an item. */
export const itemCodeSchema = z.string().regex(/^\d{1,3}(\.\d{1,4}){0,5}$/);

/**
 * Everything the item page shows, as the item stood at the end of a day (`before`, null = now) and, with a
 * compare moment, what changed between the two. Null for an unknown or malformed code.
 */
export async function getItemView(
  rawCode: string,
  moment: { before: Date | null; day: string; compareBefore?: Date | null },
): Promise<(ItemView & { lights: ItemLightView }) | "not-yet" | null> {
  await requirePermission("portfolio:read");
  const code = itemCodeSchema.safeParse(rawCode);
  if (!code.success) return null;
  // The view is the same for every reader (permission checked above; what a reader may do is decided on the
  // page), so it is kept per item, moment and data version: one item page read after a write, not one per view.
  const moments = [moment.before, moment.compareBefore ?? null];
  const key = `item-view:${code.data}:${moment.day}:${moments.map((m) => m?.toISOString() ?? "live").join(",")}`;
  const [view, rule] = await Promise.all([
    readThrough(key, moments, () => loadItemView(db(), code.data, moment)),
    lightRule(),
  ]);
  if (view === null || view === "not-yet") return view;
  const open = !view.retired && !isClosed(view.status as ItemStatus);
  const last = amberUntil(moment.day, rule.calendar, rule.workdays);
  return {
    ...view,
    lights: {
      light: itemLight({ open, dueDate: view.dueDate }, moment.day, last),
      amberFrom: view.dueDate ? amberFrom(view.dueDate, rule.calendar, rule.workdays) : null,
      workdays: rule.workdays,
    },
  };
}
