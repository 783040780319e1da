import "server-only";
// Item lights (红黄灯) for pages: the one date bound a list compares due dates with (lib/item-light.ts
// amberUntil), computed once per day and reference version — the calendar's entries and the chase's settings
// move it, so an administrator's change shows at once — and the dashboard's counts per pillar.
import { requirePermission } from "../auth/session";
import { currentDataVersion, livePortfolio, readThroughReference, readThroughSettled } from "../cache/data-version";
import { db } from "../db";
import { amberUntil } from "../item-light";
import { loadLightRule } from "../queries/chase-calendar";
import { queryItemLightCounts, type PillarLights } from "../queries/item-lights";
import { liveItemLightCounts } from "../queries/live-figures";
import type { AsOfSelection } from "../as-of-selection";

export type { PillarLights };

/** The calendar and the amber lead in working days, kept at the reference version. Not per person: no permission needed. */
export function lightRule(): ReturnType<typeof loadLightRule> {
  return readThroughReference("lights:rule", () => loadLightRule(db()));
}

/**
 * On `day`, the latest due date whose light is already amber. Not per person: no permission needed. From the
 * kept rule (queryAmberUntil's own steps), so a page that needs both reads the calendar once per reference version.
 */
export function amberLastFor(day: string): Promise<string> {
  return readThroughReference(`lights:amber-until:${day}`, async () => {
    const { calendar, workdays } = await lightRule();
    return amberUntil(day, calendar, workdays);
  });
}

/** Red, amber and green action items per pillar, live or as of the selected day. */
export async function getItemLightCounts(
  m: Pick<AsOfSelection, "before" | "day">,
): Promise<{ amberLast: string; workdays: number; pillars: PillarLights[] }> {
  await requirePermission("portfolio:read");
  const [amberLast, workdays] = await Promise.all([amberLastFor(m.day), lightRule().then((r) => r.workdays)]);
  const key = `dashboard:lights:${m.before?.toISOString() ?? "live"}:${m.day}:${amberLast}`;
  // Live: from the process's table of item states (lib/cache/live-portfolio.ts), not a scan of the portfolio.
  const pillars = await readThroughSettled(key, [m.before], async () =>
    m.before === null
      ? liveItemLightCounts(await livePortfolio().at((await currentDataVersion()).version), m.day, amberLast)
      : queryItemLightCounts(db(), { before: m.before, day: m.day, amberLast }),
  );
  return { amberLast, workdays, pillars };
}
