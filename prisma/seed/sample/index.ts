// The sample dataset (示例数据): fictional units, accounts, owners, dates, milestones and a year of the reporting
// cycle on top of the document seed: twelve closed monthly periods and the current one open, each item's lead
// (and co-lead) unit reporting into them — mostly on time, some late, a few returned and revised, some missing —
// reviewed by the sample coordinators, with evidence and 销号 for completed items. Deterministic for a given
// `now`; every change is dated in (start, now] through the app's own write paths, and marked isSample.
import type { Prisma } from "../../../lib/generated/prisma/client";
import { ensureAccounts } from "./accounts";
import { applyYear, emptyCounts, type ApplyCounts, type ItemRun } from "./apply";
import { planOwnership, type ItemInfo, type RegionInfo } from "./ownership";
import { samplePeriods } from "./periods";
import { createRng, hashString, SampleCalendar } from "./random";
import { chooseFlags, chooseLinks, type PlannedItem } from "./select";
import { planTimeline, type UnitHabit } from "./timeline";
import { ensureUnits, type UnitRef } from "./units";

export { SAMPLE_PASSWORD, sampleAccounts } from "./accounts";

type Tx = Prisma.TransactionClient;

/** Fixed seed: the date of the first joint conference. */
export const SAMPLE_SEED = 20200317;

export interface SampleSummary extends ApplyCounts {
  /** sample units created (units the document seed already had are reused, not counted) */
  units: number;
  users: number;
  /** action items given an owner, dates and links */
  itemsAssigned: number;
  /** jointly led items whose two sides report differently in the last closed period */
  disagreements: number;
}

/**
 * How punctually each unit reports, fixed per unit (by its name): most are prompt, some steady, a few slack —
 * so a period's 情况通报 names the same few units behind, as real ones do.
 */
function habitOf(unit: UnitRef): UnitHabit {
  const rng = createRng(SAMPLE_SEED ^ hashString(`habit:${unit.name}`));
  return rng.weighted<UnitHabit>([
    [{ missing: 0.02, late: 0.04, returned: 0.04 }, 5],
    [{ missing: 0.05, late: 0.1, returned: 0.07 }, 3.5],
    [{ missing: 0.12, late: 0.2, returned: 0.1 }, 1.5],
  ]);
}

export interface SampleOptions {
  now: Date;
  start: Date;
  hashPassword: (plain: string) => Promise<string>;
}

/** "3.1.10" after "3.1.9". */
function compareCodes(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

async function loadItems(tx: Tx): Promise<ItemInfo[]> {
  const rows = await tx.item.findMany({
    where: { level: "ACTION", retiredAt: null },
    select: {
      id: true,
      code: true,
      title: true,
      sourceExcerpt: true,
      pillar: { select: { number: true } },
      parent: { select: { title: true } },
      regions: { select: { regionId: true } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      excerpt: r.sourceExcerpt,
      pillarNumber: r.pillar.number,
      recommendationTitle: r.parent?.title ?? "",
      regionIds: r.regions.map((x) => x.regionId).sort((a, b) => a - b),
    }))
    .sort((a, b) => compareCodes(a.code, b.code));
}

export async function loadSampleData(tx: Tx, opts: SampleOptions): Promise<SampleSummary> {
  const cal = new SampleCalendar(opts.start, opts.now);
  const today = cal.lastDay + 1;
  const settings = await tx.cycleSettings.findUniqueOrThrow({ where: { id: 1 } });
  if (settings.periodKind !== "MONTHLY") throw new Error("sample data: the reporting cycle must be monthly");
  const periods = samplePeriods(cal, settings.deadlineDay);

  const regions = await tx.region.findMany({
    select: { id: true, name: true, side: true, kind: true },
    orderBy: { name: "asc" },
  });
  const conferences = await tx.conference.findMany({ select: { id: true, number: true } });
  const items = await loadItems(tx);

  const units = await ensureUnits(tx, regions);
  const regionById = new Map<number, RegionInfo>(regions.map((r) => [r.id, r]));
  const planned: PlannedItem[] = items.map((info) => ({
    info,
    own: planOwnership(info, regionById, units, cal, createRng(SAMPLE_SEED ^ hashString(`owner:${info.code}`))),
  }));
  // Every unit that leads or co-leads an item reports each period, so each has a reporting clerk.
  const reporting = new Map<number, UnitRef>();
  for (const { own } of planned) for (const u of [own.lead, own.coLead]) if (u) reporting.set(u.id, u);
  const accounts = await ensureAccounts(tx, units, opts.hashPassword, [...reporting.values()]);

  const flags = chooseFlags(planned, today, createRng(SAMPLE_SEED ^ hashString("flags")), (id) =>
    accounts.editorByUnit.has(id),
  );
  const links = chooseLinks(
    planned,
    regions,
    new Map(conferences.map((c) => [c.number, c.id])),
    createRng(SAMPLE_SEED ^ hashString("links")),
  );

  let disagreements = 0;
  const runs: ItemRun[] = planned.map(({ info, own }) => {
    const itemFlags = flags.get(info.code)!;
    if (itemFlags.disagreement) disagreements++;
    const plan = planTimeline({
      item: info,
      own,
      flags: itemFlags,
      cal,
      rng: createRng(SAMPLE_SEED ^ hashString(`timeline:${info.code}`)),
      periods,
      habits: { lead: habitOf(own.lead), coLead: own.coLead ? habitOf(own.coLead) : null },
    });
    return { itemId: info.id, code: info.code, own, links: links.get(info.code)!, plan };
  });

  const counts = emptyCounts();
  await applyYear(tx, { items: runs, accounts, periods, now: opts.now }, counts);

  return {
    units: units.created,
    users: accounts.created,
    itemsAssigned: planned.length,
    ...counts,
    disagreements,
  };
}
