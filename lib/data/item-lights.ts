import "server-only";
// Item lights (红黄灯) for pages: the one date bound a list compares due dates with (lib/item-light.ts
// amberUntil), computed once per day and data version — the calendar's entries and the chase's settings bump
// the data version, so an administrator's change shows at once.
import { readThrough } from "../cache/data-version";
import { db } from "../db";
import { queryAmberUntil } from "../queries/chase-calendar";

/** On `day`, the latest due date whose light is already amber. Not per person: no permission needed. */
export function amberLastFor(day: string): Promise<string> {
  return readThrough(`lights:amber-until:${day}`, [], () => queryAmberUntil(db(), day));
}
