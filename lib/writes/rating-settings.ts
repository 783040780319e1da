// The 考评's weights, set by administrators: each change is a new rating_weights row (never an update) and its
// audit_log row, in one transaction. It takes the period lock, which a close holds too, so a change lands
// wholly before or after any close: a period is rated with the weights set at or before its closed_at.
import type { Db } from "../prisma-client";
import { DEFAULT_RATING_WEIGHTS, RATING_COMPONENTS, type RatingWeights } from "../rating";
import type { RatingWeightsInput } from "../validations/ratings";
import { changesBetween, writeAudit } from "./audit";
import { PERIOD_LOCK } from "./periods";

/** Sets the weights from `now` on; false when they equal the weights in force (nothing written). */
export async function setRatingWeights(
  client: Db,
  actorId: number,
  input: RatingWeightsInput,
  now: Date,
): Promise<boolean> {
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PERIOD_LOCK})`;
    const latest = await tx.ratingWeights.findFirst({ orderBy: [{ setAt: "desc" }, { id: "desc" }] });
    const before: RatingWeights = latest
      ? { onTime: latest.onTime, firstPass: latest.firstPass, overdue: latest.overdue, supervision: latest.supervision }
      : DEFAULT_RATING_WEIGHTS;
    const after = Object.fromEntries(RATING_COMPONENTS.map((k) => [k, input[k]])) as RatingWeights;
    const changes = changesBetween(before, after);
    if (Object.keys(changes).length === 0) return false;
    // A clock set back (tests) must not put the new row before the one in force.
    const setAt = latest && latest.setAt > now ? latest.setAt : now;
    const row = await tx.ratingWeights.create({ data: { ...after, setAt, setById: actorId } });
    await writeAudit(tx, {
      actorId,
      action: "rating.weights",
      targetType: "rating",
      targetId: row.id,
      details: { changes },
    });
    return true;
  });
}
