// The 情况通报's chase section (lib/report/bulletin.ts BulletinChase): the reminders, 催办 and 督办 sent during a
// period and how they stood at its close. Read with the rest of the bulletin when the period closes
// (lib/queries/periods.ts queryBulletinData). Everything is judged "at the close instant" from times that are
// written once — a notification's read_at, a 督办's acknowledged_at / answered_at / escalated_at — so reading
// it again later, after more 签收 and 反馈, gives the same section, and the frozen files stay what they were.
import { addDays, endOfDay, isoDay, todayInChina } from "../dates";
import { Prisma } from "../generated/prisma/client";
import type { ChaseKind, Side, SupervisionReason } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";
import {
  CHASE_EVENTS_LIMIT,
  type BulletinChase,
  type BulletinChaseEvent,
  type BulletinChaseKind,
  type ChaseOutcome,
} from "../report/bulletin";
import { supervisionNumber } from "../report/supervision";

type RawDb = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

const KINDS: ChaseKind[] = ["REMINDER", "URGE", "SUPERVISION", "ESCALATION"];

/** Done by `by` (China day), done after it, or not done by the close (`today`): its day passed or not. */
export function chaseOutcome(doneAt: Date | null, by: string, closedAt: Date): ChaseOutcome {
  if (doneAt !== null && doneAt.getTime() <= closedAt.getTime()) return todayInChina(doneAt) <= by ? "ON_TIME" : "LATE";
  return todayInChina(closedAt) > by ? "OVERDUE" : "PENDING";
}

export async function queryBulletinChase(
  db: RawDb,
  period: { opensOn: Date; closesOn: Date },
  closedAt: Date,
  locale: Locale,
): Promise<BulletinChase> {
  const opensOn = isoDay(period.opensOn);
  const closesOn = isoDay(period.closesOn);
  // The period's days: from the start of its first day to its close, or the end of its last day when the close
  // comes later (the next period's days begin there, so no chase is counted twice).
  const from = endOfDay(addDays(opensOn, -1));
  const to = new Date(Math.min(closedAt.getTime(), endOfDay(closesOn).getTime()));
  const label = locale === "en" ? Prisma.sql`p.label_en` : Prisma.sql`p.label`;
  const [events, supervisions] = await Promise.all([
    db.$queryRaw<(Omit<BulletinChaseEvent, "on"> & { at: Date; unitId: number })[]>(Prisma.sql`
      SELECT e.kind::text AS kind, e.unit_id AS "unitId", u.name AS unit, u.side::text AS side, ${label} AS period,
             e.created_at AS at,
             (SELECT count(*) FROM chase_event_recipients r WHERE r.event_id = e.id)::int AS recipients,
             (SELECT count(*) FROM chase_event_recipients r
                JOIN notifications n ON n.user_id = r.user_id AND n.key = e.key
               WHERE r.event_id = e.id AND n.read_at <= ${closedAt})::int AS read
      FROM chase_events e JOIN units u ON u.id = e.unit_id LEFT JOIN reporting_periods p ON p.id = e.period_id
      WHERE e.created_at >= ${from} AND e.created_at < ${to}
      ORDER BY e.created_at, e.id`),
    db.$queryRaw<
      {
        prefix: string;
        year: number;
        number: number;
        unit: string;
        side: Side;
        reason: SupervisionReason;
        items: number;
        issued_on: Date;
        acknowledge_by: Date;
        reply_by: Date;
        acknowledged_at: Date | null;
        answered_at: Date | null;
        escalated_at: Date | null;
      }[]
    >(Prisma.sql`
      SELECT s.prefix, s.year, s.number, u.name AS unit, u.side::text AS side, s.reason::text AS reason,
             (SELECT count(*) FROM supervision_items si WHERE si.supervision_id = s.id)::int AS items,
             s.issued_on, s.acknowledge_by, s.reply_by, s.acknowledged_at, s.answered_at, s.escalated_at
      FROM supervisions s JOIN units u ON u.id = s.unit_id
      WHERE s.issued_at >= ${from} AND s.issued_at < ${to}
      ORDER BY s.year, s.number`),
  ]);

  const kinds: BulletinChaseKind[] = KINDS.map((kind) => {
    const of = events.filter((e) => e.kind === kind);
    return {
      kind,
      events: of.length,
      units: new Set(of.map((e) => e.unitId)).size,
      recipients: of.reduce((n, e) => n + e.recipients, 0),
      read: of.reduce((n, e) => n + e.read, 0),
    };
  });
  const listed = events.filter((e) => e.kind === "REMINDER" || e.kind === "URGE");
  const doneOn = (at: Date | null) => (at !== null && at.getTime() <= closedAt.getTime() ? todayInChina(at) : null);
  return {
    from: opensOn,
    to: todayInChina(new Date(to.getTime() - 1)),
    kinds,
    events: listed
      .slice(0, CHASE_EVENTS_LIMIT)
      .map(({ at, unitId: _unitId, ...e }) => ({ ...e, on: todayInChina(at) })),
    eventsTotal: listed.length,
    supervisions: supervisions.map((s) => {
      const acknowledgeBy = isoDay(s.acknowledge_by);
      const replyBy = isoDay(s.reply_by);
      return {
        number: supervisionNumber(s.prefix, s.year, s.number),
        unit: s.unit,
        side: s.side,
        reason: s.reason,
        items: s.items,
        issuedOn: isoDay(s.issued_on),
        acknowledgeBy,
        replyBy,
        acknowledged: chaseOutcome(s.acknowledged_at, acknowledgeBy, closedAt),
        acknowledgedOn: doneOn(s.acknowledged_at),
        answered: chaseOutcome(s.answered_at, replyBy, closedAt),
        answeredOn: doneOn(s.answered_at),
        escalated: s.escalated_at !== null && s.escalated_at.getTime() <= closedAt.getTime(),
      };
    }),
  };
}
