// The cycle's settings and custom periods, changed by administrators; each change and its audit_log row share
// one transaction. A custom period takes the period lock, so it cannot race the automatic layout of the period
// it would overlap (lib/writes/periods.ts).
import { todayInChina } from "../dates";
import type { Db } from "../prisma-client";
import type { CustomPeriodInput, CycleSettingsInput } from "../validations/periods";
import { changesBetween, changesOfNew, writeAudit } from "./audit";
import { refuseField } from "./failure";
import { PERIOD_LOCK } from "./periods";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** Sets the cycle's settings; changes only periods laid out from now on. */
export async function updateCycleSettings(client: Db, actorId: number, input: CycleSettingsInput): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PERIOD_LOCK})`;
    const before = await tx.cycleSettings.findUniqueOrThrow({ where: { id: 1 } });
    const changes = changesBetween(
      { periodKind: before.periodKind, deadlineDay: before.deadlineDay, reviewRequired: before.reviewRequired },
      input,
    );
    if (Object.keys(changes).length === 0) return;
    await tx.cycleSettings.update({ where: { id: 1 }, data: { ...input, updatedById: actorId } });
    await writeAudit(tx, { actorId, action: "cycle.update", targetType: "cycle", targetId: 1, details: { changes } });
  });
}

/**
 * Creates a custom period. Refused (next to the field): a name already used, a closing day already past, or
 * dates overlapping any existing period. A period whose opening day has come opens on the next tick or read.
 */
export async function createCustomPeriod(
  client: Db,
  actorId: number,
  input: CustomPeriodInput,
  now: Date,
): Promise<number> {
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PERIOD_LOCK})`;
    if (input.closesOn < todayInChina(now)) throw refuseField("closesOn", "periods.validation.ended");
    const taken = await tx.reportingPeriod.findFirst({ where: { label: input.label }, select: { id: true } });
    if (taken) throw refuseField("label", "periods.validation.labelTaken");
    const overlapping = await tx.reportingPeriod.findFirst({
      where: { opensOn: { lte: asDate(input.closesOn) }, closesOn: { gte: asDate(input.opensOn) } },
      select: { id: true },
    });
    if (overlapping) throw refuseField("opensOn", "periods.validation.overlap");
    const period = await tx.reportingPeriod.create({
      data: {
        kind: "CUSTOM",
        label: input.label,
        labelEn: input.labelEn,
        opensOn: asDate(input.opensOn),
        deadline: asDate(input.deadline),
        closesOn: asDate(input.closesOn),
      },
    });
    await writeAudit(tx, {
      actorId,
      action: "period.create",
      targetType: "period",
      targetId: period.id,
      details: { label: period.label, changes: changesOfNew({ ...input }) },
    });
    return period.id;
  });
}
