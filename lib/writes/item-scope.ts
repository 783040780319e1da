// Loads the item an action is about to change, locked, with the units it belongs to: the permission check
// and the write then see the same state (ids from the client are untrusted and re-checked here).
import type { Confidence, ItemStatus, Prisma } from "../generated/prisma/client";
import { failure } from "../forms/result";
import { can, type Actor, type Permission, type UnitScope } from "../permissions";
import { Refusal } from "./failure";

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

/**
 * The item an action is about to change, locked, once `actor` may do `permission` on ITS units; otherwise a
 * Refusal: missing, outside the actor's units, or retired (kept read-only).
 */
export async function loadItemForWriting(
  tx: Tx,
  actor: Actor,
  permission: Permission,
  itemId: number,
): Promise<LockedItem> {
  const item = await lockItem(tx, itemId);
  if (!item) throw new Refusal(failure("not-found"));
  if (!can(actor, permission, item.scope)) throw new Refusal(failure("forbidden"));
  if (item.retired) throw new Refusal(failure("invalid", "editing.errors.retired"));
  return item;
}
