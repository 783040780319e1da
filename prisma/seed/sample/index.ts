// The sample dataset (示例数据): fictional units, accounts, owners, dates, milestones and a year of progress
// updates on top of the document seed, so the dashboard has something to show. Deterministic for a given
// `now`; every change is dated in (start, now] and marked isSample.
import type { Prisma } from "../../../lib/generated/prisma/client";
import { ensureAccounts } from "./accounts";
import { applyTimeline, type ApplyCounts } from "./apply";
import { planOwnership, type ItemInfo, type RegionInfo } from "./ownership";
import { createRng, hashString, SampleCalendar } from "./random";
import { chooseFlags, chooseLinks, type PlannedItem } from "./select";
import { planTimeline } from "./timeline";
import { ensureUnits } from "./units";

export { SAMPLE_PASSWORD, sampleAccounts } from "./accounts";

type Tx = Prisma.TransactionClient;

/** Fixed seed: the date of the first joint conference. */
export const SAMPLE_SEED = 20200317;

export interface SampleSummary {
  /** sample units created (units the document seed already had are reused, not counted) */
  units: number;
  users: number;
  /** action items given an owner, dates and links */
  itemsAssigned: number;
  progressUpdates: number;
  milestones: number;
  dueDateRevisions: number;
  /** jointly led items whose two sides report differently in the last month */
  disagreements: number;
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
      pillarNumber: r.pillar.number,
      recommendationTitle: r.parent?.title ?? "",
      regionIds: r.regions.map((x) => x.regionId).sort((a, b) => a - b),
    }))
    .sort((a, b) => compareCodes(a.code, b.code));
}

export async function loadSampleData(tx: Tx, opts: SampleOptions): Promise<SampleSummary> {
  const cal = new SampleCalendar(opts.start, opts.now);
  const today = cal.lastDay + 1;

  const regions = await tx.region.findMany({
    select: { id: true, name: true, side: true, kind: true },
    orderBy: { name: "asc" },
  });
  const conferences = await tx.conference.findMany({ select: { id: true, number: true } });
  const items = await loadItems(tx);

  const units = await ensureUnits(tx, regions);
  const accounts = await ensureAccounts(tx, units, opts.hashPassword);

  const regionById = new Map<number, RegionInfo>(regions.map((r) => [r.id, r]));
  const planned: PlannedItem[] = items.map((info) => ({
    info,
    own: planOwnership(info, regionById, units, cal, createRng(SAMPLE_SEED ^ hashString(`owner:${info.code}`))),
  }));
  const flags = chooseFlags(planned, today, createRng(SAMPLE_SEED ^ hashString("flags")), (id) =>
    accounts.editorByUnit.has(id),
  );
  const links = chooseLinks(
    planned,
    regions,
    new Map(conferences.map((c) => [c.number, c.id])),
    createRng(SAMPLE_SEED ^ hashString("links")),
  );

  const counts: ApplyCounts = { progressUpdates: 0, milestones: 0, dueDateRevisions: 0 };
  let disagreements = 0;
  for (const { info, own } of planned) {
    const itemFlags = flags.get(info.code)!;
    const rng = createRng(SAMPLE_SEED ^ hashString(`timeline:${info.code}`));
    const events = planTimeline({
      item: info,
      own,
      flags: itemFlags,
      cal,
      rng,
      editors: {
        lead: accounts.editorByUnit.has(own.lead.id),
        coLead: own.coLead !== null && accounts.editorByUnit.has(own.coLead.id),
      },
    });
    await applyTimeline(tx, { itemId: info.id, own, links: links.get(info.code)!, events, accounts, cal, rng }, counts);
    if (itemFlags.disagreement) disagreements++;
  }

  return {
    units: units.created,
    users: accounts.created,
    itemsAssigned: planned.length,
    ...counts,
    disagreements,
  };
}
