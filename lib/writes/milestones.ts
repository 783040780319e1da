// Milestones of an item: the one write path of the item edit page's milestone actions (lib/actions/milestones.ts)
// and of the open API's POST /api/v1/items/{code}/milestones/{id}/complete (lib/api/writes.ts). Each change is a
// change of the item (history action MILESTONE; the milestone list is part of the item's snapshot), written
// through changeItem after the item is locked and the user's item:update checked against ITS units.
//
// The pages do not send the item's version with a milestone change (ticking one off while a colleague edits the
// dates should not be sent back); the API does (If-Match), and a stale one throws VersionConflictError.
import type { Actor } from "../permissions";
import { failure } from "../forms/result";
import type { Prisma } from "../generated/prisma/client";
import { Refusal } from "./failure";
import { changeItem, VersionConflictError } from "./item-change";
import { loadItemForWriting } from "./item-scope";

type Tx = Prisma.TransactionClient;
type Client = { $transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> };

export interface MilestoneTarget {
  itemId: number;
  /** the milestone acted on (null: a new one); one of another item is "not-found" */
  milestoneId: number | null;
  /** the item's version the caller read (the API's If-Match); none from the pages */
  expectedVersion?: number;
}

/** Locks the item, checks the user may edit it (and the milestone is the item's), then runs the change. */
export async function changeMilestones(
  client: Client,
  user: Actor,
  target: MilestoneTarget,
  mutate: (tx: Tx) => Promise<void>,
): Promise<{ code: string; version: number }> {
  const { itemId, milestoneId, expectedVersion } = target;
  return client.$transaction(async (tx) => {
    const item = await loadItemForWriting(tx, user, "item:update", itemId);
    if (expectedVersion !== undefined && item.version !== expectedVersion)
      throw new VersionConflictError(item.id, expectedVersion, item.version);
    if (
      milestoneId !== null &&
      !(await tx.milestone.findFirst({ where: { id: milestoneId, itemId }, select: { id: true } }))
    ) {
      throw new Refusal(failure("not-found"));
    }
    const written = await changeItem(
      tx,
      itemId,
      { action: "MILESTONE", expectedVersion, mutate },
      { actorId: user.id },
    );
    return { code: item.code, version: written.version };
  });
}

/** Marks the milestone done on `day` (a calendar day, as UTC midnight); one done already keeps its date. */
export async function completeMilestone(
  client: Client,
  user: Actor,
  target: MilestoneTarget & { milestoneId: number },
  day: Date,
): Promise<{ code: string; version: number }> {
  const { itemId, milestoneId } = target;
  return changeMilestones(client, user, target, async (tx) => {
    await tx.milestone.updateMany({
      where: { id: milestoneId, itemId, completedDate: null },
      data: { completedDate: day },
    });
  });
}
