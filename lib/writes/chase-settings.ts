// The chase's settings and the working-day calendar's entries, changed by administrators; each change and its
// audit_log row share one transaction. Both take the chase lock, so a run of the chase counts with either the
// old rules and calendar or the new ones, never half of each.
import type { Db } from "../prisma-client";
import type { CalendarEntryInput, ChaseSettingsInput } from "../validations/chase";
import { changesBetween, changesOfNew, writeAudit } from "./audit";
import { CHASE_LOCK } from "./chase";
import { Refusal } from "./failure";
import { failure } from "../forms/result";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export async function updateChaseSettings(client: Db, actorId: number, input: ChaseSettingsInput): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHASE_LOCK})`;
    const before = await tx.chaseSettings.findUniqueOrThrow({ where: { id: 1 } });
    const changes = changesBetween(
      {
        reminderWorkdays: before.reminderWorkdays,
        superviseWorkdays: before.superviseWorkdays,
        overdueDays: before.overdueDays,
        acknowledgeWorkdays: before.acknowledgeWorkdays,
        answerWorkdays: before.answerWorkdays,
        escalate: before.escalate,
        noticePrefix: before.noticePrefix,
      },
      input,
    );
    if (Object.keys(changes).length === 0) return;
    await tx.chaseSettings.update({ where: { id: 1 }, data: { ...input, updatedById: actorId } });
    await writeAudit(tx, { actorId, action: "chase.update", targetType: "chase", targetId: 1, details: { changes } });
  });
}

/** Enters (or changes) one day of the calendar. */
export async function setCalendarDay(client: Db, actorId: number, input: CalendarEntryInput, now: Date): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHASE_LOCK})`;
    const before = await tx.calendarDay.findUnique({ where: { day: asDate(input.day) } });
    const data = { workday: input.workday, name: input.name, updatedById: actorId, updatedAt: now };
    if (before) {
      const changes = changesBetween({ workday: before.workday, name: before.name }, input);
      if (Object.keys(changes).length === 0) return;
      await tx.calendarDay.update({ where: { day: asDate(input.day) }, data });
      await writeAudit(tx, {
        actorId,
        action: "calendar.update",
        targetType: "calendar",
        targetId: input.day,
        details: { label: input.day, changes },
      });
    } else {
      await tx.calendarDay.create({ data: { day: asDate(input.day), ...data } });
      await writeAudit(tx, {
        actorId,
        action: "calendar.create",
        targetType: "calendar",
        targetId: input.day,
        details: { label: input.day, changes: changesOfNew({ workday: input.workday, name: input.name }) },
      });
    }
  });
}

/** Removes one day's entry: the package's calendar (or plain weekdays) counts that day again. */
export async function removeCalendarDay(client: Db, actorId: number, day: string): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHASE_LOCK})`;
    const before = await tx.calendarDay.findUnique({ where: { day: asDate(day) } });
    if (!before) throw new Refusal(failure("not-found", "chase.errors.noEntry"));
    await tx.calendarDay.delete({ where: { day: asDate(day) } });
    await writeAudit(tx, {
      actorId,
      action: "calendar.delete",
      targetType: "calendar",
      targetId: day,
      details: {
        label: day,
        changes: { workday: { from: before.workday, to: null }, name: { from: before.name, to: null } },
      },
    });
  });
}
