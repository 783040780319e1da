// Rules of the item tree: pillar → recommendation (工作建议) → action item (事项). Every write goes through
// change.ts, so each item touched by a tree operation gets its own history row in the same transaction.
import type { Prisma } from "../generated/prisma/client";
import { refuseField } from "./failure";
import { changeItem, createItem, ItemNotFoundError, type ChangeContext } from "./item-change";
import { now } from "../clock";

type Tx = Prisma.TransactionClient;

export type TreeParent = { kind: "pillar"; id: number } | { kind: "item"; id: number };

interface ResolvedParent {
  pillarId: number;
  parentId: number | null;
  /** outline prefix of the children's codes: the pillar number, or the parent's code */
  prefix: string;
  /** code of the parent item, or null under a pillar */
  label: string;
}

/**
 * Checks that `parent` exists and may hold an item of `level`, and locks it so two additions under the same
 * parent cannot compute the same next code. Recommendations sit directly under a pillar, action items under
 * a recommendation that is not retired.
 */
async function resolveParent(tx: Tx, parent: TreeParent, level: "RECOMMENDATION" | "ACTION"): Promise<ResolvedParent> {
  if (parent.kind === "pillar") {
    const rows = await tx.$queryRaw<
      { id: number; number: number }[]
    >`SELECT id, number FROM pillars WHERE id = ${parent.id} FOR UPDATE`;
    const pillar = rows[0];
    if (!pillar) throw refuseField("parent", "validation.unknownId");
    if (level !== "RECOMMENDATION") throw refuseField("parent", "admin.tree.errors.actionUnderPillar");
    return { pillarId: pillar.id, parentId: null, prefix: String(pillar.number), label: `pillar:${pillar.number}` };
  }
  const rows = await tx.$queryRaw<
    { id: number; code: string; level: string; pillar_id: number; retired_at: Date | null }[]
  >`
    SELECT id, code, level::text AS level, pillar_id, retired_at FROM items WHERE id = ${parent.id} FOR UPDATE`;
  const item = rows[0];
  if (!item) throw refuseField("parent", "validation.unknownId");
  if (level === "RECOMMENDATION") throw refuseField("parent", "admin.tree.errors.recommendationUnderItem");
  if (item.level !== "RECOMMENDATION") throw refuseField("parent", "admin.tree.errors.parentNotRecommendation");
  if (item.retired_at) throw refuseField("parent", "admin.tree.errors.parentRetired");
  return { pillarId: item.pillar_id, parentId: item.id, prefix: item.code, label: item.code };
}

/** Next free outline code under `prefix` (3.1 → 3.1.24 when 3.1.23 is the highest, retired ones included). */
async function nextCode(tx: Tx, prefix: string): Promise<{ code: string; sortOrder: number }> {
  const pattern = `^${prefix.replaceAll(".", "\\.")}\\.[0-9]+$`;
  const rows = await tx.$queryRaw<{ last: number | null }[]>`
    SELECT max(split_part(code, '.', ${prefix.split(".").length + 1})::int) AS last FROM items WHERE code ~ ${pattern}`;
  const next = (rows[0]?.last ?? 0) + 1;
  return { code: `${prefix}.${next}`, sortOrder: next };
}

async function nextSortOrder(tx: Tx, parent: ResolvedParent): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number | null }[]>`
    SELECT max(sort_order) AS last FROM items
    WHERE pillar_id = ${parent.pillarId} AND parent_id IS NOT DISTINCT FROM ${parent.parentId}::int`;
  return (rows[0]?.last ?? 0) + 1;
}

/** Every item below `itemId`, parents before children. */
async function descendants(tx: Tx, itemId: number): Promise<{ id: number; code: string; retiredAt: Date | null }[]> {
  const rows = await tx.$queryRaw<{ id: number; code: string; retired_at: Date | null }[]>`
    WITH RECURSIVE sub AS (
      SELECT id, code, retired_at, 1 AS depth FROM items WHERE parent_id = ${itemId}
      UNION ALL
      SELECT i.id, i.code, i.retired_at, sub.depth + 1 FROM items i JOIN sub ON i.parent_id = sub.id WHERE sub.depth < 20
    )
    SELECT id, code, retired_at FROM sub ORDER BY depth, id`;
  return rows.map((r) => ({ id: r.id, code: r.code, retiredAt: r.retired_at }));
}

async function loadItem(tx: Tx, itemId: number) {
  const item = await tx.item.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      code: true,
      level: true,
      parentId: true,
      pillarId: true,
      retiredAt: true,
      parent: { select: { code: true, retiredAt: true } },
      pillar: { select: { number: true } },
    },
  });
  if (!item) throw new ItemNotFoundError(itemId);
  return item;
}

export interface NewTreeItem {
  parent: TreeParent;
  title: string;
  titleEn: string | null;
  description: string | null;
}

/** Adds a recommendation under a pillar or an action item under a recommendation, with the next free code. */
export async function addTreeItem(
  tx: Tx,
  input: NewTreeItem,
  ctx: ChangeContext,
): Promise<{ id: number; code: string; parent: string }> {
  const level = input.parent.kind === "pillar" ? "RECOMMENDATION" : "ACTION";
  const parent = await resolveParent(tx, input.parent, level);
  const { code } = await nextCode(tx, parent.prefix);
  const sortOrder = await nextSortOrder(tx, parent);
  const id = await createItem(
    tx,
    {
      code,
      level,
      pillarId: parent.pillarId,
      parentId: parent.parentId,
      sortOrder,
      title: input.title,
      titleEn: input.titleEn,
      description: input.description,
      // Not from the source document: there is no excerpt to quote.
      sourceExcerpt: "",
    },
    {},
    ctx,
  );
  return { id, code, parent: parent.label };
}

/**
 * Moves an item under another parent (appended last). Refuses a move under the item itself or one of its
 * descendants; when the pillar changes, every descendant follows (each with its own MOVE history row).
 * The outline code stays: it is the item's identity in links, exports and meeting minutes.
 */
export async function moveTreeItem(
  tx: Tx,
  input: { itemId: number; expectedVersion: number; parent: TreeParent },
  ctx: ChangeContext,
): Promise<{ code: string; from: string; to: string; alsoMoved: string[] }> {
  const item = await loadItem(tx, input.itemId);
  const below = await descendants(tx, item.id);
  if (input.parent.kind === "item" && (input.parent.id === item.id || below.some((d) => d.id === input.parent.id))) {
    throw refuseField("parent", "admin.tree.errors.cycle");
  }
  const parent = await resolveParent(tx, input.parent, item.level);
  if (parent.parentId === item.parentId && parent.pillarId === item.pillarId)
    throw refuseField("parent", "admin.tree.errors.sameParent");
  const sortOrder = await nextSortOrder(tx, parent);
  await changeItem(
    tx,
    item.id,
    {
      action: "MOVE",
      expectedVersion: input.expectedVersion,
      fields: { parentId: parent.parentId, pillarId: parent.pillarId, sortOrder },
    },
    ctx,
  );
  const alsoMoved: string[] = [];
  if (parent.pillarId !== item.pillarId) {
    for (const d of below) {
      await changeItem(tx, d.id, { action: "MOVE", fields: { pillarId: parent.pillarId } }, ctx);
      alsoMoved.push(d.code);
    }
  }
  const from = item.parent ? item.parent.code : `pillar:${item.pillar.number}`;
  return { code: item.code, from, to: parent.label, alsoMoved };
}

/**
 * Retires an item: it stays, with its history, but no longer counts. Retiring a recommendation retires
 * its active children with it (same moment, same reason), since work under a withdrawn recommendation is
 * withdrawn too; restoring it brings back exactly those, not children retired on their own earlier.
 */
export async function retireTreeItem(
  tx: Tx,
  input: { itemId: number; expectedVersion: number },
  ctx: ChangeContext,
): Promise<{ code: string; alsoRetired: string[] }> {
  const item = await loadItem(tx, input.itemId);
  if (item.retiredAt) throw refuseField("itemId", "admin.tree.errors.alreadyRetired");
  const at = ctx.at ?? now();
  await changeItem(
    tx,
    item.id,
    { action: "RETIRE", expectedVersion: input.expectedVersion, fields: { retiredAt: at } },
    { ...ctx, at },
  );
  const alsoRetired: string[] = [];
  for (const d of await descendants(tx, item.id)) {
    if (d.retiredAt) continue;
    await changeItem(tx, d.id, { action: "RETIRE", fields: { retiredAt: at } }, { ...ctx, at });
    alsoRetired.push(d.code);
  }
  return { code: item.code, alsoRetired };
}

/** Restores a retired item (and what was retired together with it). Its parent must be active. */
export async function restoreTreeItem(
  tx: Tx,
  input: { itemId: number; expectedVersion: number },
  ctx: ChangeContext,
): Promise<{ code: string; alsoRestored: string[] }> {
  const item = await loadItem(tx, input.itemId);
  if (!item.retiredAt) throw refuseField("itemId", "admin.tree.errors.notRetired");
  if (item.parent?.retiredAt) throw refuseField("itemId", "admin.tree.errors.parentRetired");
  const retiredAt = item.retiredAt.getTime();
  await changeItem(
    tx,
    item.id,
    { action: "RESTORE", expectedVersion: input.expectedVersion, fields: { retiredAt: null } },
    ctx,
  );
  const alsoRestored: string[] = [];
  for (const d of await descendants(tx, item.id)) {
    if (d.retiredAt?.getTime() !== retiredAt) continue;
    await changeItem(tx, d.id, { action: "RESTORE", fields: { retiredAt: null } }, ctx);
    alsoRestored.push(d.code);
  }
  return { code: item.code, alsoRestored };
}
