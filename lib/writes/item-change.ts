// The one way an item is created or changed. Every write (staff edits, progress updates, imports, seeding)
// goes through here, so that the change, the version bump and the item_history row share one transaction.
// The database backs this up: a trigger refuses an item UPDATE that does not bump the version by one, and a
// deferred constraint trigger refuses a commit where an item version has no history row.
import type { HistoryAction, Item, Prisma } from "../generated/prisma/client";
import { diffSnapshots, readSnapshot, recordedValue, relatedOf, snapshotOf, type ItemSnapshot } from "./snapshot";
import { now } from "../clock";
import { emitWebhookEvent } from "./webhook-events";

type Tx = Prisma.TransactionClient;

export class ItemNotFoundError extends Error {
  constructor(readonly itemId: number) {
    super(`item ${itemId} does not exist`);
    this.name = "ItemNotFoundError";
  }
}

/** Someone else saved the item since the caller read it (optimistic locking). */
export class VersionConflictError extends Error {
  constructor(
    readonly itemId: number,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`item ${itemId} is at version ${actualVersion}, not ${expectedVersion}`);
    this.name = "VersionConflictError";
  }
}

/** The columns a change may set: all but the item's identity (code, level, source text) and bookkeeping. */
export type ItemFields = Partial<
  Omit<Item, "id" | "code" | "level" | "sourceExcerpt" | "version" | "createdAt" | "updatedAt">
>;

export interface ItemLinks {
  supportingUnitIds?: number[];
  regionIds?: number[];
  conferenceIds?: number[];
}

export interface ChangeContext {
  /** null for system changes (seeding) */
  actorId: number | null;
  /** when the change happened; defaults to now (the sample dataset back-dates its history) */
  at?: Date;
  reason?: string | null;
  isSample?: boolean;
}

export interface ChangeRequest {
  action: HistoryAction;
  /** the version the caller read; omit only for system changes that must not conflict */
  expectedVersion?: number;
  fields?: ItemFields;
  links?: ItemLinks;
  /** extra writes to the item's own rows (e.g. milestones), run inside the same transaction */
  mutate?: (tx: Tx) => Promise<void>;
}

export interface ChangeResult {
  version: number;
  changedFields: string[];
}

const sortedSet = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);
const sameSet = (a: readonly number[], b: readonly number[]) => {
  const x = sortedSet(a);
  const y = sortedSet(b);
  return x.length === y.length && x.every((id, i) => id === y[i]);
};

/** What `fields` and `links` would make of `before`, in snapshot form, to detect no-op changes cheaply. */
function project(before: ItemSnapshot, fields: ItemFields, links: ItemLinks): ItemSnapshot {
  const next: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) next[key] = recordedValue(key, value);
  }
  if (links.supportingUnitIds) next.supportingUnitIds = sortedSet(links.supportingUnitIds);
  if (links.regionIds) next.regionIds = sortedSet(links.regionIds);
  if (links.conferenceIds) next.conferenceIds = sortedSet(links.conferenceIds);
  return next as unknown as ItemSnapshot;
}

/**
 * The link sets of `links` that differ from the item's: an edit form sends every set each time, and rewriting
 * an unchanged one deleted and inserted its rows (and moved the data version's triggers) for nothing.
 */
function changedLinks(before: ItemSnapshot, links: ItemLinks): ItemLinks {
  const keep = (ids: number[] | undefined, was: readonly number[]) =>
    ids === undefined || sameSet(ids, was) ? undefined : ids;
  return {
    supportingUnitIds: keep(links.supportingUnitIds, before.supportingUnitIds),
    regionIds: keep(links.regionIds, before.regionIds),
    conferenceIds: keep(links.conferenceIds, before.conferenceIds),
  };
}

async function replaceLinks(tx: Tx, itemId: number, links: ItemLinks): Promise<void> {
  if (links.supportingUnitIds) {
    await tx.itemSupportingUnit.deleteMany({ where: { itemId } });
    await tx.itemSupportingUnit.createMany({
      data: [...new Set(links.supportingUnitIds)].map((unitId) => ({ itemId, unitId })),
    });
  }
  if (links.regionIds) {
    await tx.itemRegion.deleteMany({ where: { itemId } });
    await tx.itemRegion.createMany({ data: [...new Set(links.regionIds)].map((regionId) => ({ itemId, regionId })) });
  }
  if (links.conferenceIds) {
    await tx.itemConference.deleteMany({ where: { itemId } });
    await tx.itemConference.createMany({
      data: [...new Set(links.conferenceIds)].map((conferenceId) => ({ itemId, conferenceId })),
    });
  }
}

/** A new item version, as recorded: its history row and its webhook event. */
interface NewVersion {
  itemId: number;
  version: number;
  snapshot: ItemSnapshot;
  action: HistoryAction;
  changedFields: string[];
  ctx: ChangeContext;
  at: Date;
}

/** Records a new version in the change's transaction: the history row, then the webhook event (item.changed). */
async function recordVersion(tx: Tx, v: NewVersion): Promise<void> {
  await writeHistory(tx, v);
  await emitWebhookEvent(
    tx,
    "item.changed",
    {
      itemId: v.itemId,
      code: v.snapshot.code,
      version: v.version,
      action: v.action,
      changedFields: v.changedFields,
      status: v.snapshot.status,
      progress: v.snapshot.progress,
      actorId: v.ctx.actorId,
      reason: v.ctx.reason ?? null,
    },
    v.at,
  );
}

async function writeHistory(
  tx: Tx,
  { itemId, version, snapshot, action, changedFields, ctx, at }: NewVersion,
): Promise<void> {
  await tx.itemHistory.create({
    data: {
      itemId,
      version,
      changedAt: at,
      actorId: ctx.actorId,
      action,
      changedFields,
      reason: ctx.reason ?? null,
      pillarId: snapshot.pillarId,
      parentId: snapshot.parentId,
      leadUnitId: snapshot.leadUnitId,
      status: snapshot.status as never,
      confidence: snapshot.confidence as never,
      progress: snapshot.progress,
      weight: snapshot.weight,
      dueDate: snapshot.dueDate ? new Date(snapshot.dueDate) : null,
      retired: snapshot.retiredAt !== null,
      lastUpdateAt: snapshot.lastUpdateAt ? new Date(snapshot.lastUpdateAt) : null,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      isSample: ctx.isSample ?? false,
    },
  });
}

/**
 * Changes an item and records its new state. Locks the item row first, so concurrent writers queue and the
 * second one sees the first one's version (and gets a VersionConflictError if it expected the old one).
 * A request that would change nothing writes nothing and returns an empty changedFields.
 */
export async function changeItem(
  tx: Tx,
  itemId: number,
  req: ChangeRequest,
  ctx: ChangeContext,
): Promise<ChangeResult> {
  const locked = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM items WHERE id = ${itemId} FOR UPDATE`;
  const current = locked[0];
  if (!current) throw new ItemNotFoundError(itemId);
  if (req.expectedVersion !== undefined && req.expectedVersion !== current.version) {
    throw new VersionConflictError(itemId, req.expectedVersion, current.version);
  }
  const before = await readSnapshot(tx, itemId);
  if (!before) throw new ItemNotFoundError(itemId);

  const fields = req.fields ?? {};
  const links = changedLinks(before.snapshot, req.links ?? {});
  if (!req.mutate && diffSnapshots(before.snapshot, project(before.snapshot, fields, links)).length === 0) {
    return { version: current.version, changedFields: [] };
  }

  const at = ctx.at ?? now();
  await replaceLinks(tx, itemId, links);
  if (req.mutate) await req.mutate(tx);
  const version = current.version + 1;
  const updated = await tx.item.update({ where: { id: itemId }, data: { ...fields, version, updatedAt: at } });

  // The new state as stored: the updated row's columns, and its links and milestones read again only when this
  // change wrote them (otherwise, under the item's lock, they are those just read).
  const touchedRelated = req.mutate !== undefined || Object.values(links).some((ids) => ids !== undefined);
  const after = touchedRelated
    ? (await readSnapshot(tx, itemId))!.snapshot
    : snapshotOf(updated, relatedOf(before.snapshot));
  const changedFields = diffSnapshots(before.snapshot, after);
  await recordVersion(tx, { itemId, version, snapshot: after, action: req.action, changedFields, ctx, at });
  return { version, changedFields };
}

export type NewItem = ItemFields & Pick<Item, "code" | "pillarId" | "level" | "title" | "sourceExcerpt">;

/** Creates an item at version 1 with its CREATE history row. */
export async function createItem(tx: Tx, data: NewItem, links: ItemLinks, ctx: ChangeContext): Promise<number> {
  const at = ctx.at ?? now();
  const item = await tx.item.create({ data: { ...data, version: 1, createdAt: at, updatedAt: at } });
  await replaceLinks(tx, item.id, links);
  const after = await readSnapshot(tx, item.id);
  const changedFields = diffSnapshots(null, after!.snapshot);
  await recordVersion(tx, {
    itemId: item.id,
    version: 1,
    snapshot: after!.snapshot,
    action: "CREATE",
    changedFields,
    ctx,
    at,
  });
  return item.id;
}
