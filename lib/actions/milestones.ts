"use server";
// Milestones of an item: add, complete, reopen, remove. Each is a change of the item (history action
// MILESTONE, the milestone list is part of the item's snapshot), written through lib/writes/milestones.ts, the
// open API's write path too. They act on one milestone row and cannot overwrite anyone's edit, so they do not ask
// for the form's version: a person ticking off a milestone while a colleague edits the dates should not be sent
// back.
import { revalidatePath } from "next/cache";
import { db } from "../db";
import { authorizeForm } from "../auth/authorize";
import type { SessionUser } from "../auth/session";
import { todayInChina } from "../dates";
import type { ActionResult, FormState } from "../forms/result";
import type { Prisma } from "../generated/prisma/client";
import { addMilestoneSchema, milestoneRefSchema } from "../validations/items";
import { toFailure } from "../writes/failure";
import { changeMilestones as writeMilestones, completeMilestone as completeMilestoneWrite } from "../writes/milestones";

type Tx = Prisma.TransactionClient;
type MilestoneResult = ActionResult<{ version: number }>;
type MilestoneState = FormState<{ version: number }>;

/** The change through lib/writes/milestones.ts, then the pages that show the item are drawn again. */
async function changeMilestones(
  user: SessionUser,
  itemId: number,
  milestoneId: number | null,
  mutate: (tx: Tx) => Promise<void>,
): Promise<MilestoneResult> {
  return done(() => writeMilestones(db(), user, { itemId, milestoneId }, mutate));
}

async function done(write: () => Promise<{ code: string; version: number }>): Promise<MilestoneResult> {
  try {
    const result = await write();
    revalidatePath(`/items/${result.code}`);
    revalidatePath(`/items/${result.code}/edit`);
    return { ok: true, data: { version: result.version } };
  } catch (error) {
    return toFailure(error);
  }
}

export async function addMilestone(_prev: MilestoneState, formData: FormData): Promise<MilestoneResult> {
  const guard = await authorizeForm("item:update", addMilestoneSchema, formData);
  if (!guard.ok) return guard.failure;
  const { itemId, title, plannedDate } = guard.input;
  return changeMilestones(guard.user, itemId, null, async (tx) => {
    const last = await tx.milestone.aggregate({ where: { itemId }, _max: { sortOrder: true } });
    await tx.milestone.create({ data: { itemId, title, plannedDate, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
  });
}

/** complete, reopen and remove share their first steps: the gate, then the item and milestone ids. */
async function changeReferencedMilestone(
  formData: FormData,
  mutate: (tx: Tx, ref: { itemId: number; milestoneId: number }) => Promise<void>,
): Promise<MilestoneResult> {
  const guard = await authorizeForm("item:update", milestoneRefSchema, formData);
  if (!guard.ok) return guard.failure;
  const ref = guard.input;
  return changeMilestones(guard.user, ref.itemId, ref.milestoneId, (tx) => mutate(tx, ref));
}

export async function completeMilestone(_prev: MilestoneState, formData: FormData): Promise<MilestoneResult> {
  const guard = await authorizeForm("item:update", milestoneRefSchema, formData);
  if (!guard.ok) return guard.failure;
  const today = new Date(`${todayInChina()}T00:00:00Z`);
  return done(() => completeMilestoneWrite(db(), guard.user, guard.input, today));
}

export async function reopenMilestone(_prev: MilestoneState, formData: FormData): Promise<MilestoneResult> {
  return changeReferencedMilestone(formData, async (tx, { itemId, milestoneId }) => {
    await tx.milestone.updateMany({ where: { id: milestoneId, itemId }, data: { completedDate: null } });
  });
}

export async function removeMilestone(_prev: MilestoneState, formData: FormData): Promise<MilestoneResult> {
  return changeReferencedMilestone(formData, async (tx, { itemId, milestoneId }) => {
    await tx.milestone.deleteMany({ where: { id: milestoneId, itemId } });
  });
}
