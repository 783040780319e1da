"use server";
// The item tree: add, move, retire, restore (administrators only). Item writes go through lib/writes/item-tree.ts
// → change.ts (history row per item); the audit_log row is written in the same transaction.
import { revalidatePath } from "next/cache";
import { db } from "../db";
import { writeAudit } from "../writes/audit";
import { toFailure } from "../writes/failure";
import { addTreeItem, moveTreeItem, restoreTreeItem, retireTreeItem } from "../writes/item-tree";
import { authorizeForm } from "../auth/authorize";
import { type ActionResult } from "../forms/result";
import { addItemSchema, moveItemSchema, restoreItemSchema, retireItemSchema } from "../validations/admin";

/** A tree rule refused (see lib/writes/item-tree.ts), or a code taken by a concurrent add. */
function treeFailure(error: unknown) {
  return toFailure(error, { code: ["parent", "admin.tree.errors.codeTaken"] });
}

/** `message` is the catalogue key of the success notice; it takes the item's code. */
function done(message: string, code: string): ActionResult<{ code: string }> {
  revalidatePath("/", "layout");
  return { ok: true, message, data: { code } };
}

export async function addItem(
  _prev: ActionResult<{ code: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ code: string }>> {
  const guard = await authorizeForm("item:manage-tree", addItemSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    const added = await db().$transaction(async (tx) => {
      const result = await addTreeItem(tx, input, { actorId: guard.user.id });
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: "item.add",
        targetType: "item",
        targetId: result.id,
        details: { label: result.code, changes: { parent: { to: result.parent }, title: { to: input.title } } },
      });
      return result;
    });
    return done("admin.tree.added", added.code);
  } catch (error) {
    return treeFailure(error);
  }
}

export async function moveItem(
  _prev: ActionResult<{ code: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ code: string }>> {
  const guard = await authorizeForm("item:manage-tree", moveItemSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    const moved = await db().$transaction(async (tx) => {
      const result = await moveTreeItem(
        tx,
        { itemId: input.itemId, expectedVersion: input.version, parent: input.parent },
        { actorId: guard.user.id, reason: input.reason },
      );
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: "item.move",
        targetType: "item",
        targetId: input.itemId,
        details: {
          label: result.code,
          changes: { parent: { from: result.from, to: result.to } },
          reason: input.reason,
          alsoAffected: result.alsoMoved,
        },
      });
      return result;
    });
    return done("admin.tree.moved", moved.code);
  } catch (error) {
    return treeFailure(error);
  }
}

export async function retireItem(
  _prev: ActionResult<{ code: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ code: string }>> {
  const guard = await authorizeForm("item:manage-tree", retireItemSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    const retired = await db().$transaction(async (tx) => {
      const result = await retireTreeItem(
        tx,
        { itemId: input.itemId, expectedVersion: input.version },
        { actorId: guard.user.id, reason: input.reason },
      );
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: "item.retire",
        targetType: "item",
        targetId: input.itemId,
        details: {
          label: result.code,
          changes: { retired: { from: false, to: true } },
          reason: input.reason,
          alsoAffected: result.alsoRetired,
        },
      });
      return result;
    });
    return done("admin.tree.retiredDone", retired.code);
  } catch (error) {
    return treeFailure(error);
  }
}

export async function restoreItem(
  _prev: ActionResult<{ code: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ code: string }>> {
  const guard = await authorizeForm("item:manage-tree", restoreItemSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    const restored = await db().$transaction(async (tx) => {
      const result = await restoreTreeItem(
        tx,
        { itemId: input.itemId, expectedVersion: input.version },
        { actorId: guard.user.id, reason: input.reason },
      );
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: "item.restore",
        targetType: "item",
        targetId: input.itemId,
        details: {
          label: result.code,
          changes: { retired: { from: true, to: false } },
          reason: input.reason,
          alsoAffected: result.alsoRestored,
        },
      });
      return result;
    });
    return done("admin.tree.restored", restored.code);
  } catch (error) {
    return treeFailure(error);
  }
}
