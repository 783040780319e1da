// Loads the item an action is about to change, locked, with the units it belongs to: the permission check
// and the write then see the same state (ids from the client are untrusted and re-checked here).
import type { Prisma } from "../generated/prisma/client";
import { failure } from "../forms/result";
import { can, type Actor, type Permission, type UnitScope } from "../permissions";
import { Refusal } from "./failure";

type Tx = Prisma.TransactionClient;

const lockedSelect = {
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
} satisfies Prisma.ItemSelect;

type LockedRow = Prisma.ItemGetPayload<{ select: typeof lockedSelect }>;

/** The selected columns, with the units as a UnitScope and retiredAt as a flag. */
export type LockedItem = Omit<LockedRow, "retiredAt" | "leadUnitId" | "coLeadUnitId" | "supportingUnits"> & {
  retired: boolean;
  scope: UnitScope;
};

export async function lockItem(tx: Tx, itemId: number): Promise<LockedItem | null> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM items WHERE id = ${itemId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const item = await tx.item.findUnique({ where: { id: itemId }, select: lockedSelect });
  if (!item) return null;
  const { retiredAt, leadUnitId, coLeadUnitId, supportingUnits, ...columns } = item;
  return {
    ...columns,
    retired: retiredAt !== null,
    scope: { leadUnitId, coLeadUnitId, supportingUnitIds: supportingUnits.map((s) => s.unitId) },
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
