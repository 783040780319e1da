// Reads of the chase: 督办 (list, one with its items, files and record), a notice's data for its documents, and
// the chase record of an item or a unit (what was sent, to whom, when, read or acknowledged and answered).
import { isoDay } from "../dates";
import { Prisma } from "../generated/prisma/client";
import type { ChaseKind, SupervisionEscalation, SupervisionReason } from "../generated/prisma/enums";
import { supervisionNumber, type SupervisionNoticeData } from "../report/supervision";

type RawDb = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

/** The states a 督办 list filters by: 待签收, 待反馈, 已反馈, 已升级 (escalated, whatever else it is). */
export const SUPERVISION_STATES = ["unacknowledged", "unanswered", "answered", "escalated"] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];

export interface SupervisionRow {
  id: number;
  number: string;
  unitId: number;
  unit: string;
  reason: SupervisionReason;
  periodId: number | null;
  period: string | null;
  periodEn: string | null;
  /** YYYY-MM-DD */
  issuedOn: string;
  acknowledgeBy: string;
  replyBy: string;
  /** ISO instants */
  acknowledgedAt: string | null;
  answeredAt: string | null;
  escalatedAt: string | null;
  escalation: SupervisionEscalation | null;
  itemCount: number;
}

const stateSql: Record<SupervisionState, Prisma.Sql> = {
  unacknowledged: Prisma.sql`s.acknowledged_at IS NULL`,
  unanswered: Prisma.sql`s.acknowledged_at IS NOT NULL AND s.answered_at IS NULL`,
  answered: Prisma.sql`s.answered_at IS NOT NULL`,
  escalated: Prisma.sql`s.escalated_at IS NOT NULL`,
};

const rowColumns = Prisma.sql`
  s.id, s.prefix, s.year, s.number, s.unit_id AS "unitId", u.name AS unit, s.reason::text AS reason,
  s.period_id AS "periodId", p.label AS period, p.label_en AS "periodEn",
  to_char(s.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(s.acknowledge_by, 'YYYY-MM-DD') AS "acknowledgeBy",
  to_char(s.reply_by, 'YYYY-MM-DD') AS "replyBy", s.acknowledged_at AS "acknowledgedAt",
  s.answered_at AS "answeredAt", s.escalated_at AS "escalatedAt", s.escalation::text AS escalation,
  (SELECT count(*)::int FROM supervision_items si WHERE si.supervision_id = s.id) AS "itemCount"`;

type RawRow = Omit<SupervisionRow, "number" | "acknowledgedAt" | "answeredAt" | "escalatedAt"> & {
  prefix: string;
  year: number;
  number: number;
  acknowledgedAt: Date | null;
  answeredAt: Date | null;
  escalatedAt: Date | null;
};

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

function toRow(r: RawRow): SupervisionRow {
  const { prefix, year, number, ...rest } = r;
  return {
    ...rest,
    number: supervisionNumber(prefix, year, number),
    acknowledgedAt: iso(r.acknowledgedAt),
    answeredAt: iso(r.answeredAt),
    escalatedAt: iso(r.escalatedAt),
  };
}

/** How many 督办 a list shows (latest first). */
export const SUPERVISION_LIST_LIMIT = 500;

/** 督办, latest first: of one unit (an editor's) or all, in one state or all. */
export async function querySupervisions(
  db: RawDb,
  filter: { state?: SupervisionState; unitId?: number },
): Promise<SupervisionRow[]> {
  const where = [Prisma.sql`true`];
  if (filter.state) where.push(stateSql[filter.state]);
  if (filter.unitId !== undefined) where.push(Prisma.sql`s.unit_id = ${filter.unitId}`);
  const rows = await db.$queryRaw<RawRow[]>(Prisma.sql`
    SELECT ${rowColumns}
    FROM supervisions s JOIN units u ON u.id = s.unit_id LEFT JOIN reporting_periods p ON p.id = s.period_id
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY s.issued_at DESC, s.id DESC
    LIMIT ${SUPERVISION_LIST_LIMIT}`);
  return rows.map(toRow);
}

/** How many 督办 are in each state (of one unit, or all). */
export async function querySupervisionCounts(
  db: RawDb,
  unitId?: number,
): Promise<Record<SupervisionState | "all", number>> {
  const scope = unitId === undefined ? Prisma.sql`true` : Prisma.sql`s.unit_id = ${unitId}`;
  const [row] = await db.$queryRaw<Record<SupervisionState | "all", number>[]>(Prisma.sql`
    SELECT count(*)::int AS "all",
           count(*) FILTER (WHERE ${stateSql.unacknowledged})::int AS unacknowledged,
           count(*) FILTER (WHERE ${stateSql.unanswered})::int AS unanswered,
           count(*) FILTER (WHERE ${stateSql.answered})::int AS answered,
           count(*) FILTER (WHERE ${stateSql.escalated})::int AS escalated
    FROM supervisions s WHERE ${scope}`);
  return row ?? { all: 0, unacknowledged: 0, unanswered: 0, answered: 0, escalated: 0 };
}

export interface SupervisionItemRow {
  itemId: number;
  code: string;
  title: string;
  titleEn: string | null;
  dueDate: string | null;
  daysOverdue: number | null;
}

export interface SupervisionFileInfo {
  format: string;
  fileName: string;
  sha256: string;
  size: number;
}

export interface SupervisionDetail extends SupervisionRow {
  acknowledgedBy: string | null;
  answeredBy: string | null;
  answer: string | null;
  items: SupervisionItemRow[];
  files: SupervisionFileInfo[];
  isSample: boolean;
}

export async function querySupervision(db: RawDb, id: number): Promise<SupervisionDetail | null> {
  const [row] = await db.$queryRaw<
    (RawRow & { acknowledgedBy: string | null; answeredBy: string | null; answer: string | null; isSample: boolean })[]
  >(Prisma.sql`
    SELECT ${rowColumns}, ak.display_name AS "acknowledgedBy", an.display_name AS "answeredBy", s.answer,
           s.is_sample AS "isSample"
    FROM supervisions s JOIN units u ON u.id = s.unit_id LEFT JOIN reporting_periods p ON p.id = s.period_id
    LEFT JOIN users ak ON ak.id = s.acknowledged_by_id LEFT JOIN users an ON an.id = s.answered_by_id
    WHERE s.id = ${id}`);
  if (!row) return null;
  const [items, files] = await Promise.all([
    db.$queryRaw<SupervisionItemRow[]>(Prisma.sql`
      SELECT i.id AS "itemId", i.code, i.title, i.title_en AS "titleEn",
             to_char(si.due_date, 'YYYY-MM-DD') AS "dueDate", si.days_overdue AS "daysOverdue"
      FROM supervision_items si JOIN items i ON i.id = si.item_id
      WHERE si.supervision_id = ${id}
      ORDER BY string_to_array(i.code, '.')::int[]`),
    db.$queryRaw<SupervisionFileInfo[]>(Prisma.sql`
      SELECT format, file_name AS "fileName", sha256, octet_length(content)::int AS size
      FROM supervision_files WHERE supervision_id = ${id} ORDER BY format`),
  ]);
  const { acknowledgedBy, answeredBy, answer, isSample, ...rest } = row;
  return { ...toRow(rest), acknowledgedBy, answeredBy, answer, isSample, items, files };
}

/** One stored file of a 督办 with its bytes, or null. */
export async function querySupervisionFile(
  db: RawDb,
  id: number,
  format: string,
): Promise<(SupervisionFileInfo & { content: Uint8Array; mediaType: string; unitId: number }) | null> {
  const rows = await db.$queryRaw<(SupervisionFileInfo & { content: Uint8Array; mediaType: string; unitId: number })[]>(
    Prisma.sql`
    SELECT f.format, f.file_name AS "fileName", f.sha256, octet_length(f.content)::int AS size, f.content,
           f.media_type AS "mediaType", s.unit_id AS "unitId"
    FROM supervision_files f JOIN supervisions s ON s.id = f.supervision_id
    WHERE f.supervision_id = ${id} AND f.format = ${format}`,
  );
  return rows[0] ?? null;
}

/** A 督办's notice as its documents say it (everything fixed at the issue). */
export async function querySupervisionNotice(db: RawDb, id: number): Promise<SupervisionNoticeData | null> {
  const s = await querySupervision(db, id);
  if (!s) return null;
  const [period] =
    s.periodId === null
      ? []
      : await db.$queryRaw<{ deadline: Date }[]>(
          Prisma.sql`SELECT deadline FROM reporting_periods WHERE id = ${s.periodId}`,
        );
  const [issued] = await db.$queryRaw<{ issuedAt: Date }[]>(
    Prisma.sql`SELECT issued_at AS "issuedAt" FROM supervisions WHERE id = ${id}`,
  );
  return {
    id: s.id,
    number: s.number,
    reason: s.reason,
    unit: s.unit,
    period: s.period,
    periodDeadline: period ? isoDay(period.deadline) : null,
    issuedOn: s.issuedOn,
    acknowledgeBy: s.acknowledgeBy,
    replyBy: s.replyBy,
    issuedAt: issued!.issuedAt.toISOString(),
    items: s.items.map((i) => ({ code: i.code, title: i.title, dueDate: i.dueDate, daysOverdue: i.daysOverdue })),
    sampleData: s.isSample,
  };
}

export interface ChaseRecipient {
  userId: number;
  name: string;
  /** ISO instant the person read the notification, or null */
  readAt: string | null;
}

export interface ChaseEventRow {
  id: number;
  kind: ChaseKind;
  unitId: number;
  unit: string;
  periodId: number | null;
  period: string | null;
  periodEn: string | null;
  supervisionId: number | null;
  supervisionNumber: string | null;
  acknowledgedAt: string | null;
  answeredAt: string | null;
  dueOn: string;
  /** ISO instant */
  at: string;
  recipients: ChaseRecipient[];
}

/** How many chase events a record shows (latest first). */
export const CHASE_RECORD_LIMIT = 200;

/** The chase record of an item, a unit, or a 督办: latest first. */
export async function queryChaseRecord(
  db: RawDb,
  of: { itemId: number } | { unitId: number } | { supervisionId: number },
): Promise<ChaseEventRow[]> {
  const where =
    "itemId" in of
      ? Prisma.sql`EXISTS (SELECT 1 FROM chase_event_items ei WHERE ei.event_id = e.id AND ei.item_id = ${of.itemId})`
      : "unitId" in of
        ? Prisma.sql`e.unit_id = ${of.unitId}`
        : Prisma.sql`e.supervision_id = ${of.supervisionId}`;
  const rows = await db.$queryRaw<
    (Omit<ChaseEventRow, "at" | "acknowledgedAt" | "answeredAt" | "supervisionNumber" | "recipients"> & {
      at: Date;
      acknowledgedAt: Date | null;
      answeredAt: Date | null;
      prefix: string | null;
      year: number | null;
      number: number | null;
      recipients: { userId: number; name: string; readAt: string | null }[];
    })[]
  >(Prisma.sql`
    SELECT e.id, e.kind::text AS kind, e.unit_id AS "unitId", u.name AS unit, e.period_id AS "periodId",
           p.label AS period, p.label_en AS "periodEn", e.supervision_id AS "supervisionId",
           s.prefix, s.year, s.number, s.acknowledged_at AS "acknowledgedAt", s.answered_at AS "answeredAt",
           to_char(e.due_on, 'YYYY-MM-DD') AS "dueOn", e.created_at AS at,
           coalesce((
             SELECT json_agg(json_build_object('userId', r.user_id, 'name', ru.display_name, 'readAt', n.read_at)
                             ORDER BY r.user_id)
             FROM chase_event_recipients r JOIN users ru ON ru.id = r.user_id
             LEFT JOIN notifications n ON n.user_id = r.user_id AND n.key = e.key
             WHERE r.event_id = e.id), '[]'::json) AS recipients
    FROM chase_events e JOIN units u ON u.id = e.unit_id
    LEFT JOIN reporting_periods p ON p.id = e.period_id LEFT JOIN supervisions s ON s.id = e.supervision_id
    WHERE ${where}
    ORDER BY e.created_at DESC, e.id DESC
    LIMIT ${CHASE_RECORD_LIMIT}`);
  return rows.map(({ prefix, year, number, at, acknowledgedAt, answeredAt, recipients, ...r }) => ({
    ...r,
    supervisionNumber:
      prefix === null || year === null || number === null ? null : supervisionNumber(prefix, year, number),
    acknowledgedAt: iso(acknowledgedAt),
    answeredAt: iso(answeredAt),
    at: at.toISOString(),
    recipients: recipients.map((x) => ({ ...x, readAt: x.readAt === null ? null : new Date(x.readAt).toISOString() })),
  }));
}
