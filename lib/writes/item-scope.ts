// Loads the item an action is about to change, locked, with the units it belongs to: the permission check
// and the write then see the same state (ids from the client are untrusted and re-checked here).
import type { Confidence, ItemStatus, Prisma } from "../generated/prisma/client";
import { failure } from "../forms/result";
import { can, type Actor, type Permission, type UnitScope } from "../permissions";
import { Refusal } from "./failure";

type Tx = Prisma.TransactionClient;

/** The columns of a locked item (enums as their names, DATE columns as Dates). */
interface LockedColumns {
  id: number;
  code: string;
  version: number;
  retiredAt: Date | null;
  status: ItemStatus;
  progress: number | null;
  confidence: Confidence | null;
  dueDate: Date | null;
  originalDueDate: Date | null;
  leadUnitId: number | null;
  coLeadUnitId: number | null;
}

/** The locked item's columns, with its units as a UnitScope and retiredAt as a flag. */
export type LockedItem = Omit<LockedColumns, "retiredAt" | "leadUnitId" | "coLeadUnitId"> & {
  retired: boolean;
  scope: UnitScope;
};

export async function lockItem(tx: Tx, itemId: number): Promise<LockedItem | null> {
  // The row is read by the statement that locks it (after any writer it waited for has committed), and its
  // supporting units after that, as a second statement sees them.
  const [locked] = await tx.$queryRaw<LockedColumns[]>`
    SELECT id, code, version, retired_at AS "retiredAt", status::text AS status, progress,
           confidence::text AS confidence, due_date AS "dueDate", original_due_date AS "originalDueDate",
           lead_unit_id AS "leadUnitId", co_lead_unit_id AS "coLeadUnitId"
      FROM items WHERE id = ${itemId} FOR UPDATE`;
  if (!locked) return null;
  const supporting = await tx.itemSupportingUnit.findMany({ where: { itemId }, select: { unitId: true } });
  const { retiredAt, leadUnitId, coLeadUnitId, ...columns } = locked;
  return {
    ...columns,
    retired: retiredAt !== null,
    scope: { leadUnitId, coLeadUnitId, supportingUnitIds: supporting.map((s) => s.unitId) },
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
