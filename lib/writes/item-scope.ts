// Loads the item an action is about to change, locked, with the units it belongs to: the permission check
// and the write then see the same state (ids from the client are untrusted and re-checked here).
import type { Confidence, ItemStatus, Prisma } from "../generated/prisma/client";
import type { UnitScope } from "../permissions";

type Tx = Prisma.TransactionClient;

export interface LockedItem {
  id: number;
  code: string;
  version: number;
  retired: boolean;
  status: ItemStatus;
  progress: number | null;
  confidence: Confidence | null;
  dueDate: Date | null;
  originalDueDate: Date | null;
  scope: UnitScope;
}

export async function lockItem(tx: Tx, itemId: number): Promise<LockedItem | null> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM items WHERE id = ${itemId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const item = await tx.item.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      code: true,
      version: true,
      retiredAt: true,
      status: true,
      progress: true,
      confidence: true,
      dueDate: true,
      originalDueDate: true,
      leadUnitId: true,
      coLeadUnitId: true,
      supportingUnits: { select: { unitId: true } },
    },
  });
  if (!item) return null;
  return {
    id: item.id,
    code: item.code,
    version: item.version,
    retired: item.retiredAt !== null,
    status: item.status,
    progress: item.progress,
    confidence: item.confidence,
    dueDate: item.dueDate,
    originalDueDate: item.originalDueDate,
    scope: {
      leadUnitId: item.leadUnitId,
      coLeadUnitId: item.coLeadUnitId,
      supportingUnitIds: item.supportingUnits.map((s) => s.unitId),
    },
  };
}
