// Posting a progress update (进展): the update row and the item's new status/progress/confidence/lastUpdateAt
// are written together, and the item follows its latest update.
import type { Confidence, ItemStatus, Prisma } from "../generated/prisma/client";
import { impliedProgress } from "../status";
import { changeItem, type ChangeContext, type ChangeResult } from "./item-change";
import { now } from "../clock";

type Tx = Prisma.TransactionClient;

export interface ProgressUpdateInput {
  itemId: number;
  authorId: number | null;
  unitId: number | null;
  status: ItemStatus;
  progress: number;
  confidence: Confidence;
  note: string;
  nextSteps?: string | null;
  blockers?: string | null;
  evidenceLinks?: string[];
  expectedVersion?: number;
}

export async function recordProgressUpdate(
  tx: Tx,
  input: ProgressUpdateInput,
  ctx: ChangeContext,
): Promise<ChangeResult & { updateId: number }> {
  const at = ctx.at ?? now();
  const progress = impliedProgress(input.status, input.progress) ?? input.progress;
  const result = await changeItem(
    tx,
    input.itemId,
    {
      action: "PROGRESS_UPDATE",
      expectedVersion: input.expectedVersion,
      // lastUpdateAt makes every report a recorded change, even one that repeats the last status.
      fields: { status: input.status, progress, confidence: input.confidence, lastUpdateAt: at },
    },
    { ...ctx, at },
  );
  const update = await tx.progressUpdate.create({
    data: {
      itemId: input.itemId,
      authorId: input.authorId,
      unitId: input.unitId,
      createdAt: at,
      status: input.status,
      progress,
      confidence: input.confidence,
      note: input.note,
      nextSteps: input.nextSteps ?? null,
      blockers: input.blockers ?? null,
      evidenceLinks: input.evidenceLinks ?? [],
      isSample: ctx.isSample ?? false,
    },
  });
  return { ...result, updateId: update.id };
}
