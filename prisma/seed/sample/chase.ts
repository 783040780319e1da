// The sample year's chase (示例数据): the app's own runChase (lib/writes/chase.ts) run once each working day at
// the first minutes of the day, as the cycle tick runs it, while the sample's clock walks through the year — so
// the 临近提醒, 催办, 督办 and escalations are those the rules make of the sample's own reports. Each 督办's unit
// then answers it through the 督办 page's writes (lib/writes/supervisions.ts): most sign (签收) and answer (反馈)
// in time, some late, a few never (and are escalated by the next run); people read most of what they are told.
// The 督办通知单 files are not laid out here: the app's job runner lays out those missing (renderMissingFiles).
import type { Prisma } from "../../../lib/generated/prisma/client";
import { addDays } from "../../../lib/dates";
import type { Actor } from "../../../lib/permissions";
import type { Db } from "../../../lib/prisma-client";
import type { WorkCalendar } from "../../../lib/workdays";
import { runChase, type ChaseMade } from "../../../lib/writes/chase";
import { markRead } from "../../../lib/writes/notifications";
import { acknowledgeSupervision, answerSupervision } from "../../../lib/writes/supervisions";
import type { SampleAccounts, SampleUser } from "./accounts";
import { createRng, hashString, isoDay, type Rng } from "./random";
import { SUPERVISION_ANSWERS } from "./texts";

type Tx = Prisma.TransactionClient;

export interface ChaseCounts {
  chaseRuns: number;
  reminders: number;
  urges: number;
  supervisions: number;
  escalations: number;
  acknowledged: number;
  answered: number;
  notificationsRead: number;
}

export const emptyChaseCounts = (): ChaseCounts => ({
  chaseRuns: 0,
  reminders: 0,
  urges: 0,
  supervisions: 0,
  escalations: 0,
  acknowledged: 0,
  answered: 0,
  notificationsRead: 0,
});

/** A step the chase schedules for later: run by the year's queue at its instant. */
export interface Later {
  at: number;
  run: () => Promise<void>;
}

/** The instant of the cycle tick's chase on `day` (China): three minutes into the day, after the opening. */
export function chaseInstant(day: string): number {
  return Date.parse(`${day}T00:03:00+08:00`);
}

/** The working days (China) from `first` to `last` inclusive. */
export function chaseDays(cal: WorkCalendar, first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) if (cal.isWorkday(d)) days.push(d);
  return days;
}

/** An instant in office hours (09:00–17:30 China) of `day`, no earlier than `after`. */
function officeInstant(rng: Rng, day: string, after = 0): number {
  const start = Date.parse(`${day}T09:00:00+08:00`);
  const at = start + rng.int(0, 510) * 60_000;
  return Math.max(at, after + rng.int(5, 90) * 60_000);
}

/** A working day in [from, to] (inclusive), any equally likely; `from` itself when there is none. */
function workdayBetween(rng: Rng, cal: WorkCalendar, from: string, to: string): string {
  const days = to < from ? [] : chaseDays(cal, from, to);
  return days.length === 0 ? from : rng.pick(days);
}

const actorOf = (user: SampleUser): Actor => ({
  id: user.id,
  role: user.role,
  unitId: user.unit?.id ?? null,
  coordinatorScope: user.coordinatorScope,
});

export interface ChaseWorld {
  tx: Tx;
  client: Db;
  cal: WorkCalendar;
  accounts: SampleAccounts;
  now: number;
  counts: ChaseCounts;
  /** puts a step into the year's queue */
  schedule: (step: Later) => void;
}

/** The day's chase: what the rules make, marked as sample data; then what its people do about it. */
export async function chaseDay(w: ChaseWorld, day: string): Promise<void> {
  const at = new Date(chaseInstant(day));
  const { made } = await runChase(w.client, at);
  w.counts.chaseRuns++;
  if (made.length === 0) return;
  const keys = made.map((m) => m.key);
  const supervisionIds = made.filter((m) => m.kind === "SUPERVISION").map((m) => m.supervisionId!);
  // 示例数据, like everything else the sample writes — but for the chase record itself, which is append-only and
  // runChase writes unmarked (it has no sample option): its events are known as sample data by their 督办 and
  // their notifications.
  await w.tx.notification.updateMany({ where: { key: { in: keys } }, data: { isSample: true } });
  if (supervisionIds.length > 0)
    await w.tx.supervision.updateMany({ where: { id: { in: supervisionIds } }, data: { isSample: true } });
  for (const m of made) {
    if (m.kind === "REMINDER") w.counts.reminders++;
    else if (m.kind === "URGE") w.counts.urges++;
    else if (m.kind === "SUPERVISION") w.counts.supervisions++;
    else w.counts.escalations++;
  }
  await readLater(w, day, made);
  for (const id of supervisionIds) await answerLater(w, id);
}

/** Most people read what they are told within a few working days; some never do. */
async function readLater(w: ChaseWorld, day: string, made: ChaseMade[]): Promise<void> {
  const rows = await w.tx.notification.findMany({
    where: { key: { in: made.map((m) => m.key) } },
    select: { id: true, userId: true, key: true },
    orderBy: { id: "asc" },
  });
  for (const n of rows) {
    const rng = createRng(hashString(`read:${n.key}:${n.userId}`));
    if (!rng.chance(0.85)) continue;
    const on = workdayBetween(
      rng,
      w.cal,
      day,
      w.cal.addWorkdays(
        day,
        rng.weighted([
          [0, 5],
          [1, 3],
          [3, 1],
        ] as const),
      ),
    );
    const at = officeInstant(rng, on);
    if (at >= w.now) continue;
    w.schedule({
      at,
      run: async () => {
        w.counts.notificationsRead += await markRead(w.tx, n.userId, new Date(at), [n.id]);
      },
    });
  }
}

/**
 * The 督办's unit signs it (签收) and answers it (办理反馈) through the 督办 page's writes: in time mostly, late
 * sometimes (the next run escalates it), now and then not at all.
 */
async function answerLater(w: ChaseWorld, supervisionId: number): Promise<void> {
  const s = await w.tx.supervision.findUniqueOrThrow({
    where: { id: supervisionId },
    select: {
      key: true,
      unitId: true,
      issuedAt: true,
      acknowledgeBy: true,
      replyBy: true,
      items: { select: { itemId: true } },
    },
  });
  const editor = w.accounts.editorByUnit.get(s.unitId);
  if (!editor) return;
  const actor = actorOf(editor);
  const rng = createRng(hashString(`answer:${s.key}`));
  const issuedOn = isoDay(new Date(s.issuedAt.getTime() + 8 * 3_600_000));
  const ackBy = isoDay(s.acknowledgeBy);
  const replyBy = isoDay(s.replyBy);

  const ack = rng.weighted([
    ["onTime", 72],
    ["late", 18],
    ["never", 10],
  ] as const);
  if (ack === "never") return;
  const ackDay =
    ack === "onTime" ? workdayBetween(rng, w.cal, issuedOn, ackBy) : w.cal.addWorkdays(ackBy, rng.int(1, 3));
  const ackAt = officeInstant(rng, ackDay, s.issuedAt.getTime());
  if (ackAt >= w.now) return;
  w.schedule({
    at: ackAt,
    run: async () => {
      await acknowledgeSupervision(w.client, actor, supervisionId, new Date(ackAt));
      w.counts.acknowledged++;
    },
  });

  const answer = rng.weighted([
    ["onTime", 65],
    ["late", 25],
    ["never", 10],
  ] as const);
  if (answer === "never") return;
  const answerDay =
    answer === "onTime"
      ? workdayBetween(rng, w.cal, ackDay, replyBy)
      : w.cal.addWorkdays(replyBy < ackDay ? ackDay : replyBy, rng.int(1, 5));
  const answerAt = officeInstant(rng, answerDay, ackAt);
  if (answerAt >= w.now) return;
  const text = rng.pick(SUPERVISION_ANSWERS).replace("{count}", String(s.items.length));
  w.schedule({
    at: answerAt,
    run: async () => {
      await answerSupervision(w.client, actor, supervisionId, text, new Date(answerAt));
      w.counts.answered++;
    },
  });
}
