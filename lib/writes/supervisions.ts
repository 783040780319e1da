// 签收 and 办理反馈 of a 督办 by its unit. The 督办 row is locked, the actor's right re-checked against the 督办's own
// unit (an id from a form is data from the client), and the change is refused once made: a second 签收 or a
// second answer (two editors of the unit at once) is told it is done already instead of overwriting. Answering a
// 督办 not yet acknowledged acknowledges it too: an answer is the strongest acknowledgement.
import { failure } from "../forms/result";
import type { Prisma } from "../generated/prisma/client";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma-client";
import { Refusal } from "./failure";

type Tx = Prisma.TransactionClient;

async function lockSupervision(tx: Tx, actor: Actor, id: number) {
  await tx.$queryRaw`SELECT id FROM supervisions WHERE id = ${id} FOR UPDATE`;
  const s = await tx.supervision.findUnique({ where: { id } });
  if (!s) throw new Refusal(failure("not-found", "chase.errors.notFound"));
  if (!can(actor, "supervision:respond", { leadUnitId: s.unitId, coLeadUnitId: null, supportingUnitIds: [] }))
    throw new Refusal(failure("forbidden"));
  return s;
}

export async function acknowledgeSupervision(client: Db, actor: Actor, id: number, now: Date): Promise<void> {
  await client.$transaction(async (tx) => {
    const s = await lockSupervision(tx, actor, id);
    if (s.acknowledgedAt !== null) throw new Refusal(failure("conflict", "chase.errors.alreadyAcknowledged"));
    await tx.supervision.update({ where: { id }, data: { acknowledgedAt: now, acknowledgedById: actor.id } });
  });
}

export async function answerSupervision(
  client: Db,
  actor: Actor,
  id: number,
  answer: string,
  now: Date,
): Promise<void> {
  await client.$transaction(async (tx) => {
    const s = await lockSupervision(tx, actor, id);
    if (s.answeredAt !== null) throw new Refusal(failure("conflict", "chase.errors.alreadyAnswered"));
    await tx.supervision.update({
      where: { id },
      data: {
        ...(s.acknowledgedAt === null ? { acknowledgedAt: now, acknowledgedById: actor.id } : {}),
        answeredAt: now,
        answeredById: actor.id,
        answer,
      },
    });
  });
}
