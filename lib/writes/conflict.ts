// What changed on an item after the version a person's form was loaded at, for the "someone else saved
// meanwhile" message: one entry per changed field per history row, old → new, who and when. Values are made
// readable here, as the item page's history shows them, so the client only translates enum values.
import type { Prisma } from "../generated/prisma/client";
import { loadSnapshotNames, loudFields, snapshotValueText, type FieldChange, type ItemSnapshot } from "./snapshot";

type Tx = Prisma.TransactionClient;

/** One changed field of one history row; values as in the item's history (snapshotValueText). */
export interface MeanwhileChange extends FieldChange {
  version: number;
  by: string | null;
  at: string;
}

export interface ConflictInfo {
  currentVersion: number;
  changes: MeanwhileChange[];
}

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
  const names = await loadSnapshotNames(tx);

  let previous = (base?.snapshot ?? null) as ItemSnapshot | null;
  const changes: MeanwhileChange[] = [];
  for (const row of rows) {
    const snapshot = row.snapshot as unknown as ItemSnapshot;
    // A progress update that repeats the last status still counts: keep lastUpdateAt when it is all there is.
    for (const field of loudFields(row.changedFields, true)) {
      const key = field as keyof ItemSnapshot;
      const to = snapshotValueText(field, snapshot[key], names);
      changes.push({
        version: row.version,
        field,
        kind: to.kind,
        from: previous ? snapshotValueText(field, previous[key], names).text : null,
        to: to.text,
        by: row.actor?.displayName ?? null,
        at: row.changedAt.toISOString(),
      });
    }
    previous = snapshot;
  }
  const currentVersion = rows.at(-1)?.version ?? base?.version ?? sinceVersion;
  return { currentVersion, changes };
}
