// Item lights (红黄灯), as the offices read them: 红灯 once an open item is overdue, 黄灯 from N working days
// before its due date (N is a chase setting, 3 by default), 绿灯 for any other open item with a due date. A
// finished, cancelled or retired item, or one without a due date, has no light. Working days are China's
// official calendar (lib/workdays.ts).
import { addDays } from "./dates";
import type { WorkCalendar } from "./workdays";

export const ITEM_LIGHTS = ["RED", "AMBER", "GREEN"] as const;
export type ItemLight = (typeof ITEM_LIGHTS)[number];

/** The default number of working days before an item's due date from which its light is amber. */
export const AMBER_WORKDAYS = 3;

/** The first day of an item's amber light: N working days before its due date. */
export function amberFrom(dueDate: string, cal: WorkCalendar, workdays: number = AMBER_WORKDAYS): string {
  return cal.addWorkdays(dueDate, -workdays);
}

/**
 * On `today`, the latest due date whose light is already amber: every open item due in [today, this day] is
 * amber. (amberFrom never decreases as the due date moves later, so the amber due dates are one range — which
 * lets a list query the light with one BETWEEN instead of a calendar per row.)
 */
export function amberUntil(today: string, cal: WorkCalendar, workdays: number = AMBER_WORKDAYS): string {
  let due = today;
  while (amberFrom(addDays(due, 1), cal, workdays) <= today) due = addDays(due, 1);
  return due;
}

export interface LightInput {
  open: boolean;
  dueDate: string | null;
}

/** An item's light on `today`; `amberLast` is amberUntil(today, …). */
export function itemLight(item: LightInput, today: string, amberLast: string): ItemLight | null {
  if (!item.open || item.dueDate === null) return null;
  if (item.dueDate < today) return "RED";
  if (item.dueDate <= amberLast) return "AMBER";
  return "GREEN";
}
