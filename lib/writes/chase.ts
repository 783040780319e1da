// The chase (催办/督办): one function, runChase(client, now), makes everything that is due on `now`'s day in China,
// with the rules an administrator sets (chase_settings) and China's working days (lib/workdays.ts + calendar_days):
//
// - 临近提醒 (REMINDER): from `reminderWorkdays` working days before a period's deadline until the 催办, to the
//   editors of each unit whose reports are missing;
// - 到期催办 (URGE): on the deadline (the last working day before it when the deadline is a day off, so the unit
//   hears while it is at work), to those editors and the unit's contact person (联络人);
// - 督办 (SUPERVISION): `superviseWorkdays` working days after the deadline, a numbered 督办通知单 to each unit
//   whose reports are still missing, and one to each unit with items overdue by more than `overdueDays` days;
//   签收 is due within `acknowledgeWorkdays` working days, the answer (办理反馈) by the reply-by date
//   (`answerWorkdays` working days);
// - escalation (ESCALATION), once per 督办: the first working day after it went unacknowledged or unanswered,
//   to the coordinating offices of the unit's side and the joint office, and to leadership (领导, VIEWER).
//
// Missing: an obligation of the period with no report of its unit on the item standing (submitted or approved)
// to that period, or submitted since the period opened (a late report counts for the next period once its own
// has closed, and still answers the chase).
//
// Messages go out on working days only: on a day off a run makes nothing, and the next working day makes what
// fell due meanwhile (a run also catches up after the app was down). Every record has a unique key
// (remind:period:12:unit:5), its notifications the same key per person, and one transaction-scoped advisory
// lock serialises concurrent runs, so running it twice, or on two instances at once, makes nothing twice.
// A 督办's number is taken in the transaction that issues it (supervision_numbers: no gaps, no duplicates).
// Its Word and PDF files are laid out after the commit (seconds each, never under the lock) and stored with
// their sha256; a 督办 whose files are missing (a crash, a failed layout) gets them on the next run.
import { createHash } from "node:crypto";
import { addDays, isoDay, todayInChina } from "../dates";
import { Prisma } from "../generated/prisma/client";
import type { ChaseKind, ChaseSettings, Side, SupervisionReason } from "../generated/prisma/client";
import type { NotificationKind, NotificationParams } from "../notification-kinds";
import type { Db } from "../prisma-client";
import { loadWorkCalendar } from "../queries/chase-calendar";
import { overdueSql } from "../queries/as-of";
import { querySupervisionNotice } from "../queries/chase";
import {
  SUPERVISION_FORMATS,
  SUPERVISION_MEDIA_TYPES,
  supervisionFileName,
  supervisionNumber,
  type SupervisionRenderer,
} from "../report/supervision";
import type { WorkCalendar } from "../workdays";
import { notify } from "./notifications";
import { emitWebhookEvent } from "./webhook-events";

type Tx = Prisma.TransactionClient;

/** pg_advisory_xact_lock key of the chase ("chas"). */
export const CHASE_LOCK = 0x63686173;
/** Periods whose deadline is this many days back are still chased (their 督办 catches up after a stop). */
const RECENT_DAYS = 60;
/** Periods whose deadline is up to this many days ahead may be due a reminder. */
const AHEAD_DAYS = 45;
/** How many 督办 a run lays out files for (the rest wait for the next run). */
const RENDER_PER_RUN = 10;
/** A run's transaction may hold the lock this long (hundreds of units on the first run of a big portfolio). */
const RUN_TIMEOUT_MS = 120_000;

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export interface ChaseOptions {
  /** lays out a 督办通知单 (lib/export/supervision.ts renderSupervision); without it, files wait for a run with one */
  render?: SupervisionRenderer;
}

export interface ChaseMade {
  kind: ChaseKind;
  key: string;
  unitId: number;
  supervisionId: number | null;
  recipientIds: number[];
}

export interface ChaseResult {
  /** the day in China the run judged */
  day: string;
  workday: boolean;
  made: ChaseMade[];
  /** 督办 whose files this run stored */
  rendered: number[];
}

/** The days a period's chase falls due on. */
export interface PeriodSchedule {
  reminderOn: string;
  urgeOn: string;
  superviseOn: string;
}

export function periodSchedule(
  cal: WorkCalendar,
  deadline: string,
  settings: Pick<ChaseSettings, "reminderWorkdays" | "superviseWorkdays">,
): PeriodSchedule {
  return {
    reminderOn: cal.addWorkdays(deadline, -settings.reminderWorkdays),
    urgeOn: cal.isWorkday(deadline) ? deadline : cal.addWorkdays(deadline, -1),
    superviseOn: cal.addWorkdays(deadline, settings.superviseWorkdays),
  };
}

/** The coordinator scopes that answer for a unit of `side`: its own side's office and the joint office. */
export function escalationScopes(side: Side): Side[] {
  switch (side) {
    case "SICHUAN":
    case "CHONGQING":
      return [side, "JOINT"];
    case "JOINT":
      return ["SICHUAN", "CHONGQING", "JOINT"];
    case "NATIONAL":
      return ["JOINT"];
  }
}

/** The unit's editors, and its contact person when `withContact` (enabled accounts only). */
async function unitAudience(tx: Tx, unitId: number, withContact: boolean): Promise<number[]> {
  const editors = await tx.user.findMany({
    where: { unitId, role: "EDITOR", disabled: false, pendingApproval: false },
    select: { id: true },
  });
  const ids = editors.map((u) => u.id);
  if (withContact) {
    const unit = await tx.unit.findUniqueOrThrow({
      where: { id: unitId },
      select: { contactUser: { select: { id: true, disabled: true, pendingApproval: true } } },
    });
    const c = unit.contactUser;
    if (c && !c.disabled && !c.pendingApproval) ids.push(c.id);
  }
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** The coordinating offices of the unit's side and the joint office, and leadership. */
async function escalationAudience(tx: Tx, side: Side): Promise<number[]> {
  const users = await tx.user.findMany({
    where: {
      disabled: false,
      pendingApproval: false,
      OR: [{ role: "COORDINATOR", coordinatorScope: { in: escalationScopes(side) } }, { role: "VIEWER" }],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return users.map((u) => u.id);
}

interface EventInput {
  key: string;
  kind: ChaseKind;
  notification: NotificationKind;
  unitId: number;
  periodId: number | null;
  supervisionId: number | null;
  dueOn: string;
  itemIds: number[];
  recipientIds: number[];
  params: NotificationParams;
  link: string;
}

/** Records one chase event and tells its people, unless its key was recorded before. */
async function record(tx: Tx, at: Date, e: EventInput, made: ChaseMade[]): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO chase_events (key, kind, unit_id, period_id, supervision_id, due_on, created_at)
    VALUES (${e.key}, ${e.kind}::chase_kind, ${e.unitId}, ${e.periodId}, ${e.supervisionId}, ${e.dueOn}::date, ${at})
    ON CONFLICT (key) DO NOTHING
    RETURNING id`;
  const id = rows[0]?.id;
  if (id === undefined) return false;
  if (e.itemIds.length > 0)
    await tx.chaseEventItem.createMany({ data: e.itemIds.map((itemId) => ({ eventId: id, itemId })) });
  if (e.recipientIds.length > 0)
    await tx.chaseEventRecipient.createMany({ data: e.recipientIds.map((userId) => ({ eventId: id, userId })) });
  await notify(tx, { userIds: e.recipientIds, kind: e.notification, key: e.key, params: e.params, link: e.link, at });
  made.push({
    kind: e.kind,
    key: e.key,
    unitId: e.unitId,
    supervisionId: e.supervisionId,
    recipientIds: e.recipientIds,
  });
  return true;
}

/** The next 督办通知单 number of `year`, taken in the caller's transaction (a rollback gives it back). */
export async function takeSupervisionNumber(tx: Tx, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO supervision_numbers (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = supervision_numbers.last + 1
    RETURNING last`;
  return row!.last;
}

interface IssueInput {
  key: string;
  unitId: number;
  periodId: number | null;
  reason: SupervisionReason;
  items: { itemId: number; dueDate: string | null; daysOverdue: number | null }[];
}

async function issueSupervision(
  tx: Tx,
  input: IssueInput,
  ctx: { now: Date; today: string; settings: ChaseSettings; cal: WorkCalendar },
) {
  const exists = await tx.supervision.findUnique({ where: { key: input.key }, select: { id: true } });
  if (exists) return null;
  const year = Number(ctx.today.slice(0, 4));
  const issued = await tx.supervision.create({
    data: {
      key: input.key,
      year,
      number: await takeSupervisionNumber(tx, year),
      prefix: ctx.settings.noticePrefix,
      unitId: input.unitId,
      periodId: input.periodId,
      reason: input.reason,
      issuedAt: ctx.now,
      issuedOn: asDate(ctx.today),
      acknowledgeBy: asDate(ctx.cal.addWorkdays(ctx.today, ctx.settings.acknowledgeWorkdays)),
      replyBy: asDate(ctx.cal.addWorkdays(ctx.today, ctx.settings.answerWorkdays)),
      items: {
        create: input.items.map((i) => ({
          itemId: i.itemId,
          dueDate: i.dueDate === null ? null : asDate(i.dueDate),
          daysOverdue: i.daysOverdue,
        })),
      },
    },
    include: { unit: { select: { name: true } } },
  });
  await emitWebhookEvent(
    tx,
    "supervision.issued",
    {
      supervisionId: issued.id,
      notice: supervisionNumber(issued.prefix, issued.year, issued.number),
      year: issued.year,
      number: issued.number,
      unitId: issued.unitId,
      unit: issued.unit.name,
      periodId: issued.periodId,
      reason: issued.reason,
      itemIds: input.items.map((i) => i.itemId),
      acknowledgeBy: isoDay(issued.acknowledgeBy),
      replyBy: isoDay(issued.replyBy),
    },
    ctx.now,
  );
  return issued;
}

/** Per unit, the action items of `periodId` whose reports are missing (see the header). */
async function missingByUnit(tx: Tx, periodId: number): Promise<{ unitId: number; itemIds: number[] }[]> {
  return tx.$queryRaw<{ unitId: number; itemIds: number[] }[]>`
    SELECT o.unit_id AS "unitId", array_agg(o.item_id ORDER BY string_to_array(i.code, '.')::int[]) AS "itemIds"
      FROM period_obligations o
      JOIN reporting_periods p ON p.id = o.period_id
      JOIN items i ON i.id = o.item_id
     WHERE o.period_id = ${periodId} AND i.retired_at IS NULL
       AND NOT EXISTS (
         SELECT 1 FROM progress_updates r
          WHERE r.item_id = o.item_id AND r.unit_id = o.unit_id AND r.state IN ('SUBMITTED', 'APPROVED')
            AND (r.period_id = o.period_id
                 OR r.submitted_at >= (p.opens_on::timestamp AT TIME ZONE 'Asia/Shanghai')))
     GROUP BY o.unit_id
     ORDER BY o.unit_id`;
}

/** Items overdue by more than `days` days on `today`, per lead and co-lead unit, not yet in a 督办 for that due date. */
async function overdueByUnit(
  tx: Tx,
  today: string,
  days: number,
): Promise<{ unitId: number; items: { itemId: number; dueDate: string; daysOverdue: number }[] }[]> {
  const rows = await tx.$queryRaw<{ unitId: number; itemId: number; dueDate: string; daysOverdue: number }[]>`
    SELECT u.id AS "unitId", s.id AS "itemId", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate",
           (${today}::date - s.due_date) AS "daysOverdue"
      FROM (SELECT i.*, i.retired_at IS NOT NULL AS retired FROM items i) s
      JOIN units u ON u.id IN (s.lead_unit_id, s.co_lead_unit_id)
     WHERE ${overdueSql("s", today)} AND (${today}::date - s.due_date) > ${days}
       AND NOT EXISTS (
         SELECT 1 FROM supervision_items si JOIN supervisions v ON v.id = si.supervision_id
          WHERE v.reason = 'ITEM_OVERDUE' AND v.unit_id = u.id AND si.item_id = s.id AND si.due_date = s.due_date)
     ORDER BY u.id, string_to_array(s.code, '.')::int[]`;
  const byUnit = new Map<number, { itemId: number; dueDate: string; daysOverdue: number }[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unitId) ?? [];
    list.push({ itemId: r.itemId, dueDate: r.dueDate, daysOverdue: r.daysOverdue });
    byUnit.set(r.unitId, list);
  }
  return [...byUnit].map(([unitId, items]) => ({ unitId, items }));
}

async function chasePeriods(
  tx: Tx,
  ctx: { now: Date; today: string; settings: ChaseSettings; cal: WorkCalendar },
  made: ChaseMade[],
): Promise<void> {
  const { today, settings, cal, now } = ctx;
  const periods = await tx.reportingPeriod.findMany({
    where: {
      openedAt: { not: null },
      deadline: { gte: asDate(addDays(today, -RECENT_DAYS)), lte: asDate(addDays(today, AHEAD_DAYS)) },
    },
    orderBy: { opensOn: "asc" },
  });
  for (const p of periods) {
    const deadline = isoDay(p.deadline);
    const due = periodSchedule(cal, deadline, settings);
    const phase: "REMINDER" | "URGE" | "SUPERVISION" | null =
      today >= due.superviseOn
        ? "SUPERVISION"
        : today >= due.urgeOn
          ? "URGE"
          : today >= due.reminderOn
            ? "REMINDER"
            : null;
    if (phase === null) continue;
    // Reminders and 催办 ask for this period's reports: a closed period takes none any more.
    if (phase !== "SUPERVISION" && p.closedAt !== null) continue;
    const periodParams = { period: p.label, periodEn: p.labelEn, deadline };
    for (const { unitId, itemIds } of await missingByUnit(tx, p.id)) {
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { name: true } });
      const params = { ...periodParams, unit: unit.name, count: itemIds.length };
      const link = `/periods/${p.id}?show=missing&unit=${unitId}`;
      if (phase === "REMINDER") {
        await record(
          tx,
          now,
          {
            key: `remind:period:${p.id}:unit:${unitId}`,
            kind: "REMINDER",
            notification: "period.reminder",
            unitId,
            periodId: p.id,
            supervisionId: null,
            dueOn: due.reminderOn,
            itemIds,
            recipientIds: await unitAudience(tx, unitId, false),
            params,
            link,
          },
          made,
        );
      } else if (phase === "URGE") {
        await record(
          tx,
          now,
          {
            key: `urge:period:${p.id}:unit:${unitId}`,
            kind: "URGE",
            notification: "period.urge",
            unitId,
            periodId: p.id,
            supervisionId: null,
            dueOn: due.urgeOn,
            itemIds,
            recipientIds: await unitAudience(tx, unitId, true),
            params,
            link,
          },
          made,
        );
      } else {
        const key = `supervise:period:${p.id}:unit:${unitId}`;
        const s = await issueSupervision(
          tx,
          {
            key,
            unitId,
            periodId: p.id,
            reason: "PERIOD_MISSING",
            items: itemIds.map((itemId) => ({ itemId, dueDate: null, daysOverdue: null })),
          },
          ctx,
        );
        if (s) await recordSupervision(tx, ctx, s, due.superviseOn, itemIds, made);
      }
    }
  }
}

type Issued = NonNullable<Awaited<ReturnType<typeof issueSupervision>>>;

async function recordSupervision(
  tx: Tx,
  ctx: { now: Date },
  s: Issued,
  dueOn: string,
  itemIds: number[],
  made: ChaseMade[],
): Promise<void> {
  await record(
    tx,
    ctx.now,
    {
      key: s.key,
      kind: "SUPERVISION",
      notification: "supervision.issued",
      unitId: s.unitId,
      periodId: s.periodId,
      supervisionId: s.id,
      dueOn,
      itemIds,
      recipientIds: await unitAudience(tx, s.unitId, true),
      params: {
        number: `${s.prefix}〔${s.year}〕${s.number}号`,
        unit: s.unit.name,
        count: itemIds.length,
        acknowledgeBy: isoDay(s.acknowledgeBy),
        replyBy: isoDay(s.replyBy),
      },
      link: `/supervisions/${s.id}`,
    },
    made,
  );
}

async function superviseOverdue(
  tx: Tx,
  ctx: { now: Date; today: string; settings: ChaseSettings; cal: WorkCalendar },
  made: ChaseMade[],
): Promise<void> {
  for (const { unitId, items } of await overdueByUnit(tx, ctx.today, ctx.settings.overdueDays)) {
    const s = await issueSupervision(
      tx,
      {
        key: `supervise:overdue:unit:${unitId}:day:${ctx.today}`,
        unitId,
        periodId: null,
        reason: "ITEM_OVERDUE",
        items,
      },
      ctx,
    );
    if (s)
      await recordSupervision(
        tx,
        ctx,
        s,
        ctx.today,
        items.map((i) => i.itemId),
        made,
      );
  }
}

async function escalate(
  tx: Tx,
  ctx: { now: Date; today: string; settings: ChaseSettings; cal: WorkCalendar },
  made: ChaseMade[],
): Promise<void> {
  if (!ctx.settings.escalate) return;
  const day = asDate(ctx.today);
  const late = await tx.supervision.findMany({
    where: {
      escalatedAt: null,
      OR: [
        { acknowledgedAt: null, acknowledgeBy: { lt: day } },
        { answeredAt: null, replyBy: { lt: day } },
      ],
    },
    include: { unit: { select: { name: true, side: true } }, items: { select: { itemId: true } } },
    orderBy: { id: "asc" },
  });
  for (const s of late) {
    const reason = s.acknowledgedAt === null ? "UNACKNOWLEDGED" : "UNANSWERED";
    const missed = isoDay(reason === "UNACKNOWLEDGED" ? s.acknowledgeBy : s.replyBy);
    await tx.supervision.update({ where: { id: s.id }, data: { escalatedAt: ctx.now, escalation: reason } });
    await record(
      tx,
      ctx.now,
      {
        key: `escalate:supervision:${s.id}`,
        kind: "ESCALATION",
        notification: "supervision.escalated",
        unitId: s.unitId,
        periodId: s.periodId,
        supervisionId: s.id,
        dueOn: ctx.cal.addWorkdays(missed, 1),
        itemIds: s.items.map((i) => i.itemId),
        recipientIds: await escalationAudience(tx, s.unit.side),
        params: { number: `${s.prefix}〔${s.year}〕${s.number}号`, unit: s.unit.name, reason, missed },
        link: `/supervisions/${s.id}`,
      },
      made,
    );
  }
}

/**
 * Makes every reminder, 催办, 督办 and escalation due on `now`'s day (China) that was not made before, then lays
 * out the files of 督办 that have none. Idempotent; safe to run on several instances at once.
 */
export async function runChase(client: Db, now: Date, options: ChaseOptions = {}): Promise<ChaseResult> {
  const today = todayInChina(now);
  const { made, workday } = await client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHASE_LOCK})`;
      const made: ChaseMade[] = [];
      const cal = await loadWorkCalendar(tx);
      if (!cal.isWorkday(today)) return { made, workday: false };
      const settings = await tx.chaseSettings.findUniqueOrThrow({ where: { id: 1 } });
      const ctx = { now, today, settings, cal };
      await chasePeriods(tx, ctx, made);
      await superviseOverdue(tx, ctx, made);
      await escalate(tx, ctx, made);
      return { made, workday: true };
    },
    { timeout: RUN_TIMEOUT_MS },
  );
  const rendered = options.render ? await renderMissingFiles(client, options.render) : [];
  return { day: today, workday, made, rendered };
}

export class SupervisionFilesError extends Error {
  override name = "SupervisionFilesError";
}

/**
 * Lays out and stores the files of 督办 that have none (at most RENDER_PER_RUN; `only` those). Two instances may lay out the
 * same notice: the first to store wins and the other's identical bytes are dropped. Throws (after storing the
 * others) when a notice failed, so the job that ran it shows the failure and retries.
 */
export async function renderMissingFiles(
  client: Db,
  render: SupervisionRenderer,
  only?: readonly number[],
): Promise<number[]> {
  const among = only === undefined ? Prisma.sql`true` : Prisma.sql`s.id = ANY(${[...only]}::int[])`;
  const pending = await client.$queryRaw<{ id: number }[]>`
    SELECT s.id FROM supervisions s
     WHERE ${among} AND NOT EXISTS (SELECT 1 FROM supervision_files f WHERE f.supervision_id = s.id)
     ORDER BY s.id LIMIT ${RENDER_PER_RUN}`;
  const stored: number[] = [];
  const failed: string[] = [];
  for (const { id } of pending) {
    try {
      const data = await querySupervisionNotice(client, id);
      if (!data) continue;
      const files = await render(data);
      await client.$transaction(async (tx) => {
        for (const format of SUPERVISION_FORMATS) {
          const content = files[format];
          await tx.$executeRaw`
            INSERT INTO supervision_files (supervision_id, format, file_name, media_type, sha256, content, created_at)
            VALUES (${id}, ${format}, ${supervisionFileName(data.number, format)}, ${SUPERVISION_MEDIA_TYPES[format]},
                    ${sha256(content)}, ${content}, ${new Date(data.issuedAt)})
            ON CONFLICT (supervision_id, format) DO NOTHING`;
        }
      });
      stored.push(id);
    } catch (error) {
      failed.push(`督办 ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed.length > 0) throw new SupervisionFilesError(`supervision files failed: ${failed.join("; ")}`);
  return stored;
}
