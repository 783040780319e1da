// The full state of an item as stored in item_history.snapshot, and the field-level diff between two states.
import type { Prisma } from "../generated/prisma/client";
import { isoDay } from "../dates";

type Tx = Prisma.TransactionClient;

export interface MilestoneSnapshot {
  id: number;
  title: string;
  plannedDate: string;
  completedDate: string | null;
}

export interface ItemSnapshot {
  code: string;
  parentId: number | null;
  pillarId: number;
  level: string;
  sortOrder: number;
  title: string;
  titleEn: string | null;
  description: string | null;
  sourceExcerpt: string;
  leadUnitId: number | null;
  coLeadUnitId: number | null;
  supportingUnitIds: number[];
  regionIds: number[];
  conferenceIds: number[];
  responsiblePerson: string | null;
  status: string;
  confidence: string | null;
  progress: number | null;
  weight: number;
  startDate: string | null;
  dueDate: string | null;
  originalDueDate: string | null;
  retiredAt: string | null;
  lastUpdateAt: string | null;
  milestones: MilestoneSnapshot[];
}

/** The old name of isoDay (lib/dates.ts), still imported by lib/actions/items.ts. */
export const isoDate = isoDay;

export async function readSnapshot(
  tx: Tx,
  itemId: number,
): Promise<{ version: number; snapshot: ItemSnapshot } | null> {
  const item = await tx.item.findUnique({
    where: { id: itemId },
    include: {
      supportingUnits: { select: { unitId: true } },
      regions: { select: { regionId: true } },
      conferences: { select: { conferenceId: true } },
      milestones: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
    },
  });
  if (!item) return null;
  const byNumber = (a: number, b: number) => a - b;
  return {
    version: item.version,
    snapshot: {
      code: item.code,
      parentId: item.parentId,
      pillarId: item.pillarId,
      level: item.level,
      sortOrder: item.sortOrder,
      title: item.title,
      titleEn: item.titleEn,
      description: item.description,
      sourceExcerpt: item.sourceExcerpt,
      leadUnitId: item.leadUnitId,
      coLeadUnitId: item.coLeadUnitId,
      supportingUnitIds: item.supportingUnits.map((s) => s.unitId).sort(byNumber),
      regionIds: item.regions.map((r) => r.regionId).sort(byNumber),
      conferenceIds: item.conferences.map((c) => c.conferenceId).sort(byNumber),
      responsiblePerson: item.responsiblePerson,
      status: item.status,
      confidence: item.confidence,
      progress: item.progress,
      weight: item.weight,
      startDate: isoDay(item.startDate),
      dueDate: isoDay(item.dueDate),
      originalDueDate: isoDay(item.originalDueDate),
      retiredAt: item.retiredAt ? item.retiredAt.toISOString() : null,
      lastUpdateAt: item.lastUpdateAt ? item.lastUpdateAt.toISOString() : null,
      milestones: item.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        plannedDate: isoDay(m.plannedDate),
        completedDate: isoDay(m.completedDate),
      })),
    },
  };
}

/** Names of the top-level fields whose values differ. */
export function diffSnapshots(before: ItemSnapshot | null, after: ItemSnapshot): string[] {
  const keys = Object.keys(after) as (keyof ItemSnapshot)[];
  if (!before) return keys;
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
