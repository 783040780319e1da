// What changed on an item after the version a person's form was loaded at, for the "someone else saved
// meanwhile" message: one entry per changed field per history row, old → new, who and when. Values are made
// readable here (unit, region and conference names) so the client only translates enum values.
import type { Prisma } from "../generated/prisma/client";
import type { ItemSnapshot } from "./snapshot";

type Tx = Prisma.TransactionClient;

export interface MeanwhileChange {
  version: number;
  field: string;
  /** "status" and "confidence" values are enum keys the form translates; everything else is display text */
  kind: "status" | "confidence" | "text";
  from: string | null;
  to: string | null;
  by: string | null;
  at: string;
}

export interface ConflictInfo {
  currentVersion: number;
  changes: MeanwhileChange[];
}

/** Fields that change with every progress update and say nothing on their own. */
const QUIET_FIELDS = new Set(["lastUpdateAt"]);

export async function describeChangesSince(tx: Tx, itemId: number, sinceVersion: number): Promise<ConflictInfo> {
  const rows = await tx.itemHistory.findMany({
    where: { itemId, version: { gte: sinceVersion } },
    orderBy: { version: "asc" },
    select: {
      version: true,
      changedAt: true,
      changedFields: true,
      snapshot: true,
      actor: { select: { displayName: true } },
    },
  });
  const base = rows[0]?.version === sinceVersion ? rows.shift() : undefined;
  const [units, regions, conferences] = await Promise.all([
    tx.unit.findMany({ select: { id: true, name: true } }),
    tx.region.findMany({ select: { id: true, name: true } }),
    tx.conference.findMany({ select: { id: true, number: true, theme: true } }),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const conferenceName = new Map(conferences.map((c) => [c.id, `${c.number}. ${c.theme}`]));

  const show = (field: string, value: unknown): string | null => {
    if (value === null || value === undefined) return null;
    const names = (ids: unknown, map: Map<number, string>) =>
      (ids as number[]).map((id) => map.get(id) ?? `#${id}`).join("、") || null;
    switch (field) {
      case "leadUnitId":
      case "coLeadUnitId":
        return unitName.get(value as number) ?? `#${String(value)}`;
      case "supportingUnitIds":
        return names(value, unitName);
      case "regionIds":
        return names(value, regionName);
      case "conferenceIds":
        return names(value, conferenceName);
      case "milestones":
        return (
          (value as ItemSnapshot["milestones"])
            .map((m) => `${m.title} (${m.plannedDate}${m.completedDate ? ` ✓ ${m.completedDate}` : ""})`)
            .join("；") || null
        );
      case "progress":
        return `${String(value)}%`;
      default:
        return String(value);
    }
  };

  let previous = (base?.snapshot ?? null) as ItemSnapshot | null;
  const changes: MeanwhileChange[] = [];
  for (const row of rows) {
    const snapshot = row.snapshot as unknown as ItemSnapshot;
    // A progress update that repeats the last status still counts: keep lastUpdateAt when it is all there is.
    const loud = row.changedFields.filter((f) => !QUIET_FIELDS.has(f));
    for (const field of loud.length > 0 ? loud : row.changedFields) {
      const key = field as keyof ItemSnapshot;
      changes.push({
        version: row.version,
        field,
        kind: field === "status" ? "status" : field === "confidence" ? "confidence" : "text",
        from: previous ? show(field, previous[key]) : null,
        to: show(field, snapshot[key]),
        by: row.actor?.displayName ?? null,
        at: row.changedAt.toISOString(),
      });
    }
    previous = snapshot;
  }
  const currentVersion = rows.at(-1)?.version ?? base?.version ?? sinceVersion;
  return { currentVersion, changes };
}
