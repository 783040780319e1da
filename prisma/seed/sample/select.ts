// Choices made across all items at once, so the sample has set shares: ~15% completed, a few on hold, two
// cancelled, ~10% with a revised due date, ~8% stale, five disagreements, and conference/region links.
import type { Rng } from "./random";
import type { ItemInfo, Ownership, RegionInfo } from "./ownership";
import { extraRegion } from "./ownership";
import type { Profile, TimelineFlags } from "./timeline";
import { conferenceThemes } from "./topics";

export interface PlannedItem {
  info: ItemInfo;
  own: Ownership;
}

export const DISAGREEMENT_COUNT = 5;
export const CANCELLED_COUNT = 2;

function take<T>(rng: Rng, pool: T[], count: number, chosen: Set<T>): T[] {
  const picked = rng.sample(
    pool.filter((p) => !chosen.has(p)),
    count,
  );
  for (const p of picked) chosen.add(p);
  return picked;
}

/**
 * Flags per item code. `today` is the day number of `now`; `hasEditor` says whether a unit has an editor
 * account (disagreements need one on each side).
 */
export function chooseFlags(
  items: PlannedItem[],
  today: number,
  rng: Rng,
  hasEditor: (unitId: number) => boolean,
): Map<string, TimelineFlags> {
  const n = items.length;
  const profile = new Map<PlannedItem, Profile>();
  const dueIn = (p: PlannedItem) => p.own.dueDay - today;

  const notStarted = take(
    rng,
    items.filter((p) => dueIn(p) > 200),
    Math.round(n * 0.07),
    new Set(),
  );
  for (const p of notStarted) profile.set(p, "notStarted");
  for (const p of items) {
    if (profile.has(p)) continue;
    const d = dueIn(p);
    // A proposal is done only when the state says yes: few are, whatever their due date.
    const odds = p.own.kind === "proposal" ? 0.25 : 1;
    if (rng.chance((d < 0 ? 0.45 : d <= 200 ? 0.08 : 0.02) * odds)) profile.set(p, "completed");
  }
  const open = items.filter((p) => !profile.has(p));
  const used = new Set<PlannedItem>();
  for (const p of take(
    rng,
    open.filter((p) => dueIn(p) > 0),
    CANCELLED_COUNT,
    used,
  ))
    profile.set(p, "cancelled");
  for (const p of take(rng, open, Math.round(n * 0.05), used)) profile.set(p, "onHold");

  const disagreeing = new Set(
    take(
      rng,
      open.filter(
        (p) => p.own.coLead && hasEditor(p.own.lead.id) && hasEditor(p.own.coLead.id) && p.own.startDay < today - 90,
      ),
      DISAGREEMENT_COUNT,
      used,
    ),
  );
  const revisable = open.filter((p) => profile.get(p) !== "cancelled");
  const nearDue = revisable.filter((p) => dueIn(p) >= -200 && dueIn(p) <= 150);
  const revisionTarget = Math.round(n * 0.1);
  const revised = new Set<PlannedItem>();
  take(rng, nearDue, Math.round(revisionTarget * 0.7), revised);
  take(rng, revisable, revisionTarget - revised.size, revised);
  const stale = new Set<PlannedItem>();
  take(
    rng,
    revisable.filter((p) => !disagreeing.has(p)),
    Math.round(n * 0.08),
    stale,
  );

  const flags = new Map<string, TimelineFlags>();
  for (const p of items) {
    let prof = profile.get(p) ?? "active";
    if (prof === "active" && !revised.has(p) && rng.chance(0.2)) prof = "lagging";
    flags.set(p.info.code, {
      profile: prof,
      stale: stale.has(p),
      revise: revised.has(p),
      disagreement: disagreeing.has(p),
      milestones: rng.chance(0.45),
    });
  }
  return flags;
}

export interface ExtraLinks {
  /** the item's full region list, when one is added */
  regionIds?: number[];
  conferenceIds: number[];
}

/**
 * A few items get a region the document does not link, and items are linked to the joint conference whose
 * theme fits (about half of the fitting ones, at least one per conference).
 */
export function chooseLinks(
  items: PlannedItem[],
  regions: RegionInfo[],
  conferenceIdByNumber: Map<number, number>,
  rng: Rng,
): Map<string, ExtraLinks> {
  const links = new Map<string, ExtraLinks>(items.map((p) => [p.info.code, { conferenceIds: [] }]));
  for (const p of rng.sample(items, Math.min(10, Math.round(items.length * 0.07)))) {
    const regionId = extraRegion(p.info, p.own, regions, rng);
    if (regionId !== null) links.get(p.info.code)!.regionIds = [...p.info.regionIds, regionId];
  }

  const candidates = new Map<number, PlannedItem[]>();
  for (const p of items) {
    const themes = conferenceThemes({
      code: p.info.code,
      pillarNumber: p.info.pillarNumber,
      recommendationTitle: p.info.recommendationTitle,
      title: p.info.title,
      excerpt: p.info.excerpt,
      topic: p.own.topic,
      kind: p.own.kind,
    });
    for (const number of themes) candidates.set(number, [...(candidates.get(number) ?? []), p]);
  }
  for (const [number, conferenceId] of [...conferenceIdByNumber].sort((a, b) => a[0] - b[0])) {
    const pool = candidates.get(number) ?? [];
    const chosen =
      pool.length > 0 ? rng.sample(pool, Math.max(1, Math.round(pool.length * 0.5))) : rng.sample(items, 1);
    for (const p of chosen) links.get(p.info.code)!.conferenceIds.push(conferenceId);
  }
  return links;
}
